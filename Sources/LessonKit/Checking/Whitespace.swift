extension StringProtocol {
  /// The text without white space at either end: the characters Foundation's
  /// `.whitespacesAndNewlines` names, which are Unicode's `White_Space`, found without bridging to
  /// `NSString` (a note is trimmed for every submission a class grades).
  var trimmingWhiteSpace: String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    var result = String.UnicodeScalarView()
    result.append(contentsOf: scalars[first...last])
    return String(result)
  }
}
