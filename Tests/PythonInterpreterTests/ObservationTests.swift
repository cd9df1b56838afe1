import Testing

@testable import PythonInterpreter

/// What the observation takes as a call's name from its result (`search` of `search:ok`): the
/// first non-empty part between colons, as `split(separator: ":")` gives it.
@Suite struct ObservationTests {
  @Test(arguments: [
    "search:ok", "search", ":ok", "::x", "", ":", "a:b:c", "slow tool:timeout", "None", "é:ok", "e\u{301}:x",
    ":\u{301}x", "a\u{0}b:c", "x:",
  ])
  func aResultsFirstFieldIsWhatSplittingGives(text: String) {
    #expect(Machine.firstField(of: text) == text.split(separator: ":").first.map(String.init))
  }
}
