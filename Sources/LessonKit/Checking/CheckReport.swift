import GuardedGather

/// The outcome of one check of an evidence card.
public struct CheckResult: Sendable, Hashable {
  public enum Status: String, Sendable, Hashable {
    case passed
    case failed
    case warning
    /// Not judged: a check it depends on failed (see ``CheckResult/blockedBy``).
    case skipped
  }

  /// The check's stable id, such as `evidence-matches`.
  public var id: String
  /// What the check looks at, in a few words.
  public var title: String
  public var status: Status
  /// What the lesson expects.
  public var expected: String
  /// What the run (or the configuration) showed.
  public var observed: String
  /// The mistake behind a failure or a warning.
  public var mistake: Mistake?
  /// Where in the configuration, as a JSON path.
  public var location: String?
  /// What to change, with the lesson's concrete value, for a configuration; `nil` uses the
  /// mistake's general fix.
  public var fix: String?
  /// The same for a Python program.
  public var pythonFix: String?
  /// For a skipped check: the titles of the failed checks to fix first.
  public var blockedBy: [String] = []

  public init(
    id: String, title: String, status: Status, expected: String, observed: String, mistake: Mistake? = nil,
    location: String? = nil, fix: String? = nil, pythonFix: String? = nil
  ) {
    self.id = id
    self.title = title
    self.status = status
    self.expected = expected
    self.observed = observed
    self.mistake = mistake
    self.location = location
    self.fix = fix
    self.pythonFix = pythonFix
  }

  /// Whether the check found a mistake or a warning (not passed, not skipped).
  public var isFinding: Bool { status == .failed || status == .warning }
}

/// Everything `lesson check` found for one learner file.
public struct CheckReport: Sendable {
  /// The lesson checked against.
  public var lesson: LessonSpec
  /// The learner's file, as named in messages.
  public var file: String
  /// The learner's configuration.
  public var configuration: LearnerConfiguration
  /// The run of that configuration on the virtual clock.
  public var trace: GatherTrace
  /// Each check, in order: the settings first, then the run, the evidence and the note.
  public var checks: [CheckResult]
  /// What the note says about each idea the lesson asks for, when the lesson asks for a note:
  /// for the learner a warning at most, for an instructor something to read.
  public var noteReview: NoteReview?

  /// Whether every check passed; with `strict`, warnings fail too.
  public func passed(strict: Bool = false) -> Bool {
    !checks.contains { $0.status == .failed || $0.status == .skipped || (strict && $0.status == .warning) }
  }

  /// The distinct mistakes behind failed checks (and warnings), in order.
  public var mistakes: [Mistake] {
    var seen: Set<String> = []
    return checks.compactMap { check in
      guard check.isFinding, let mistake = check.mistake, seen.insert(mistake.id).inserted else { return nil }
      return mistake
    }
  }

  /// The findings, for a ``FindingCollector``. For a program the location is its line and
  /// column (`12:5`); for JSON, the path in the file.
  public var findings: [Finding] {
    checks.compactMap { check in
      guard check.isFinding, let mistake = check.mistake else { return nil }
      return Finding(
        severity: check.status == .warning ? .warning : .error, location: place(of: check),
        message: "\(check.title): expected \(check.expected), observed \(check.observed)", mistake: mistake)
    }
  }

  /// Where a check points: a program's `line:column`, or the JSON path.
  public func place(of check: CheckResult) -> String? {
    guard let program = configuration.program else { return check.location }
    return program.position(for: check.location).description
  }

  /// What to change for a mistake, in the learner's language, with the concrete values of the
  /// checks that found it. A sentence two checks both say is said once.
  public func fix(for mistake: Mistake) -> String {
    let showing = checks(showing: mistake)
    // One check: its fix as it is (nothing to say twice).
    if showing.count == 1, let fix = configuration.program == nil ? showing[0].fix : showing[0].pythonFix {
      return fix
    }
    var sentences: [String] = []
    for check in showing {
      guard let fix = configuration.program == nil ? check.fix : check.pythonFix else { continue }
      for sentence in fix.split(separator: ". ", omittingEmptySubsequences: true) {
        let whole = sentence.endIndex == fix.endIndex ? String(sentence) : sentence + "."
        if !sentences.contains(whole) { sentences.append(whole) }
      }
    }
    return sentences.isEmpty
      ? (configuration.program == nil ? mistake.fix : mistake.pythonFix) : sentences.joined(separator: " ")
  }

  /// The checks that found this mistake.
  public func checks(showing mistake: Mistake) -> [CheckResult] {
    checks.filter { $0.isFinding && $0.mistake?.id == mistake.id }
  }

  /// How many checks passed (a warning counts as passed, a skipped check does not).
  public var score: Int { checks.count(where: { $0.status == .passed || $0.status == .warning }) }

  /// How many checks were skipped because a check they depend on failed.
  public var skipped: Int { checks.count(where: { $0.status == .skipped }) }
}
