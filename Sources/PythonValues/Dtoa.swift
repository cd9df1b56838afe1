/// Decimal digits of a double, as CPython's `_Py_dg_dtoa` produces them: a digit string with no
/// trailing zeros and the position of the decimal point (`decpt`: the value is
/// `0.DIGITS * 10**decpt`). Rounding is half-even on the exact binary value.
enum Dtoa {
  struct Digits {
    var digits: [UInt8]  // ASCII '0'...'9', no trailing zeros; empty when rounded to nothing
    var decpt: Int
  }

  /// Mode 0: the shortest digits that read back as `x` (nearest when several), for finite `x`.
  ///
  /// Swift's own `description` makes the same choice (shortest, then closest); only its layout
  /// differs, so the digits and the exponent are taken from it.
  static func shortest(_ x: Double) -> Digits {
    let a = abs(x)
    if a == 0 { return Digits(digits: [0x30], decpt: 1) }
    let text = a.description.utf8
    var digits: [UInt8] = []
    digits.reserveCapacity(20)
    var pointAt: Int? = nil
    var exponent = 0
    var exponentSign = 1
    var inExponent = false
    for b in text {
      if inExponent {
        if b == UInt8(ascii: "-") {
          exponentSign = -1
        } else if b != UInt8(ascii: "+") {
          exponent = exponent * 10 + Int(b - 0x30)
        }
      } else if b == UInt8(ascii: ".") {
        pointAt = digits.count
      } else if b == UInt8(ascii: "e") {
        inExponent = true
      } else {
        digits.append(b)
      }
    }
    var decpt = (pointAt ?? digits.count) + exponentSign * exponent
    // Leading zeros ("0.001") move the point; trailing zeros ("100.0") are dropped.
    var lead = 0
    while lead < digits.count - 1 && digits[lead] == 0x30 { lead += 1 }
    if lead > 0 {
      digits.removeFirst(lead)
      decpt -= lead
    }
    while digits.count > 1 && digits[digits.count - 1] == 0x30 { digits.removeLast() }
    return Digits(digits: digits, decpt: decpt)
  }

  /// The exact value `m * 2**e` of a finite nonzero `|x|`, `m` odd or `e` at its least.
  static func decompose(_ x: Double) -> (m: UInt64, e: Int) {
    let a = abs(x)
    var m = a.significandBitPattern
    var e: Int
    if a.exponentBitPattern == 0 {
      e = -1074
    } else {
      m |= 1 << 52
      e = Int(a.exponentBitPattern) - 1075
    }
    let tz = m.trailingZeroBitCount
    m >>= UInt64(tz)
    e += tz
    return (m, e)
  }

  static let powersOfTen: [UInt64] = {
    var p: [UInt64] = [1]
    for _ in 1...19 { p.append(p[p.count - 1] * 10) }
    return p
  }()

  /// `round_half_even(|x| * 10**s)` and whether it was inexact, for finite `x`.
  static func scaledRounded(_ x: Double, _ s: Int) -> (value: BigInt, truncated: BigInt) {
    if x == 0 { return (.zero, .zero) }
    let (m, e) = decompose(x)
    // Fast path: m * 10**s / 2**-e in 128 bits.
    if s >= 0 && s <= 19 && e < 0 {
      let num = UInt128(m) * UInt128(powersOfTen[s])
      let shift = -e
      if shift >= 127 {
        return (.zero, .zero)  // num < 2**117 is below half of 2**shift
      }
      let t = num >> UInt128(shift)
      let rem = num & ((1 << UInt128(shift)) - 1)
      let half = UInt128(1) << UInt128(shift - 1)
      var r = t
      if rem > half || (rem == half && t & 1 == 1) { r += 1 }
      return (BigInt.from128(r), BigInt.from128(t))
    }
    var num = BigInt(Int64(m))
    var den = BigInt.one
    if s >= 0 { num = num * BigInt.powerOfTen(s) } else { den = BigInt.powerOfTen(-s) }
    if e >= 0 { num = num << e } else { den = den << -e }
    let (t, r) = BigInt.truncatedDivMod(num, den)
    let twice = r << 1
    let c = BigInt.compare(twice, den)
    if c > 0 || (c == 0 && t.isOdd) { return (t + .one, t) }
    return (t, t)
  }

  /// Mode 3: digits rounded to `n` places after the point (`n` may be negative).
  static func fixed(_ x: Double, _ n: Int) -> Digits {
    if x == 0 { return Digits(digits: [0x30], decpt: 1) }
    let (value, _) = scaledRounded(x, n)
    if value.isZero { return Digits(digits: [], decpt: -n) }
    var digits = Array(value.decimalString().utf8)
    let decpt = digits.count - n
    while digits.count > 1 && digits[digits.count - 1] == 0x30 { digits.removeLast() }
    return Digits(digits: digits, decpt: decpt)
  }

  /// Mode 2: `p` (at least 1) significant digits.
  static func significant(_ x: Double, _ p: Int) -> Digits {
    if x == 0 { return Digits(digits: [0x30], decpt: 1) }
    // 10**k <= |x| < 10**(k+1): estimate from the binary exponent, then correct.
    let (m, e) = decompose(x)
    let bits = 64 - m.leadingZeroBitCount + e - 1
    var k = (bits * 78913) >> 18  // floor(bits * log10(2)), in integers: no libm
    let low = BigInt.powerOfTen(p - 1)
    let high = BigInt.powerOfTen(p)
    var result: (value: BigInt, truncated: BigInt)
    while true {
      result = scaledRounded(x, p - 1 - k)
      if result.truncated >= high {
        k += 1
      } else if result.truncated < low {
        k -= 1
      } else {
        break
      }
    }
    var decpt = k + 1
    var digits = Array(result.value.decimalString().utf8)
    if result.value == high {
      digits = [0x31]
      decpt += 1
    }
    while digits.count > 1 && digits[digits.count - 1] == 0x30 { digits.removeLast() }
    return Digits(digits: digits, decpt: decpt)
  }
}

extension BigInt {
  static func from128(_ v: UInt128) -> BigInt {
    if v <= UInt128(Int64.max) { return BigInt(Int64(v)) }
    return BigInt(negative: false, magnitude: [UInt64(truncatingIfNeeded: v), UInt64(truncatingIfNeeded: v >> 64)])
  }

  static let smallPowersOfTen: [BigInt] = (0...40).map { i in
    var p = BigInt.one
    for _ in 0..<i { p = p * BigInt(10) }
    return p
  }

  /// `10 ** n` for `n >= 0`.
  static func powerOfTen(_ n: Int) -> BigInt {
    if n < smallPowersOfTen.count { return smallPowersOfTen[n] }
    return (try? BigInt(10).power(BigInt(n), budgetBits: Int.max)) ?? .zero
  }
}
