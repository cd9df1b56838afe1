import GuardedGather

/// The run gives exactly the results the lesson fixes.
struct ResultsCheck: LessonCheck {
  let expected: [String?]

  func evaluate(_ context: CheckContext) -> CheckResult {
    let passed = context.trace.results == expected
    let mistake = passed ? nil : context.diagnose()
    return CheckResult(
      id: "results", title: "results list", status: passed ? .passed : .failed,
      expected: GatherTrace.pythonList(expected), observed: context.observedResults, mistake: mistake,
      location: mistake.flatMap(CheckContext.location(of:)))
  }
}

/// The run gives exactly the number of timeouts the lesson fixes.
struct TimeoutCountCheck: LessonCheck {
  let expected: Int

  func evaluate(_ context: CheckContext) -> CheckResult {
    let observed = context.trace.timeouts
    let passed = observed == expected
    let mistake = passed ? nil : context.diagnose()
    return CheckResult(
      id: "timeouts", title: "number of timeouts", status: passed ? .passed : .failed,
      expected: "timeouts: \(expected)", observed: observed.map { "timeouts: \($0)" } ?? "no count (the batch failed)",
      mistake: mistake, location: mistake.flatMap(CheckContext.location(of:)))
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
