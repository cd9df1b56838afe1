import Foundation
import GuardedGather
import Synchronization

/// The grade of one learner for one lesson.
public struct GradeRecord: Sendable, Hashable {
  public enum Status: String, Sendable, Hashable {
    case pass
    case fail
    /// Something was handed in but cannot be graded: unreadable, invalid, a link out; see
    /// ``GradeRecord/explanation``.
    case error
    /// Nothing was handed in for the lesson (a learner on the roster with no entry, or a learner
    /// folder without the lesson's file).
    case missing
  }

  public var learner: String
  public var lesson: Int
  public var status: Status
  /// Checks passed (with `--strict`, warnings do not count as passed).
  public var score: Int
  /// Checks in all; for an error or a missing submission, the lesson's maximum.
  public var maxScore: Int
  /// The mistakes behind failed checks (warnings excluded, unless graded strictly).
  public var mistakes: [String]
  /// Each mistake explained on one line (`id: title (expected …, observed …). fix`), or the
  /// error's reason.
  public var explanations: [String]
  /// The file graded, inside the class folder.
  public var file: String
  /// Each check (empty for an error).
  public var checks: [CheckResult]
  /// What the grader should know though it does not change the grade: a warning check
  /// (`fragile-margin: …`), several candidate files and which was taken, not on the roster.
  public var warnings: [String]
  /// What the learner's note says about the lesson's ideas, when the lesson asks for one: for a
  /// "note to review" column, with the note beside it.
  public var noteReview: NoteReview?
  /// The run of a failing submission, for a timeline picture (`nil` for a pass, an error or a
  /// missing submission).
  public var timeline: GradeTimeline?

  public init(
    learner: String, lesson: Int, status: Status, score: Int, maxScore: Int, mistakes: [String] = [],
    explanations: [String] = [], file: String, checks: [CheckResult] = [], warnings: [String] = [],
    noteReview: NoteReview? = nil, timeline: GradeTimeline? = nil
  ) {
    self.noteReview = noteReview
    self.timeline = timeline
    self.learner = learner
    self.lesson = lesson
    self.status = status
    self.score = score
    self.maxScore = maxScore
    self.mistakes = mistakes
    self.explanations = explanations
    self.file = file
    self.checks = checks
    self.warnings = warnings
  }

  /// Every explanation on one line, separated by ` | `.
  public var explanation: String { explanations.joined(separator: " | ") }

  /// What of a record a gradebook keeps once it is graded: a class of 50,000 needs its checks
  /// and timelines only for the outputs that show them (JUnit, Gradescope, feedback, the page).
  public struct Detail: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    /// Each check, with expected, observed and the fix.
    public static let checks = Detail(rawValue: 1)
    /// The run of a failing submission.
    public static let timeline = Detail(rawValue: 2)
    public static let all: Detail = [.checks, .timeline]
  }

  /// This record with only `detail` of its checks and timeline.
  public func keeping(_ detail: Detail) -> GradeRecord {
    var record = self
    if !detail.contains(.checks) { record.checks = [] }
    if !detail.contains(.timeline) { record.timeline = nil }
    return record
  }
}

/// A class's grades and what they add up to.
public struct Gradebook: Sendable {
  /// Sorted by learner, then lesson.
  public let records: [GradeRecord]
  /// The learners, in order.
  public let learners: [String]
  /// Learners on the roster who handed in nothing at all, in order (empty without a roster).
  public let missing: [String]
  /// Learners who handed something in but are not on the roster, in order (empty without a roster).
  public let notOnRoster: [String]
  /// Whether a roster was given.
  public let hasRoster: Bool
  /// Where each learner's records are in ``records`` (sorted, so they are together).
  private let byLearner: [String: Range<Int>]

  public init(records: [GradeRecord], missing: [String] = [], notOnRoster: [String] = [], hasRoster: Bool = false) {
    self.records = records.sorted { ($0.learner, $0.lesson) < ($1.learner, $1.lesson) }
    var byLearner: [String: Range<Int>] = [:]
    var learners: [String] = []
    for (index, record) in self.records.enumerated() {
      if let range = byLearner[record.learner] {
        byLearner[record.learner] = range.lowerBound..<(index + 1)
      } else {
        learners.append(record.learner)
        byLearner[record.learner] = index..<(index + 1)
      }
    }
    self.byLearner = byLearner
    self.learners = learners
    self.missing = missing.sorted()
    self.notOnRoster = notOnRoster.sorted()
    self.hasRoster = hasRoster
  }

  /// One learner's records, by lesson.
  public func records(of learner: String) -> [GradeRecord] { byLearner[learner].map { Array(records[$0]) } ?? [] }

  /// The lessons graded, in order.
  public var lessons: [Int] { Array(Set(records.map(\.lesson))).sorted() }

  /// Per lesson: how many passed, out of how many learners.
  public func passRate(_ lesson: Int) -> (passed: Int, total: Int) {
    let own = records.filter { $0.lesson == lesson }
    return (own.count(where: { $0.status == .pass }), own.count)
  }

  /// `passed` out of `total` as a whole percentage, rounded half up (2 of 3 is 67).
  public static func percent(_ passed: Int, of total: Int) -> Int {
    total <= 0 ? 0 : (passed * 200 + total) / (total * 2)
  }

  /// How many learners made each mistake, most common first (ties by id).
  public var mistakeCounts: [(id: String, learners: Int)] {
    var learnersByMistake: [String: Set<String>] = [:]
    for record in records {
      for mistake in record.mistakes { learnersByMistake[mistake, default: []].insert(record.learner) }
    }
    return learnersByMistake.map { ($0.key, $0.value.count) }.sorted {
      $0.learners != $1.learners ? $0.learners > $1.learners : $0.id < $1.id
    }
  }

  /// Every warning, as (learner, lesson, text), in order.
  public var warnings: [(learner: String, lesson: Int, text: String)] {
    records.flatMap { record in record.warnings.map { (record.learner, record.lesson, $0) } }
  }

  /// Learners with a failing, broken or missing submission, with how many of each.
  public var needAttention: [(learner: String, failed: Int, errors: Int, missing: Int)] {
    learners.compactMap { learner in
      let own = records(of: learner)
      let failed = own.count(where: { $0.status == .fail })
      let errors = own.count(where: { $0.status == .error })
      let missing = own.count(where: { $0.status == .missing })
      return failed + errors + missing > 0 ? (learner, failed, errors, missing) : nil
    }
  }
}

/// Grades a class: every submission in isolation, on every core.
public enum Grader {
  /// Grades `submissions` against the course's evidence cards.
  ///
  /// A submission that is missing, unreadable, too large, not JSON or not a valid configuration
  /// becomes an `error` (or `missing`) record with the reason; it never stops the others.
  ///
  /// - Parameters:
  ///   - strict: Count warnings (such as `fragile-margin`) as failures, as `lesson check --strict`.
  ///   - roster: The learners expected: each one with no submission gets a `missing` record for
  ///     every lesson, and each learner not on it a warning.
  ///   - workers: How many threads grade at once. The default is one per core.
  ///   - progress: Called now and then with the number graded so far.
  public static func grade(
    _ submissions: [Submission], specs: [Int: LessonSpec], strict: Bool = false, roster: Roster? = nil,
    workers: Int? = nil, python: PythonVersion = .default, detail: GradeRecord.Detail = .all,
    progress: (@Sendable (Int) -> Void)? = nil
  ) -> Gradebook {
    let count = submissions.count
    let results = Mutex<[GradeRecord?]>(Array(repeating: nil, count: count))
    let done = Atomic<Int>(0)
    let workers = max(1, min(workers ?? ProcessInfo.processInfo.activeProcessorCount, count))
    if count > 0 {
      DispatchQueue.concurrentPerform(iterations: workers) { worker in
        var local: [(Int, GradeRecord)] = []
        for index in stride(from: worker, to: count, by: workers) {
          local.append(
            (
              index,
              grade(submissions[index], spec: specs[submissions[index].lesson], strict: strict, python: python)
                .keeping(detail)
            ))
          let finished = done.add(1, ordering: .relaxed).newValue
          if finished % 500 == 0 { progress?(finished) }
        }
        results.withLock { results in for (index, record) in local { results[index] = record } }
      }
    }
    progress?(count)
    return gradebook(results.withLock { $0.compactMap { $0 } }, specs: specs, roster: roster)
  }

  /// The gradebook of `records`, checked against `roster`.
  public static func gradebook(_ graded: [GradeRecord], specs: [Int: LessonSpec], roster: Roster?) -> Gradebook {
    guard let roster else { return Gradebook(records: graded) }
    var records = graded
    var notOnRoster: Set<String> = []
    var present: Set<String> = []
    for index in records.indices {
      if let id = roster.id(for: records[index].learner) {
        present.insert(id.lowercased())
      } else {
        notOnRoster.insert(records[index].learner)
        records[index].warnings.append("\(records[index].learner) is not on the roster")
      }
    }
    let missing = roster.ids.filter { !present.contains($0.lowercased()) }
    for learner in missing {
      for (lesson, spec) in specs {
        records.append(
          GradeRecord(
            learner: learner, lesson: lesson, status: .missing, score: 0, maxScore: maximumScore(spec),
            explanations: ["on the roster, nothing handed in"], file: ""))
      }
    }
    return Gradebook(records: records, missing: missing, notOnRoster: Array(notOnRoster), hasRoster: true)
  }

  /// The most checks a submission for `spec` can pass: the lesson's checks and the margin check.
  public static func maximumScore(_ spec: LessonSpec) -> Int { LessonChecker.checks(for: spec).count }

  /// Grades one submission.
  public static func grade(
    _ submission: Submission, spec: LessonSpec?, strict: Bool = false, python: PythonVersion = .default
  ) -> GradeRecord {
    let found = submission.warnings
    func unusable(_ reason: String, status: GradeRecord.Status = .error) -> GradeRecord {
      GradeRecord(
        learner: submission.learner, lesson: submission.lesson, status: status, score: 0,
        maxScore: spec.map(maximumScore) ?? 0, explanations: [reason], file: submission.display, warnings: found)
    }
    guard let spec else { return unusable("lesson \(submission.lesson) is not in the course") }
    guard let path = submission.path else {
      let problem = submission.problem ?? "nothing to grade"
      return submission.isMissing
        ? unusable(problem, status: .missing) : unusable("\(submission.display): \(problem)")
    }
    let configuration: LearnerConfiguration
    do {
      configuration = try InputFile.configuration(at: path, display: submission.display, python: python)
    } catch {
      return unusable(error.description)
    }
    let report = LessonChecker.check(configuration, against: spec, file: submission.display, python: python)
    let failing = report.mistakes.filter { strict || !$0.isWarning }
    func line(_ mistake: Mistake) -> String {
      let check = report.checks.first { $0.mistake?.id == mistake.id && $0.status != .passed }
      let place = check.flatMap { report.place(of: $0) }.map { " at \($0)" } ?? ""
      return "\(mistake.id): \(mistake.title)\(place)"
        + (check.map { " (expected \($0.expected), observed \($0.observed))" } ?? "") + ". \(report.fix(for: mistake))"
    }
    let warnings = strict ? [] : report.mistakes.filter(\.isWarning).map(line)
    let passed = report.passed(strict: strict)
    return GradeRecord(
      learner: submission.learner, lesson: submission.lesson, status: passed ? .pass : .fail,
      score: strict ? report.checks.count(where: { $0.status == .passed }) : report.score,
      maxScore: report.checks.count, mistakes: failing.map(\.id), explanations: failing.map(line),
      file: submission.display, checks: report.checks, warnings: found + warnings, noteReview: report.noteReview,
      timeline: passed ? nil : GradeTimeline(batch: configuration.batch, trace: report.trace))
  }
}
