import Foundation

/// A learner's asyncio program as ``RunReading`` read it from its run: the file it is in, and where
/// in it each part of the configuration it stands for is, so that a mistake points at its line.
public final class PythonProgram: Sendable {
  /// The program's source file, as named in messages.
  public let file: String
  /// Where things are in the program, by the configuration path they stand for (`limit`,
  /// `timeoutScope`, `errors`, `calls[2].work`, `evidence.timeouts` …).
  public let locations: [String: SourcePosition]

  /// The most a program may hold, in bytes, and the most calls it may gather.
  public static let maximumSize = 256 * 1024
  public static let maximumCalls = 10_000

  init(file: String, locations: [String: SourcePosition]) {
    self.file = file
    self.locations = locations
  }

  /// Refuses a program too large to check, or whose text is not UTF-8 (naming where it stops
  /// being so).
  static func validate(_ bytes: [UInt8], file: String) throws(LessonKitError) {
    guard bytes.count <= maximumSize else {
      throw .unreadableFile(
        path: file, reason: "it is \(bytes.count) bytes; a program may be at most \(maximumSize) bytes")
    }
    guard let invalid = firstInvalidUTF8(bytes) else { return }
    var line = 1
    var column = 1
    for byte in bytes[..<invalid] {
      if byte == 0x0A {
        line += 1
        column = 1
      } else {
        column += 1
      }
    }
    throw .pythonProgram(path: file, line: line, column: column, message: "the text is not valid UTF-8")
  }

  /// The offset of the first byte that does not begin a valid UTF-8 sequence, or nil.
  static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
    var index = 0
    while index < bytes.count {
      let lead = bytes[index]
      if lead < 0x80 {
        index += 1
        continue
      }
      let length =
        switch lead {
        case 0xC2...0xDF: 2
        case 0xE0...0xEF: 3
        case 0xF0...0xF4: 4
        default: 0
        }
      guard length > 0, index + length <= bytes.count,
        String(validating: bytes[index..<index + length], as: UTF8.self) != nil
      else { return index }
      index += length
    }
    return nil
  }

  /// Where in the program a configuration path (`limit`, `calls[2].timeout`, …) stands.
  public func position(for path: String?) -> SourcePosition {
    guard let path else { return locations["calls"] ?? SourcePosition(line: 1, column: 1) }
    if let exact = locations[path] { return exact }
    // calls[2].timeout → calls[2] → timeout; evidence.results → evidence.
    if let dot = path.lastIndex(of: "."), let parent = locations[String(path[..<dot])] { return parent }
    if let bracket = path.firstIndex(of: "["), let close = path.firstIndex(of: "]"), close > bracket {
      let rest = path[path.index(after: close)...].drop { $0 == "." }
      if !rest.isEmpty, let general = locations[String(rest)] { return general }
    }
    return locations["calls"] ?? SourcePosition(line: 1, column: 1)
  }

}
