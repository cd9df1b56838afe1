import Foundation

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
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw .missingFile(path: path)
    }
    if isDirectory.boolValue {
      throw .unreadableFile(path: path, reason: "it is a directory; give the path of a .json file inside it")
    }
    // A pipe or a device would block or never end: only regular files are read.
    let type = (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
    guard type == .typeRegular || type == .typeSymbolicLink else {
      throw .unreadableFile(path: path, reason: "it is not a regular file (a pipe, a device or a socket)")
    }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw .unreadableFile(path: path, reason: "permission denied; check that you can read it")
    }
    defer { try? handle.close() }
    do {
      // Read one byte past the limit to tell a large file from one exactly at the limit, without
      // reading all of a huge or endless one (a FIFO, /dev/zero).
      let data = try handle.read(upToCount: limit + 1) ?? Data()
      guard data.count <= limit else {
        throw LessonKitError.unreadableFile(
          path: path, reason: "it is larger than \(limit) bytes; a lesson file is a few kilobytes")
      }
      return [UInt8](data)
    } catch let error as LessonKitError {
      throw error
    } catch {
      throw .unreadableFile(path: path, reason: "read failed (\(error.localizedDescription))")
    }
  }

  /// Reads and parses a learner configuration — JSON, or a Python program (`.py`) read without
  /// running it — naming it `display` (or `path`) in messages.
  public static func configuration(at path: String, display: String? = nil) throws(LessonKitError)
    -> LearnerConfiguration
  {
    if path.hasSuffix(".py") {
      return try PythonProgram.read(
        read(path, limit: PythonProgram.maximumSize, display: display), file: display ?? path)
    }
    return try LearnerConfiguration.parse(read(path, display: display), file: display ?? path)
  }
}
