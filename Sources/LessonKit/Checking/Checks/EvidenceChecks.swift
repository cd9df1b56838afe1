import GuardedGather

/// The learner reports the results and the timeout count the run observed, not invented ones.
struct EvidenceMatchesCheck: LessonCheck {
  func evaluate(_ context: CheckContext) -> CheckResult {
    let title = "your reported evidence"
    let observedCount = context.trace.timeouts.map { "timeouts: \($0)" } ?? "no count (the batch failed)"
    // A program's evidence is what it prints: the results list, and a count computed from it.
    let expected =
      context.isProgram
      ? "the results list and the timeouts counted from it: \(context.observedResults), \(observedCount)"
      : "what the run printed: \(context.observedResults), \(observedCount)"
    let printed = context.printedResults ?? "[]"
    let count = context.trace.timeouts ?? 0
    // What to write, with the run's own values.
    let fix = "Report what the run printed: in \"evidence\", \"results\": \(jsonList(context.trace.results ?? [])) "
      + "and \"timeouts\": \(count)."
    let pythonFix = "Print what the program computed: print(results), then the count computed from them, "
      + "print(\"timeouts:\", sum(r.endswith(\":timeout\") for r in results)); the run prints \(printed), timeouts: \(count)."
    guard let evidence = context.evidence,
      evidence.results != nil || evidence.timeouts != nil || evidence.timeoutsComputed || evidence.resultsComputed
    else {
      return CheckResult(
        id: "evidence-matches", title: title, status: .failed, expected: expected, observed: "no evidence reported",
        mistake: Mistake.named("missing-evidence"), location: "evidence", fix: fix, pythonFix: pythonFix)
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
      differences.append(
        !context.isProgram || evidence.timeoutsComputed
          ? "you reported timeouts: \(reported)"
          : "your program prints timeouts: \(reported)"
            + (evidence.timeoutsMiscounted ? "" : ", a number written into it")
            + "; its results hold \(context.trace.timeouts ?? 0)")
      location = "evidence.timeouts"
    }
    // A count a program prints as a number written into it says nothing about the run, even
    // where it happens to be right: the next run with other delays would print it unchanged.
    let hardCoded = context.isProgram && !evidence.timeoutsComputed && timeouts != nil && timeouts == context.trace.timeouts
    if hardCoded {
      differences.append("your program prints timeouts: \(timeouts!) as a number written into it, not counted from the results")
      location = "evidence.timeouts"
    }
    if results == nil { differences.append("you did not report the results list") }
    if timeouts == nil { differences.append("you did not report the timeout count") }
    let passed = differences.isEmpty
    let invented =
      hardCoded || results.map { $0 != context.trace.results } ?? false
      || timeouts.map { $0 != context.trace.timeouts } ?? false
    return CheckResult(
      id: "evidence-matches", title: title, status: passed ? .passed : .failed, expected: expected,
      observed: passed ? "the same results and count" : differences.joined(separator: "; "),
      mistake: passed ? nil : Mistake.named(invented ? "invented-count" : "missing-evidence"), location: location,
      fix: fix, pythonFix: pythonFix)
  }
}

/// The learner's note explains each idea the lesson asks about. A machine cannot grade prose, so a
/// weak note is only ever a warning (and a note to review in `grade`).
struct NoteExplainsCheck: LessonCheck {
  let topics: [NoteTopic]

  func evaluate(_ context: CheckContext) -> CheckResult {
    let review = context.noteReview(topics)
    let missing = review.ideas.filter { !$0.found }
    let expected =
      "a note that says "
      + topics.map { "\($0.about) (words such as \($0.words.prefix(3).map { "\"\($0)\"" }.joined(separator: ", ")))" }
      .joined(separator: "; and ")
    var observed: [String] = []
    if review.note.trimmingWhiteSpace.isEmpty {
      observed.append("no note yet")
    } else {
      for idea in missing {
        observed.append(
          idea.negated.isEmpty
            ? "nothing on \(idea.about)" : "\(idea.about): your note says it does not (\"not … \(idea.negated[0])\")")
      }
      let unsure = review.contradictions.filter(NoteReview.unsure.contains)
      let contrary = review.contradictions.filter { !NoteReview.unsure.contains($0) }
      if !contrary.isEmpty {
        observed.append(
          "your note says \(contrary.map { "\"\($0)\"" }.joined(separator: ", ")), the opposite of what the run shows")
      }
      if !unsure.isEmpty {
        observed.append("your note says \(unsure.map { "\"\($0)\"" }.joined(separator: ", ")): say what you think, in your words")
      }
      if observed.isEmpty, review.wordCount < 6 {
        observed.append("a note of \(review.wordCount) words, too short to explain it")
      }
    }
    let weak = !observed.isEmpty
    return CheckResult(
      id: "note-explains", title: "your note explains why", status: weak ? .warning : .passed,
      expected: expected,
      observed: weak ? observed.joined(separator: "; ") : "a note that says each idea (a person may still read it)",
      mistake: weak ? Mistake.named("missing-explanation") : nil, location: "evidence.note",
      fix: weak
        ? "In \"evidence\": \"note\", say in a sentence or two "
          + (missing.isEmpty ? topics : topics.filter { topic in missing.contains { $0.about == topic.about } }).map(
            \.about
          ).joined(separator: ", and ") + "."
        : nil,
      pythonFix: weak
        ? "In the module docstring (or comments), say in a sentence or two "
          + (missing.isEmpty ? topics : topics.filter { topic in missing.contains { $0.about == topic.about } }).map(
            \.about
          ).joined(separator: ", and ") + "."
        : nil)
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
    if failing.isEmpty {
      return CheckResult(
        id: "failures-named", title: "failures are named", status: .failed, expected: expected,
        observed: "no call that fails", mistake: Mistake.named("missing-calls"), location: "calls")
    }
    if context.batch.errors == .propagate {
      // The results are lost: whether they name the failure waits for the batch to complete.
      if context.spec.rules.contains(.batchCompletes) {
        var result = CheckResult(
          id: "failures-named", title: "failures are named", status: .skipped, expected: expected,
          observed: "no results: the error escaped gather")
        result.blockedBy = ["the batch completes"]
        return result
      }
      return CheckResult(
        id: "failures-named", title: "failures are named", status: .failed, expected: expected,
        observed: "no results: the error escaped gather", mistake: Mistake.named("propagated-error"),
        location: "errors")
    }
    // The results name each failure ('flaky:error'); the note is prose, so it only warns.
    let unnamed = failing.filter { !context.note.contains($0.lowercased()) }
    // "flaky did not fail", "nothing failed": the note says the opposite of the run.
    let words = NoteReview.words(context.note)
    let denied = NoteReview.positions(of: ["fail"], in: words).contains { NoteReview.isNegated(at: $0, in: words) }
    let passed = unnamed.isEmpty && !denied
    let observed =
      passed
      ? "every failing call named"
      : unnamed.isEmpty
        ? "your note says nothing failed, but \(failing.joined(separator: ", ")) did"
        : "the results name it; your note does not name \(unnamed.joined(separator: ", "))"
    return CheckResult(
      id: "failures-named", title: "failures are named", status: passed ? .passed : .warning, expected: expected,
      observed: observed, mistake: passed ? nil : Mistake.named("unnamed-failure"), location: "evidence.note")
  }
}
