import Foundation
import GuardedGather
import Synchronization

/// The grade of one learner for one lesson.
public struct GradeRecord: Sendable, Hashable {
  public enum Status: String, Sendable, Hashable {
    case pass
    case fail
    /// Nothing could be graded: missing, unreadable or invalid file.
    case error
  }

  public var learner: String
  public var lesson: Int
  public var status: Status
  /// Checks passed.
  public var score: Int
  /// Checks in all (0 for an error).
  public var maxScore: Int
  /// The mistakes behind failed checks (warnings excluded).
  public var mistakes: [String]
  /// The first mistake's explanation, or the error's reason.
  public var explanation: String
  /// The file graded, inside the class folder.
  public var file: String
  /// Each check (empty for an error).
  public var checks: [CheckResult]
  /// What the learner's note says about the lesson's ideas, when the lesson asks for one: for a
  /// "note to review" column, with the note beside it.
  public var noteReview: NoteReview? = nil
}

/// A class's grades and what they add up to.
public struct Gradebook: Sendable {
  /// Sorted by learner, then lesson.
  public let records: [GradeRecord]
  /// The learners, in order.
  public let learners: [String]
  private let byLearner: [String: [GradeRecord]]

  public init(records: [GradeRecord]) {
    self.records = records.sorted { ($0.learner, $0.lesson) < ($1.learner, $1.lesson) }
    var byLearner: [String: [GradeRecord]] = [:]
    var learners: [String] = []
    for record in self.records {
      if byLearner[record.learner] == nil { learners.append(record.learner) }
      byLearner[record.learner, default: []].append(record)
    }
    self.byLearner = byLearner
    self.learners = learners
  }

  /// One learner's records, by lesson.
  public func records(of learner: String) -> [GradeRecord] { byLearner[learner] ?? [] }

  /// The lessons graded, in order.
  public var lessons: [Int] { Array(Set(records.map(\.lesson))).sorted() }

  /// Per lesson: how many passed, out of how many learners.
  public func passRate(_ lesson: Int) -> (passed: Int, total: Int) {
    let own = records.filter { $0.lesson == lesson }
    return (own.count(where: { $0.status == .pass }), own.count)
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

  /// Learners with a failing or broken submission, with how many.
  public var needAttention: [(learner: String, failed: Int, errors: Int)] {
    learners.compactMap { learner in
      let own = records(of: learner)
      let failed = own.count(where: { $0.status == .fail })
      let errors = own.count(where: { $0.status == .error })
      return failed + errors > 0 ? (learner, failed, errors) : nil
    }
  }
}

/// Grades a class: every submission in isolation, on every core.
public enum Grader {
  /// Grades `submissions` against the course's evidence cards.
  ///
  /// A submission that is missing, unreadable, too large, not JSON or not a valid configuration
  /// becomes an `error` record with the reason; it never stops the others.
  ///
  /// - Parameters:
  ///   - workers: How many threads grade at once. The default is one per core.
  ///   - progress: Called now and then with the number graded so far.
  public static func grade(
    _ submissions: [Submission], specs: [Int: LessonSpec], workers: Int? = nil, python: PythonVersion = .default,
    progress: (@Sendable (Int) -> Void)? = nil
  ) -> Gradebook {
    let count = submissions.count
    let results = Mutex<[GradeRecord?]>(Array(repeating: nil, count: count))
    let done = Atomic<Int>(0)
    let workers = max(1, min(workers ?? ProcessInfo.processInfo.activeProcessorCount, count))
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      var local: [(Int, GradeRecord)] = []
      for index in stride(from: worker, to: count, by: workers) {
        local.append((index, grade(submissions[index], spec: specs[submissions[index].lesson], python: python)))
        let finished = done.add(1, ordering: .relaxed).newValue
        if finished % 500 == 0 { progress?(finished) }
      }
      results.withLock { results in for (index, record) in local { results[index] = record } }
    }
    progress?(count)
    return Gradebook(records: results.withLock { $0.compactMap { $0 } })
  }

  /// Grades one submission.
  public static func grade(_ submission: Submission, spec: LessonSpec?, python: PythonVersion = .default) -> GradeRecord {
    func error(_ reason: String) -> GradeRecord {
      GradeRecord(
        learner: submission.learner, lesson: submission.lesson, status: .error, score: 0, maxScore: 0, mistakes: [],
        explanation: reason, file: submission.display, checks: [])
    }
    guard let spec else { return error("lesson \(submission.lesson) is not in the course") }
    guard let path = submission.path else { return error(submission.problem ?? "nothing to grade") }
    let configuration: LearnerConfiguration
    do {
      configuration = try InputFile.configuration(at: path, display: submission.display)
    } catch {
      return GradeRecord(
        learner: submission.learner, lesson: submission.lesson, status: .error, score: 0, maxScore: 0, mistakes: [],
        explanation: error.description, file: submission.display, checks: [])
    }
    let report = LessonChecker.check(configuration, against: spec, file: submission.display, python: python)
    let mistakes = report.mistakes.filter { !$0.isWarning }
    let explanation =
      mistakes.first.map { mistake in
        let check = report.checks.first { $0.mistake?.id == mistake.id && $0.status == .failed }
        return "\(mistake.id): \(mistake.title)"
          + (check.map { " (expected \($0.expected), observed \($0.observed))" } ?? "")
          + ". \(report.fix(for: mistake))"
      } ?? ""
    return GradeRecord(
      learner: submission.learner, lesson: submission.lesson, status: report.passed() ? .pass : .fail,
      score: report.score, maxScore: report.checks.count, mistakes: mistakes.map(\.id), explanation: explanation,
      file: submission.display, checks: report.checks, noteReview: report.noteReview)
  }
}
