import GuardedGather

/// Checks a learner's configuration against a lesson's evidence card: it runs the configuration on
/// the virtual clock and compares the observation with the card and with the learner's evidence.
public enum LessonChecker {
  /// Runs `configuration` and checks it against `spec`.
  ///
  /// - Parameters:
  ///   - configuration: The learner's batch and evidence.
  ///   - spec: The lesson's evidence card.
  ///   - file: The learner's file, as named in messages.
  ///   - python: The CPython version whose asyncio runs the configuration. The default is
  ///     ``PythonVersion/default``.
  ///   - collector: Receives a finding for every failed check and warning.
  /// - Returns: The report: each check with expected and observed, and the mistakes behind them.
  public static func check(
    _ configuration: LearnerConfiguration, against spec: LessonSpec, file: String,
    python: PythonVersion = .default, collector: inout some FindingCollector
  ) -> CheckReport {
    let trace = configuration.trace(python: python)
    var context = CheckContext(spec: spec, configuration: configuration, trace: trace)
    context.printedResults = trace.pythonResults
    if let topics = spec.noteTopics {
      context.reviewedNote = (topics, NoteReview(note: configuration.evidence?.note ?? "", topics: topics))
    }
    var checks = checks(for: spec).map { $0.evaluate(context) }
    // A deadlock is reported whatever the lesson; it is the one run that never ends for real.
    if case .deadlock? = trace.failure,
      !checks.contains(where: { $0.id == "limit" && $0.mistake?.id == "zero-limit-deadlock" })
    {
      checks.insert(NoDeadlockCheck().evaluate(context), at: 0)
    }
    // Blocking work is a mistake wherever the lesson is about waiting.
    let cpuLesson = spec.rules.contains { if case .cpuWork = $0 { true } else { false } }
    if !cpuLesson, configuration.batch.calls.contains(where: { $0.work == .cpu }) {
      checks.append(NoBlockingWorkCheck().evaluate(context))
    }
    // A count the learner typed in (a program's `print("timeouts:", 2)`) is evidence, and is
    // checked against the run even where the lesson does not ask for evidence.
    if !spec.rules.contains(.evidenceMatches), let evidence = configuration.evidence,
      (evidence.results != nil && !evidence.resultsComputed) || (evidence.timeouts != nil && !evidence.timeoutsComputed)
    {
      checks.append(EvidenceMatchesCheck().evaluate(context))
    }
    // Margins are only worth a line when one is fragile.
    let margin = MarginCheck().evaluate(context)
    if margin.status != .passed { checks.append(margin) }
    checks = ordered(checks)
    var report = CheckReport(lesson: spec, file: file, configuration: configuration, trace: trace, checks: checks)
    report.noteReview = context.reviewedNote?.review
    for finding in report.findings { collector.collect(finding) }
    return report
  }

  /// What a check judges, in the order they depend on each other (as check50's checks do): the
  /// settings, then the run they make, then the evidence reported from the run, then the note.
  enum Stage: Int, Comparable {
    case settings, run, evidence, note

    static func < (lhs: Stage, rhs: Stage) -> Bool { lhs.rawValue < rhs.rawValue }

    init(_ id: String) {
      switch id {
      case "results", "timeouts", "peak-within", "overlap", "same-results-at-limits", "batch-completes", "margins":
        self = .run
      case "evidence-matches": self = .evidence
      // Whether the note names the failure is judged with the note, once the evidence stands.
      case "note-explains", "failures-named": self = .note
      default: self = .settings
      }
    }
  }

  /// Sorts the checks by stage (stably) and skips each check that depends on a failed one, naming
  /// the failed checks to fix first.
  static func ordered(_ checks: [CheckResult]) -> [CheckResult] {
    // Sorted by index: a check is a large value, not worth moving about.
    let stages = checks.map { Stage($0.id) }
    var sorted = checks.indices.sorted { (stages[$0], $0) < (stages[$1], $1) }.map { checks[$0] }
    // The titles of the checks that failed in the stages before this one, and in this one so far.
    var failed: [String] = []
    var failedHere: [String] = []
    var current: Stage?
    for index in sorted.indices {
      let stage = Stage(sorted[index].id)
      if stage != current {
        failed += failedHere
        failedHere = []
        current = stage
      }
      guard !failed.isEmpty else {
        if sorted[index].status == .failed { failedHere.append(sorted[index].title) }
        continue
      }
      sorted[index].status = .skipped
      sorted[index].mistake = nil
      sorted[index].fix = nil
      sorted[index].pythonFix = nil
      sorted[index].blockedBy = failed
    }
    return sorted
  }

  /// Checks without collecting findings.
  public static func check(
    _ configuration: LearnerConfiguration, against spec: LessonSpec, file: String, python: PythonVersion = .default
  ) -> CheckReport {
    var ignored = FindingList()
    return check(configuration, against: spec, file: file, python: python, collector: &ignored)
  }

  static func checks(for spec: LessonSpec) -> [any LessonCheck] {
    var checks: [any LessonCheck] = []
    if let results = spec.expectedResults { checks.append(ResultsCheck(expected: results)) }
    if let timeouts = spec.expectedTimeouts { checks.append(TimeoutCountCheck(expected: timeouts)) }
    for rule in spec.rules {
      switch rule {
      case .minCalls(let minimum): checks.append(MinCallsCheck(minimum: minimum))
      case .limit(let limit): checks.append(LimitCheck(limit: limit))
      case .timeout(let timeout):
        let own = spec.rules.compactMap { rule -> String? in
          if case .callTimeout(let name, _) = rule { name } else { nil }
        }
        checks.append(TimeoutCheck(timeout: timeout, except: own))
      case .callTimeout(let name, let timeout): checks.append(CallTimeoutCheck(name: name, timeout: timeout))
      case .everyCallTimed: checks.append(EveryCallTimedCheck())
      case .timeoutInsideSemaphore: checks.append(TimeoutInsideSemaphoreCheck())
      case .sharedSemaphore: checks.append(SharedSemaphoreCheck())
      case .peakWithin(let maximum): checks.append(PeakWithinCheck(maximum: maximum))
      case .evidenceMatches: checks.append(EvidenceMatchesCheck())
      case .noteExplains(let topics): checks.append(NoteExplainsCheck(topics: topics))
      case .overlap: checks.append(OverlapCheck())
      case .sameResultsAtLimits(let limits): checks.append(SameResultsAtLimitsCheck(limits: limits))
      case .batchCompletes: checks.append(BatchCompletesCheck())
      case .failuresNamed: checks.append(FailuresNamedCheck())
      case .cpuWork(let names): checks.append(CPUWorkCheck(names: names))
      }
    }
    return checks
  }
}
