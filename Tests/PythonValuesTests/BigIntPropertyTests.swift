import PythonValues
import Testing

/// Identities that must hold for any operands, over sizes beyond the recorded cases (up to
/// 20,000 bits, where Karatsuba recurses several levels), from a seeded generator.
@Suite struct BigIntPropertyTests {
  /// SplitMix64: the same operands on every run.
  struct Seeded: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  static func random(_ g: inout Seeded, maxBits: Int) throws -> BigInt {
    let bits = Int.random(in: 1...maxBits, using: &g)
    var hex = ""
    for _ in 0..<((bits + 3) / 4) { hex += String(Int.random(in: 0..<16, using: &g), radix: 16) }
    // Runs of ones and zeros stress the carries and the quotient estimate.
    if Bool.random(using: &g) { hex = String(repeating: "f", count: hex.count / 2) + hex }
    if Int.random(in: 0..<4, using: &g) == 0 {
      hex += String(repeating: "0", count: Int.random(in: 1...40, using: &g))
    }
    let n = try BigInt(parsing: hex, base: 16, limit: 0)
    return Bool.random(using: &g) ? -n : n
  }

  @Test func arithmeticIdentitiesHold() throws {
    var g = Seeded(state: 11)
    for round in 0..<600 {
      let maxBits = round < 500 ? 3000 : 20000
      let a = try Self.random(&g, maxBits: maxBits)
      var b = try Self.random(&g, maxBits: maxBits / 2)
      if b.isZero { b = BigInt(7) }
      let (q, r) = try a.quotientAndRemainder(dividingBy: b)
      #expect(q * b + r == a)
      #expect(r.isZero || r.isNegative == b.isNegative)
      #expect(r.absoluteValue < b.absoluteValue)
      #expect(try (a * b).floorDivided(by: b) == a)
      #expect((a + b) - b == a)
      #expect(a - a == .zero)
      #expect(~(~a) == a)
      #expect(a ^ a == .zero)
      #expect((a & b) + (a | b) == a + b)
      let k = Int.random(in: 0...300, using: &g)
      #expect((a << k) >> k == a)
      #expect(try BigInt(parsing: a.decimalString(), limit: 0) == a)
      #expect(try BigInt(parsing: a.hexString, base: 0) == a)
      #expect(a * (b + BigInt(1)) == a * b + a)
    }
  }
}
