/// Python's `float` as text and `round()`, exactly as CPython computes them.
///
/// ## Example Usage
///
/// ```swift
/// PyFloat.repr(1e-5)          // "1e-05"
/// PyFloat.repr(100.0)         // "100.0"
/// try PyFloat.round(2.675, digits: 2)  // 2.67, as the binary value is below 2.675
/// ```
public enum PyFloat {
  /// `repr(x)` and `str(x)`: the shortest digits that read back as `x`, in exponent form when
  /// the exponent is below -4 or at least 16.
  public static func repr(_ x: Double) -> String {
    // Swift's `description` has the same digits; where its layout is Python's too, use it as is:
    // no exponent below 1e16, or an exponent where Python also writes one.
    if x.isFinite {
      let text = x.description
      var exponent: Int? = nil
      var sawE = false
      var negativeExponent = false
      var value = 0
      for b in text.utf8 {
        if sawE {
          if b == UInt8(ascii: "-") {
            negativeExponent = true
          } else if b != UInt8(ascii: "+") {
            value = value * 10 + Int(b &- 0x30)
          }
        } else if b == UInt8(ascii: "e") {
          sawE = true
        }
      }
      if sawE { exponent = negativeExponent ? -value : value }
      switch exponent {
      case nil: if abs(x) < 1e16 { return text }
      case let e?: if e >= 16 || e < -4 { return text }
      }
    }
    return format(x, code: .repr, precision: 0, addDotZero: true)
  }

  /// The presentation of `PyOS_double_to_string`: `e`, `f`, `g` or `r` (repr).
  public enum Code: Sendable {
    case exponent, fixed, general, repr
  }

  /// CPython's `PyOS_double_to_string` (`format_float_short`), the engine of `repr`, `format`,
  /// `%` and f-strings.
  ///
  /// - Parameters:
  ///   - x: The value.
  ///   - code: `e`, `f`, `g` or `r`.
  ///   - precision: Digits after the point (`e`, `f`) or significant digits (`g`, 0 meaning 1).
  ///   - upper: `E`, `F`, `G`: an upper-case `E`, `INF`, `NAN`.
  ///   - alwaysSign: A `+` on non-negative values.
  ///   - addDotZero: `.0` on a value printed as an integer without exponent (`repr`, `format`
  ///     with no type).
  ///   - alternate: The `#` flag: keep the point and trailing zeros.
  ///   - noNegativeZero: The `z` flag (3.11+): a negative value that rounds to zero loses its sign.
  public static func format(
    _ x: Double, code: Code, precision: Int, upper: Bool = false, alwaysSign: Bool = false,
    addDotZero: Bool = false, alternate: Bool = false, noNegativeZero: Bool = false
  ) -> String {
    var negative = x.sign == .minus
    if x.isNaN { return alwaysSign ? (upper ? "+NAN" : "+nan") : (upper ? "NAN" : "nan") }
    let signText = { (neg: Bool) -> String in neg ? "-" : (alwaysSign ? "+" : "") }
    if x.isInfinite { return signText(negative) + (upper ? "INF" : "inf") }
    var precision = precision
    let d: Dtoa.Digits
    switch code {
    case .exponent:
      precision += 1
      d = Dtoa.significant(x, precision)
    case .fixed:
      d = Dtoa.fixed(x, precision)
    case .general:
      if precision == 0 { precision = 1 }
      d = Dtoa.significant(x, precision)
    case .repr:
      d = Dtoa.shortest(x)
    }
    let digits = d.digits
    var decpt = d.decpt
    if noNegativeZero && negative && (digits.isEmpty || digits == [0x30]) { negative = false }
    var useExponent = false
    var vEnd = digits.count
    switch code {
    case .exponent:
      useExponent = true
      vEnd = precision
    case .fixed:
      vEnd = decpt + precision
    case .general:
      if decpt <= -4 || decpt > (addDotZero ? precision - 1 : precision) { useExponent = true }
      if alternate { vEnd = precision }
    case .repr:
      if decpt <= -4 || decpt > 16 { useExponent = true }
    }
    var exponent = 0
    if useExponent {
      exponent = decpt - 1
      decpt = 1
    }
    let vStart = decpt <= 0 ? decpt - 1 : 0
    if !useExponent && addDotZero {
      vEnd = max(vEnd, decpt + 1)
    } else {
      vEnd = max(vEnd, decpt)
    }
    var out: [UInt8] = []
    out.reserveCapacity(vEnd - vStart + 8)
    if negative {
      out.append(UInt8(ascii: "-"))
    } else if alwaysSign {
      out.append(UInt8(ascii: "+"))
    }
    let zero = UInt8(ascii: "0")
    let point = UInt8(ascii: ".")
    if decpt <= 0 {
      out.append(contentsOf: repeatElement(zero, count: decpt - vStart))
      out.append(point)
      out.append(contentsOf: repeatElement(zero, count: -decpt))
    } else {
      out.append(contentsOf: repeatElement(zero, count: -vStart))
    }
    if decpt > 0 && decpt <= digits.count {
      out.append(contentsOf: digits[0..<decpt])
      out.append(point)
      out.append(contentsOf: digits[decpt...])
    } else {
      out.append(contentsOf: digits)
    }
    if digits.count < decpt {
      out.append(contentsOf: repeatElement(zero, count: decpt - digits.count))
      out.append(point)
      out.append(contentsOf: repeatElement(zero, count: vEnd - decpt))
    } else {
      out.append(contentsOf: repeatElement(zero, count: vEnd - digits.count))
    }
    if out.last == point && !alternate { out.removeLast() }
    if useExponent {
      out.append(upper ? UInt8(ascii: "E") : UInt8(ascii: "e"))
      out.append(exponent < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
      let e = abs(exponent)
      if e < 10 { out.append(zero) }
      out.append(contentsOf: String(e).utf8)
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// `round(x, n)`: `x` rounded to `n` decimal places, half-even on its exact binary value, then
  /// read back correctly rounded, as CPython's `double_round`.
  ///
  /// - Throws: `OverflowError: rounded value too large to represent`.
  public static func round(_ x: Double, digits n: Int) throws(PythonValuesError) -> Double {
    if !x.isFinite { return x }
    if n > 323 { return x }
    if n < -308 { return 0.0 * x }
    if x == 0 { return x }
    let (value, _) = Dtoa.scaledRounded(x, n)
    let negative = x.sign == .minus
    if value.isZero { return negative ? -0.0 : 0.0 }
    let r: Double
    if n >= 0 {
      r = (try? BigInt.trueDivide(value, BigInt.powerOfTen(n))) ?? .infinity
    } else {
      r = (try? (value * BigInt.powerOfTen(-n)).toDouble()) ?? .infinity
    }
    if r.isInfinite { throw .overflowError("rounded value too large to represent") }
    return negative ? -r : r
  }

  /// `round(x)` with no digits: the nearest integer, ties to even.
  ///
  /// - Throws: `OverflowError: cannot convert float infinity to integer`,
  ///   `ValueError: cannot convert float NaN to integer`.
  public static func roundToInteger(_ x: Double) throws(PythonValuesError) -> BigInt {
    try BigInt(truncating: roundHalfEven(x))
  }

  /// Whether a finite `x` has no fractional part (without libm, which this target does not link).
  static func isIntegral(_ x: Double) -> Bool {
    abs(x) >= 0x1p52 || Double(Int64(x)) == x
  }

  /// The nearest integer to `x`, ties to even (`rint`), for any `x`.
  static func roundHalfEven(_ x: Double) -> Double {
    if !x.isFinite || abs(x) >= 0x1p52 { return x }
    let t = Double(Int64(x))  // toward zero, exact
    let fraction = abs(x - t)  // exact
    var r = t
    if fraction > 0.5 || (fraction == 0.5 && Int64(t) & 1 != 0) { r += x < 0 ? -1 : 1 }
    return r == 0 ? (x.sign == .minus ? -0.0 : 0.0) : r
  }

  /// Python's `hash(x)` for a float: equal to the hash of an equal int.
  public static func hash(_ x: Double) -> Int64 {
    if x.isNaN { return 0 }  // CPython 3.10+ hashes a NaN by identity; the VM decides.
    if x.isInfinite { return x > 0 ? 314159 : -314159 }
    if isIntegral(x), let i = try? BigInt(truncating: x) { return i.pythonHash }
    // m * 2**e with the modular arithmetic of _Py_HashDouble.
    let p: UInt64 = (1 << 61) - 1
    let (m, e) = Dtoa.decompose(x)
    var h = m % p
    // multiply by 2**e mod p: 2**61 = 1, so rotate the 61-bit value.
    var shift = e % 61
    if shift < 0 { shift += 61 }
    h = ((h << UInt64(shift)) & p) | (h >> UInt64(61 - shift))
    var r = Int64(h)
    if x < 0 { r = -r }
    return r == -1 ? -2 : r
  }
}
