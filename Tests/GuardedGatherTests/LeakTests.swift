import AsyncioModel
import Testing

@testable import GuardedGather

/// A run leaves nothing behind: once it returns, its loop, tasks, futures and timers are freed,
/// whatever way it ended (no cycle of frames, futures and handles keeps them alive). Found by the
/// fuzzer's leak checker; these batches cover each way a run ends.
@Suite struct LeakTests {
  static let batches: [GatherBatch] = [
    classic,
    GatherBatch(limit: 1, timeout: nil, calls: [call("a", 100)]),
    GatherBatch(limit: 0, timeout: ms(50), calls: [call("a", 10), call("b", 10)]),
    GatherBatch(limit: 2, timeout: ms(150), timeoutScope: .queue, calls: (0..<6).map { call("c\($0)", 100) }),
    GatherBatch(limit: 2, timeout: ms(500), calls: [call("a", 100), call("b", 150, fails: "boom"), call("c", 300)]),
    GatherBatch(
      limit: 2, timeout: ms(100), calls: [call("a", 50), GatherCall(name: "cpu", delay: ms(120), work: .cpu)]),
    GatherBatch(limit: 3, timeout: ms(0), calls: [call("a", 0), call("b", 10)]),
  ]

  @Test(arguments: PythonVersion.allCases)
  func everyRunFreesItsLoop(_ version: PythonVersion) {
    for batch in Self.batches {
      weak var weakLoop: EventLoop?
      do {
        let loop = EventLoop(version: version)
        weakLoop = loop
        _ = GatherEngine.run(batch, loop: loop)
      }
      #expect(weakLoop == nil, "Python \(version): \(describe(batch))")
    }
  }
}
