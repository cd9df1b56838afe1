/// `str.find`, `rfind`, `index`, `rindex`, `count`, `replace`, `startswith`, `endswith`,
/// `partition` and `rpartition`, on code points, with CPython's treatment of empty strings and
/// of `start`/`end` past either end.
extension PyString {
  /// `s.find(sub, start, end)`: the first index, or -1.
  public static func find(_ s: String, _ sub: String, start: Int? = nil, end: Int? = nil) -> Int {
    search(Array(s.unicodeScalars), Array(sub.unicodeScalars), start, end, last: false)
  }

  /// `s.rfind(sub, start, end)`: the last index, or -1.
  public static func rfind(_ s: String, _ sub: String, start: Int? = nil, end: Int? = nil) -> Int {
    search(Array(s.unicodeScalars), Array(sub.unicodeScalars), start, end, last: true)
  }

  /// `s.index(sub, start, end)`.
  ///
  /// - Throws: `ValueError: substring not found`.
  public static func index(_ s: String, _ sub: String, start: Int? = nil, end: Int? = nil) throws(PythonValuesError)
    -> Int
  {
    let i = find(s, sub, start: start, end: end)
    if i < 0 { throw .valueError("substring not found") }
    return i
  }

  /// `s.rindex(sub, start, end)`.
  ///
  /// - Throws: `ValueError: substring not found`.
  public static func rindex(_ s: String, _ sub: String, start: Int? = nil, end: Int? = nil) throws(PythonValuesError)
    -> Int
  {
    let i = rfind(s, sub, start: start, end: end)
    if i < 0 { throw .valueError("substring not found") }
    return i
  }

  static func search(_ s: [Unicode.Scalar], _ sub: [Unicode.Scalar], _ start: Int?, _ end: Int?, last: Bool) -> Int {
    let (start, end) = PySlice.adjust(start: start, end: end, length: s.count)
    if end - start < sub.count { return -1 }
    if sub.isEmpty { return last ? end : start }
    if last {
      var i = end - sub.count
      while i >= start {
        if s[i] == sub[0] && s[i..<(i + sub.count)].elementsEqual(sub) { return i }
        i -= 1
      }
    } else {
      var i = start
      while i + sub.count <= end {
        if s[i] == sub[0] && s[i..<(i + sub.count)].elementsEqual(sub) { return i }
        i += 1
      }
    }
    return -1
  }

  /// `s.count(sub, start, end)`: non-overlapping occurrences; `len + 1` for an empty `sub`.
  public static func count(_ s: String, _ sub: String, start: Int? = nil, end: Int? = nil) -> Int {
    let a = Array(s.unicodeScalars)
    let b = Array(sub.unicodeScalars)
    let (start, end) = PySlice.adjust(start: start, end: end, length: a.count)
    if end - start < b.count { return 0 }
    if b.isEmpty { return end - start + 1 }
    var n = 0
    var i = start
    while i + b.count <= end {
      if a[i] == b[0] && a[i..<(i + b.count)].elementsEqual(b) {
        n += 1
        i += b.count
      } else {
        i += 1
      }
    }
    return n
  }

  /// `s.replace(old, new, count)`: left to right, non-overlapping; an empty `old` inserts `new`
  /// before every code point and at the end. A negative `count` means all.
  public static func replace(_ s: String, _ old: String, _ new: String, count: Int = -1) -> String {
    let a = Array(s.unicodeScalars)
    let b = Array(old.unicodeScalars)
    let n = Array(new.unicodeScalars)
    var out = String.UnicodeScalarView()
    var remaining = count < 0 ? Int.max : count
    if b.isEmpty {
      for c in a {
        if remaining > 0 {
          out.append(contentsOf: n)
          remaining -= 1
        }
        out.append(c)
      }
      if remaining > 0 { out.append(contentsOf: n) }
      return String(out)
    }
    var i = 0
    while i < a.count {
      if remaining > 0 && i + b.count <= a.count && a[i] == b[0] && a[i..<(i + b.count)].elementsEqual(b) {
        out.append(contentsOf: n)
        i += b.count
        remaining -= 1
      } else {
        out.append(a[i])
        i += 1
      }
    }
    return String(out)
  }

  /// `s.startswith(prefix, start, end)` for one prefix (a tuple is any of them).
  public static func startsWith(_ s: String, _ prefix: String, start: Int? = nil, end: Int? = nil) -> Bool {
    tailMatch(Array(s.unicodeScalars), Array(prefix.unicodeScalars), start, end, atEnd: false)
  }

  /// `s.endswith(suffix, start, end)` for one suffix.
  public static func endsWith(_ s: String, _ suffix: String, start: Int? = nil, end: Int? = nil) -> Bool {
    tailMatch(Array(s.unicodeScalars), Array(suffix.unicodeScalars), start, end, atEnd: true)
  }

  static func tailMatch(_ s: [Unicode.Scalar], _ sub: [Unicode.Scalar], _ start: Int?, _ end: Int?, atEnd: Bool)
    -> Bool
  {
    let (start, end) = PySlice.adjust(start: start, end: end, length: s.count)
    let last = end - sub.count
    if last < start { return false }
    if sub.isEmpty { return true }
    let from = atEnd ? last : start
    return s[from..<(from + sub.count)].elementsEqual(sub)
  }

  /// `s.partition(sep)`: before, the separator, after; `(s, "", "")` when absent.
  ///
  /// - Throws: `ValueError: empty separator`.
  public static func partition(_ s: String, _ sep: String) throws(PythonValuesError) -> (String, String, String) {
    if sep.isEmpty { throw .valueError("empty separator") }
    let a = Array(s.unicodeScalars)
    let i = search(a, Array(sep.unicodeScalars), nil, nil, last: false)
    if i < 0 { return (s, "", "") }
    let n = sep.unicodeScalars.count
    return (string(a[0..<i]), sep, string(a[(i + n)...]))
  }

  /// `s.rpartition(sep)`: `("", "", s)` when absent.
  ///
  /// - Throws: `ValueError: empty separator`.
  public static func rpartition(_ s: String, _ sep: String) throws(PythonValuesError) -> (String, String, String) {
    if sep.isEmpty { throw .valueError("empty separator") }
    let a = Array(s.unicodeScalars)
    let i = search(a, Array(sep.unicodeScalars), nil, nil, last: true)
    if i < 0 { return ("", "", s) }
    let n = sep.unicodeScalars.count
    return (string(a[0..<i]), sep, string(a[(i + n)...]))
  }
}
