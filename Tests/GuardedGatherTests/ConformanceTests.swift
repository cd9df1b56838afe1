import AsyncioModel
import GuardedGather
import LessonKit
import Testing

/// The engine agrees with real asyncio, under CPython 3.10, 3.11, 3.12 and 3.13, on every
/// configuration of the recorded corpus (blocking work included): results, each call's start,
/// end and outcome, the peak in flight, the elapsed time and the error, to the microsecond.
@Suite struct ConformanceTests {
  static let cases = (try? ConformanceCase.load()) ?? []

  @Test func corpusIsLoadedAndLarge() {
    #expect(Self.cases.count >= 800)
    #expect(Self.cases.allSatisfy { $0.expected.count == PythonVersion.allCases.count })
    #expect(Self.cases.count { $0.batch.calls.contains { $0.work == .cpu } } >= 180)
  }

  @Test(arguments: cases)
  func agreesWithAsyncioUnderEveryVersion(_ reference: ConformanceCase) {
    for version in PythonVersion.allCases {
      let trace = GatherEngine.runVirtual(reference.batch, python: version)
      if let difference = reference.difference(trace, under: version) {
        Issue.record("Python \(version): \(difference)")
      }
    }
  }

  /// The versions really differ on the corpus, so that agreeing with all of them means something.
  @Test func theVersionsDifferOnSomeConfigurations() {
    let differing = Self.cases.count { reference in
      guard let old = reference.expected[.v3_11], let new = reference.expected[.v3_12] else { return false }
      return old.results != new.results || old.calls != new.calls
    }
    #expect(differing >= 20)
  }
}
