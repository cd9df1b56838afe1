import Foundation
import GuardedGather

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads the files a learner or instructor points `lesson` at, turning every way that can fail
/// into a ``LessonKitError`` that names the file.
public enum InputFile {
  /// Reads `path` whole, refusing what is missing, not a regular file, or larger than `limit`.
  ///
  /// - Parameters:
  ///   - path: The file's path, as given (it is used in messages as it is).
  ///   - limit: The largest size accepted, in bytes.
  /// - Throws: ``LessonKitError/missingFile(path:)`` (exit 66) or
  ///   ``LessonKitError/unreadableFile(path:reason:)`` (exit 65).
  ///   - display: The name used in messages, when it differs from `path` (the path as the user typed
  ///     it, say).
  public static func read(
    _ path: String, limit: Int = ConfigurationLimits.maximumFileSize, display: String? = nil
  ) throws(LessonKitError) -> [UInt8] {
    do {
      return try readFile(path, limit: limit)
    } catch {
      guard let display else { throw error }
      throw error.renamed(from: path, to: display)
    }
  }

  private static func readFile(_ path: String, limit: Int) throws(LessonKitError) -> [UInt8] {
    // One open and one fstat: O_NONBLOCK so that a pipe cannot block the open, and the type is
    // checked on the file actually opened.
    let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else {
      switch errno {
      case ENOENT, ENOTDIR: throw .missingFile(path: path)
      case EACCES, EPERM: throw .unreadableFile(path: path, reason: "permission denied; check that you can read it")
      case ELOOP: throw .unreadableFile(path: path, reason: "it is a link that leads nowhere (a loop)")
      default: throw .unreadableFile(path: path, reason: String(cString: strerror(errno)))
      }
    }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else {
      throw .unreadableFile(path: path, reason: String(cString: strerror(errno)))
    }
    switch info.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR:
      throw .unreadableFile(path: path, reason: "it is a directory; give the path of a .json file inside it")
    default: throw .unreadableFile(path: path, reason: "it is not a regular file (a pipe, a device or a socket)")
    }
    guard Int(info.st_size) <= limit else {
      throw .unreadableFile(path: path, reason: "it is larger than \(limit) bytes; a lesson file is a few kilobytes")
    }
    // Read one byte past the limit, in case the file grew since fstat.
    var bytes = [UInt8](repeating: 0, count: min(Int(info.st_size), limit) + 1)
    var count = 0
    while count < bytes.count {
      let got = bytes.withUnsafeMutableBytes { buffer in
        systemRead(descriptor, buffer.baseAddress! + count, buffer.count - count)
      }
      if got < 0 {
        if errno == EINTR { continue }
        throw .unreadableFile(path: path, reason: "read failed (\(String(cString: strerror(errno))))")
      }
      if got == 0 { break }
      count += got
    }
    guard count <= limit else {
      throw .unreadableFile(path: path, reason: "it is larger than \(limit) bytes; a lesson file is a few kilobytes")
    }
    bytes.removeLast(bytes.count - count)
    return bytes
  }

  /// Reads and parses a learner configuration — JSON, or a Python program (`.py`) read without
  /// running it — naming it `display` (or `path`) in messages.
  ///
  /// - Parameter limits: How large a JSON configuration may be. The default is
  ///   ``ConfigurationLimits/untrusted``; a learner's own file gets ``ConfigurationLimits/ownFile``.
  ///   - python: For a program, the Python to run it as: what the reader read is checked against
  ///     the program's real run on the interpreter (``ProgramCrossCheck``).
  public static func configuration(
    at path: String, display: String? = nil, limits: ConfigurationLimits = .untrusted, python: PythonVersion = .default
  ) throws(LessonKitError) -> LearnerConfiguration {
    if path.hasSuffix(".py") {
      let bytes = try read(path, limit: PythonProgram.maximumSize, display: display)
      return try program(bytes, file: display ?? path, python: python)
    }
    return try LearnerConfiguration.parse(
      read(path, limit: limits.fileSize, display: display), file: display ?? path, limits: limits)
  }
}

extension InputFile {
  /// A learner's program as a configuration, read from what its run shows (``RunReading``) and
  /// held to that run (``ProgramCrossCheck``).
  public static func program(_ bytes: [UInt8], file: String, python: PythonVersion) throws(LessonKitError)
    -> LearnerConfiguration
  {
    try PythonProgram.validate(bytes, file: file)
    let configuration: LearnerConfiguration
    do {
      configuration = try RunReading.read(bytes, file: file, python: python)
    } catch {
      // A program the interpreter does not run, or that runs past a budget: that is the answer.
      let run = ProgramCrossCheck.run(bytes, name: (file as NSString).lastPathComponent, python: python)
      if let stopped = ProgramCrossCheck.stopped(run, file: file) { throw stopped }
      // One whose exception escapes: the exception, where Python's traceback puts it.
      if let code = run.exitCode, code != 0 {
        if let escaped = ProgramCrossCheck.escaped(run, file: file) { throw escaped }
        if run.observation.callRecords.isEmpty {
          throw .pythonProgram(
          path: file, line: run.observation.gatherLine ?? 1, column: 1,
          message: "the program exits with status \(code) before a gather of its calls finishes; "
            + "see 'lesson run \(file)' for what it prints")
        }
      }
      // One that would hang: where it waits.
      if run.deadlock {
        throw .pythonProgram(
          path: file, line: waitingLine(run.deadlockDetail) ?? run.observation.gatherLine ?? 1, column: 1,
          message: "the program waits forever (\(run.deadlockDetail ?? "every task waits")); Python would hang here. "
            + "Look for a lock or semaphore acquired and never released, a Semaphore(0), or an await on a future "
            + "nothing sets")
      }
      throw .pythonProgram(
        path: file, line: error.line ?? run.observation.gatherLine ?? 1, column: 1,
        message: "lesson runs this program but cannot check it: \(error.reason); see 'lesson run \(file)' for what it does")
    }
    return try ProgramCrossCheck.verified(bytes, configuration: configuration, file: file, python: python)
  }
}

/// The line of the innermost frame of a Python traceback (the last `line N` before the error).
func tracebackLine(_ traceback: String) -> Int? {
  var found: Int?
  for line in traceback.split(separator: "\n") where line.hasPrefix("  File ") {
    if let range = line.range(of: ", line ") {
      found = Int(line[range.upperBound...].prefix { $0.isNumber })
    }
  }
  return found
}

/// Where the innermost task of a deadlock waits: the last `at line N` of its description
/// (`main() at line 13, call_tool() at line 6`).
func waitingLine(_ detail: String?) -> Int? {
  guard let detail, let range = detail.range(of: "at line ", options: .backwards) else { return nil }
  return Int(detail[range.upperBound...].prefix { $0.isNumber })
}

/// `read(2)`, named apart from the methods called `read` here.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
  #if canImport(Glibc)
    Glibc.read(descriptor, buffer, count)
  #else
    Darwin.read(descriptor, buffer, count)
  #endif
}
