/// Python's integer arithmetic: `+ - * // % divmod ** -x abs`, with floor semantics.
extension BigInt {
  /// `a + b`.
  @inlinable public static func + (a: BigInt, b: BigInt) -> BigInt {
    if case .small(let x) = a.storage, case .small(let y) = b.storage {
      let (s, o) = x.addingReportingOverflow(y)
      if !o { return BigInt(s) }
    }
    return slowAdd(a, b, negateB: false)
  }

  /// `a - b`.
  @inlinable public static func - (a: BigInt, b: BigInt) -> BigInt {
    if case .small(let x) = a.storage, case .small(let y) = b.storage {
      let (s, o) = x.subtractingReportingOverflow(y)
      if !o { return BigInt(s) }
    }
    return slowAdd(a, b, negateB: true)
  }

  /// `a * b`.
  @inlinable public static func * (a: BigInt, b: BigInt) -> BigInt {
    if case .small(let x) = a.storage, case .small(let y) = b.storage {
      let (p, o) = x.multipliedReportingOverflow(by: y)
      if !o { return BigInt(p) }
    }
    return slowMultiply(a, b)
  }

  /// `-a`.
  @inlinable public static prefix func - (a: BigInt) -> BigInt {
    if case .small(let x) = a.storage, x != .min { return BigInt(-x) }
    return slowNegate(a)
  }

  @inlinable public static func += (a: inout BigInt, b: BigInt) { a = a + b }
  @inlinable public static func -= (a: inout BigInt, b: BigInt) { a = a - b }
  @inlinable public static func *= (a: inout BigInt, b: BigInt) { a = a * b }

  @usableFromInline static func slowNegate(_ a: BigInt) -> BigInt {
    let (n, m) = a.signAndMagnitude
    return BigInt(negative: !n && !m.isEmpty, magnitude: m)
  }

  @usableFromInline static func slowAdd(_ a: BigInt, _ b: BigInt, negateB: Bool) -> BigInt {
    let (an, am) = a.signAndMagnitude
    var (bn, bm) = b.signAndMagnitude
    if negateB { bn.toggle() }
    if an == bn { return BigInt(negative: an, magnitude: Magnitude.add(am, bm)) }
    let c = Magnitude.compare(am, bm)
    if c == 0 { return .zero }
    if c > 0 { return BigInt(negative: an, magnitude: Magnitude.subtract(am, bm)) }
    return BigInt(negative: bn, magnitude: Magnitude.subtract(bm, am))
  }

  @usableFromInline static func slowMultiply(_ a: BigInt, _ b: BigInt) -> BigInt {
    let (an, am) = a.signAndMagnitude
    let (bn, bm) = b.signAndMagnitude
    return BigInt(negative: an != bn, magnitude: Magnitude.multiply(am, bm))
  }

  /// `abs(a)`.
  public var absoluteValue: BigInt { isNegative ? -self : self }

  /// Python's `divmod(self, divisor)`: the floor quotient and a remainder with the divisor's sign.
  ///
  /// - Throws: `ZeroDivisionError: integer division or modulo by zero` for a zero divisor.
  @inlinable public func quotientAndRemainder(dividingBy divisor: BigInt) throws(PythonValuesError) -> (
    quotient: BigInt, remainder: BigInt
  ) {
    if case .small(let x) = storage, case .small(let y) = divisor.storage, y != 0, !(x == .min && y == -1) {
      var q = x / y
      var r = x % y
      if r != 0 && ((r < 0) != (y < 0)) {
        q -= 1
        r += y
      }
      return (BigInt(q), BigInt(r))
    }
    if divisor.isZero { throw .zeroDivisionError(ZeroDivisionMessages.floorDivide) }
    return Self.slowDivMod(self, divisor)
  }

  /// Python's `self // divisor`.
  ///
  /// - Throws: `ZeroDivisionError: integer division or modulo by zero`.
  @inlinable public func floorDivided(by divisor: BigInt) throws(PythonValuesError) -> BigInt {
    try quotientAndRemainder(dividingBy: divisor).quotient
  }

  /// Python's `self % divisor`: the remainder has the sign of the divisor.
  ///
  /// - Throws: `ZeroDivisionError`, whose message depends on the release.
  @inlinable public func modulo(_ divisor: BigInt, release: PythonRelease = .default) throws(PythonValuesError)
    -> BigInt
  {
    if divisor.isZero { throw .zeroDivisionError(ZeroDivisionMessages.modulo(release)) }
    return try quotientAndRemainder(dividingBy: divisor).remainder
  }

  @usableFromInline static func slowDivMod(_ a: BigInt, _ b: BigInt) -> (quotient: BigInt, remainder: BigInt) {
    let (an, am) = a.signAndMagnitude
    let (bn, bm) = b.signAndMagnitude
    let (qm, rm) = Magnitude.divMod(am, bm)
    var q = BigInt(negative: an != bn, magnitude: qm)
    var r = BigInt(negative: an, magnitude: rm)
    if !r.isZero && an != bn {
      q = q - .one
      r = r + b
    }
    return (q, r)
  }

  /// Truncated division of magnitudes with signs (C's `/` and `%`), used internally.
  static func truncatedDivMod(_ a: BigInt, _ b: BigInt) -> (BigInt, BigInt) {
    let (an, am) = a.signAndMagnitude
    let (bn, bm) = b.signAndMagnitude
    let (qm, rm) = Magnitude.divMod(am, bm)
    return (BigInt(negative: an != bn, magnitude: qm), BigInt(negative: an, magnitude: rm))
  }

  /// An estimate, from above, of the bits of `self ** exponent`.
  func powerBitsEstimate(_ exponent: BigInt) -> Double {
    let bits = Double(magnitude.bitLength)
    let e = (try? exponent.toDouble()) ?? .infinity
    return bits * e
  }

  /// Python's `self ** exponent` for a non-negative exponent.
  ///
  /// A negative exponent gives a `float` in Python (`2 ** -1 == 0.5`): the VM computes that with
  /// floats. The budget keeps `7 ** (10 ** 9)` from running: the size of the result is known
  /// from the operands before any work is done.
  /// - Parameters:
  ///   - exponent: The exponent, at least zero.
  ///   - budgetBits: The largest result, in bits, the caller allows.
  /// - Throws: ``PythonValuesError/resourceLimit(_:)`` when the result would have more than
  ///   `budgetBits` bits; `ValueError` for a negative exponent.
  public func power(_ exponent: BigInt, budgetBits: Int) throws(PythonValuesError) -> BigInt {
    if exponent.isNegative { throw .valueError("negative exponent: the result is a float") }
    if exponent.isZero { return .one }
    switch self.int64 {
    case 0: return .zero
    case 1: return .one
    case -1: return exponent.isOdd ? self : .one
    default: break
    }
    let mag = magnitude
    // |self| >= 2: the result has at least exponent * (bitLength - 1) + 1 bits.
    let lowerBits = Double(mag.bitLength - 1) * ((try? exponent.toDouble()) ?? .infinity)
    if lowerBits > Double(budgetBits) {
      throw .resourceLimit(
        "the result of this ** would have about \(lowerBits < 1e18 ? String(Int(lowerBits)) : "more than 10**18") bits, over the budget of \(budgetBits) bits"
      )
    }
    guard var e = exponent.int64 else { throw .resourceLimit("exponent too large") }
    var result = BigInt.one
    var base = self
    while true {
      if e & 1 == 1 { result = result * base }
      e >>= 1
      if e == 0 { break }
      base = base * base
    }
    return result
  }

  /// Python's three-argument `pow(self, exponent, modulus)`.
  ///
  /// - Throws: `ValueError: pow() 3rd argument cannot be 0`; for a negative exponent,
  ///   `ValueError: base is not invertible for the given modulus` when no inverse exists.
  public func power(_ exponent: BigInt, modulus: BigInt) throws(PythonValuesError) -> BigInt {
    if modulus.isZero { throw .valueError("pow() 3rd argument cannot be 0") }
    var base = try self.modulo(modulus)
    var e = exponent
    if e.isNegative {
      base = try base.modularInverse(modulus)
      e = -e
    }
    let m = modulus
    var result = try BigInt.one.modulo(m)
    while !e.isZero {
      if e.isOdd { result = try (result * base).modulo(m) }
      e = e >> 1
      if !e.isZero { base = try (base * base).modulo(m) }
    }
    return result
  }

  func modularInverse(_ m: BigInt) throws(PythonValuesError) -> BigInt {
    let mm = m.absoluteValue
    var (oldR, r) = (try self.modulo(mm), mm)
    var (oldS, s) = (BigInt.one, BigInt.zero)
    while !r.isZero {
      let q = try oldR.floorDivided(by: r)
      (oldR, r) = (r, oldR - q * r)
      (oldS, s) = (s, oldS - q * s)
    }
    if oldR != .one { throw .valueError("base is not invertible for the given modulus") }
    return try oldS.modulo(m)
  }

  /// Whether the value is odd.
  public var isOdd: Bool {
    switch storage {
    case .small(let v): v & 1 != 0
    case .large(_, let m): m[0] & 1 != 0
    }
  }
}
