/// Integers to and from text: `str`, `repr`, `hex`, `oct`, `bin`, and `int(text, base)`.
extension BigInt {
  /// The decimal digits, with a leading `-` for a negative value; no limit on the length.
  public func decimalString() -> String {
    if case .small(let v) = storage { return String(v) }
    let (neg, m) = signAndMagnitude
    return (neg ? "-" : "") + Self.digits(m, radix: 10)
  }

  /// Python's `str(n)` and `repr(n)`, which refuse more than `limit` decimal digits (3.10.7+).
  ///
  /// - Parameters:
  ///   - release: The release whose error message to use.
  ///   - limit: `sys.get_int_max_str_digits()`; 0 means no limit. The default is 4300.
  /// - Throws: `ValueError: Exceeds the limit (4300 digits) for integer string conversion; ...`
  public func pythonString(release: PythonRelease = .default, limit: Int = IntDigitsLimit.defaultDigits)
    throws(PythonValuesError) -> String
  {
    if case .small(let v) = storage { return String(v) }
    // CPython refuses before converting, from a bound on the digits that it then checks exactly.
    if limit > 0 && Double(bitLength) * 0.30102999566398120 > Double(limit) + 1 {
      throw .valueError(IntDigitsLimit.toStringMessage(limit: limit, release: release))
    }
    let s = decimalString()
    if limit > 0 && s.utf8.count - (isNegative ? 1 : 0) > limit {
      throw .valueError(IntDigitsLimit.toStringMessage(limit: limit, release: release))
    }
    return s
  }

  /// The digits of the magnitude in `radix` (2 to 36), lowercase, with no sign or prefix.
  public func digits(radix: Int) -> String {
    Self.digits(magnitudeWords, radix: radix)
  }

  static func digits(_ magnitude: [UInt64], radix: Int) -> String {
    if magnitude.isEmpty { return "0" }
    if magnitude.count == 1 { return String(magnitude[0], radix: radix) }
    // Peel off chunks of the largest power of the radix that fits in a word.
    var chunkDigits = 0
    var chunk: UInt64 = 1
    while true {
      let (p, o) = chunk.multipliedReportingOverflow(by: UInt64(radix))
      if o { break }
      chunk = p
      chunkDigits += 1
    }
    var m = magnitude
    var pieces: [UInt64] = []
    pieces.reserveCapacity(m.count * 64 / chunkDigits + 1)
    while !m.isEmpty { pieces.append(Magnitude.divideInPlace(&m, by: chunk)) }
    var out = String(pieces[pieces.count - 1], radix: radix)
    out.reserveCapacity(pieces.count * chunkDigits)
    for piece in pieces.dropLast().reversed() {
      let s = String(piece, radix: radix)
      out += String(repeating: "0", count: chunkDigits - s.utf8.count) + s
    }
    return out
  }

  /// Python's `hex(n)`: `0x1f`, `-0x1f`.
  public var hexString: String { (isNegative ? "-0x" : "0x") + digits(radix: 16) }
  /// Python's `oct(n)`: `0o17`, `-0o17`.
  public var octalString: String { (isNegative ? "-0o" : "0o") + digits(radix: 8) }
  /// Python's `bin(n)`: `0b101`, `-0b101`.
  public var binaryString: String { (isNegative ? "-0b" : "0b") + digits(radix: 2) }

  /// Python's `int(text, base)` for a `str` argument.
  ///
  /// Accepts surrounding whitespace, a sign, `_` between digits (and after a base prefix), a
  /// `0x`/`0o`/`0b` prefix matching the base (any of them for base 0, where a nonzero number may
  /// not start with `0`), and Unicode decimal digits.
  /// - Parameters:
  ///   - text: The text.
  ///   - base: 0 or 2 to 36. The default is 10.
  ///   - release: The release whose error messages to use.
  ///   - limit: `sys.get_int_max_str_digits()`, for bases that are not powers of two; 0 means none.
  /// - Throws: `ValueError: invalid literal for int() with base 10: 'x'`,
  ///   `ValueError: int() base must be >= 2 and <= 36, or 0`, or the digit limit's error.
  public init(
    parsing text: String, base: Int = 10, release: PythonRelease = .default,
    limit: Int = IntDigitsLimit.defaultDigits
  ) throws(PythonValuesError) {
    if base != 0 && (base < 2 || base > 36) {
      throw .valueError("int() base must be >= 2 and <= 36, or 0")
    }
    func invalid() -> PythonValuesError {
      .valueError(
        "invalid literal for int() with base \(base): \(String(PyString.repr(text).unicodeScalars.prefix(200)))")
    }
    var scalars = Substring(text).unicodeScalars[...]
    while let f = scalars.first, PyString.isSpace(f) { scalars.removeFirst() }
    while let l = scalars.last, PyString.isSpace(l) { scalars.removeLast() }
    var negative = false
    if let f = scalars.first, f == "+" || f == "-" {
      negative = f == "-"
      scalars.removeFirst()
    }
    var base = base
    var prefixed = false
    if scalars.count >= 2, scalars.first == "0" {
      let p = scalars[scalars.index(after: scalars.startIndex)]
      let b: Int? =
        switch p {
        case "x", "X": 16
        case "o", "O": 8
        case "b", "B": 2
        default: nil
        }
      if let b, base == 0 || base == b {
        base = b
        prefixed = true
        scalars.removeFirst(2)
      }
    }
    var leadingZeroInBase0 = false
    if base == 0 {
      base = 10
      leadingZeroInBase0 = scalars.first == "0"
    }
    // Digits, with single underscores between them (or straight after a prefix).
    var values: [UInt8] = []
    values.reserveCapacity(scalars.count)
    var underscoreAllowed = prefixed
    var lastWasUnderscore = false
    for s in scalars {
      if s == "_" {
        if !underscoreAllowed { throw invalid() }
        underscoreAllowed = false
        lastWasUnderscore = true
        continue
      }
      guard let d = Self.digitValue(s), d < base else { throw invalid() }
      values.append(UInt8(d))
      underscoreAllowed = true
      lastWasUnderscore = false
    }
    let sawDigit = !values.isEmpty
    if !sawDigit || lastWasUnderscore { throw invalid() }
    if leadingZeroInBase0 && values.contains(where: { $0 != 0 }) { throw invalid() }
    if limit > 0 && base & (base - 1) != 0 && values.count > limit {
      throw .valueError(IntDigitsLimit.fromStringMessage(limit: limit, digits: values.count, release: release))
    }
    self = Self.fromDigits(values, base: base, negative: negative)
  }

  static func digitValue(_ s: Unicode.Scalar) -> Int? {
    switch s.value {
    case 0x30...0x39: return Int(s.value - 0x30)
    case 0x61...0x7A: return Int(s.value - 0x61 + 10)
    case 0x41...0x5A: return Int(s.value - 0x41 + 10)
    case 0...0x7F: return nil
    default:
      guard s.properties.numericType == .decimal, let v = s.properties.numericValue else { return nil }
      return Int(v)
    }
  }

  static func fromDigits(_ values: [UInt8], base: Int, negative: Bool) -> BigInt {
    if values.count <= 12 || (base <= 10 && values.count <= 18) || (base <= 16 && values.count <= 15) {
      var v: Int64 = 0
      for d in values { v = v * Int64(base) + Int64(d) }
      return BigInt(negative ? -v : v)
    }
    var chunkDigits = 0
    var chunk: UInt64 = 1
    while true {
      let (p, o) = chunk.multipliedReportingOverflow(by: UInt64(base))
      if o { break }
      chunk = p
      chunkDigits += 1
    }
    var m: [UInt64] = []
    var i = 0
    let firstLength = values.count % chunkDigits == 0 ? chunkDigits : values.count % chunkDigits
    var length = firstLength
    while i < values.count {
      var acc: UInt64 = 0
      var mul: UInt64 = 1
      for d in values[i..<(i + length)] {
        acc = acc * UInt64(base) + UInt64(d)
        mul *= UInt64(base)
      }
      Magnitude.multiplyAdd(&m, mul, acc)
      i += length
      length = chunkDigits
    }
    return BigInt(negative: negative, magnitude: m)
  }
}
