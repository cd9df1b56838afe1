/// Conversions between integers and floats, correctly rounded as CPython's are.
extension BigInt {
  /// Python's `float(self)`: the nearest double, ties to even.
  ///
  /// - Throws: `OverflowError: int too large to convert to float`.
  public func toDouble() throws(PythonValuesError) -> Double {
    if case .small(let v) = storage { return Double(v) }
    let (neg, m) = signAndMagnitude
    guard let d = Self.roundToDouble(m, exponent: 0, sticky: false) else {
      throw .overflowError("int too large to convert to float")
    }
    return neg ? -d : d
  }

  /// Python's `int(x)` for a float: truncation toward zero.
  ///
  /// - Throws: `ValueError: cannot convert float NaN to integer`,
  ///   `OverflowError: cannot convert float infinity to integer`.
  public init(truncating x: Double) throws(PythonValuesError) {
    if x.isNaN { throw .valueError("cannot convert float NaN to integer") }
    if x.isInfinite { throw .overflowError("cannot convert float infinity to integer") }
    if abs(x) < 9.2e18 {
      self.init(Int64(x))
      return
    }
    // |x| >= 2**63: an integer significand times a power of two.
    let significand = x.significandBitPattern | (1 << 52)
    let shift = Int(x.exponent) - 52
    let mag = BigInt(Int64(significand)) << shift
    self = x < 0 ? -mag : mag
  }

  /// Python's `a / b` for two ints: the correctly rounded quotient.
  ///
  /// - Throws: `ZeroDivisionError: division by zero`;
  ///   `OverflowError: integer division result too large for a float`.
  public static func trueDivide(_ a: BigInt, _ b: BigInt) throws(PythonValuesError) -> Double {
    if b.isZero { throw .zeroDivisionError(ZeroDivisionMessages.trueDivide) }
    if let x = a.int64, let y = b.int64, x.magnitude <= 1 << 53, y.magnitude <= 1 << 53 {
      return Double(x) / Double(y)
    }
    let negative = a.isNegative != b.isNegative
    let am = a.magnitudeWords
    let bm = b.magnitudeWords
    if am.isEmpty { return negative ? -0.0 : 0.0 }
    let k = a.bitLength - b.bitLength
    // Enough quotient bits that the rounding of a subnormal or normal result is decided.
    let shift = max(0, 60 - k)
    let (q, r) = Magnitude.divMod(Magnitude.shiftLeft(am, shift), bm)
    guard let d = roundToDouble(q, exponent: -shift, sticky: !r.isEmpty) else {
      throw .overflowError("integer division result too large for a float")
    }
    return negative ? -d : d
  }

  /// The double nearest `m * 2**exponent` (plus a little more when `sticky`), ties to even;
  /// `nil` on overflow.
  static func roundToDouble(_ m: [UInt64], exponent e: Int, sticky: Bool) -> Double? {
    var m = m
    Magnitude.trim(&m)
    if m.isEmpty { return 0 }
    let n = m.count * 64 - m[m.count - 1].leadingZeroBitCount
    let top = n - 1 + e  // the exponent of the leading bit
    if top >= 1024 { return nil }
    // The weight of the lowest bit kept: 53 bits for a normal result, fixed at 2**-1074 below.
    let lowKept = max(top - 52, -1074)
    let drop = lowKept - e
    var kept: UInt64
    if drop <= 0 {
      kept = 0
      let words = Magnitude.shiftLeft(m, -drop)
      kept = words.first ?? 0
    } else {
      let shifted = Magnitude.shiftRight(m, drop)
      kept = shifted.first ?? 0
      let halfBit = drop - 1
      let halfSet = (m.count > halfBit / 64) && (m[halfBit / 64] >> UInt64(halfBit % 64)) & 1 == 1
      let below = sticky || Magnitude.hasBitsBelow(m, halfBit)
      if halfSet && (below || kept & 1 == 1) { kept += 1 }
    }
    let d = Double(sign: .plus, exponent: lowKept, significand: Double(kept))
    return d.isInfinite ? nil : d
  }
}
