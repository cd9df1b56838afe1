import GuardedGather

/// At least this many calls.
struct MinCallsCheck: LessonCheck {
  let minimum: Int

  func evaluate(_ context: CheckContext) -> CheckResult {
    let count = context.batch.calls.count
    return CheckResult(
      id: "min-calls", title: "number of calls", status: count >= minimum ? .passed : .failed,
      expected: "at least \(minimum) calls", observed: "\(count) call\(count == 1 ? "" : "s")",
      mistake: count >= minimum ? nil : Mistake.named("missing-calls"), location: "calls")
  }
}

/// One shared semaphore of exactly this size.
struct LimitCheck: LessonCheck {
  let limit: Int

  func evaluate(_ context: CheckContext) -> CheckResult {
    let batch = context.batch
    let observed =
      batch.limit.map { "limit \($0)" + (batch.semaphore == .perCall ? " on a semaphore made per call" : "") }
      ?? "no limit (null)"
    let mistake: String?
    if batch.limit == nil {
      mistake = "no-limit"
    } else if batch.limit == 0, limit != 0 {
      mistake = "zero-limit-deadlock"
    } else if batch.semaphore == .perCall {
      mistake = "semaphore-per-call"
    } else if batch.limit != limit {
      mistake = "wrong-setting"
    } else {
      mistake = nil
    }
    return CheckResult(
      id: "limit", title: "concurrency limit", status: mistake == nil ? .passed : .failed,
      expected: "limit \(limit) on one shared semaphore", observed: observed, mistake: mistake.flatMap(Mistake.named),
      location: batch.semaphore == .perCall && batch.limit != nil ? "semaphore" : "limit")
  }
}

/// Every call's timeout is this.
struct TimeoutCheck: LessonCheck {
  let timeout: Duration

  func evaluate(_ context: CheckContext) -> CheckResult {
    let batch = context.batch
    let offending = batch.calls.indices.first { batch.effectiveTimeout(ofCallAt: $0) != timeout }
    guard let index = offending else {
      return CheckResult(
        id: "timeout", title: "timeout", status: .passed, expected: "\(timeout.secondsText) for every call",
        observed: "\(timeout.secondsText) for every call")
    }
    let actual = batch.effectiveTimeout(ofCallAt: index)
    let overridden = batch.calls[index].timeout != .inherit
    return CheckResult(
      id: "timeout", title: "timeout", status: .failed, expected: "\(timeout.secondsText) for every call",
      observed: "\(batch.calls[index].name) has \(actual?.secondsText ?? "no timeout")",
      mistake: Mistake.named(actual == nil ? "no-timeout" : "wrong-setting"),
      location: overridden ? "calls[\(index)].timeout" : "timeout")
  }
}

/// No call runs without a timeout.
struct EveryCallTimedCheck: LessonCheck {
  func evaluate(_ context: CheckContext) -> CheckResult {
    let batch = context.batch
    let untimed = batch.calls.indices.filter { batch.effectiveTimeout(ofCallAt: $0) == nil }
    let names = untimed.map { batch.calls[$0].name }
    return CheckResult(
      id: "every-call-timed", title: "every call has a timeout", status: untimed.isEmpty ? .passed : .failed,
      expected: "a timeout on every call",
      observed: untimed.isEmpty ? "a timeout on every call" : "no timeout on \(names.joined(separator: ", "))",
      mistake: untimed.isEmpty ? nil : Mistake.named("no-timeout"),
      location: untimed.first.map { batch.calls[$0].timeout == .none ? "calls[\($0)].timeout" : "timeout" })
  }
}

/// The timeout starts when the call gets its slot.
struct TimeoutInsideSemaphoreCheck: LessonCheck {
  func evaluate(_ context: CheckContext) -> CheckResult {
    let inside = context.batch.timeoutScope == .call
    let never = context.neverStartedTimeouts
    let observed =
      inside
      ? "the timeout starts when a call gets its slot"
      : "the timeout covers the wait for a slot"
        + (never.isEmpty ? "" : "; \(never.joined(separator: ", ")) timed out without ever running")
    return CheckResult(
      id: "timeout-inside-semaphore", title: "where the timeout starts", status: inside ? .passed : .failed,
      expected: "the timeout inside the semaphore (\"timeoutScope\": \"call\")", observed: observed,
      mistake: inside ? nil : Mistake.named("timeout-outside-semaphore"), location: "timeoutScope")
  }
}

/// One semaphore for the whole batch.
struct SharedSemaphoreCheck: LessonCheck {
  func evaluate(_ context: CheckContext) -> CheckResult {
    let shared = context.batch.semaphore == .shared
    return CheckResult(
      id: "shared-semaphore", title: "one semaphore for the batch", status: shared ? .passed : .failed,
      expected: "one shared semaphore", observed: shared ? "one shared semaphore" : "a new semaphore in every call",
      mistake: shared ? nil : Mistake.named("semaphore-per-call"), location: "semaphore")
  }
}

/// The calls named compute (CPU-bound), and the run shows they cannot overlap.
struct CPUWorkCheck: LessonCheck {
  let names: [String]

  func evaluate(_ context: CheckContext) -> CheckResult {
    let batch = context.batch
    let asIO = batch.calls.indices.filter { names.contains(batch.calls[$0].name) && batch.calls[$0].work != .cpu }
    let missing = names.filter { name in !batch.calls.contains { $0.name == name } }
    let passed = asIO.isEmpty && missing.isEmpty
    var observed = "\(names.joined(separator: ", ")) compute"
    if !missing.isEmpty { observed = "no call named \(missing.joined(separator: ", "))" }
    if !asIO.isEmpty {
      observed = "\(asIO.map { batch.calls[$0].name }.joined(separator: ", ")) modelled as waiting (\"io\")"
    }
    return CheckResult(
      id: "cpu-work", title: "CPU-bound calls", status: passed ? .passed : .failed,
      expected: "\(names.joined(separator: ", ")) as \"work\": \"cpu\"", observed: observed,
      mistake: passed ? nil : Mistake.named(missing.isEmpty ? "async-for-cpu" : "missing-calls"),
      location: asIO.first.map { "calls[\($0)].work" } ?? "calls")
  }
}

/// Blocking work inside a coroutine, in a lesson about waiting: it holds the loop.
struct NoBlockingWorkCheck: LessonCheck {
  func evaluate(_ context: CheckContext) -> CheckResult {
    let blocking = context.batch.calls.indices.filter { context.batch.calls[$0].work == .cpu }
    let names = blocking.map { context.batch.calls[$0].name }
    return CheckResult(
      id: "no-blocking-work", title: "no blocking work in coroutines", status: blocking.isEmpty ? .passed : .failed,
      expected: "calls that wait (await), so that they overlap",
      observed: blocking.isEmpty
        ? "every call awaits" : "\(names.joined(separator: ", ")) block the loop while they run",
      mistake: blocking.isEmpty ? nil : Mistake.named("async-for-cpu"),
      location: blocking.first.map { "calls[\($0)].work" })
  }
}
