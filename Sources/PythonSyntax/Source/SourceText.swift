/// The program's text as UTF-8 bytes, with what is needed to turn a byte position into CPython's.
///
/// Line endings are normalized to `\n` first, as CPython's tokenizer does for a `str` source, so
/// `\r\n` inside a string literal is `\n` and columns count the same bytes CPython counts.
struct SourceText: Sendable {
  /// The bytes of the program.
  let bytes: [UInt8]

  init(_ text: String) {
    var bytes = Array(text.utf8)
    if bytes.contains(UInt8(ascii: "\r")) {
      var normalized: [UInt8] = []
      normalized.reserveCapacity(bytes.count)
      var i = 0
      while i < bytes.count {
        if bytes[i] == UInt8(ascii: "\r") {
          normalized.append(UInt8(ascii: "\n"))
          if i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "\n") { i += 1 }
        } else {
          normalized.append(bytes[i])
        }
        i += 1
      }
      bytes = normalized
    }
    self.bytes = bytes
  }

  /// The byte offset at which the line holding `position` starts.
  func lineStart(before position: Int) -> Int {
    var i = min(position, bytes.count)
    while i > 0 && bytes[i - 1] != UInt8(ascii: "\n") { i -= 1 }
    return i
  }

  /// CPython's 1-based character offset of the byte at `position` within its line.
  func characterOffset(of position: Int, lineStart: Int) -> Int {
    var count = 0
    var i = lineStart
    let end = min(position, bytes.count)
    while i < end {
      if bytes[i] & 0xC0 != 0x80 { count += 1 }
      i += 1
    }
    return count + 1 + max(0, position - bytes.count)
  }

  /// The text between two byte offsets.
  func text(_ start: Int, _ end: Int) -> String {
    String(decoding: bytes[start..<end], as: UTF8.self)
  }
}
