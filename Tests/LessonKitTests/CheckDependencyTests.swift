import Foundation
import LessonKit
import Testing

/// Checks judge only what they claim to judge, in order: the settings, then the run, then the
/// evidence, then the note. Each case is a learner's file that used to be misdiagnosed.
@Suite struct CheckDependencyTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent().path
  static let course = try! Course.load(root: root)

  static func check(_ json: String, lesson: Int) throws -> CheckReport {
    let configuration = try LearnerConfiguration.parse(Array(json.utf8), file: "learner.json")
    let spec = try course.spec(try #require(course.entry(lesson)))
    return LessonChecker.check(configuration, against: spec, file: "learner.json")
  }

  static let threeCalls = """
    "calls": [{"name": "search", "delay": 0.1}, {"name": "database", "delay": 0.2}, {"name": "slow_tool", "delay": 1.0}]
    """

  static let guardedCalls = """
    "calls": [{"name": "search", "delay": 0.1}, {"name": "database", "delay": 0.2},
      {"name": "slow_tool", "delay": 1.0, "timeout": 0.3}]
    """

  func status(_ report: CheckReport, _ id: String) -> CheckResult.Status? {
    report.checks.first { $0.id == id }?.status
  }

  @Test func aLimitOfTwoInLessonOneIsASettingWithItsValueNotNoOverlap() throws {
    let report = try Self.check(
      """
      {"limit": 2, "calls": [{"name": "search", "delay": 0.1}, {"name": "database", "delay": 0.2},
       {"name": "retrieval", "delay": 0.3}]}
      """, lesson: 1)
    #expect(report.mistakes.map(\.id) == ["wrong-setting"])
    #expect(
      report.fix(for: report.mistakes[0])
        == "Set \"limit\": null (plain gather), so that no call waits for another.")
    #expect(!report.fix(for: report.mistakes[0]).contains("above 1"))
  }

  @Test func aDeadlockPassesNothingAboutTheRun() throws {
    let report = try Self.check(
      #"{"limit": 0, "calls": [{"name": "a", "delay": 0.1}, {"name": "b", "delay": 0.2}]}"#,
      lesson: 1)
    #expect(status(report, "no-deadlock") == .failed)
    #expect(status(report, "overlap") == .skipped)
    #expect(report.checks.first { $0.id == "overlap" }?.blockedBy == ["the batch can finish"])
    #expect(!report.checks.contains { $0.status == .passed })
    let lesson2 = try Self.check(
      "{\"limit\": 0, \"timeout\": 0.5, \(Self.guardedCalls)}", lesson: 2)
    #expect(status(lesson2, "peak-within") == .skipped)
    #expect(lesson2.mistakes.map(\.id) == ["zero-limit-deadlock"])
  }

  @Test func withNoTimeoutWhereItStartsIsNotJudged() throws {
    let report = try Self.check("{\"limit\": 2, \(Self.threeCalls)}", lesson: 2)
    let scope = try #require(report.checks.first { $0.id == "timeout-inside-semaphore" })
    #expect(scope.status == .skipped)
    #expect(scope.blockedBy == ["every call has a timeout"])
  }

  @Test func theRunAndTheEvidenceWaitForTheSettings() throws {
    let report = try Self.check(
      """
      {"limit": 2, "timeout": 0.5, \(Self.threeCalls),
       "evidence": {"results": ["a"], "timeouts": 7, "note": "at once"}}
      """, lesson: 3)
    #expect(status(report, "evidence-matches") == .skipped)
    #expect(status(report, "note-explains") == .skipped)
    #expect(
      !report.mistakes.contains { $0.id == "invented-count" || $0.id == "missing-explanation" })
    // Only one "expected" list on the screen: the evidence is not judged yet.
    #expect(
      report.checks.filter { $0.status == .failed }.allSatisfy {
        !$0.expected.contains("what the run printed")
      })
    #expect(!report.passed())
  }

  @Test func aTimeoutOf300IsMillisecondsTypedAsSeconds() throws {
    let report = try Self.check("{\"limit\": 2, \"timeout\": 300, \(Self.threeCalls)}", lesson: 2)
    #expect(report.mistakes.map(\.id) == ["timeout-in-milliseconds"])
    #expect(report.fix(for: report.mistakes[0]).contains("0.3"))
    let lesson3 = try Self.check(
      "{\"limit\": 3, \"timeout\": 150, \"calls\": ["
        + (0..<8).map { "{\"name\": \"c\($0)\", \"delay\": 0.1}" }
        .joined(separator: ",") + "]}", lesson: 3)
    let fix = lesson3.fix(
      for: try #require(lesson3.mistakes.first { $0.id == "timeout-in-milliseconds" }))
    #expect(fix.contains("\"timeout\": 0.15"), "\(fix)")
  }

  /// Delays typed in milliseconds too do not hide timeouts typed in milliseconds: the lesson's
  /// own values times 1,000 are milliseconds, and the fix says so once for the delays as well.
  @Test func timeoutsAndDelaysBothInMilliseconds() throws {
    let report = try Self.check(
      """
      {"limit": 2, "timeout": 500, "calls": [{"name": "search", "delay": 100},
       {"name": "database", "delay": 200}, {"name": "slow_tool", "delay": 1000, "timeout": 300}]}
      """, lesson: 2)
    #expect(report.mistakes.map(\.id) == ["timeout-in-milliseconds"])
    let fix = report.fix(for: report.mistakes[0])
    #expect(fix.contains("\"timeout\": 0.5") && fix.contains("\"timeout\": 0.3"), "\(fix)")
    #expect(fix.components(separatedBy: "\"delay\" is in seconds too").count == 2, "\(fix)")
  }

  @Test func wrongSettingGivesTheValue() throws {
    let report = try Self.check("{\"limit\": 3, \"timeout\": 0.5, \(Self.guardedCalls)}", lesson: 2)
    let mistake = try #require(report.mistakes.first { $0.id == "wrong-setting" })
    #expect(report.fix(for: mistake) == "Set \"limit\": 2 (it is 3).")
  }

  @Test func aHardCodedCountIsCheckedAgainstTheRun() throws {
    let path = NSTemporaryDirectory() + "hard-\(UUID().uuidString).py"
    defer { try? FileManager.default.removeItem(atPath: path) }
    let program = try String(
      contentsOfFile: Self.root + "/solutions/02_guarded_gather/async_batch.py", encoding: .utf8
    )
    .replacingOccurrences(
      of: "    print(results)\n", with: "    print(results)\n    print(\"timeouts:\", 2)\n")
    try program.write(toFile: path, atomically: true, encoding: .utf8)
    let spec = try Self.course.spec(try #require(Self.course.entry(2)))
    let report = LessonChecker.check(
      try InputFile.configuration(at: path), against: spec, file: "hard.py")
    #expect(report.mistakes.map(\.id) == ["invented-count"])
    #expect(!report.passed())
  }

  @Test func aSkippedCheckNeverCountsAsPassed() throws {
    let report = try Self.check("{\"limit\": null, \(Self.threeCalls)}", lesson: 2)
    #expect(report.skipped == 6)
    #expect(report.score == 0)
    #expect(report.findings.count == 2)
  }
}
