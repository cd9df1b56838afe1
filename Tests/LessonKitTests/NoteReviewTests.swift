import Foundation
import Testing

@testable import LessonKit

/// The note check looks for ideas, notices negation and contradiction, and never fails a learner.
@Suite struct NoteReviewTests {
  static let topics = [
    NoteTopic(
      about: "why the limit protects the upstream", words: ["upstream", "protect", "overload"], harms: ["overload"]),
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
    // A negation after the idea's word, in the same clause.
    Case(
      note: "The upstream is not protected by the limit, and the whole batch is slower for it.",
      found: [false, true], negated: true, toReview: true),
    // Not after a clause break: the second clause's "not" is about something else.
    Case(
      note: "The limit protects the upstream from overload and it is not free: the batch gets slower.",
      found: [true, true], toReview: false),
    // A negated harm says the idea: the limit is there so that the upstream is not overloaded.
    Case(
      note: "The limit is there so that we do not overload the upstream; the batch gets slower.",
      found: [true, true], toReview: false),
    // Keywords without an explanation, from a writer who says so.
    Case(
      note: "I don't know why, something about the upstream and overload, and it is slower.",
      found: [true, true], contradiction: true, toReview: true),
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

/// The review's fast text helpers read a note exactly as the plain Foundation versions do.
@Suite struct NoteTextTests {
  static let samples: [String] = [
    "", "   ", "Semaphore(3) protects the UPSTREAM; it doesn’t overload.", "\t\n x \u{85}\u{A0}",
    "Ünïcode café (e\u{301}) naïve — ÉTÉ, ٣ digits, 三 tools, snake_case_name, don't", "\u{2028}note\u{3000}",
    "a\r\nb", "ǅemo ΣΊΣΥΦΟΣ İstanbul ﬁle", "tabs\tand\u{2003}em\u{200A}spaces\u{FEFF}", "’quoted’ 'words'",
  ]

  @Test(arguments: samples) func wordsAreTheLettersDigitsAndApostrophes(_ text: String) {
    let plain = text.lowercased()
      .split { !($0.isLetter || $0.isNumber || $0 == "'" || $0 == "’" || $0 == "_") }
      .map { String($0).replacingOccurrences(of: "’", with: "'") }
    #expect(NoteReview.words(text) == plain)
  }

  @Test(arguments: samples + ["plain ascii words\tand\r\nlines\u{0B}\u{0C} ", "\u{1C}x\u{1F}y z"])
  func wordCountSplitsAtWhiteSpace(_ text: String) {
    #expect(NoteReview.wordCount(text) == text.split(whereSeparator: { $0.isWhitespace }).count)
  }

  @Test(arguments: samples + ["Plain ASCII: it's 3 TIMES_faster, isn't it?"])
  func asciiWordsAreTheGeneralOnes(_ text: String) {
    let plain = text.lowercased()
      .split { !($0.isLetter || $0.isNumber || $0 == "'" || $0 == "’" || $0 == "_") }.map(String.init)
    #expect(NoteReview.words(text) == plain.map { $0.replacingOccurrences(of: "’", with: "'") })
  }

  @Test(arguments: samples) func trimmingIsFoundations(_ text: String) {
    #expect(text.trimmingWhiteSpace == text.trimmingCharacters(in: .whitespacesAndNewlines))
  }
}
