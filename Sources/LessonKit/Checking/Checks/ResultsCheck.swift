import GuardedGather

/// The run gives exactly the results the lesson fixes.
struct ResultsCheck: LessonCheck {
  let expected: [String?]

  func evaluate(_ context: CheckContext) -> CheckResult {
    // A program's results as it really returned them: the same calls ending the same way, written
    // in another form ("search -> ok", a tuple), are not the lesson's results list.
    // A program that turns gather's values into the lesson's form itself (return_exceptions=True,
    // then f"{name}:error" for each exception) and prints that list has the lesson's results.
    let printedExpected = context.configuration.observedOutput?.contains(GatherTrace.pythonList(expected)) ?? false
    if context.trace.results == expected, let returned = context.configuration.returnedResults, returned != expected,
      !printedExpected
    {
      var result = CheckResult(
        id: "results", title: "results list", status: .failed, expected: GatherTrace.pythonList(expected),
        observed: context.configuration.returnedResultsText ?? GatherTrace.pythonList(returned),
        mistake: Mistake.named("wrong-results"), location: "calls")
      let fix = "Return the lesson's form from each call: f\"{name}:ok\", f\"{name}:timeout\" (and f\"{name}:error\"), "
        + "so that the results list reads \(GatherTrace.pythonList(expected))."
      result.fix = fix
      result.pythonFix = fix
      return result
    }
    let passed = context.trace.results == expected
    let mistake = passed ? nil : context.diagnose()
    var result = CheckResult(
      id: "results", title: "results list", status: passed ? .passed : .failed,
      expected: GatherTrace.pythonList(expected), observed: context.observedResults, mistake: mistake,
      location: mistake.flatMap(CheckContext.location(of:)))
    if mistake?.id == "wrong-results", let fix = Self.fix(expected: expected, context) {
      result.fix = fix
      result.pythonFix = fix
    } else if mistake?.id == "timeout-in-milliseconds", let index = context.millisecondTimeout {
      let timeout = context.batch.effectiveTimeout(ofCallAt: index) ?? .zero
      result.fix =
        "Timeouts are in seconds: \(secondsLiteral(timeout).replacingOccurrences(of: ".0", with: "")) is "
        + "\(timeout.secondsText). For \(secondsLiteral(timeout).replacingOccurrences(of: ".0", with: "")) ms, write "
        + "\(secondsLiteral(timeout / 1000))."
      result.pythonFix = result.fix
    }
    return result
  }

  /// Which calls come out differently, and what would change each.
  static func fix(expected: [String?], _ context: CheckContext) -> String? {
    guard let results = context.trace.results, results.count == expected.count else { return nil }
    var changes: [String] = []
    for (index, (got, want)) in zip(results, expected).enumerated()
    where got != want && index < context.batch.calls.count {
      let call = context.batch.calls[index]
      let name = call.name
      if want?.hasSuffix(":timeout") == true {
        changes.append("\(name) should time out: give it a timeout below its delay (\(call.delay.secondsText))")
      } else if got?.hasSuffix(":timeout") == true {
        changes.append("\(name) should finish: its timeout must be above its delay (\(call.delay.secondsText))")
      } else {
        changes.append("\(name) should give \(want ?? "None"), not \(got ?? "None")")
      }
    }
    return changes.isEmpty
      ? nil : changes.joined(separator: "; ").prefix(1).uppercased() + changes.joined(separator: "; ").dropFirst() + "."
  }
}

/// The run gives exactly the number of timeouts the lesson fixes.
struct TimeoutCountCheck: LessonCheck {
  let expected: Int

  func evaluate(_ context: CheckContext) -> CheckResult {
    let observed = context.trace.timeouts
    let passed = observed == expected
    let mistake = passed ? nil : context.diagnose()
    var result = CheckResult(
      id: "timeouts", title: "number of timeouts", status: passed ? .passed : .failed,
      expected: "timeouts: \(expected)", observed: observed.map { "timeouts: \($0)" } ?? "no count (the batch failed)",
      mistake: mistake, location: mistake.flatMap(CheckContext.location(of:)))
    if let mistake {
      // The same concrete fix as the results list: one mistake, one fix.
      let results = ResultsCheck(expected: context.spec.expectedResults ?? []).evaluate(context)
      if results.mistake == mistake {
        result.fix = results.fix
        result.pythonFix = results.pythonFix
      }
    }
    return result
  }
}

/// No error propagates out of gather, and the batch does not deadlock.
struct BatchCompletesCheck: LessonCheck {
  func evaluate(_ context: CheckContext) -> CheckResult {
    let passed = context.trace.failure == nil
    return CheckResult(
      id: "batch-completes", title: "the batch completes", status: passed ? .passed : .failed,
      expected: "a results list for every call", observed: passed ? "a results list" : context.observedResults,
      mistake: passed ? nil : context.diagnose(), location: passed ? nil : "errors")
  }
}
