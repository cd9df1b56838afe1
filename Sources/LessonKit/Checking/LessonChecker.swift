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
    let trace = GatherEngine.runVirtual(configuration.batch, python: python)
    let context = CheckContext(spec: spec, configuration: configuration, trace: trace)
    var checks = checks(for: spec).map { $0.evaluate(context) }
    // A deadlock is reported whatever the lesson; it is the one run that never ends for real.
    if case .deadlock? = trace.failure, !checks.contains(where: { $0.mistake?.id == "zero-limit-deadlock" }) {
      checks.insert(NoDeadlockCheck().evaluate(context), at: 0)
    }
    // Blocking work is a mistake wherever the lesson is about waiting.
    let cpuLesson = spec.rules.contains { if case .cpuWork = $0 { true } else { false } }
    if !cpuLesson, configuration.batch.calls.contains(where: { $0.work == .cpu }) {
      checks.append(NoBlockingWorkCheck().evaluate(context))
    }
    checks.append(MarginCheck().evaluate(context))
    let report = CheckReport(lesson: spec, file: file, configuration: configuration, trace: trace, checks: checks)
    for finding in report.findings { collector.collect(finding) }
    return report
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
      case .timeout(let timeout): checks.append(TimeoutCheck(timeout: timeout))
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
