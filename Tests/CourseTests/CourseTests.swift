import Foundation
import GuardedGather
import LessonKit
import Testing

/// The course as it ships: every lesson loads, every solution passes, every starter fails with
/// the mistake it is about, and each mistake a lesson teaches is caught by its id.
@Suite struct CourseTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path
  static let course = try! Course.load(root: root)

  @Test func theIndexListsEightOrMoreLessonsInOrderWithUniqueIds() {
    let ids = Self.course.entries.map(\.id)
    #expect(ids.count >= 8)
    #expect(ids == Array(1...ids.count))
    #expect(Set(Self.course.entries.map(\.folder)).count == ids.count)
  }

  @Test func theCourseVerifies() {
    #expect(CourseVerifier.verify(Self.course) == [])
  }

  @Test(arguments: course.entries)
  func everyLessonHasHintsAndAReadme(_ entry: Course.Entry) throws {
    let spec = try Self.course.spec(entry)
    #expect(spec.hints.count >= 2)
    #expect(spec.hints.allSatisfy { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
    #expect(FileManager.default.fileExists(atPath: Self.course.readmePath(entry)))
    #expect(!spec.goal.isEmpty)
  }

  @Test(arguments: course.entries)
  func theSolutionPassesEvenStrictly(_ entry: Course.Entry) throws {
    let spec = try Self.course.spec(entry)
    let solution = try InputFile.configuration(at: Self.course.solutionPath(entry, spec))
    let report = LessonChecker.check(solution, against: spec, file: "solution")
    #expect(report.passed(strict: true), "\(report.mistakes.map(\.id))")
  }

  @Test(arguments: course.entries)
  func theStarterFailsWithTheLessonsMistake(_ entry: Course.Entry) throws {
    let spec = try Self.course.spec(entry)
    let starter = try InputFile.configuration(at: Self.course.starterPath(entry, spec))
    let report = LessonChecker.check(starter, against: spec, file: "starter")
    #expect(!report.passed())
    #expect(report.mistakes.map(\.id).contains(spec.starterMistake))
  }

  @Test(arguments: MistakeCase.all)
  func aSubmissionShowingAMistakeFailsWithItsId(_ item: MistakeCase) throws {
    let entry = try #require(Self.course.entry(item.lesson))
    let spec = try Self.course.spec(entry)
    var configuration = try InputFile.configuration(at: Self.course.solutionPath(entry, spec))
    item.mutate(&configuration)
    // The learner's evidence is what the run printed, unless the case is about the evidence.
    if item.refreshEvidence, configuration.evidence != nil {
      let trace = GatherEngine.runVirtual(configuration.batch)
      configuration.evidence?.results = trace.results
      configuration.evidence?.timeouts = trace.timeouts
    }
    var findings = FindingList()
    let report = LessonChecker.check(configuration, against: spec, file: "submission", collector: &findings)
    #expect(report.mistakes.map(\.id).contains(item.mistake), "found \(report.mistakes.map(\.id))")
    #expect(findings.findings.contains { $0.mistake.id == item.mistake })
    let mistake = try #require(Mistake.named(item.mistake))
    #expect(report.passed() == mistake.isWarning)
    #expect(!report.passed(strict: true))
  }

  @Test func everyMistakeInTheCatalogueHasAnExplanation() {
    for mistake in Mistake.all {
      #expect(!mistake.why.isEmpty && !mistake.fix.isEmpty && !mistake.title.isEmpty, "\(mistake.id)")
    }
    #expect(Set(Mistake.all.map(\.id)).count == Mistake.all.count)
  }

  @Test func theIssuesRequiredMistakeIdsExist() {
    for id in [
      "no-limit", "no-timeout", "timeout-outside-semaphore", "semaphore-per-call", "invented-count", "swallowed-error",
      "unnamed-failure", "async-for-cpu", "zero-limit-deadlock", "fragile-margin",
    ] {
      #expect(Mistake.named(id) != nil, "\(id)")
    }
  }
}

extension Course.Entry: CustomTestStringConvertible {
  public var testDescription: String { "lesson \(id) (\(folder))" }
}

/// A lesson's solution changed to show one mistake.
struct MistakeCase: Sendable, CustomTestStringConvertible {
  var lesson: Int
  var mistake: String
  var what: String
  var refreshEvidence = true
  var mutate: @Sendable (inout LearnerConfiguration) -> Void

  var testDescription: String { "lesson \(lesson): \(what) → \(mistake)" }

  static let all: [MistakeCase] = [
    MistakeCase(lesson: 1, mistake: "no-overlap", what: "limit 1") { $0.batch.limit = 1 },
    MistakeCase(lesson: 2, mistake: "no-limit", what: "no limit") { $0.batch.limit = nil },
    MistakeCase(lesson: 2, mistake: "no-timeout", what: "slow_tool without a timeout") {
      $0.batch.calls[2].timeout = .none
    },
    MistakeCase(lesson: 2, mistake: "timeout-outside-semaphore", what: "queue scope, limit 1") {
      $0.batch.timeoutScope = .queue
      $0.batch.limit = 1
    },
    MistakeCase(lesson: 2, mistake: "semaphore-per-call", what: "a semaphore per call") {
      $0.batch.semaphore = .perCall
    },
    MistakeCase(lesson: 2, mistake: "zero-limit-deadlock", what: "limit 0") { $0.batch.limit = 0 },
    MistakeCase(lesson: 2, mistake: "timeout-in-milliseconds", what: "500 typed for 0.5 s") {
      $0.batch.timeout = .milliseconds(500_000)
    },
    MistakeCase(lesson: 2, mistake: "wrong-setting", what: "0.4 s instead of 0.5 s") {
      $0.batch.timeout = .milliseconds(400)
    },
    MistakeCase(lesson: 2, mistake: "fragile-margin", what: "database 5 ms under its timeout") {
      $0.batch.calls[1].delay = .milliseconds(495)
    },
    MistakeCase(lesson: 3, mistake: "invented-count", what: "one timeout too many", refreshEvidence: false) {
      let reported = $0.evidence?.timeouts ?? 0
      $0.evidence?.timeouts = reported + 1
    },
    MistakeCase(lesson: 3, mistake: "invented-count", what: "a result changed", refreshEvidence: false) {
      $0.evidence?.results?[0] = "search:timeout"
    },
    MistakeCase(lesson: 3, mistake: "missing-evidence", what: "no evidence") { $0.evidence = nil },
    MistakeCase(lesson: 3, mistake: "missing-calls", what: "seven calls") { $0.batch.calls.removeLast() },
    MistakeCase(lesson: 3, mistake: "missing-explanation", what: "an empty note") { $0.evidence?.note = "" },
    MistakeCase(lesson: 3, mistake: "no-limit", what: "no limit") { $0.batch.limit = nil },
    MistakeCase(lesson: 4, mistake: "timeout-outside-semaphore", what: "queue scope") {
      $0.batch.timeoutScope = .queue
    },
    MistakeCase(lesson: 5, mistake: "timeout-outside-semaphore", what: "queue scope") {
      $0.batch.timeoutScope = .queue
    },
    MistakeCase(lesson: 6, mistake: "swallowed-error", what: "return None") { $0.batch.errors = .swallow },
    MistakeCase(lesson: 6, mistake: "propagated-error", what: "the error propagates") { $0.batch.errors = .propagate },
    MistakeCase(lesson: 6, mistake: "unnamed-failure", what: "a note that only counts") {
      $0.evidence?.note = "one call failed"
    },
    MistakeCase(lesson: 7, mistake: "async-for-cpu", what: "CPU work modelled as waiting") {
      for index in $0.batch.calls.indices { $0.batch.calls[index].work = .io }
    },
    MistakeCase(lesson: 8, mistake: "semaphore-per-call", what: "a semaphore per call") {
      $0.batch.semaphore = .perCall
    },
    MistakeCase(lesson: 8, mistake: "no-limit", what: "no limit") { $0.batch.limit = nil },
  ]
}

/// Where a lesson's behaviour depends on the Python version, its README shows each answer; the
/// engine prints exactly those under each version (and the conformance corpus holds the same two
/// configurations as recorded from CPython: `readme-05-…` and `readme-07-…`).
@Suite struct VersionExampleTests {
  static let examples: [(folder: String, batch: GatherBatch)] = [
    (
      "05_timeout_scope",
      GatherBatch(
        limit: 1, timeout: .milliseconds(250), timeoutScope: .queue,
        calls: [
          GatherCall(name: "search", delay: .milliseconds(100)),
          GatherCall(name: "database", delay: .milliseconds(200), timeout: .none),
          GatherCall(name: "upload", delay: .milliseconds(50)),
        ])
    ),
    (
      "07_cpu_bound",
      GatherBatch(
        limit: 2, timeout: nil,
        calls: [
          GatherCall(name: "llm", delay: .milliseconds(410), timeout: .after(.milliseconds(455))),
          GatherCall(name: "db", delay: .milliseconds(310), timeout: .none, work: .cpu),
        ])
    ),
  ]

  @Test(arguments: 0..<examples.count)
  func theReadmeShowsWhatEachVersionPrints(_ index: Int) throws {
    let (folder, batch) = Self.examples[index]
    let readme = try String(contentsOfFile: "\(CourseTests.root)/lessons/\(folder)/README.md", encoding: .utf8)
    var shown: [PythonVersion: String] = [:]
    for line in readme.split(separator: "\n") {
      let text = line.trimmingCharacters(in: .whitespaces)
      guard text.hasPrefix("Python 3."), let colon = text.firstIndex(of: ":") else { continue }
      let versions = text[text.index(text.startIndex, offsetBy: 7)..<colon].split(separator: ",")
      for version in versions {
        let key = try #require(PythonVersion(rawValue: version.trimmingCharacters(in: .whitespaces)))
        shown[key] = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      }
    }
    #expect(Set(shown.keys) == Set(PythonVersion.allCases), "every version is shown")
    for version in PythonVersion.allCases {
      #expect(GatherEngine.runVirtual(batch, python: version).pythonResults == shown[version], "Python \(version)")
    }
    #expect(shown[.v3_11] != shown[.v3_12], "the example really differs")
  }
}

/// The course read as a learner with the `lesson` binary and nothing else.
@Suite struct CourseTextTests {
  static let course = CourseTests.course

  static func readme(_ entry: Course.Entry) throws -> String {
    try String(contentsOfFile: course.readmePath(entry), encoding: .utf8)
  }

  @Test(arguments: course.entries)
  func speaksToALearnerWithTheBinary(_ entry: Course.Entry) throws {
    let text = try Self.readme(entry)
    for phrase in ["swift run", "lesson page", "evidence card"] {
      #expect(!text.contains(phrase), "lesson \(entry.id) says '\(phrase)'")
    }
  }

  @Test func wordsAreIntroducedBeforeTheyAreUsed() throws {
    // "slot" is introduced in lesson 2, "evidence" in lesson 3; "in flight" is never needed.
    let texts = try Self.course.entries.map { ($0.id, try Self.readme($0)) }
    let firstSlot = try #require(texts.first { $0.1.contains("slot") }?.0)
    #expect(firstSlot == 2)
    #expect(try Self.readme(Self.course.entries[1]).contains("**slots**"))
    #expect(!texts.contains { $0.1.contains("in flight") })
    for entry in Self.course.entries {
      let spec = try Self.course.spec(entry)
      for text in [spec.goal, spec.title] + spec.hints + spec.pythonHints {
        #expect(!text.contains("in flight"), "lesson \(entry.id): \(text)")
        #expect(entry.id >= 2 || !text.contains("slot"), "lesson \(entry.id): \(text)")
      }
    }
    let firstEvidence = try #require(texts.first { $0.1.contains("evidence") }?.0)
    #expect(firstEvidence == 3)
  }

  @Test func lessonFourDoesNotGiveAwayLessonFive() throws {
    let four = try Self.course.spec(Self.course.entries[3])
    let five = try Self.course.spec(Self.course.entries[4])
    #expect(four.starterMistake != five.starterMistake)
    #expect(!four.rules.contains(.timeoutInsideSemaphore))
    #expect(!(try Self.readme(Self.course.entries[3])).contains("timeoutScope"))
  }

  @Test func lessonTwoAsksForWhatItChecks() throws {
    let entry = Self.course.entries[1]
    let spec = try Self.course.spec(entry)
    #expect(try Self.readme(entry).contains("0.3 s"))
    #expect(spec.rules.contains(.callTimeout("slow_tool", .milliseconds(300))))
    #expect(spec.hints.contains { $0.contains("0.3") })
    // Without slow_tool's own timeout the lesson does not pass.
    var configuration = try InputFile.configuration(at: Self.course.solutionPath(entry, spec))
    configuration.batch.calls[2].timeout = .inherit
    #expect(!LessonChecker.check(configuration, against: spec, file: "x").passed())
  }
}
