import GuardedGather

/// The learner reports the results and the timeout count the run observed, not invented ones.
struct EvidenceMatchesCheck: LessonCheck {
  func evaluate(_ context: CheckContext) -> CheckResult {
    let title = "your reported evidence"
    let observedCount = context.trace.timeouts.map { "timeouts: \($0)" } ?? "no count (the batch failed)"
    let expected = "what the run printed: \(context.observedResults), \(observedCount)"
    guard let evidence = context.evidence,
      evidence.results != nil || evidence.timeouts != nil || evidence.timeoutsComputed || evidence.resultsComputed
    else {
      return CheckResult(
        id: "evidence-matches", title: title, status: .failed, expected: expected, observed: "no evidence reported",
        mistake: Mistake.named("missing-evidence"), location: "evidence")
    }
    var differences: [String] = []
    var location = "evidence"
    // A program that prints what it computed from the results reports the observation itself.
    let results = evidence.resultsComputed ? context.trace.results : evidence.results
    let timeouts = evidence.timeoutsComputed ? context.trace.timeouts : evidence.timeouts
    if let reported = results, reported != context.trace.results {
      differences.append("you reported \(GatherTrace.pythonList(reported))")
      location = "evidence.results"
    }
    if let reported = timeouts, reported != context.trace.timeouts {
      differences.append("you reported timeouts: \(reported)")
      location = "evidence.timeouts"
    }
    if results == nil { differences.append("you did not report the results list") }
    if timeouts == nil { differences.append("you did not report the timeout count") }
    let passed = differences.isEmpty
    let invented =
      results.map { $0 != context.trace.results } ?? false || timeouts.map { $0 != context.trace.timeouts } ?? false
    return CheckResult(
      id: "evidence-matches", title: title, status: passed ? .passed : .failed, expected: expected,
      observed: passed ? "the same results and count" : differences.joined(separator: "; "),
      mistake: passed ? nil : Mistake.named(invented ? "invented-count" : "missing-evidence"), location: location)
  }
}

/// The learner's note explains each topic the lesson asks about.
struct NoteExplainsCheck: LessonCheck {
  let topics: [NoteTopic]

  func evaluate(_ context: CheckContext) -> CheckResult {
    let note = context.note
    let missing = topics.filter { topic in !topic.words.contains { note.contains($0) } }
    let passed = missing.isEmpty
    return CheckResult(
      id: "note-explains", title: "your note explains why", status: passed ? .passed : .failed,
      expected: "a note that says " + topics.map(\.about).joined(separator: ", and "),
      observed: note.isEmpty
        ? "no note"
        : passed ? "a note that says all of it" : "nothing on " + missing.map(\.about).joined(separator: ", or "),
      mistake: passed ? nil : Mistake.named("missing-explanation"), location: "evidence.note")
  }
}

/// Every failing call is named: in the results (`name:error`, not `None`) and in the note.
struct FailuresNamedCheck: LessonCheck {
  func evaluate(_ context: CheckContext) -> CheckResult {
    let failing = context.batch.calls.filter { $0.failure != nil }.map(\.name)
    let expected = "each failing call named in the results and in your note (\(failing.joined(separator: ", ")))"
    if context.batch.errors == .swallow {
      return CheckResult(
        id: "failures-named", title: "failures are named", status: .failed, expected: expected,
        observed: "the failing calls' results are None", mistake: Mistake.named("swallowed-error"), location: "errors")
    }
    let unnamed = failing.filter { !context.note.contains($0.lowercased()) }
    let passed = unnamed.isEmpty && !failing.isEmpty
    return CheckResult(
      id: "failures-named", title: "failures are named", status: passed ? .passed : .failed, expected: expected,
      observed: failing.isEmpty
        ? "no call that fails"
        : passed ? "every failing call named" : "your note does not name \(unnamed.joined(separator: ", "))",
      mistake: passed ? nil : Mistake.named(failing.isEmpty ? "missing-calls" : "unnamed-failure"),
      location: failing.isEmpty ? "calls" : "evidence.note")
  }
}
