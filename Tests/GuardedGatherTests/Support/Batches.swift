import GuardedGather

/// Small builders so tests read like the configurations learners write.
func ms(_ value: Int) -> Duration { .milliseconds(value) }

func call(
  _ name: String, _ delay: Int, timeout: Int? = nil, noTimeout: Bool = false, fails: String? = nil, cpu: Bool = false
)
  -> GatherCall
{
  GatherCall(
    name: name, delay: ms(delay),
    timeout: noTimeout ? .none : timeout.map { .after(ms($0)) } ?? .inherit,
    failure: fails, work: cpu ? .cpu : .io)
}

/// The lesson page's example: limit 2; search 0.1 s, database 0.2 s, slow_tool 1.0 s with a 0.3 s timeout.
let classic = GatherBatch(
  limit: 2, timeout: ms(500),
  calls: [call("search", 100), call("database", 200), call("slow_tool", 1000, timeout: 300)])

/// A tiny seeded generator (SplitMix64), so random tests print a seed that reproduces them.
struct SeededRandom: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// A random configuration on a 50 ms grid, so that ties are frequent.
func randomBatch(_ random: inout SeededRandom) -> GatherBatch {
  let count = Int.random(in: 1...9, using: &random)
  func grid(_ upper: Int) -> Int { Int.random(in: 0...upper, using: &random) * 50 }
  let limits: [Int?] = [nil, 0, 1, 2, 3, 4]
  let timeouts: [Int?] = [nil, grid(8), grid(6)]
  var calls: [GatherCall] = []
  for index in 0..<count {
    let roll = Int.random(in: 0..<10, using: &random)
    calls.append(
      call(
        "t\(index)", grid(10), timeout: roll < 2 ? grid(10) : nil, noTimeout: roll == 2,
        fails: roll == 3 ? "failure \(index)" : nil))
  }
  return GatherBatch(
    limit: limits.randomElement(using: &random)!, timeout: timeouts.randomElement(using: &random)!.map(ms),
    timeoutScope: Bool.random(using: &random) ? .call : .queue,
    semaphore: Int.random(in: 0..<4, using: &random) == 0 ? .perCall : .shared,
    errors: Bool.random(using: &random) ? .propagate : .capture, calls: calls)
}
