import GuardedGather

/// What every check sees: the lesson, the learner's configuration and its run.
public struct CheckContext: Sendable {
  public var spec: LessonSpec
  public var configuration: LearnerConfiguration
  public var trace: GatherTrace
  /// The note reviewed against the lesson's topics, made once for every check that reads it.
  var reviewedNote: (topics: [NoteTopic], review: NoteReview)?

  public var batch: GatherBatch { configuration.batch }
  public var evidence: LearnerEvidence? { configuration.evidence }

  /// The results list as Python prints it, made once for every check that shows it.
  var printedResults: String?

  /// The results as Python prints them, or what stopped the batch.
  public var observedResults: String {
    printedResults ?? trace.pythonResults ?? "no results list (\(trace.failure?.description ?? "the batch failed"))"
  }

  /// The learner's note reviewed against `topics`.
  func noteReview(_ topics: [NoteTopic]) -> NoteReview {
    if let reviewedNote, reviewedNote.topics == topics { return reviewedNote.review }
    return NoteReview(note: evidence?.note ?? "", topics: topics)
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
    } else if millisecondTimeout != nil {
      id = "timeout-in-milliseconds"
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
    case "no-timeout", "timeout-in-milliseconds": "timeout"
    default: nil
    }
  }

  /// The first call whose timeout looks like milliseconds typed as seconds.
  var millisecondTimeout: Int? {
    batch.calls.indices.first { index in
      batch.effectiveTimeout(ofCallAt: index).map {
        typedInMilliseconds($0, lessonValue: lessonTimeout(ofCall: batch.calls[index].name))
      } ?? false
    }
  }

  /// Whether a timeout looks like milliseconds typed as seconds: the lesson's own value times
  /// 1,000 (whatever the delays, which may be typed in milliseconds too), or ten seconds or more
  /// where every delay is under ten seconds.
  func typedInMilliseconds(_ timeout: Duration, lessonValue: Duration?) -> Bool {
    if let lessonValue, lessonValue > .zero, timeout == lessonValue * 1000 { return true }
    return timeout >= .seconds(10) && batch.calls.allSatisfy { $0.delay < .seconds(10) }
  }

  /// When the delays look typed in milliseconds too (one of ten seconds or more), a sentence
  /// that says so, for a fix about a timeout in milliseconds.
  func delaysInMilliseconds(python: Bool) -> String {
    guard let call = batch.calls.first(where: { $0.delay >= .seconds(10) }) else { return "" }
    let typed = secondsLiteral(call.delay).replacingOccurrences(of: ".0", with: "")
    let place = python ? "asyncio.sleep" : "\"delay\""
    return " \(place) is in seconds too: \(call.name)'s \(typed) is \(call.delay.secondsText); "
      + "\(typed) ms is \(secondsLiteral(call.delay / 1000))."
  }

  /// The timeout the lesson gives the call named `name`: its own, or the one for every call.
  func lessonTimeout(ofCall name: String) -> Duration? {
    var every: Duration?
    for rule in spec.rules {
      switch rule {
      case .callTimeout(name, let value): return value
      case .timeout(let value): every = value
      default: break
      }
    }
    return every
  }

  /// Whether the learner brought a Python program rather than a configuration.
  var isProgram: Bool { configuration.program != nil }

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

/// A list as JSON: `["search:ok", null]`.
func jsonList(_ items: [String?]) -> String {
  "[" + items.map { $0.map { "\"\($0)\"" } ?? "null" }.joined(separator: ", ") + "]"
}

/// Seconds as a learner types them in JSON or Python: `0.15`, `1.0`.
func secondsLiteral(_ duration: Duration) -> String {
  var text = duration.secondsText
  text.removeLast(2)
  return text.contains(".") ? text : text + ".0"
}
