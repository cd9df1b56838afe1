import GuardedGather

/// What every check sees: the lesson, the learner's configuration and its run.
public struct CheckContext: Sendable {
  public var spec: LessonSpec
  public var configuration: LearnerConfiguration
  public var trace: GatherTrace

  public var batch: GatherBatch { configuration.batch }
  public var evidence: LearnerEvidence? { configuration.evidence }

  /// The results as Python prints them, or what stopped the batch.
  public var observedResults: String {
    trace.pythonResults ?? "no results list (\(trace.failure?.description ?? "the batch failed"))"
  }

  /// The learner's note, lowercased, or "".
  var note: String { evidence?.note?.lowercased() ?? "" }

  /// Calls that timed out without ever starting.
  var neverStartedTimeouts: [String] {
    trace.calls.filter { $0.outcome == .timeout && $0.startedAt == nil }.map(\.name)
  }

  /// The most specific mistake that explains a run that differs from the lesson's.
  func diagnose() -> Mistake {
    let id: String
    if case .deadlock? = trace.failure {
      id = "zero-limit-deadlock"
    } else if case .callFailed? = trace.failure {
      id = "propagated-error"
    } else if batch.errors == .swallow, trace.calls.contains(where: { $0.outcome == .error }) {
      id = "swallowed-error"
    } else if batch.timeoutScope == .queue, !neverStartedTimeouts.isEmpty {
      id = "timeout-outside-semaphore"
    } else if batch.semaphore == .perCall, batch.limit != nil {
      id = "semaphore-per-call"
    } else if batch.limit == nil, spec.rules.contains(where: { if case .limit = $0 { true } else { false } }) {
      id = "no-limit"
    } else if batch.calls.indices.contains(where: { batch.effectiveTimeout(ofCallAt: $0) == nil }) {
      id = "no-timeout"
    } else if cpuCallsModelledAsIO {
      id = "async-for-cpu"
    } else {
      id = "wrong-results"
    }
    return Mistake.named(id)!
  }

  /// Where in the configuration a diagnosed mistake lives.
  static func location(of mistake: Mistake) -> String? {
    switch mistake.id {
    case "propagated-error", "swallowed-error": "errors"
    case "timeout-outside-semaphore": "timeoutScope"
    case "semaphore-per-call": "semaphore"
    case "no-limit", "zero-limit-deadlock": "limit"
    case "no-timeout": "timeout"
    default: nil
    }
  }

  var cpuCallsModelledAsIO: Bool {
    for case .cpuWork(let names) in spec.rules {
      if batch.calls.contains(where: { names.contains($0.name) && $0.work != .cpu }) { return true }
    }
    return false
  }
}

/// One check of an evidence card.
protocol LessonCheck: Sendable {
  func evaluate(_ context: CheckContext) -> CheckResult
}

extension Duration {
  /// Seconds for messages: `0.15 s`.
  var secondsText: String {
    let micros = Int64(nanoseconds / 1_000)
    var fraction = String(micros % 1_000_000)
    fraction = String(repeating: "0", count: 6 - fraction.count) + fraction
    while fraction.hasSuffix("0") { fraction.removeLast() }
    return "\(micros / 1_000_000)" + (fraction.isEmpty ? "" : ".\(fraction)") + " s"
  }
}
