extension StringProtocol {
  /// The text without white space at either end: the characters Foundation's
  /// `.whitespacesAndNewlines` names, which are Unicode's `White_Space`, found without bridging to
  /// `NSString` (a note is trimmed for every submission a class grades).
  var trimmingWhiteSpace: String {
    // Most notes begin and end in ASCII: trimmed on the bytes, the text copied once.
    let text = Substring(self)
    let bytes = text.utf8
    var start = bytes.startIndex
    var end = bytes.endIndex
    func white(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
    while start < end, bytes[start] < 0x80, white(bytes[start]) { start = bytes.index(after: start) }
    if start == end { return "" }
    while end > start, bytes[bytes.index(before: end)] < 0x80, white(bytes[bytes.index(before: end)]) {
      end = bytes.index(before: end)
    }
    if bytes[start] < 0x80, bytes[bytes.index(before: end)] < 0x80 { return String(text[start..<end]) }
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    var result = String.UnicodeScalarView()
    result.append(contentsOf: scalars[first...last])
    return String(result)
  }
}
