import GuardedGather
import Testing

@Suite struct DeterminismTests {
  @Test func theClassicExampleGivesTheSameTraceEveryTime() {
    let first = GatherEngine.runVirtual(classic)
    for _ in 0..<500 { #expect(GatherEngine.runVirtual(classic) == first) }
  }

  @Test(arguments: 0..<20)
  func randomConfigurationsGiveIdenticalTracesOnEveryRun(seed: Int) {
    var random = SeededRandom(seed: UInt64(seed))
    let batch = randomBatch(&random)
    let first = GatherEngine.runVirtual(batch)
    for _ in 0..<100 {
      let again = GatherEngine.runVirtual(batch)
      #expect(again == first, "seed \(seed) gave a different trace")
      if again != first { break }
    }
  }

  @Test func runsOnManyThreadsAtOnceDoNotDisturbEachOther() async {
    let expected = GatherEngine.runVirtual(classic)
    await withTaskGroup(of: GatherTrace.self) { group in
      for _ in 0..<16 { group.addTask { GatherEngine.runVirtual(classic) } }
      for await trace in group { #expect(trace == expected) }
    }
  }
}
