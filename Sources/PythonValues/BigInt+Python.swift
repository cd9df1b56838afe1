/// Integer operations of Python's that mix in floats or decimal places.
extension BigInt {
  /// Python's exact comparison of an `int` with a `float` (`2**53 + 1 > 2.0**53` is true):
  /// -1, 0 or 1, or `nil` when `x` is NaN (every ordering is false, `!=` true).
  public func compare(toDouble x: Double) -> Int? {
    if x.isNaN { return nil }
    if x.isInfinite { return x > 0 ? -1 : 1 }
    if let v = int64, v.magnitude <= 1 << 53 {
      let d = Double(v)
      return d < x ? -1 : (d == x ? 0 : 1)
    }
    // Compare with the integer part of x exactly, then let the fraction decide a tie.
    let whole = abs(x) >= 0x1p52 ? x : Double(Int64(x))
    guard let w = try? BigInt(truncating: whole) else { return nil }
    let c = BigInt.compare(self, w)
    if c != 0 { return c }
    let fraction = x - whole
    return fraction > 0 ? -1 : (fraction < 0 ? 1 : 0)
  }

  /// Python's `round(n, ndigits)` for an int: `n` itself for `ndigits >= 0`, else the nearest
  /// multiple of `10 ** -ndigits`, ties to the even multiple (`round(25, -1) == 20`).
  public func rounded(toDigits ndigits: Int) -> BigInt {
    if ndigits >= 0 || isZero { return self }
    if ndigits == .min { return .zero }
    // A power of ten beyond twice the value rounds it to zero: no need to build it.
    if Double(-ndigits) > Double(bitLength) * 0.30103 + 2 { return .zero }
    let p = BigInt.powerOfTen(-ndigits)
    guard var (q, r) = try? quotientAndRemainder(dividingBy: p) else { return self }
    // r is in [0, p): round up past half, and at half when q is odd.
    let c = BigInt.compare(r << 1, p)
    if c > 0 || (c == 0 && q.isOdd) {
      q = q + .one
      r = r - p
    }
    return q * p
  }
}
