/// Python's float `//`, `%` and `divmod`, and `float(text)`, computed without libm (this target
/// links nothing but the standard library).
extension PyFloat {
  /// C's `fmod(x, y)`: exact, with the sign of `x` (a port of musl's bit-level algorithm).
  public static func fmod(_ x: Double, _ y: Double) -> Double {
    var ux = x.bitPattern
    var uy = y.bitPattern
    var ex = Int(ux >> 52 & 0x7FF)
    var ey = Int(uy >> 52 & 0x7FF)
    let sx = ux >> 63
    if uy << 1 == 0 || y.isNaN || ex == 0x7FF { return (x * y) / (x * y) }
    if ux << 1 <= uy << 1 {
      if ux << 1 == uy << 1 { return 0 * x }
      return x
    }
    if ex == 0 {
      var i = ux << 12
      while i >> 63 == 0 {
        ex -= 1
        i <<= 1
      }
      ux <<= UInt64(-ex + 1)
    } else {
      ux &= UInt64.max >> 12
      ux |= 1 << 52
    }
    if ey == 0 {
      var i = uy << 12
      while i >> 63 == 0 {
        ey -= 1
        i <<= 1
      }
      uy <<= UInt64(-ey + 1)
    } else {
      uy &= UInt64.max >> 12
      uy |= 1 << 52
    }
    while ex > ey {
      let i = ux &- uy
      if i >> 63 == 0 {
        if i == 0 { return 0 * x }
        ux = i
      }
      ux <<= 1
      ex -= 1
    }
    let i = ux &- uy
    if i >> 63 == 0 {
      if i == 0 { return 0 * x }
      ux = i
    }
    while ux >> 52 == 0 {
      ux <<= 1
      ex -= 1
    }
    if ex > 0 {
      ux -= 1 << 52
      ux |= UInt64(ex) << 52
    } else {
      ux >>= UInt64(-ex + 1)
    }
    ux |= sx << 63
    return Double(bitPattern: ux)
  }

  /// C's `floor(x)`.
  public static func floor(_ x: Double) -> Double {
    if !x.isFinite || abs(x) >= 0x1p52 || x == 0 { return x }
    var t = Double(Int64(x))
    if t > x { t -= 1 }
    return t == 0 && x.sign == .minus ? -0.0 : t
  }

  /// CPython's `_float_div_mod`: the floor quotient and the remainder with the divisor's sign.
  static func divMod(_ vx: Double, _ wx: Double) -> (Double, Double) {
    var mod = fmod(vx, wx)
    var div = (vx - mod) / wx
    if mod != 0 {
      if (wx < 0) != (mod < 0) {
        mod += wx
        div -= 1.0
      }
    } else {
      mod = wx.sign == .minus ? -0.0 : 0.0
    }
    var floorDiv: Double
    if div != 0 {
      floorDiv = floor(div)
      if div - floorDiv > 0.5 { floorDiv += 1.0 }
    } else {
      floorDiv = (vx / wx).sign == .minus ? -0.0 : 0.0
    }
    return (floorDiv, mod)
  }

  /// `x // y` for floats.
  ///
  /// - Throws: `ZeroDivisionError: float floor division by zero`.
  public static func floorDivide(_ x: Double, _ y: Double) throws(PythonValuesError) -> Double {
    if y == 0 { throw .zeroDivisionError(ZeroDivisionMessages.floatFloorDivide) }
    return divMod(x, y).0
  }

  /// `x % y` for floats: the remainder has the sign of `y`.
  ///
  /// - Throws: `ZeroDivisionError: float modulo` (3.13: `float modulo by zero`).
  public static func modulo(_ x: Double, _ y: Double, release: PythonRelease = .default) throws(PythonValuesError)
    -> Double
  {
    if y == 0 { throw .zeroDivisionError(ZeroDivisionMessages.floatModulo(release)) }
    var mod = fmod(x, y)
    if mod != 0 {
      if (y < 0) != (mod < 0) { mod += y }
    } else {
      mod = y.sign == .minus ? -0.0 : 0.0
    }
    return mod
  }

  /// `divmod(x, y)` for floats.
  ///
  /// - Throws: `ZeroDivisionError: float divmod()`.
  public static func divmod(_ x: Double, _ y: Double) throws(PythonValuesError) -> (Double, Double) {
    if y == 0 { throw .zeroDivisionError(ZeroDivisionMessages.floatDivmod) }
    return divMod(x, y)
  }

  /// `x / y` for floats.
  ///
  /// - Throws: `ZeroDivisionError: float division by zero`.
  public static func divide(_ x: Double, _ y: Double) throws(PythonValuesError) -> Double {
    if y == 0 { throw .zeroDivisionError(ZeroDivisionMessages.floatDivide) }
    return x / y
  }

  /// `float(text)` for a `str`: whitespace around, a sign, digits with single `_` between them
  /// (Unicode decimal digits too), a point, an exponent, or `inf`/`infinity`/`nan` in any case.
  ///
  /// - Throws: `ValueError: could not convert string to float: 'text'`.
  public static func parse(_ text: String) throws(PythonValuesError) -> Double {
    func invalid() -> PythonValuesError {
      .valueError("could not convert string to float: \(String(PyString.repr(text).unicodeScalars.prefix(200)))")
    }
    var scalars = Substring(text).unicodeScalars[...]
    while let f = scalars.first, PyString.isSpace(f) { scalars.removeFirst() }
    while let l = scalars.last, PyString.isSpace(l) { scalars.removeLast() }
    // To ASCII: Unicode decimal digits become their ASCII digit.
    var ascii: [UInt8] = []
    ascii.reserveCapacity(scalars.count)
    for s in scalars {
      if s.isASCII {
        ascii.append(UInt8(s.value))
      } else if PyString.isDecimal(s), let d = BigInt.digitValue(s) {
        ascii.append(UInt8(0x30 + d))
      } else {
        throw invalid()
      }
    }
    var i = 0
    var negative = false
    if i < ascii.count && (ascii[i] == UInt8(ascii: "+") || ascii[i] == UInt8(ascii: "-")) {
      negative = ascii[i] == UInt8(ascii: "-")
      i += 1
    }
    let word = String(decoding: ascii[i...], as: UTF8.self).lowercased()
    if word == "inf" || word == "infinity" { return negative ? -.infinity : .infinity }
    if word == "nan" { return negative ? -.nan : .nan }
    // [digits][.digits][e[sign]digits], with underscores only between two digits.
    func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    var cleaned: [UInt8] = negative ? [UInt8(ascii: "-")] : []
    var digitsBefore = 0
    var digitsAfter = 0
    func digits(_ count: inout Int) throws(PythonValuesError) {
      while i < ascii.count {
        if isDigit(ascii[i]) {
          cleaned.append(ascii[i])
          count += 1
          i += 1
        } else if ascii[i] == UInt8(ascii: "_") && count > 0 && i + 1 < ascii.count && isDigit(ascii[i + 1]) {
          i += 1
        } else {
          break
        }
      }
    }
    try digits(&digitsBefore)
    if i < ascii.count && ascii[i] == UInt8(ascii: ".") {
      cleaned.append(UInt8(ascii: "."))
      i += 1
      try digits(&digitsAfter)
    }
    if digitsBefore + digitsAfter == 0 { throw invalid() }
    if i < ascii.count && (ascii[i] == UInt8(ascii: "e") || ascii[i] == UInt8(ascii: "E")) {
      cleaned.append(UInt8(ascii: "e"))
      i += 1
      if i < ascii.count && (ascii[i] == UInt8(ascii: "+") || ascii[i] == UInt8(ascii: "-")) {
        cleaned.append(ascii[i])
        i += 1
      }
      var exponentDigits = 0
      try digits(&exponentDigits)
      if exponentDigits == 0 { throw invalid() }
    }
    if i != ascii.count { throw invalid() }
    guard let value = Double(String(decoding: cleaned, as: UTF8.self)) else { throw invalid() }
    return value
  }
}
