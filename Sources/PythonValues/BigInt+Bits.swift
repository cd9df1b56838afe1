/// Python's bitwise operators on integers: `& | ^ ~ << >>`, as on infinite two's complement.
extension BigInt {
  /// `~a`, which is `-a - 1`.
  @inlinable public static prefix func ~ (a: BigInt) -> BigInt {
    if case .small(let x) = a.storage { return BigInt(~x) }
    return -a - .one
  }

  /// `a & b`.
  @inlinable public static func & (a: BigInt, b: BigInt) -> BigInt {
    if case .small(let x) = a.storage, case .small(let y) = b.storage { return BigInt(x & y) }
    return bitwise(a, b) { $0 & $1 }
  }

  /// `a | b`.
  @inlinable public static func | (a: BigInt, b: BigInt) -> BigInt {
    if case .small(let x) = a.storage, case .small(let y) = b.storage { return BigInt(x | y) }
    return bitwise(a, b) { $0 | $1 }
  }

  /// `a ^ b`.
  @inlinable public static func ^ (a: BigInt, b: BigInt) -> BigInt {
    if case .small(let x) = a.storage, case .small(let y) = b.storage { return BigInt(x ^ y) }
    return bitwise(a, b) { $0 ^ $1 }
  }

  /// The value as `count` words of two's complement.
  func twosComplement(_ count: Int) -> [UInt64] {
    let (n, m) = signAndMagnitude
    var r = [UInt64](repeating: 0, count: count)
    for i in 0..<m.count { r[i] = m[i] }
    if n {
      var carry: UInt64 = 1
      for i in 0..<count {
        let (s, o) = (~r[i]).addingReportingOverflow(carry)
        r[i] = s
        carry = o ? 1 : 0
      }
    }
    return r
  }

  static func fromTwosComplement(_ w: [UInt64]) -> BigInt {
    guard let top = w.last, top >> 63 == 1 else { return BigInt(negative: false, magnitude: w) }
    var r = w
    var carry: UInt64 = 1
    for i in 0..<r.count {
      let (s, o) = (~r[i]).addingReportingOverflow(carry)
      r[i] = s
      carry = o ? 1 : 0
    }
    return BigInt(negative: true, magnitude: r)
  }

  @usableFromInline static func bitwise(_ a: BigInt, _ b: BigInt, _ op: (UInt64, UInt64) -> UInt64) -> BigInt {
    let count = max(a.magnitudeWords.count, b.magnitudeWords.count) + 1
    let x = a.twosComplement(count)
    let y = b.twosComplement(count)
    var r = [UInt64](repeating: 0, count: count)
    for i in 0..<count { r[i] = op(x[i], y[i]) }
    return fromTwosComplement(r)
  }

  /// `a << n`, with no budget (see ``shiftedLeft(by:budgetBits:)``).
  public static func << (a: BigInt, n: Int) -> BigInt {
    if n < 0 { return a >> -n }
    if case .small(let x) = a.storage, n < 63 {
      let shifted = x << n
      if shifted >> n == x { return BigInt(shifted) }
    }
    let (neg, m) = a.signAndMagnitude
    return BigInt(negative: neg, magnitude: Magnitude.shiftLeft(m, n))
  }

  /// `a >> n`: floor division by 2**n.
  public static func >> (a: BigInt, n: Int) -> BigInt {
    if n < 0 { return a << -n }
    if case .small(let x) = a.storage { return BigInt(n >= 64 ? (x < 0 ? -1 : 0) : x >> n) }
    let (neg, m) = a.signAndMagnitude
    if !neg { return BigInt(negative: false, magnitude: Magnitude.shiftRight(m, n)) }
    // -(((|a| - 1) >> n) + 1)
    let q = Magnitude.shiftRight(Magnitude.subtract(m, [1]), n)
    return BigInt(negative: true, magnitude: Magnitude.add(q, [1]))
  }

  /// Python's `self << count`.
  ///
  /// - Throws: `ValueError: negative shift count`; ``PythonValuesError/resourceLimit(_:)`` when
  ///   the result would have more than `budgetBits` bits.
  public func shiftedLeft(by count: BigInt, budgetBits: Int) throws(PythonValuesError) -> BigInt {
    if count.isNegative { throw .valueError("negative shift count") }
    if isZero { return .zero }
    guard let n = count.int, n <= budgetBits, bitLength + n <= budgetBits else {
      throw .resourceLimit("the result of this << would have more than \(budgetBits) bits, the budget")
    }
    return self << n
  }

  /// Python's `self >> count`.
  ///
  /// - Throws: `ValueError: negative shift count`.
  public func shiftedRight(by count: BigInt) throws(PythonValuesError) -> BigInt {
    if count.isNegative { throw .valueError("negative shift count") }
    guard let n = count.int, n < Int(Int32.max) else { return isNegative ? BigInt(-1) : .zero }
    return self >> n
  }
}
