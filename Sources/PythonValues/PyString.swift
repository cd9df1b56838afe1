/// Python's `str` methods whose exact behaviour is tricky, on code points as Python counts them.
///
/// A Python `str` is a sequence of code points, not of Swift `Character`s: every width, index
/// and count here is in `Unicode.Scalar`s (`len("e\u{301}") == 2`).
public enum PyString {
  // MARK: Character classes

  /// `Py_UNICODE_ISSPACE`: the whitespace of `str.split()`, `str.strip()` and `int()`.
  @inlinable public static func isSpace(_ c: Unicode.Scalar) -> Bool {
    switch c.value {
    case 0x09...0x0D, 0x1C...0x20: return true
    case 0..<0x80: return false
    case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
    default: return false
    }
  }

  /// `str.isprintable()` for one code point: not in categories Cc Cf Cs Co Cn Zl Zp Zs, or a space.
  public static func isPrintable(_ c: Unicode.Scalar) -> Bool {
    if c.value < 0x7F { return c.value >= 0x20 }
    if c.value < 0xA0 { return false }
    switch c.properties.generalCategory {
    case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator,
      .spaceSeparator:
      return false
    default: return true
    }
  }

  static func isAlpha(_ c: Unicode.Scalar) -> Bool {
    if c.isASCII { return (c.value | 0x20) >= 0x61 && (c.value | 0x20) <= 0x7A }
    switch c.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
    default: return false
    }
  }

  static func isDecimal(_ c: Unicode.Scalar) -> Bool {
    if c.isASCII { return c.value >= 0x30 && c.value <= 0x39 }
    return c.properties.numericType == .decimal
  }

  static func isDigit(_ c: Unicode.Scalar) -> Bool {
    if c.isASCII { return c.value >= 0x30 && c.value <= 0x39 }
    let t = c.properties.numericType
    return t == .decimal || t == .digit
  }

  static func isNumeric(_ c: Unicode.Scalar) -> Bool {
    if c.isASCII { return c.value >= 0x30 && c.value <= 0x39 }
    return c.properties.numericType != nil
  }

  static func isLower(_ c: Unicode.Scalar) -> Bool {
    c.isASCII ? (c.value >= 0x61 && c.value <= 0x7A) : c.properties.isLowercase
  }
  static func isUpper(_ c: Unicode.Scalar) -> Bool {
    c.isASCII ? (c.value >= 0x41 && c.value <= 0x5A) : c.properties.isUppercase
  }
  static func isTitle(_ c: Unicode.Scalar) -> Bool {
    !c.isASCII && c.properties.generalCategory == .titlecaseLetter
  }
  static func isCased(_ c: Unicode.Scalar) -> Bool {
    c.isASCII ? isAlpha(c) : c.properties.isCased
  }

  private static func all(_ s: String, _ test: (Unicode.Scalar) -> Bool) -> Bool {
    var any = false
    for c in s.unicodeScalars {
      if !test(c) { return false }
      any = true
    }
    return any
  }

  /// `s.isspace()`.
  public static func isSpace(_ s: String) -> Bool { all(s, isSpace) }
  /// `s.isalpha()`.
  public static func isAlpha(_ s: String) -> Bool { all(s, isAlpha) }
  /// `s.isdecimal()`.
  public static func isDecimal(_ s: String) -> Bool { all(s, isDecimal) }
  /// `s.isdigit()`.
  public static func isDigit(_ s: String) -> Bool { all(s, isDigit) }
  /// `s.isnumeric()`.
  public static func isNumeric(_ s: String) -> Bool { all(s, isNumeric) }
  /// `s.isalnum()`.
  public static func isAlnum(_ s: String) -> Bool { all(s) { isAlpha($0) || isNumeric($0) } }
  /// `s.isascii()`: true for the empty string.
  public static func isASCII(_ s: String) -> Bool { s.utf8.allSatisfy { $0 < 0x80 } }
  /// `s.isprintable()`: true for the empty string.
  public static func isPrintable(_ s: String) -> Bool { s.unicodeScalars.allSatisfy(isPrintable) }

  /// `s.isidentifier()`.
  public static func isIdentifier(_ s: String) -> Bool {
    var first = true
    for c in s.unicodeScalars {
      if first {
        if !(c == "_" || c.properties.isXIDStart) { return false }
        first = false
      } else if !c.properties.isXIDContinue {
        return false
      }
    }
    return !first
  }

  /// `s.islower()`: some cased code point, and none upper or title case.
  public static func isLower(_ s: String) -> Bool {
    var cased = false
    for c in s.unicodeScalars {
      if isUpper(c) || isTitle(c) { return false }
      if !cased && isLower(c) { cased = true }
    }
    return cased
  }

  /// `s.isupper()`.
  public static func isUpper(_ s: String) -> Bool {
    var cased = false
    for c in s.unicodeScalars {
      if isLower(c) || isTitle(c) { return false }
      if !cased && isUpper(c) { cased = true }
    }
    return cased
  }

  /// `s.istitle()`.
  public static func isTitle(_ s: String) -> Bool {
    var cased = false
    var previousCased = false
    for c in s.unicodeScalars {
      if isUpper(c) || isTitle(c) {
        if previousCased { return false }
        previousCased = true
        cased = true
      } else if isLower(c) {
        if !previousCased { return false }
        previousCased = true
        cased = true
      } else {
        previousCased = false
      }
    }
    return cased
  }

  // MARK: repr

  /// `repr(s)`: single quotes unless the text has `'` and no `"`; escapes for `\`, the quote,
  /// `\t \n \r`, and code points that are not printable (`\x..`, `\u....`, `\U........`).
  /// Python's `a == b` for strings: the same code points. (Swift's `==` also takes canonically
  /// equivalent text as equal: `"\u{E9}" == "e\u{301}"`, which Python does not.)
  @inlinable public static func same(_ a: String, _ b: String) -> Bool {
    // Byte for byte, on the strings' own storage (a dictionary's keys are compared this way on
    // every lookup; walking two UTF-8 views cost ten times as much).
    var a = a, b = b
    return a.withUTF8 { x in
      b.withUTF8 { y in
        guard x.count == y.count else { return false }
        for i in 0..<x.count where x[i] != y[i] { return false }
        return true
      }
    }
  }

  public static func repr(_ s: String) -> String {
    var hasSingle = false
    var hasDouble = false
    // Printable ASCII with no quote or backslash, the usual case, is written as it stands.
    var plain = true
    for b in s.utf8 {
      if b == 0x27 { hasSingle = true } else if b == 0x22 { hasDouble = true }
      if b < 0x20 || b >= 0x7F || b == 0x27 || b == 0x5C { plain = false }
    }
    if plain { return "'" + s + "'" }
    let quote: Unicode.Scalar = hasSingle && !hasDouble ? "\"" : "'"
    var out = String.UnicodeScalarView()
    out.append(quote)
    for c in s.unicodeScalars {
      switch c {
      case quote, "\\":
        out.append("\\")
        out.append(c)
      case "\t": out.append(contentsOf: "\\t".unicodeScalars)
      case "\n": out.append(contentsOf: "\\n".unicodeScalars)
      case "\r": out.append(contentsOf: "\\r".unicodeScalars)
      default:
        if isPrintable(c) {
          out.append(c)
        } else if c.value < 0x100 {
          out.append(contentsOf: "\\x\(hex(c.value, 2))".unicodeScalars)
        } else if c.value < 0x10000 {
          out.append(contentsOf: "\\u\(hex(c.value, 4))".unicodeScalars)
        } else {
          out.append(contentsOf: "\\U\(hex(c.value, 8))".unicodeScalars)
        }
      }
    }
    out.append(quote)
    return String(out)
  }

  private static func hex(_ v: UInt32, _ width: Int) -> String {
    let h = String(v, radix: 16)
    return String(repeating: "0", count: width - h.count) + h
  }

  // MARK: Splitting

  /// `s.split(sep, maxsplit)`; a `nil` separator splits on runs of whitespace and drops empty parts.
  ///
  /// - Throws: `ValueError: empty separator`.
  public static func split(_ s: String, separator: String? = nil, maxSplit: Int = -1) throws(PythonValuesError)
    -> [String]
  {
    let scalars = Array(s.unicodeScalars)
    var parts: [String] = []
    var splits = 0
    guard let separator else {
      var i = 0
      while true {
        while i < scalars.count && isSpace(scalars[i]) { i += 1 }
        if i == scalars.count { break }
        if maxSplit >= 0 && splits == maxSplit {
          // The rest, leading whitespace skipped, trailing whitespace kept.
          parts.append(string(scalars[i...]))
          break
        }
        let start = i
        while i < scalars.count && !isSpace(scalars[i]) { i += 1 }
        parts.append(string(scalars[start..<i]))
        splits += 1
      }
      return parts
    }
    let sep = Array(separator.unicodeScalars)
    if sep.isEmpty { throw .valueError("empty separator") }
    var start = 0
    var i = 0
    while i + sep.count <= scalars.count && (maxSplit < 0 || splits < maxSplit) {
      if scalars[i] == sep[0] && scalars[i..<(i + sep.count)].elementsEqual(sep) {
        parts.append(string(scalars[start..<i]))
        i += sep.count
        start = i
        splits += 1
      } else {
        i += 1
      }
    }
    parts.append(string(scalars[start...]))
    return parts
  }

  /// `s.rsplit(sep, maxsplit)`.
  ///
  /// - Throws: `ValueError: empty separator`.
  public static func rsplit(_ s: String, separator: String? = nil, maxSplit: Int = -1) throws(PythonValuesError)
    -> [String]
  {
    if maxSplit < 0 { return try split(s, separator: separator, maxSplit: maxSplit) }
    let reversed = String(String.UnicodeScalarView(s.unicodeScalars.reversed()))
    let sep = separator.map { String(String.UnicodeScalarView($0.unicodeScalars.reversed())) }
    return try split(reversed, separator: sep, maxSplit: maxSplit).reversed().map {
      String(String.UnicodeScalarView($0.unicodeScalars.reversed()))
    }
  }

  static func isLineBreak(_ c: Unicode.Scalar) -> Bool {
    switch c.value {
    case 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029: true
    default: false
    }
  }

  /// `s.splitlines(keepends)`: breaks at `\n \r \r\n \v \f \x1c \x1d \x1e \x85 \u2028 \u2029`.
  public static func splitLines(_ s: String, keepEnds: Bool = false) -> [String] {
    let scalars = Array(s.unicodeScalars)
    var lines: [String] = []
    var i = 0
    var start = 0
    while i < scalars.count {
      if isLineBreak(scalars[i]) {
        var end = i + 1
        if scalars[i] == "\r" && end < scalars.count && scalars[end] == "\n" { end += 1 }
        lines.append(string(scalars[start..<(keepEnds ? end : i)]))
        i = end
        start = end
      } else {
        i += 1
      }
    }
    if start < scalars.count { lines.append(string(scalars[start...])) }
    return lines
  }

  // MARK: Stripping

  /// `s.strip(chars)`; `nil` strips whitespace.
  public static func strip(_ s: String, _ chars: String? = nil) -> String { strip(s, chars, left: true, right: true) }
  /// `s.lstrip(chars)`.
  public static func lstrip(_ s: String, _ chars: String? = nil) -> String { strip(s, chars, left: true, right: false) }
  /// `s.rstrip(chars)`.
  public static func rstrip(_ s: String, _ chars: String? = nil) -> String { strip(s, chars, left: false, right: true) }

  static func strip(_ s: String, _ chars: String?, left: Bool, right: Bool) -> String {
    let set = chars.map { Set($0.unicodeScalars) }
    let test: (Unicode.Scalar) -> Bool = set.map { set in { set.contains($0) } } ?? { isSpace($0) }
    var view = s.unicodeScalars[...]
    if left { while let f = view.first, test(f) { view.removeFirst() } }
    if right { while let l = view.last, test(l) { view.removeLast() } }
    return String(view)
  }

  // MARK: Case

  /// `s.lower()`, with full mappings and the final sigma rule.
  public static func lower(_ s: String) -> String {
    if s.utf8.allSatisfy({ $0 < 0x80 }) { return s.lowercased() }
    let scalars = Array(s.unicodeScalars)
    var out = String.UnicodeScalarView()
    for i in scalars.indices { appendLower(scalars, i, to: &out) }
    return String(out)
  }

  /// `s.upper()`, with full mappings (`'ß'.upper() == 'SS'`).
  public static func upper(_ s: String) -> String {
    if s.utf8.allSatisfy({ $0 < 0x80 }) { return s.uppercased() }
    var out = String.UnicodeScalarView()
    for c in s.unicodeScalars { out.append(contentsOf: c.properties.uppercaseMapping.unicodeScalars) }
    return String(out)
  }

  /// `s.swapcase()`.
  public static func swapCase(_ s: String) -> String {
    let scalars = Array(s.unicodeScalars)
    var out = String.UnicodeScalarView()
    for i in scalars.indices {
      let c = scalars[i]
      if isUpper(c) {
        appendLower(scalars, i, to: &out)
      } else if isLower(c) {
        out.append(contentsOf: c.properties.uppercaseMapping.unicodeScalars)
      } else {
        out.append(c)
      }
    }
    return String(out)
  }

  /// `s.capitalize()`: the first code point in title case (3.8+), the rest lower case.
  public static func capitalize(_ s: String) -> String {
    let scalars = Array(s.unicodeScalars)
    var out = String.UnicodeScalarView()
    for i in scalars.indices {
      if i == 0 {
        out.append(contentsOf: scalars[0].properties.titlecaseMapping.unicodeScalars)
      } else {
        appendLower(scalars, i, to: &out)
      }
    }
    return String(out)
  }

  /// `s.title()`: title case after a code point that is not cased, lower case after one that is.
  public static func title(_ s: String) -> String {
    let scalars = Array(s.unicodeScalars)
    var out = String.UnicodeScalarView()
    var previousCased = false
    for i in scalars.indices {
      let c = scalars[i]
      if previousCased {
        appendLower(scalars, i, to: &out)
      } else if c.isASCII {
        out.append(c.value >= 0x61 && c.value <= 0x7A ? Unicode.Scalar(c.value - 32)! : c)
      } else {
        out.append(contentsOf: c.properties.titlecaseMapping.unicodeScalars)
      }
      previousCased = isCased(c)
    }
    return String(out)
  }

  private static func appendLower(_ scalars: [Unicode.Scalar], _ i: Int, to out: inout String.UnicodeScalarView) {
    let c = scalars[i]
    if c.isASCII {
      out.append(c.value >= 0x41 && c.value <= 0x5A ? Unicode.Scalar(c.value + 32)! : c)
    } else if c.value == 0x3A3 {
      out.append(isFinalSigma(scalars, i) ? "\u{3C2}" : "\u{3C3}")
    } else {
      out.append(contentsOf: c.properties.lowercaseMapping.unicodeScalars)
    }
  }

  /// CPython's `handle_capital_sigma`: a cased letter before (past case-ignorables) and none after.
  private static func isFinalSigma(_ scalars: [Unicode.Scalar], _ i: Int) -> Bool {
    var j = i - 1
    while j >= 0 && scalars[j].properties.isCaseIgnorable { j -= 1 }
    let before = j >= 0 && isCased(scalars[j])
    var k = i + 1
    while k < scalars.count && scalars[k].properties.isCaseIgnorable { k += 1 }
    let after = k < scalars.count && isCased(scalars[k])
    return before && !after
  }

  // MARK: Padding

  /// The length in code points.
  @inlinable public static func length(_ s: String) -> Int {
    s.utf8.count == s.unicodeScalars.count ? s.utf8.count : s.unicodeScalars.count
  }

  /// `s.center(width, fill)`: CPython puts the odd space on the left when `width` is odd.
  public static func center(_ s: String, _ width: Int, fill: Unicode.Scalar = " ") -> String {
    let n = length(s)
    if width <= n { return s }
    let margin = width - n
    let left = margin / 2 + (margin & width & 1)
    return pad(fill, left) + s + pad(fill, margin - left)
  }

  /// `s.ljust(width, fill)`.
  public static func ljust(_ s: String, _ width: Int, fill: Unicode.Scalar = " ") -> String {
    let n = length(s)
    return width <= n ? s : s + pad(fill, width - n)
  }

  /// `s.rjust(width, fill)`.
  public static func rjust(_ s: String, _ width: Int, fill: Unicode.Scalar = " ") -> String {
    let n = length(s)
    return width <= n ? s : pad(fill, width - n) + s
  }

  /// `s.zfill(width)`: zeros after a leading sign.
  public static func zfill(_ s: String, _ width: Int) -> String {
    let n = length(s)
    if width <= n { return s }
    let zeros = String(repeating: "0", count: width - n)
    if let f = s.unicodeScalars.first, f == "+" || f == "-" {
      return String(f) + zeros + String(s.unicodeScalars.dropFirst())
    }
    return zeros + s
  }

  /// `s.expandtabs(tabsize)`: columns restart after `\n` and `\r`.
  public static func expandTabs(_ s: String, tabSize: Int = 8) -> String {
    var out = String.UnicodeScalarView()
    var column = 0
    for c in s.unicodeScalars {
      if c == "\t" {
        if tabSize > 0 {
          let spaces = tabSize - column % tabSize
          out.append(contentsOf: repeatElement(" " as Unicode.Scalar, count: spaces))
          column += spaces
        }
      } else {
        out.append(c)
        column = (c == "\n" || c == "\r") ? 0 : column + 1
      }
    }
    return String(out)
  }

  static func pad(_ fill: Unicode.Scalar, _ count: Int) -> String {
    if count <= 0 { return "" }
    if fill.isASCII {
      return String(unsafeUninitializedCapacity: count) { buffer in
        buffer.initialize(repeating: UInt8(fill.value))
        return count
      }
    }
    return String(repeating: String(fill), count: count)
  }

  static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
    String(String.UnicodeScalarView(scalars))
  }
}
