import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An output file the user named (`--output`, `--feedback`): checked before any work is done, then
/// replaced atomically. Unlike ``AtomicFile`` it never creates a folder: a folder that does not
/// exist is the user's typo, not a request.
public enum OutputFile {
  /// Checks that `path` can be written: not a folder, in a folder that exists and is writable.
  ///
  /// - Parameters:
  ///   - path: The file to write.
  ///   - example: A file name to suggest when `path` is a folder. The default is `gradebook.csv`.
  /// - Throws: ``LessonKitError/unwritableFile(path:reason:)`` (exit 73) saying what was expected.
  public static func check(_ path: String, example: String = "gradebook.csv") throws(LessonKitError) {
    func refuse(_ reason: String) -> LessonKitError { .unwritableFile(path: path, reason: reason) }
    guard !path.isEmpty else { throw refuse("the path is empty; expected a file path") }
    var info = stat()
    if stat(path, &info) == 0 {
      if info.st_mode & S_IFMT == S_IFDIR {
        let base = path.hasSuffix("/") ? String(path.dropLast()) : path
        throw refuse("it is a folder; expected a file path such as \(base)/\(example)")
      }
      guard info.st_mode & S_IFMT == S_IFREG else { throw refuse("it is not a regular file; expected a file path") }
    } else if path.hasSuffix("/") {
      throw refuse("it names a folder; expected a file path")
    }
    let parent = folder(of: path)
    guard stat(parent, &info) == 0 else {
      throw refuse("the folder \(parent) does not exist; expected an existing folder (it is not created)")
    }
    guard info.st_mode & S_IFMT == S_IFDIR else { throw refuse("\(parent) is not a folder; expected a folder") }
    guard access(parent, W_OK) == 0 else { throw refuse("no permission to write in the folder \(parent)") }
  }

  /// Writes `data` to a new file beside `path`, flushes it, then renames it over `path`: readers
  /// see the old file or the new one, never a part, and a failure leaves the old file as it was.
  ///
  /// - Throws: ``LessonKitError/unwritableFile(path:reason:)`` (exit 73).
  public static func write(_ data: Data, to path: String) throws(LessonKitError) {
    try write(to: path) { sink in data.withUnsafeBytes { sink.append($0) } }
  }

  /// Writes what `produce` gives the sink to `path`, as ``write(_:to:)`` does, without holding
  /// the whole text: the sink goes to the temporary file a megabyte at a time.
  public static func write(to path: String, _ produce: (inout OutputSink) -> Void) throws(LessonKitError) {
    try check(path)
    func refuse(_ what: String) -> LessonKitError {
      .unwritableFile(path: path, reason: "\(what): \(String(cString: strerror(errno)))")
    }
    let parent = folder(of: path)
    let name = URL(fileURLWithPath: path).lastPathComponent
    var template = Array("\(parent)/.\(name).XXXXXX".utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else { throw refuse("cannot make a temporary file in \(parent)") }
    let temporary = String(cString: template)
    var sink = OutputSink(descriptor: descriptor)
    produce(&sink)
    sink.flush()
    var failure: LessonKitError? = sink.failed ? refuse("cannot write") : nil
    let mask = umask(0)
    umask(mask)
    if failure == nil, fchmod(descriptor, 0o666 & ~mask) != 0 { failure = refuse("cannot set permissions") }
    if failure == nil, fsync(descriptor) != 0 { failure = refuse("cannot flush") }
    close(descriptor)
    if failure == nil, rename(temporary, path) != 0 { failure = refuse("cannot replace the file") }
    if let failure {
      unlink(temporary)
      throw failure
    }
  }

  /// Checks that `path` is a folder that can be written in, or that it can be made: its own folder
  /// exists (only `path` itself is ever made, by ``makeFolder(_:)``).
  ///
  /// - Throws: ``LessonKitError/unwritableFile(path:reason:)`` (exit 73) saying what was expected.
  public static func checkFolder(_ path: String) throws(LessonKitError) {
    func refuse(_ reason: String) -> LessonKitError { .unwritableFile(path: path, reason: reason) }
    guard !path.isEmpty else { throw refuse("the path is empty; expected a folder") }
    var info = stat()
    if stat(path, &info) == 0 {
      guard info.st_mode & S_IFMT == S_IFDIR else { throw refuse("it is a file; expected a folder") }
      guard access(path, W_OK) == 0 else { throw refuse("no permission to write in it") }
      return
    }
    let parent = folder(of: path)
    guard stat(parent, &info) == 0 else {
      throw refuse("the folder \(parent) does not exist; expected an existing folder (it is not created)")
    }
    guard info.st_mode & S_IFMT == S_IFDIR else { throw refuse("\(parent) is not a folder; expected a folder") }
    guard access(parent, W_OK) == 0 else { throw refuse("no permission to make a folder in \(parent)") }
  }

  /// Makes the folder `path` when it does not exist yet (not its parents).
  ///
  /// - Throws: ``LessonKitError/unwritableFile(path:reason:)`` (exit 73).
  public static func makeFolder(_ path: String) throws(LessonKitError) {
    try checkFolder(path)
    if mkdir(path, 0o777) != 0, errno != EEXIST {
      throw .unwritableFile(path: path, reason: "cannot make the folder: \(String(cString: strerror(errno)))")
    }
  }

  /// The folder `path` is in (`.` for a bare name).
  public static func folder(of path: String) -> String {
    let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
    guard let slash = trimmed.lastIndex(of: "/") else { return "." }
    return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
  }
}

/// `write(2)`, named apart from ``OutputFile/write(_:to:)``.
private func posixWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
  #if canImport(Glibc)
    Glibc.write(descriptor, buffer, count)
  #else
    Darwin.write(descriptor, buffer, count)
  #endif
}

/// Where ``OutputFile/write(to:_:)`` sends a file's bytes: a buffer written out a megabyte at a time.
public struct OutputSink {
  let descriptor: Int32
  private var buffer: [UInt8] = []
  /// Whether a write failed (the file is then not put in place).
  private(set) var failed = false
  static let chunk = 1 << 20

  init(descriptor: Int32) {
    self.descriptor = descriptor
    buffer.reserveCapacity(Self.chunk)
  }

  public mutating func append(_ text: String) {
    buffer += text.utf8
    if buffer.count >= Self.chunk { flush() }
  }

  public mutating func append(_ bytes: [UInt8]) {
    buffer += bytes
    if buffer.count >= Self.chunk { flush() }
  }

  mutating func append(_ bytes: UnsafeRawBufferPointer) {
    flush()
    write(bytes)
  }

  mutating func flush() {
    guard !buffer.isEmpty else { return }
    buffer.withUnsafeBytes { write($0) }
    buffer.removeAll(keepingCapacity: true)
  }

  private mutating func write(_ bytes: UnsafeRawBufferPointer) {
    guard !failed, bytes.count > 0 else { return }
    var offset = 0
    while offset < bytes.count {
      let written = posixWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
      if written < 0 {
        if errno == EINTR { continue }
        failed = true
        return
      }
      offset += written
    }
  }
}
