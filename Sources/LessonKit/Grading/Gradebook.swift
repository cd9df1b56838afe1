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
  /// Where the checks are while they wait on disk (``CheckSpool``); ``checks`` is then empty
  /// until ``Gradebook/records(of:)`` reads them back.
  public var spooledChecks: CheckSpool.Entry?

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

  /// How many checks the record has and how they ended, whether its checks are here or in a
  /// spool.
  public var checkCounts: CheckCounts { spooledChecks?.counts ?? CheckCounts(checks) }

  /// An empty record, for a list of grades filled in place.
  public static let placeholder = GradeRecord(learner: "", lesson: 0, status: .error, score: 0, maxScore: 0, file: "")

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
    /// Only the runs a class page draws: for each mistake, the first failing run that shows it,
    /// and the first failing run of all (see ``ExampleTimelines``).
    public static let exampleTimelines = Detail(rawValue: 4)

    /// Whether records need their run at all.
    public var needsTimelines: Bool { contains(.timeline) || contains(.exampleTimelines) }
  }

  /// This record with only `detail` of its checks and timeline (``Detail/exampleTimelines``
  /// keeps the timeline; ``ExampleTimelines`` then keeps the few that are drawn).
  public func keeping(_ detail: Detail) -> GradeRecord {
    var record = self
    if !detail.contains(.checks) { record.checks = [] }
    if !detail.needsTimelines { record.timeline = nil }
    return record
  }
}

/// Keeps, of the failing runs graded one after another in the gradebook's order, the few a class
/// page can draw: for each mistake the first run that shows it, and the first of all. A class of
/// 50,000 then holds a few dozen runs, not one per failing learner.
///
/// Records graded on several threads each go through the thread's own keeper: each keeps its
/// first per mistake, so the gradebook's first is among them.
public struct ExampleTimelines: Sendable {
  private var shown: Set<String> = []

  public init() {}

  /// Drops `record`'s timeline unless it is the first seen with one of its mistakes, or the first
  /// with a timeline at all.
  public mutating func keep(_ record: inout GradeRecord) {
    guard record.timeline != nil else { return }
    var wanted = shown.insert("").inserted
    for mistake in record.mistakes where shown.insert(mistake).inserted { wanted = true }
    if !wanted { record.timeline = nil }
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
  /// Where the records' checks wait, when they were spooled.
  private let spool: CheckSpool?

  public init(
    records: [GradeRecord], missing: [String] = [], notOnRoster: [String] = [], hasRoster: Bool = false,
    spool: CheckSpool? = nil
  ) {
    self.spool = spool
    // Graded in the finder's order, the records are usually sorted already: no copy then.
    func ordered(_ a: GradeRecord, _ b: GradeRecord) -> Bool { (a.learner, a.lesson) < (b.learner, b.lesson) }
    let isSorted = zip(records, records.dropFirst()).allSatisfy { !ordered($1, $0) }
    self.records = isSorted ? records : records.sorted(by: ordered)
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

  /// One learner's records, by lesson, with their checks (read back from the spool: ``records``
  /// of a large class may be without them).
  public func records(of learner: String) -> [GradeRecord] {
    guard let range = byLearner[learner] else { return [] }
    guard let spool else { return Array(records[range]) }
    return records[range].map(spool.restore)
  }

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
    let done = Atomic<Int>(0)
    let workers = max(1, min(workers ?? ProcessInfo.processInfo.activeProcessorCount, count))
    let spool = detail.contains(.checks) ? CheckSpool() : nil
    // Every submission fills its own place; the list is handed on whole, never copied.
    let graded = Slots.fill(GradeRecord.placeholder, count: count) { results in
      guard count > 0 else { return }
      DispatchQueue.concurrentPerform(iterations: workers) { worker in
        var examples = ExampleTimelines()
        for index in stride(from: worker, to: count, by: workers) {
          var record = grade(submissions[index], spec: specs[submissions[index].lesson], strict: strict, python: python)
            .keeping(detail)
          if !detail.contains(.timeline) { examples.keep(&record) }
          spool?.spool(&record)
          results.put(record, at: index)
          let finished = done.add(1, ordering: .relaxed).newValue
          if finished % 500 == 0 { progress?(finished) }
        }
      }
    }
    progress?(count)
    return gradebook(graded, specs: specs, roster: roster, spool: spool)
  }

  /// The gradebook of `records`, checked against `roster`; their checks may wait in `spool`.
  public static func gradebook(
    _ graded: [GradeRecord], specs: [Int: LessonSpec], roster: Roster?, spool: CheckSpool? = nil
  ) -> Gradebook {
    guard let roster else { return Gradebook(records: graded, spool: spool) }
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
    return Gradebook(
      records: records, missing: missing, notOnRoster: Array(notOnRoster), hasRoster: true, spool: spool)
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
