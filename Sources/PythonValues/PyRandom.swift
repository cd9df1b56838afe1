/// Python's `random.Random` for a program that seeds it: CPython's Mersenne Twister, its
/// seeding from an int, and the methods built on it, giving CPython's exact numbers.
///
/// `random.seed(42); random.randint(1, 6)` is the same number in every run and in CPython. The
/// methods that need `math.log`, `exp` or `cos` (`gauss`, `expovariate`, ...) are not here: this
/// target links no libm. Seeding from a `str` (SHA-512 in CPython) is not supported either.
///
/// ## Example Usage
///
/// ```swift
/// var rng = PyRandom(seed: BigInt(42))
/// let roll = try rng.randint(BigInt(1), BigInt(6))   // random.seed(42); random.randint(1, 6)
/// let x = rng.random()                               // random.random()
/// ```
public struct PyRandom: Sendable {
  static let n = 624
  static let m = 397
  var state: [UInt32]
  var index: Int

  /// `random.Random(seed)` for an int seed (its absolute value is used, as CPython does).
  public init(seed: BigInt) {
    state = [UInt32](repeating: 0, count: Self.n)
    index = Self.n
    self.seed(seed)
  }

  /// `random.seed(seed)` for a float seed: CPython seeds from `hash(seed)` as an unsigned word.
  public init(seed: Double) {
    self.init(seed: BigInt(0))
    let h = UInt64(bitPattern: PyFloat.hash(seed))
    seedWords(h >> 32 == 0 ? [UInt32(h)] : [UInt32(truncatingIfNeeded: h), UInt32(h >> 32)])
  }

  /// `random.seed(a)` for an int.
  public mutating func seed(_ a: BigInt) {
    let words = a.magnitude.magnitudeWords
    var key: [UInt32] = []
    for w in words {
      key.append(UInt32(truncatingIfNeeded: w))
      key.append(UInt32(truncatingIfNeeded: w >> 32))
    }
    while key.count > 1 && key[key.count - 1] == 0 { key.removeLast() }
    seedWords(key.isEmpty ? [0] : key)
  }

  mutating func initGenrand(_ s: UInt32) {
    state[0] = s
    for i in 1..<Self.n {
      state[i] = 1_812_433_253 &* (state[i - 1] ^ (state[i - 1] >> 30)) &+ UInt32(i)
    }
    index = Self.n
  }

  /// `init_by_array`.
  mutating func seedWords(_ key: [UInt32]) {
    initGenrand(19_650_218)
    var i = 1
    var j = 0
    for _ in 0..<max(Self.n, key.count) {
      state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >> 30)) &* 1_664_525)) &+ key[j] &+ UInt32(j)
      i += 1
      j += 1
      if i >= Self.n {
        state[0] = state[Self.n - 1]
        i = 1
      }
      if j >= key.count { j = 0 }
    }
    for _ in 0..<(Self.n - 1) {
      state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >> 30)) &* 1_566_083_941)) &- UInt32(i)
      i += 1
      if i >= Self.n {
        state[0] = state[Self.n - 1]
        i = 1
      }
    }
    state[0] = 0x8000_0000
    index = Self.n
  }

  /// `genrand_uint32`: the next 32 random bits.
  public mutating func nextUInt32() -> UInt32 {
    if index >= Self.n {
      let upper: UInt32 = 0x8000_0000
      let lower: UInt32 = 0x7FFF_FFFF
      func twist(_ a: UInt32, _ b: UInt32, _ c: UInt32) -> UInt32 {
        let y = (a & upper) | (b & lower)
        return c ^ (y >> 1) ^ (y & 1 == 1 ? 0x9908_B0DF : 0)
      }
      for k in 0..<(Self.n - Self.m) { state[k] = twist(state[k], state[k + 1], state[k + Self.m]) }
      for k in (Self.n - Self.m)..<(Self.n - 1) {
        state[k] = twist(state[k], state[k + 1], state[k + Self.m - Self.n])
      }
      state[Self.n - 1] = twist(state[Self.n - 1], state[0], state[Self.m - 1])
      index = 0
    }
    var y = state[index]
    index += 1
    y ^= y >> 11
    y ^= (y << 7) & 0x9D2C_5680
    y ^= (y << 15) & 0xEFC6_0000
    y ^= y >> 18
    return y
  }

  /// `random.random()`: 53 random bits as a float in `[0, 1)`.
  public mutating func random() -> Double {
    let a = Double(nextUInt32() >> 5)
    let b = Double(nextUInt32() >> 6)
    return (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
  }

  /// `random.getrandbits(k)`.
  ///
  /// - Throws: `ValueError: number of bits must be non-negative`.
  public mutating func getrandbits(_ k: Int) throws(PythonValuesError) -> BigInt {
    if k < 0 { throw .valueError("number of bits must be non-negative") }
    if k == 0 { return .zero }
    if k <= 32 { return BigInt(Int64(nextUInt32() >> UInt32(32 - k))) }
    var words: [UInt64] = []
    var remaining = k
    var low: UInt64? = nil
    while remaining > 0 {
      var r = nextUInt32()
      if remaining < 32 { r >>= UInt32(32 - remaining) }
      if let l = low {
        words.append(l | UInt64(r) << 32)
        low = nil
      } else {
        low = UInt64(r)
      }
      remaining -= 32
    }
    if let l = low { words.append(l) }
    return BigInt(negative: false, magnitude: words)
  }

  /// `_randbelow(n)` for `n > 0`: `getrandbits(n.bit_length())` until it is below `n`.
  public mutating func randbelow(_ n: BigInt) -> BigInt {
    let k = n.bitLength
    if let limit = n.int64, k <= 32 {
      var r = Int64(try! getrandbits(k).int64!)
      while r >= limit { r = Int64(nextUInt32() >> UInt32(32 - k)) }
      return BigInt(r)
    }
    var r = try! getrandbits(k)
    while r >= n { r = try! getrandbits(k) }
    return r
  }

  /// `random.randrange(start, stop, step)`; `stop == nil` is `randrange(start)`.
  ///
  /// - Throws: CPython's `ValueError`s (`empty range in randrange(5, 5)` from 3.12,
  ///   `empty range for randrange() (5, 5, 0)` before), and `zero step for randrange()`.
  public mutating func randrange(
    _ start: BigInt, _ stop: BigInt? = nil, step: BigInt = .one, release: PythonRelease = .default
  ) throws(PythonValuesError) -> BigInt {
    guard let stop else {
      if start > .zero { return randbelow(start) }
      throw .valueError("empty range for randrange()")
    }
    let width = stop - start
    if step == .one {
      if width > .zero { return start + randbelow(width) }
      throw .valueError(
        release >= .v3_12
          ? "empty range in randrange(\(start), \(stop))"
          : "empty range for randrange() (\(start), \(stop), \(width))")
    }
    let n: BigInt
    if step > .zero {
      n = try (width + step - .one).floorDivided(by: step)
    } else if step < .zero {
      n = try (width + step + .one).floorDivided(by: step)
    } else {
      throw .valueError("zero step for randrange()")
    }
    if n <= .zero {
      throw .valueError(
        release >= .v3_12 ? "empty range in randrange(\(start), \(stop), \(step))" : "empty range for randrange()")
    }
    return start + step * randbelow(n)
  }

  /// `random.randint(a, b)`: `randrange(a, b + 1)`.
  public mutating func randint(_ a: BigInt, _ b: BigInt, release: PythonRelease = .default) throws(PythonValuesError)
    -> BigInt
  {
    try randrange(a, b + .one, release: release)
  }

  /// The index `random.choice(seq)` picks in a sequence of `count` items; `nil` for an empty one,
  /// where the VM raises `IndexError` with ``emptyChoiceMessage``.
  public mutating func choiceIndex(count: Int) -> Int? {
    count == 0 ? nil : randbelow(BigInt(count)).int!
  }

  /// The message of the `IndexError` of `random.choice([])`.
  public static let emptyChoiceMessage = "Cannot choose from an empty sequence"

  /// `random.shuffle(x)`, in place.
  public mutating func shuffle<T>(_ x: inout [T]) {
    var i = x.count - 1
    while i >= 1 {
      let j = randbelow(BigInt(i + 1)).int!
      x.swapAt(i, j)
      i -= 1
    }
  }

  /// The indices `random.sample(population, k)` picks, in order, from `n` items.
  ///
  /// - Throws: `ValueError: Sample larger than population or is negative`.
  public mutating func sampleIndices(populationCount n: Int, k: Int) throws(PythonValuesError) -> [Int] {
    if !(0 <= k && k <= n) { throw .valueError("Sample larger than population or is negative") }
    var setSize = 21
    if k > 5 {
      // 4 ** ceil(log4(3k)), in integers (3k is never a power of 4).
      var p = 1
      while p < 3 * k { p *= 4 }
      setSize += p
    }
    var result: [Int] = []
    result.reserveCapacity(k)
    if n <= setSize {
      var pool = Array(0..<n)
      for i in 0..<k {
        let j = randbelow(BigInt(n - i)).int!
        result.append(pool[j])
        pool[j] = pool[n - i - 1]
      }
    } else {
      var selected = Set<Int>()
      for _ in 0..<k {
        var j = randbelow(BigInt(n)).int!
        while selected.contains(j) { j = randbelow(BigInt(n)).int! }
        selected.insert(j)
        result.append(j)
      }
    }
    return result
  }

  /// `random.uniform(a, b)`: `a + (b - a) * random()`.
  public mutating func uniform(_ a: Double, _ b: Double) -> Double {
    a + (b - a) * random()
  }

  /// The indices `random.choices(population, weights, k=k)` picks: `bisect` of `random() * total`
  /// in the running sums of the weights.
  ///
  /// - Parameters:
  ///   - weights: The weights (ints below 2**53 are exact as doubles), one per item; pass
  ///     `cumulative: true` for `cum_weights`.
  ///   - k: How many to pick.
  /// - Throws: `ValueError: Total of weights must be greater than zero`,
  ///   `ValueError: Total of weights must be finite`.
  public mutating func choicesIndices(weights: [Double], cumulative: Bool = false, k: Int) throws(PythonValuesError)
    -> [Int]
  {
    var sums = weights
    if !cumulative {
      var running = 0.0
      for i in sums.indices {
        running = i == 0 ? sums[0] : running + sums[i]
        sums[i] = running
      }
    }
    guard let total = sums.last else { throw .valueError("Total of weights must be greater than zero") }
    if !(total > 0) { throw .valueError("Total of weights must be greater than zero") }
    if !total.isFinite { throw .valueError("Total of weights must be finite") }
    let hi = sums.count - 1
    return (0..<max(0, k)).map { _ in
      // bisect_right(sums, x, 0, hi)
      let x = random() * total
      var lo = 0
      var high = hi
      while lo < high {
        let mid = (lo + high) / 2
        if x < sums[mid] { high = mid } else { lo = mid + 1 }
      }
      return lo
    }
  }

  /// The indices `random.choices(population, k=k)` (no weights) picks from `n` items:
  /// `floor(random() * n)` each.
  public mutating func choicesIndices(populationCount n: Int, k: Int) -> [Int] {
    (0..<max(0, k)).map { _ in Int(random() * Double(n)) }
  }
}
