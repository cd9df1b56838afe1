/// A Python `int`: an arbitrary-precision signed integer.
///
/// Values that fit in `Int64` are stored inline and take fast paths; larger ones are a sign and
/// a magnitude of 64-bit words, least significant first, with no leading zero words. The two
/// forms never overlap (a value that fits in `Int64` is always stored small), so the synthesized
/// `==` and `hash(into:)` are correct; Python's own `hash()` is ``pythonHash``.
///
/// ## Example Usage
///
/// ```swift
/// let a = try BigInt(parsing: "1_000_000_007")
/// let b = try a.power(BigInt(20), budgetBits: 1 << 20)
/// print(try b.floorDivided(by: BigInt(12345)).pythonString(release: .v3_12))
/// ```
public struct BigInt: Sendable, Hashable {
  @usableFromInline enum Storage: Sendable, Hashable {
    case small(Int64)
    case large(negative: Bool, magnitude: [UInt64])
  }

  @usableFromInline var storage: Storage

  @inlinable init(storage: Storage) { self.storage = storage }

  /// The integer `value`.
  @inlinable public init(_ value: Int64) { storage = .small(value) }
  /// The integer `value`.
  @inlinable public init(_ value: Int) { storage = .small(Int64(value)) }

  /// An integer from its sign and magnitude (words least significant first), normalized.
  init(negative: Bool, magnitude: [UInt64]) {
    var m = magnitude
    while let last = m.last, last == 0 { m.removeLast() }
    if m.isEmpty {
      storage = .small(0)
    } else if m.count == 1 {
      let w = m[0]
      if !negative && w <= UInt64(Int64.max) {
        storage = .small(Int64(w))
      } else if negative && w <= UInt64(Int64.max) + 1 {
        storage = .small(w == UInt64(Int64.max) + 1 ? Int64.min : -Int64(w))
      } else {
        storage = .large(negative: negative, magnitude: m)
      }
    } else {
      storage = .large(negative: negative, magnitude: m)
    }
  }

  public static let zero = BigInt(0)
  public static let one = BigInt(1)

  /// The value as an `Int64`, when it fits.
  @inlinable public var int64: Int64? {
    if case .small(let v) = storage { return v }
    return nil
  }

  /// The value as an `Int`, when it fits.
  @inlinable public var int: Int? { int64.map { Int($0) } }

  /// Whether the value is below zero.
  @inlinable public var isNegative: Bool {
    switch storage {
    case .small(let v): v < 0
    case .large(let n, _): n
    }
  }

  /// Whether the value is zero.
  @inlinable public var isZero: Bool {
    if case .small(0) = storage { return true }
    return false
  }

  /// -1, 0 or 1.
  public var signum: Int {
    switch storage {
    case .small(let v): v < 0 ? -1 : (v == 0 ? 0 : 1)
    case .large(let n, _): n ? -1 : 1
    }
  }

  /// The sign and the magnitude as words, least significant first (empty for zero).
  var signAndMagnitude: (negative: Bool, magnitude: [UInt64]) {
    switch storage {
    case .small(let v): (v < 0, v == 0 ? [] : [v.magnitude])
    case .large(let n, let m): (n, m)
    }
  }

  var magnitudeWords: [UInt64] { signAndMagnitude.magnitude }

  /// The absolute value.
  public var magnitude: BigInt {
    switch storage {
    case .small(let v) where v != .min: BigInt(v < 0 ? -v : v)
    default: BigInt(negative: false, magnitude: magnitudeWords)
    }
  }

  /// Python's `int.bit_length()`: the number of bits of the absolute value.
  public var bitLength: Int {
    switch storage {
    case .small(let v): 64 - v.magnitude.leadingZeroBitCount
    case .large(_, let m): m.count * 64 - m[m.count - 1].leadingZeroBitCount
    }
  }

  /// Python's `hash(n)`: the value modulo 2**61 - 1 with its sign, -1 becoming -2.
  public var pythonHash: Int64 {
    let p: UInt64 = (1 << 61) - 1
    let (negative, m) = signAndMagnitude
    var h: UInt64 = 0
    for w in m.reversed() {
      // h * 2**64 + w (mod p); 2**64 = 8 (mod p).
      h = Self.mulMod61(h, 8)
      h = Self.addMod61(h, w % p)
    }
    var r = Int64(h)
    if negative { r = -r }
    return r == -1 ? -2 : r
  }

  static func addMod61(_ a: UInt64, _ b: UInt64) -> UInt64 {
    let p: UInt64 = (1 << 61) - 1
    let s = a + b
    return s >= p ? s - p : s
  }

  static func mulMod61(_ a: UInt64, _ b: UInt64) -> UInt64 {
    let p: UInt64 = (1 << 61) - 1
    let (hi, lo) = a.multipliedFullWidth(by: b)
    // x = hi * 2**64 + lo; 2**61 = 1 (mod p).
    let low61 = lo & p
    let rest = (lo >> 61) | (hi << 3)
    var r = low61 + (rest & p) + (rest >> 61)
    while r >= p { r -= p }
    return r
  }
}

extension BigInt: ExpressibleByIntegerLiteral {
  @inlinable public init(integerLiteral value: Int64) { storage = .small(value) }
}

extension BigInt: Comparable {
  @inlinable public static func < (a: BigInt, b: BigInt) -> Bool {
    if case .small(let x) = a.storage, case .small(let y) = b.storage { return x < y }
    return compare(a, b) < 0
  }

  /// -1, 0 or 1 as `a` is below, equal to or above `b`.
  public static func compare(_ a: BigInt, _ b: BigInt) -> Int {
    if case .small(let x) = a.storage, case .small(let y) = b.storage { return x < y ? -1 : (x == y ? 0 : 1) }
    let (an, am) = a.signAndMagnitude
    let (bn, bm) = b.signAndMagnitude
    if an != bn { return an ? -1 : 1 }
    let c = Magnitude.compare(am, bm)
    return an ? -c : c
  }
}

extension BigInt: CustomStringConvertible {
  /// The decimal text, with no limit on its length (Python's `str()` is ``pythonString(release:limit:)``).
  public var description: String { decimalString() }
}
