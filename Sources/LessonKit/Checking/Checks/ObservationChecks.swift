import GuardedGather

/// Never more calls in flight than the upstream allows.
struct PeakWithinCheck: LessonCheck {
  let maximum: Int

  func evaluate(_ context: CheckContext) -> CheckResult {
    let peak = context.trace.peakConcurrency
    let passed = peak <= maximum
    let mistake: String? =
      passed
      ? nil
      : context.batch.semaphore == .perCall
        ? "semaphore-per-call" : context.batch.limit == nil ? "no-limit" : "over-limit"
    return CheckResult(
      id: "peak-within", title: "calls running at once", status: passed ? .passed : .failed,
      expected: "at most \(maximum) at once", observed: "\(peak) at once at the busiest moment",
      mistake: mistake.flatMap(Mistake.named), location: mistake == "semaphore-per-call" ? "semaphore" : "limit",
      fix: passed
        ? nil
        : mistake == "semaphore-per-call"
          ? "Set \"semaphore\": \"shared\" with \"limit\": \(maximum)."
          : "Set \"limit\": \(maximum) (one shared semaphore).",
      pythonFix: passed
        ? nil
        : "Share one asyncio.Semaphore(\(maximum)), made once in main, across all calls (async with semaphore:).")
  }
}

/// The batch takes its longest call, not the sum of them.
struct OverlapCheck: LessonCheck {
  func evaluate(_ context: CheckContext) -> CheckResult {
    let calls = context.trace.calls
    let longest = calls.map { $0.endedAt - ($0.startedAt ?? $0.endedAt) }.max() ?? .zero
    let sum = context.batch.calls.reduce(Duration.zero) { $0 + $1.delay }
    let elapsed = context.trace.elapsed
    let expected = "the batch takes its longest call, \(longest.secondsText)"
    if context.trace.failure != nil || calls.allSatisfy({ $0.startedAt == nil }) {
      // A run that never ran its calls cannot show an overlap, whatever its clock says.
      return CheckResult(
        id: "overlap", title: "the waits overlap", status: .failed, expected: expected,
        observed: "no results: \(context.observedResults)", mistake: context.diagnose(), location: "limit")
    }
    let passed = elapsed == longest && (calls.count < 2 || elapsed < sum)
    let waited = calls.filter { ($0.startedAt ?? .zero) > .zero }.map(\.name)
    if !passed, let limit = context.batch.limit, limit > 1, context.trace.peakConcurrency > 1 {
      // The waits overlap, only not all of them: a limit made some calls queue.
      return CheckResult(
        id: "overlap", title: "the waits overlap", status: .failed, expected: expected,
        observed: "the batch took \(elapsed.secondsText): with \"limit\": \(limit), "
          + "\(waited.joined(separator: ", ")) waited for another call to finish",
        mistake: Mistake.named("wrong-setting"), location: "limit",
        fix: "Set \"limit\": null (plain gather), so that no call waits for another.",
        pythonFix: "Gather the calls without a semaphore, so that no call waits for another.")
    }
    return CheckResult(
      id: "overlap", title: "the waits overlap", status: passed ? .passed : .failed,
      expected: expected,
      observed: "the batch took \(elapsed.secondsText) (the delays add up to \(sum.secondsText))",
      mistake: passed ? nil : Mistake.named("no-overlap"), location: "limit",
      fix: passed ? nil : "Set \"limit\": null (plain gather), so that the calls wait together.")
  }
}

/// The same results under each limit, each run no wider than its limit, the tighter one no faster.
struct SameResultsAtLimitsCheck: LessonCheck {
  let limits: [Int]

  func evaluate(_ context: CheckContext) -> CheckResult {
    var batch = context.batch
    var runs: [(limit: Int, trace: GatherTrace)] = []
    for limit in limits {
      batch.limit = limit
      runs.append((limit, GatherEngine.runVirtual(batch, python: context.trace.python)))
    }
    let summary = runs.map {
      "limit \($0.limit): \($0.trace.pythonResults ?? "failed"), peak \($0.trace.peakConcurrency), "
        + "\($0.trace.elapsed.secondsText)"
    }
    let sameResults = runs.allSatisfy { $0.trace.results != nil && $0.trace.results == runs[0].trace.results }
    let bounded = runs.allSatisfy { $0.trace.peakConcurrency <= $0.limit }
    let passed = sameResults && bounded
    let mistake: String? =
      passed
      ? nil
      : context.batch.timeoutScope == .queue
        ? "timeout-outside-semaphore"
        : context.batch.semaphore == .perCall ? "semaphore-per-call" : "limit-changes-results"
    return CheckResult(
      id: "same-results-at-limits", title: "limits \(limits.map(String.init).joined(separator: " and "))",
      status: passed ? .passed : .failed,
      expected: "the same results under every limit, each run within its limit",
      observed: summary.joined(separator: "; "), mistake: mistake.flatMap(Mistake.named),
      location: mistake == "timeout-outside-semaphore" ? "timeoutScope" : "limit")
  }
}

/// A run that deadlocked: reported whatever the lesson, because it never finishes for real.
struct NoDeadlockCheck: LessonCheck {
  func evaluate(_ context: CheckContext) -> CheckResult {
    guard case .deadlock(let waiting)? = context.trace.failure else {
      return CheckResult(
        id: "no-deadlock", title: "the batch can finish", status: .passed, expected: "no deadlock",
        observed: "no deadlock")
    }
    return CheckResult(
      id: "no-deadlock", title: "the batch can finish", status: .failed, expected: "no deadlock",
      observed: "\(waiting.joined(separator: ", ")) waited for a turn that could never come",
      mistake: Mistake.named("zero-limit-deadlock"), location: "limit",
      fix: "Set \"limit\" to 1 or more, or null for plain gather.",
      pythonFix: "asyncio.Semaphore(0) never lets anyone in: use asyncio.Semaphore(1) or more.")
  }
}

/// Calls whose finish is within a few milliseconds of their deadline: fine on the virtual clock,
/// a coin toss on a real machine.
struct MarginCheck: LessonCheck {
  static let margin = Duration.milliseconds(10)

  func evaluate(_ context: CheckContext) -> CheckResult {
    let batch = context.batch
    var fragile: [(Int, Duration)] = []
    for (index, record) in context.trace.calls.enumerated() {
      guard let start = record.startedAt, batch.calls[index].work == .io else { continue }
      let deadline: Duration?
      switch batch.timeoutScope {
      case .call: deadline = batch.effectiveTimeout(ofCallAt: index).map { start + $0 }
      case .queue: deadline = batch.effectiveTimeout(ofCallAt: index)
      }
      guard let deadline else { continue }
      let finish = start + batch.calls[index].delay
      let gap = finish > deadline ? finish - deadline : deadline - finish
      if gap < Self.margin { fragile.append((index, gap)) }
    }
    guard let first = fragile.first else {
      return CheckResult(
        id: "margins", title: "delays away from timeouts", status: .passed,
        expected: "every call ends at least 10 ms from its timeout", observed: "no call within 10 ms of its timeout")
    }
    let names = fragile.map { "\(batch.calls[$0.0].name) (\($0.1.secondsText) from its timeout)" }
    return CheckResult(
      id: "margins", title: "delays away from timeouts", status: .warning,
      expected: "every call ends at least 10 ms from its timeout", observed: names.joined(separator: ", "),
      mistake: Mistake.named("fragile-margin"), location: "calls[\(first.0)]",
      fix: "Move \(batch.calls[first.0].name)'s delay at least 10 ms away from its timeout (20% is safer).")
  }
}
