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
      id: "peak-within", title: "calls in flight at once", status: passed ? .passed : .failed,
      expected: "at most \(maximum) in flight", observed: "a peak of \(peak) in flight",
      mistake: mistake.flatMap(Mistake.named), location: mistake == "semaphore-per-call" ? "semaphore" : "limit")
  }
}

/// The batch takes its longest call, not the sum of them.
struct OverlapCheck: LessonCheck {
  func evaluate(_ context: CheckContext) -> CheckResult {
    let calls = context.trace.calls
    let longest = calls.map { $0.endedAt - ($0.startedAt ?? $0.endedAt) }.max() ?? .zero
    let sum = context.batch.calls.reduce(Duration.zero) { $0 + $1.delay }
    let elapsed = context.trace.elapsed
    let passed = elapsed == longest && (calls.count < 2 || elapsed < sum)
    return CheckResult(
      id: "overlap", title: "the waits overlap", status: passed ? .passed : .failed,
      expected: "the batch takes its longest call, \(longest.secondsText)",
      observed: "the batch took \(elapsed.secondsText) (the delays add up to \(sum.secondsText))",
      mistake: passed ? nil : Mistake.named("no-overlap"), location: "limit")
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
      observed: "\(waiting.joined(separator: ", ")) waited for a slot that could never be free",
      mistake: Mistake.named("zero-limit-deadlock"), location: "limit")
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
        id: "margins", title: "timeouts clear of latency", status: .passed,
        expected: "every delay at least 10 ms from its deadline", observed: "no call within 10 ms of its deadline")
    }
    let names = fragile.map { "\(batch.calls[$0.0].name) (\($0.1.secondsText) from its deadline)" }
    return CheckResult(
      id: "margins", title: "timeouts clear of latency", status: .warning,
      expected: "every delay at least 10 ms from its deadline", observed: names.joined(separator: ", "),
      mistake: Mistake.named("fragile-margin"), location: "calls[\(first.0)]")
  }
}
