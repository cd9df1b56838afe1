/// Python's `format(value, spec)` for `int`, `bool`, `float` and `str`, as CPython's
/// `Python/formatter_unicode.c` does it.
///
/// ## Example Usage
///
/// ```swift
/// try PyFormat.format(BigInt(7), spec: "02d")      // "07"
/// try PyFormat.format(3.14159, spec: ".2f")        // "3.14"
/// try PyFormat.format("ab", spec: "*^6")           // "**ab**"
/// try PyFormat.format(1234567.891, spec: ",.1f")   // "1,234,567.9"
/// ```
public enum PyFormat {
  /// A width beyond this is refused as a budget, not attempted.
  public static let widthBudget = 50_000_000

  // MARK: str

  /// `format(s, spec)` for a `str`.
  ///
  /// - Throws: CPython's `ValueError`s (`Sign not allowed in string format specifier`, ...).
  public static func format(_ value: String, spec: String, typeName: String = "str", release: PythonRelease = .default)
    throws(PythonValuesError) -> String
  {
    if spec.isEmpty { return value }
    return try format(
      value, parsed: FormatSpec.forString(spec, typeName: typeName, release: release), typeName: typeName)
  }

  /// `format(s, spec)` for a spec parsed once by ``FormatSpec/forString(_:typeName:release:)``.
  public static func format(_ value: String, parsed f: FormatSpec, typeName: String = "str") throws(PythonValuesError)
    -> String
  {
    if let t = f.type, t != "s" { throw FormatSpec.unknownType(t, typeName) }
    if f.sign == " " { throw .valueError("Space not allowed in string format specifier") }
    if f.sign != nil { throw .valueError("Sign not allowed in string format specifier") }
    if f.noNegativeZero { throw .valueError("Negative zero coercion (z) not allowed in string format specifier") }
    if f.alternate { throw .valueError("Alternate form (#) not allowed in string format specifier") }
    if f.align == "=" { throw .valueError("'=' alignment not allowed in string format specifier") }
    try checkWidth(f)
    var text = value
    var length = PyString.length(value)
    if let p = f.precision, length > p {
      text = String(String.UnicodeScalarView(value.unicodeScalars.prefix(p)))
      length = p
    }
    let width = f.width ?? -1
    if width <= length { return text }
    let padding = width - length
    switch f.align {
    case ">": return PyString.pad(f.fill, padding) + text
    case "^":
      let left = padding / 2
      return PyString.pad(f.fill, left) + text + PyString.pad(f.fill, padding - left)
    default: return text + PyString.pad(f.fill, padding)
    }
  }

  // MARK: int

  /// `format(n, spec)` for an `int` (or an int subclass named `typeName`).
  ///
  /// Types `b c d o x X n` and none format the integer; `e E f F g G %` format `float(n)`.
  /// - Throws: CPython's `ValueError`s, `OverflowError: %c arg not in range(0x110000)`, the
  ///   digit limit of `str(n)`, and `OverflowError: int too large to convert to float`.
  public static func format(_ value: BigInt, spec: String, typeName: String = "int", release: PythonRelease = .default)
    throws(PythonValuesError) -> String
  {
    if spec.isEmpty { return try value.pythonString(release: release) }
    let f = try FormatSpec.forInt(spec, typeName: typeName, release: release)
    return try format(value, parsed: f, typeName: typeName, release: release)
  }

  /// `format(n, spec)` for a spec parsed once by ``FormatSpec/forInt(_:typeName:release:)``.
  public static func format(
    _ value: BigInt, parsed f: FormatSpec, typeName: String = "int", release: PythonRelease = .default
  ) throws(PythonValuesError) -> String {
    switch f.type {
    case nil, "b", "c", "d", "o", "x", "X", "n":
      return try formatInteger(value, f, release: release)
    case "e", "E", "f", "F", "g", "G", "%":
      return try formatFloat(try value.toDouble(), f)
    case let t?:
      throw FormatSpec.unknownType(t, typeName)
    }
  }

  /// `format(b, spec)` for a `bool`: `str(b)` for an empty spec, else as the int 0 or 1.
  public static func format(_ value: Bool, spec: String, release: PythonRelease = .default) throws(PythonValuesError)
    -> String
  {
    if spec.isEmpty { return value ? "True" : "False" }
    return try format(BigInt(value ? 1 : 0), spec: spec, typeName: "bool", release: release)
  }

  static func formatInteger(_ value: BigInt, _ f: FormatSpec, release: PythonRelease) throws(PythonValuesError)
    -> String
  {
    if f.precision != nil { throw .valueError("Precision not allowed in integer format specifier") }
    if f.noNegativeZero { throw .valueError("Negative zero coercion (z) not allowed in integer format specifier") }
    try checkWidth(f)
    if f.type == "c" {
      if f.sign != nil { throw .valueError("Sign not allowed with integer format specifier 'c'") }
      if f.alternate { throw .valueError("Alternate form (#) not allowed with integer format specifier 'c'") }
      guard let x = value.int64 else { throw .overflowError("Python int too large to convert to C long") }
      guard x >= 0 && x <= 0x10FFFF, let scalar = Unicode.Scalar(UInt32(x)) ?? surrogate(x) else {
        throw .overflowError("%c arg not in range(0x110000)")
      }
      return layout(sign: nil, prefix: "", digits: "", remainder: String(scalar), f, groupingEvery: 0)
    }
    var digits: String
    var prefix = ""
    switch f.type {
    case "b":
      digits = value.digits(radix: 2)
      prefix = "0b"
    case "o":
      digits = value.digits(radix: 8)
      prefix = "0o"
    case "x":
      digits = value.digits(radix: 16)
      prefix = "0x"
    case "X":
      digits = value.digits(radix: 16).uppercased()
      prefix = "0X"
    default:
      digits = try value.magnitude.pythonString(release: release)
    }
    if !f.alternate { prefix = "" }
    let groupEvery: Int
    if f.grouping == nil || f.type == "n" {
      groupEvery = 0
    } else if f.grouping == .underscore && (f.type == "b" || f.type == "o" || f.type == "x" || f.type == "X") {
      groupEvery = 4
    } else {
      groupEvery = 3
    }
    return layout(
      sign: value.isNegative ? "-" : nil, prefix: prefix, digits: digits, remainder: "", f, groupingEvery: groupEvery)
  }

  /// A lone surrogate code point: Swift strings cannot hold one, so it is shown as U+FFFD.
  private static func surrogate(_ x: Int64) -> Unicode.Scalar? {
    (0xD800...0xDFFF).contains(x) ? "\u{FFFD}" : nil
  }

  // MARK: float

  /// `format(x, spec)` for a `float`.
  ///
  /// - Throws: CPython's `ValueError`s (`Unknown format code 'd' for object of type 'float'`, ...).
  public static func format(
    _ value: Double, spec: String, typeName: String = "float", release: PythonRelease = .default
  )
    throws(PythonValuesError) -> String
  {
    if spec.isEmpty { return PyFloat.repr(value) }
    return try format(
      value, parsed: FormatSpec.forFloat(spec, typeName: typeName, release: release), typeName: typeName)
  }

  /// `format(x, spec)` for a spec parsed once by ``FormatSpec/forFloat(_:typeName:release:)``.
  public static func format(_ value: Double, parsed f: FormatSpec, typeName: String = "float") throws(PythonValuesError)
    -> String
  {
    switch f.type {
    case nil, "e", "E", "f", "F", "g", "G", "n", "%": return try formatFloat(value, f)
    case let t?: throw FormatSpec.unknownType(t, typeName)
    }
  }

  static func formatFloat(_ value: Double, _ f: FormatSpec) throws(PythonValuesError) -> String {
    if let p = f.precision, p > Int(Int32.max) { throw .valueError("precision too big") }
    try checkWidth(f)
    if let p = f.precision, p > widthBudget {
      throw .resourceLimit("precision \(p) is over the budget of \(widthBudget)")
    }
    var type = f.type
    var addDotZero = false
    var precision = f.precision ?? 6
    var x = value
    var percent = false
    if type == nil {
      addDotZero = true
      type = f.precision == nil ? "r" : "g"
      if f.precision == nil { precision = 0 }
    }
    if type == "n" { type = "g" }
    if type == "%" {
      type = "f"
      x *= 100
      percent = true
    }
    let code: PyFloat.Code =
      switch type {
      case "e", "E": .exponent
      case "f", "F": .fixed
      case "r": .repr
      default: .general
      }
    let upper = type == "E" || type == "F" || type == "G"
    var text = PyFloat.format(
      x, code: code, precision: precision, upper: upper, addDotZero: addDotZero, alternate: f.alternate,
      noNegativeZero: f.noNegativeZero)
    if percent { text += "%" }
    if f.sign == nil && f.width == nil && f.grouping == nil && f.type != "n" { return text }
    // parse_number on ASCII: the sign, leading digits, an optional point, then the remainder.
    let bytes = Array(text.utf8)
    var start = 0
    var sign: Character? = nil
    if bytes.first == UInt8(ascii: "-") {
      sign = "-"
      start = 1
    }
    var digitsEnd = start
    while digitsEnd < bytes.count && bytes[digitsEnd] >= 0x30 && bytes[digitsEnd] <= 0x39 { digitsEnd += 1 }
    let digits = String(decoding: bytes[start..<digitsEnd], as: UTF8.self)
    var restStart = digitsEnd
    var hasDecimal = false
    if restStart < bytes.count && bytes[restStart] == UInt8(ascii: ".") {
      hasDecimal = true
      restStart += 1
    }
    let rest = String(decoding: bytes[restStart...], as: UTF8.self)
    let every = f.grouping == nil || f.type == "n" ? 0 : 3
    return layout(sign: sign, prefix: "", digits: digits, remainder: rest, f, groupingEvery: every, decimal: hasDecimal)
  }

  // MARK: Layout

  static func checkWidth(_ f: FormatSpec) throws(PythonValuesError) {
    if let w = f.width, w > widthBudget { throw .resourceLimit("width \(w) is over the budget of \(widthBudget)") }
  }

  /// `calc_number_widths` and `fill_number`:
  /// `<lpadding><sign><prefix><spadding><grouped digits><decimal><remainder><rpadding>`.
  static func layout(
    sign: Character?, prefix: String, digits: String, remainder: String, _ f: FormatSpec, groupingEvery: Int,
    decimal: Bool = false
  ) -> String {
    var signText = ""
    switch f.sign {
    case "+": signText = sign == "-" ? "-" : "+"
    case " ": signText = sign == "-" ? "-" : " "
    default: if sign == "-" { signText = "-" }
    }
    let remainderLength = PyString.length(remainder)
    let nonDigit = signText.utf8.count + prefix.utf8.count + (decimal ? 1 : 0) + remainderLength
    let width = f.width ?? -1
    let minWidth = f.fill == "0" && f.align == "=" ? width - nonDigit : 0
    let separator: Unicode.Scalar = f.grouping == .underscore ? "_" : ","
    let grouped: String
    if digits.isEmpty {
      grouped = ""
    } else if groupingEvery == 0 {
      let count = digits.utf8.count  // ASCII digits
      grouped = minWidth <= count ? digits : PyString.pad("0", minWidth - count) + digits
    } else {
      grouped = group(Array(digits.unicodeScalars), every: groupingEvery, separator: separator, minWidth: minWidth)
    }
    let groupedLength = digits.isEmpty ? 0 : PyString.length(grouped)
    let padding = width - (nonDigit + groupedLength)
    var left = 0
    var middle = 0
    var right = 0
    if padding > 0 {
      switch f.align {
      case "<": right = padding
      case "^":
        left = padding / 2
        right = padding - left
      case "=": middle = padding
      default: left = padding
      }
    }
    var out = ""
    out.reserveCapacity(max(width, 0) + grouped.utf8.count + 8)
    if left > 0 { out += PyString.pad(f.fill, left) }
    out += signText
    out += prefix
    if middle > 0 { out += PyString.pad(f.fill, middle) }
    out += grouped
    if decimal { out += "." }
    out += remainder
    if right > 0 { out += PyString.pad(f.fill, right) }
    return out
  }

  /// `_PyUnicode_InsertThousandsGrouping`: separators every `every` digits (0 for none), and
  /// leading zeros (grouped too) up to `minWidth`.
  static func group(_ digits: [Unicode.Scalar], every: Int, separator: Unicode.Scalar, minWidth: Int) -> String {
    if every == 0 {
      let text = String(String.UnicodeScalarView(digits))
      return minWidth <= digits.count ? text : PyString.pad("0", minWidth - digits.count) + text
    }
    var pieces: [Unicode.Scalar] = []
    var remaining = digits.count
    var minWidth = minWidth
    var useSeparator = false
    var end = digits.count
    func emit(_ l: Int) {
      let zeros = max(0, l - remaining)
      let chars = max(0, min(remaining, l))
      if useSeparator { pieces.append(separator) }
      // Written right to left: the digits, then the zeros before them.
      for i in stride(from: end - 1, through: end - chars, by: -1) where chars > 0 { pieces.append(digits[i]) }
      for _ in 0..<zeros { pieces.append("0") }
      end -= chars
      remaining -= chars
    }
    var broken = false
    if every > 0 {
      while true {
        let l = min(every, max(max(remaining, minWidth), 1))
        emit(l)
        useSeparator = true
        minWidth -= l
        if remaining <= 0 && minWidth <= 0 {
          broken = true
          break
        }
        minWidth -= 1
      }
    }
    if !broken { emit(max(max(remaining, minWidth), 1)) }
    return String(String.UnicodeScalarView(pieces.reversed()))
  }
}
