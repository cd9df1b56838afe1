import GuardedGather

/// At least this many calls.
struct MinCallsCheck: LessonCheck {
  let minimum: Int

  func evaluate(_ context: CheckContext) -> CheckResult {
    let count = context.batch.calls.count
    let more = minimum - count
    return CheckResult(
      id: "min-calls", title: "number of calls", status: count >= minimum ? .passed : .failed,
      expected: "at least \(minimum) calls", observed: "\(count) call\(count == 1 ? "" : "s")",
      mistake: count >= minimum ? nil : Mistake.named("missing-calls"), location: "calls",
      fix: "Add \(more) more call\(more == 1 ? "" : "s") to \"calls\" (you have \(count), the lesson asks for "
        + "\(minimum)), each with its own \"name\" and \"delay\".",
      pythonFix: "Add \(more) more call\(more == 1 ? "" : "s") to the gather (or rows to the table of (name, delay) "
        + "tuples): you have \(count), the lesson asks for \(minimum).")
  }
}

/// One shared semaphore of exactly this size.
struct LimitCheck: LessonCheck {
  let limit: Int

  func evaluate(_ context: CheckContext) -> CheckResult {
    let batch = context.batch
    let expected =
      context.isProgram ? "one asyncio.Semaphore(\(limit)) shared by every call" : "\"limit\": \(limit), one shared semaphore"
    if batch.semaphore == .perCall, batch.limit != nil, context.spec.rules.contains(.sharedSemaphore) {
      // The lesson judges the sharing in a check of its own; the limit is judged once it passes.
      var result = CheckResult(
        id: "limit", title: "concurrency limit", status: .skipped, expected: expected,
        observed: context.isProgram ? programObserved(batch, context) : "limit \(batch.limit ?? 0) on a semaphore made per call")
      result.blockedBy = [SharedSemaphoreCheck.title]
      return result
    }
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
    let fix: String
    let pythonFix: String
    switch mistake {
    case "semaphore-per-call"?:
      fix = "Set \"semaphore\": \"shared\": one semaphore of \(limit) for the whole batch."
      pythonFix =
        "Make semaphore = asyncio.Semaphore(\(limit)) once in main and pass it to every call; a Semaphore made "
        + "inside the per-call function limits nothing."
    case "no-limit"? where context.configuration.semaphoreNoCallTakes != nil:
      fix = "Set \"limit\": \(limit) (one semaphore shared by every call)."
      pythonFix =
        "Your semaphore is never taken by a call: async with semaphore: around the gather takes one slot, for main, "
        + "and every call still starts at once. Take it in each call instead: async with semaphore: inside the "
        + "per-call function, around its await."
    case "no-limit"?:
      fix = "Set \"limit\": \(limit) (one semaphore shared by every call)."
      pythonFix =
        "Make one semaphore in main, semaphore = asyncio.Semaphore(\(limit)), pass it to every call, and wrap the "
        + "call in async with semaphore:."
    default:
      fix = "Set \"limit\": \(limit)" + (batch.limit.map { " (it is \($0))." } ?? ".")
      pythonFix = "Use asyncio.Semaphore(\(limit))" + (batch.limit.map { " (it is Semaphore(\($0)))." } ?? ".")
    }
    return CheckResult(
      id: "limit", title: "concurrency limit", status: mistake == nil ? .passed : .failed,
      expected: expected, observed: context.isProgram ? programObserved(batch, context) : observed, mistake: mistake.flatMap(Mistake.named),
      location: batch.semaphore == .perCall && batch.limit != nil ? "semaphore" : "limit",
      fix: mistake == nil ? nil : fix, pythonFix: mistake == nil ? nil : pythonFix)
  }

  func programObserved(_ batch: GatherBatch, _ context: CheckContext) -> String {
    guard let limit = batch.limit else {
      return context.configuration.semaphoreNoCallTakes != nil ? "a semaphore no call takes" : "no semaphore"
    }
    return "Semaphore(\(limit))" + (batch.semaphore == .perCall ? " made in every call" : "")
  }
}

/// Every call's timeout is this, but the calls the lesson gives a timeout of their own.
struct TimeoutCheck: LessonCheck {
  let timeout: Duration
  /// The calls with their own timeout (a `call-timeout` rule), judged by that rule.
  var except: [String] = []

  func evaluate(_ context: CheckContext) -> CheckResult {
    let batch = context.batch
    let considered = batch.calls.indices.filter { !except.contains(batch.calls[$0].name) }
    let every = except.isEmpty ? "for every call" : "for every call but \(except.joined(separator: ", "))"
    if context.spec.rules.contains(.everyCallTimed),
      considered.contains(where: { batch.effectiveTimeout(ofCallAt: $0) == nil })
    {
      // Which timeout a call has waits until every call has one.
      var result = CheckResult(
        id: "timeout", title: "timeout", status: .skipped, expected: "\(timeout.secondsText) \(every)",
        observed: "a call without a timeout")
      result.blockedBy = ["every call has a timeout"]
      return result
    }
    let offending = considered.first { batch.effectiveTimeout(ofCallAt: $0) != timeout }
    guard let index = offending else {
      return CheckResult(
        id: "timeout", title: "timeout", status: .passed, expected: "\(timeout.secondsText) \(every)",
        observed: "\(timeout.secondsText) \(every)")
    }
    let actual = batch.effectiveTimeout(ofCallAt: index)
    let overridden = batch.calls[index].timeout != .inherit
    let name = batch.calls[index].name
    let literal = secondsLiteral(timeout)
    var mistake = actual == nil ? "no-timeout" : "wrong-setting"
    var fix = "Set \"timeout\": \(literal) (seconds)" + (overridden ? " and remove \(name)'s own \"timeout\"." : ".")
    var pythonFix =
      except.isEmpty
      ? "Use one timeout for every call: TIMEOUT = \(literal), and asyncio.wait_for(..., timeout=TIMEOUT)."
      : "Use asyncio.wait_for(..., timeout=\(literal)) for every call but \(except.joined(separator: ", ")), "
        + "which keeps its own."
    if let actual, context.typedInMilliseconds(actual, lessonValue: timeout) {
      mistake = "timeout-in-milliseconds"
      let typed = secondsLiteral(actual).replacingOccurrences(of: ".0", with: "")
      fix =
        "Timeouts are in seconds: \(typed) is \(actual.secondsText). Write \"timeout\": \(literal)."
        + context.delaysInMilliseconds(python: false)
      pythonFix =
        "asyncio.wait_for takes seconds: timeout=\(typed) is \(actual.secondsText). Write timeout=\(literal)."
        + context.delaysInMilliseconds(python: true)
    }
    return CheckResult(
      id: "timeout", title: "timeout", status: .failed, expected: "\(timeout.secondsText) \(every)",
      observed: "\(name) has \(actual?.secondsText ?? "no timeout")", mistake: Mistake.named(mistake),
      location: overridden ? "calls[\(index)].timeout" : "timeout", fix: fix, pythonFix: pythonFix)
  }
}

/// One call has its own timeout, as the lesson asks.
struct CallTimeoutCheck: LessonCheck {
  /// What to do when the lesson's calls of these names are not in a program's gather.
  static func missingCallFix(_ names: [String]) -> String {
    let quoted = names.map { "\"\($0)\"" }.joined(separator: ", ")
    return "The lesson's \(names.count == 1 ? "call" : "calls") \(quoted) \(names.count == 1 ? "is" : "are") not in your "
      + "gather: lesson knows a call by the name it is given (call_tool(\(names.count == 1 ? quoted : "\"\(names[0])\""), ...), "
      + "or the name in a (name, delay) row). Keep the lesson's names."
  }

  let name: String
  let timeout: Duration

  func evaluate(_ context: CheckContext) -> CheckResult {
    let batch = context.batch
    let title = "\(name)'s own timeout"
    let expected = "\(name) with a timeout of \(timeout.secondsText)"
    guard let index = batch.calls.firstIndex(where: { $0.name == name }) else {
      var result = CheckResult(
        id: "call-timeout", title: title, status: .failed, expected: expected, observed: "no call named \(name)",
        mistake: Mistake.named("missing-calls"), location: "calls",
        fix: "Keep the call named \(name), with its own \"timeout\": \(secondsLiteral(timeout)).")
      result.pythonFix = Self.missingCallFix([name]) + " Give it its own timeout: asyncio.wait_for(..., timeout=\(secondsLiteral(timeout)))."
      return result
    }
    let actual = batch.effectiveTimeout(ofCallAt: index)
    let call = batch.calls[index]
    let passed = actual == timeout
    if actual == nil, context.spec.rules.contains(.everyCallTimed) {
      var result = CheckResult(
        id: "call-timeout", title: title, status: .skipped, expected: expected, observed: "\(name) has no timeout")
      result.blockedBy = ["every call has a timeout"]
      return result
    }
    if let actual, context.typedInMilliseconds(actual, lessonValue: timeout) {
      let typed = secondsLiteral(actual).replacingOccurrences(of: ".0", with: "")
      return CheckResult(
        id: "call-timeout", title: title, status: .failed, expected: expected,
        observed: "\(name) has \(actual.secondsText)", mistake: Mistake.named("timeout-in-milliseconds"),
        location: call.timeout == .inherit ? "timeout" : "calls[\(index)].timeout",
        fix: "Timeouts are in seconds: \(typed) is \(actual.secondsText). Give \(name) \"timeout\": "
          + "\(secondsLiteral(timeout))."
          + context.delaysInMilliseconds(python: false),
        pythonFix: "asyncio.wait_for takes seconds: timeout=\(typed) is \(actual.secondsText). Give \(name) "
          + "timeout=\(secondsLiteral(timeout))." + context.delaysInMilliseconds(python: true))
    }
    return CheckResult(
      id: "call-timeout", title: title, status: passed ? .passed : .failed, expected: expected,
      observed: "\(name) has \(actual?.secondsText ?? "no timeout")",
      mistake: passed ? nil : Mistake.named(actual == nil ? "no-timeout" : "wrong-setting"),
      location: "calls[\(index)].timeout",
      fix: "Give \(name) its own timeout: {\"name\": \"\(name)\", \"delay\": \(secondsLiteral(call.delay)), "
        + "\"timeout\": \(secondsLiteral(timeout))}.",
      pythonFix: "Pass \(name) its own timeout: guarded_call(semaphore, \"\(name)\", \(secondsLiteral(call.delay)), "
        + "\(secondsLiteral(timeout))).")
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
      location: untimed.first.map { batch.calls[$0].timeout == .none ? "calls[\($0)].timeout" : "timeout" },
      fix: untimed.isEmpty
        ? nil
        : untimed.allSatisfy({ batch.calls[$0].timeout == .inherit })
          ? "Give every call a timeout: \"timeout\": 0.5 for all of them (a little above the normal latency)."
          : "Give \(names.joined(separator: ", ")) a timeout: replace \"timeout\": null with a number of seconds.",
      pythonFix: untimed.isEmpty
        ? nil
        : "Wrap the call in asyncio.wait_for(call_tool(name, delay), timeout=0.5) and return "
          + "f\"{name}:timeout\" on asyncio.TimeoutError.")
  }
}

/// The timeout starts when the call gets its slot.
struct TimeoutInsideSemaphoreCheck: LessonCheck {
  func evaluate(_ context: CheckContext) -> CheckResult {
    let batch = context.batch
    let title = "where the timeout starts"
    let expected =
      context.isProgram
      ? "wait_for inside async with semaphore" : "the timeout inside the semaphore (\"timeoutScope\": \"call\")"
    if batch.calls.indices.allSatisfy({ batch.effectiveTimeout(ofCallAt: $0) == nil }) {
      // Where a timeout starts cannot be judged without one.
      let timed = context.spec.rules.first {
        switch $0 {
        case .timeout, .everyCallTimed: true
        default: false
        }
      }
      var result = CheckResult(
        id: "timeout-inside-semaphore", title: title, status: timed == nil ? .failed : .skipped,
        expected: expected, observed: "no call has a timeout",
        mistake: timed == nil ? Mistake.named("no-timeout") : nil,
        location: "timeout")
      if timed != nil {
        result.blockedBy = [context.spec.rules.contains(.everyCallTimed) ? "every call has a timeout" : "timeout"]
      }
      return result
    }
    let inside = batch.timeoutScope == .call
    let never = context.neverStartedTimeouts
    let observed =
      inside
      ? "the timeout starts when a call gets its slot"
      : "the timeout covers the wait for a slot"
        + (never.isEmpty ? "" : "; \(never.joined(separator: ", ")) timed out without ever running")
    return CheckResult(
      id: "timeout-inside-semaphore", title: title, status: inside ? .passed : .failed,
      expected: expected, observed: observed,
      mistake: inside ? nil : Mistake.named("timeout-outside-semaphore"), location: "timeoutScope",
      fix: inside ? nil : "Set \"timeoutScope\": \"call\": the clock starts when the call gets its slot.",
      pythonFix: inside
        ? nil
        : "Move wait_for (or async with asyncio.timeout) inside async with semaphore:, so the clock starts when "
          + "the call may run.")
  }
}

/// One semaphore for the whole batch.
struct SharedSemaphoreCheck: LessonCheck {
  static let title = "one semaphore for the batch"

  func evaluate(_ context: CheckContext) -> CheckResult {
    let shared = context.batch.semaphore == .shared
    // With no semaphore at all, sharing one is not yet a question: the limit's check says why.
    if context.batch.limit == nil {
      var result = CheckResult(
        id: "shared-semaphore", title: Self.title, status: .skipped, expected: "one shared semaphore",
        observed: "no call takes a semaphore")
      result.blockedBy = ["concurrency limit"]
      return result
    }
    return CheckResult(
      id: "shared-semaphore", title: Self.title, status: shared ? .passed : .failed,
      expected: "one shared semaphore", observed: shared ? "one shared semaphore" : "a new semaphore in every call",
      mistake: shared ? nil : Mistake.named("semaphore-per-call"), location: "semaphore",
      fix: shared ? nil : "Set \"semaphore\": \"shared\" (one semaphore made once for the whole batch).")
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
    let program = context.isProgram
    var observed = "\(names.joined(separator: ", ")) compute"
    if !missing.isEmpty { observed = "no call named \(missing.joined(separator: ", "))" }
    let asIONames = asIO.map { batch.calls[$0].name }
    let offloaded = asIONames.filter { context.configuration.offloadedCalls.contains($0) }
    if !asIO.isEmpty {
      observed =
        !offloaded.isEmpty
        ? "\(offloaded.joined(separator: ", ")) run in a worker thread (asyncio.to_thread or run_in_executor), so they overlap"
        : program
          ? "\(asIONames.joined(separator: ", ")) await (asyncio.sleep), so they overlap"
          : "\(asIONames.joined(separator: ", ")) modelled as waiting (\"io\")"
    }
    var result = CheckResult(
      id: "cpu-work", title: "CPU-bound calls", status: passed ? .passed : .failed,
      expected: program
        ? "\(names.joined(separator: ", ")) computing in the coroutine itself (time.sleep stands for it), holding the loop"
        : "\(names.joined(separator: ", ")) as \"work\": \"cpu\"",
      observed: observed,
      mistake: passed ? nil : Mistake.named(missing.isEmpty ? "async-for-cpu" : "missing-calls"),
      location: asIO.first.map { "calls[\($0)].work" } ?? "calls")
    if !missing.isEmpty, program { result.pythonFix = CallTimeoutCheck.missingCallFix(missing) }
    if !offloaded.isEmpty {
      // The remedy came before the demonstration: say so, and what the lesson wants first.
      let fix =
        "Handing the work to a thread is the remedy, and the note should name it. This lesson first shows the "
        + "problem: compute in the coroutine itself (call the computing function directly, not through "
        + "asyncio.to_thread), so that the calls run one after another and the batch takes the sum of their times."
      result.fix = fix
      result.pythonFix = fix
    }
    return result
  }
}

/// Blocking work inside a coroutine, in a lesson about waiting: it holds the loop.
struct NoBlockingWorkCheck: LessonCheck {
  func evaluate(_ context: CheckContext) -> CheckResult {
    let blocking = context.batch.calls.indices.filter { context.batch.calls[$0].work == .cpu }
    let names = blocking.map { context.batch.calls[$0].name }
    var result = CheckResult(
      id: "no-blocking-work", title: "no blocking work in coroutines", status: blocking.isEmpty ? .passed : .failed,
      expected: "calls that wait (await), so that they overlap",
      observed: blocking.isEmpty
        ? "every call awaits" : "\(names.joined(separator: ", ")) block the loop while they run",
      mistake: blocking.isEmpty ? nil : Mistake.named("async-for-cpu"),
      location: blocking.first.map { "calls[\($0)].work" })
    if !blocking.isEmpty, context.isProgram {
      // In a lesson about waiting, time.sleep stands for a blocking client, not for computing.
      let fix =
        "time.sleep blocks the event loop's only thread: nothing else runs meanwhile, so the calls go one after "
        + "another and no timeout can interrupt them. Wait without blocking: await asyncio.sleep(delay); a blocking "
        + "library call goes to a thread: await asyncio.to_thread(call, ...)."
      result.fix = fix
      result.pythonFix = fix
    }
    return result
  }
}
