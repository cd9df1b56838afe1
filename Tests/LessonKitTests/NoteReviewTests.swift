import Testing

@testable import LessonKit

/// The note check looks for ideas, notices negation and contradiction, and never fails a learner.
@Suite struct NoteReviewTests {
  static let topics = [
    NoteTopic(
      about: "why the limit protects the upstream", words: ["upstream", "protect", "overload"]),
    NoteTopic(
      about: "that the tighter limit takes longer", words: ["longer", "slower"],
      contrary: ["faster"]),
  ]

  struct Case: Sendable, CustomTestStringConvertible {
    var note: String
    var found: [Bool]
    var negated = false
    var contradiction = false
    var toReview: Bool
    var testDescription: String { "\"\(note)\"" }
  }

  static let cases: [Case] = [
    Case(
      note:
        "Semaphore(1) protects the tools behind it from overload, though the batch takes longer.",
      found: [true, true], toReview: false),
    Case(note: "It protects; slower", found: [true, true], toReview: true),  // too short to explain
    Case(
      note: "The limit does not protect the upstream at all, and the run is slower with it.",
      found: [false, true],
      negated: true, toReview: true),
    Case(
      note: "The upstream is protected and the batch finishes faster under the tighter limit.",
      found: [true, false],
      contradiction: true, toReview: true),
    Case(note: "", found: [false, false], toReview: true),
  ]

  @Test(arguments: cases)
  func reviewsTheIdeas(_ item: Case) {
    let review = NoteReview(note: item.note, topics: Self.topics)
    #expect(review.ideas.map(\.found) == item.found)
    #expect(review.ideas.contains { !$0.negated.isEmpty } == item.negated)
    #expect(!review.contradictions.isEmpty == item.contradiction)
    #expect(review.needsReview == item.toReview)
  }

  @Test func aWeakNoteIsAWarningThatNeverFailsByItself() throws {
    let root = CheckDependencyTests.root
    let course = CheckDependencyTests.course
    let entry = try #require(course.entry(3))
    let spec = try course.spec(entry)
    var configuration = try InputFile.configuration(at: course.solutionPath(entry, spec))
    configuration.evidence?.note = "at once slow"
    let report = LessonChecker.check(configuration, against: spec, file: root)
    let note = try #require(report.checks.first { $0.id == "note-explains" })
    #expect(note.status == .warning)
    #expect(note.expected.contains("why the limit protects the upstream tools"))
    #expect(report.passed())
    #expect(report.noteReview?.needsReview == true)
    #expect(report.noteReview?.note == "at once slow")
  }

  @Test func theSolutionsNotesNeedNoReview() throws {
    let course = CheckDependencyTests.course
    for entry in course.entries {
      let spec = try course.spec(entry)
      let report = LessonChecker.check(
        try InputFile.configuration(at: course.solutionPath(entry, spec)), against: spec,
        file: "solution")
      #expect(report.noteReview?.needsReview != true, "lesson \(entry.id)")
    }
  }
}

/// Grading keeps the note's review beside each record, for a "note to review" column.
@Suite struct GradeNoteReviewTests {
  @Test func aGradeRecordCarriesTheNoteReview() throws {
    let course = CheckDependencyTests.course
    let entry = try #require(course.entry(3))
    let spec = try course.spec(entry)
    let submission = Submission(
      learner: "ada", lesson: 3, path: course.solutionPath(entry, spec), display: "ada.json",
      problem: nil)
    let record = Grader.grade(submission, spec: spec)
    #expect(record.status == .pass)
    let review = try #require(record.noteReview)
    #expect(!review.needsReview)
    #expect(review.note.contains("Semaphore(3)"))
  }
}
