import GuardedGather
import Testing

/// The engine agrees with real asyncio on every configuration of the recorded corpus: results,
/// each call's start, end and outcome, the peak in flight and the elapsed time, to the microsecond.
@Suite struct ConformanceTests {
  static let cases = (try? ConformanceCase.load()) ?? []

  @Test func corpusIsLoadedAndLarge() {
    #expect(Self.cases.count >= 400)
  }

  @Test(arguments: cases)
  func agreesWithAsyncio(_ reference: ConformanceCase) {
    let trace = GatherEngine.runVirtual(reference.batch)
    #expect(trace.results == reference.results)
    switch trace.failure {
    case .callFailed?: #expect(trace.failure?.description == reference.error)
    case .deadlock?: #expect(reference.deadlock)
    case .interrupted?: Issue.record("a virtual run is never interrupted")
    case nil: #expect(reference.error == nil)
    }
    let observed = trace.calls.map {
      ConformanceCase.Call(
        name: $0.name, outcome: $0.outcome.rawValue, startedAt: $0.startedAt?.microseconds,
        endedAt: $0.endedAt.microseconds)
    }
    #expect(observed == reference.calls)
    #expect(trace.peakConcurrency == reference.peakConcurrency)
    #expect(trace.elapsed.microseconds == reference.elapsed)
  }
}
