import Foundation
import GuardedGather
import LessonKit
import Testing

@Suite struct RosterTests {
  struct RosterCase: Sendable, CustomTestStringConvertible {
    var name: String
    var text: String
    var learners: [String] = []
    var ids: [String]
    var column: String?
    var testDescription: String { name }
  }

  static let cases: [RosterCase] = [
    .init(name: "plain list", text: "alice\n  bob  \n\n# a comment\ncarol\nalice\n", ids: ["alice", "bob", "carol"]),
    .init(name: "one-word header", text: "Login\nalice\nbob\n", ids: ["alice", "bob"]),
    .init(name: "CRLF and no final newline", text: "alice\r\nbob", ids: ["alice", "bob"]),
    .init(
      name: "quoted fields with commas, quotes and a line break",
      text: "name,username\n\"Ada, \"\"the\"\" first\",ada\n\"two\nlines\",bo\n", ids: ["ada", "bo"],
      column: "username"),
    .init(name: "semicolons", text: "Name;SID\nAda;1001\nBo;1002\n", ids: ["1001", "1002"], column: "SID"),
    .init(name: "tabs", text: "Student ID\tE-mail\n7\ta@x.org\n", ids: ["7"], column: "Student ID"),
    .init(
      name: "the column that matches the learners wins over the preferred one",
      text: "SID,Email\n1001,ada@uni.edu\n1002,bo@uni.edu\n", learners: ["ada", "bo"],
      ids: ["ada@uni.edu", "bo@uni.edu"], column: "Email"),
    .init(
      name: "without learners to match, the preferred column",
      text: "SID,Email\n1001,ada@uni.edu\n1002,bo@uni.edu\n", ids: ["1001", "1002"], column: "SID"),
    .init(name: "empty ids are skipped", text: "login,name\n,Nobody\nada,Ada\n", ids: ["ada"], column: "login"),
  ]

  @Test(arguments: cases) func readsIdsFromAListOrACSVColumn(_ item: RosterCase) throws {
    let roster = try Roster.parse(item.text, file: "roster", learners: item.learners)
    #expect(roster.ids == item.ids)
    #expect(roster.column == item.column)
  }

  struct BadRoster: Sendable, CustomTestStringConvertible {
    var name: String
    var text: String
    var message: String
    var testDescription: String { name }
  }

  static let bad: [BadRoster] = [
    .init(
      name: "empty", text: "\n\n",
      message:
        "r.csv: line 1: no learner ids; expected one learner id per line, or a CSV file with a login, username, email or SID column"
    ),
    .init(
      name: "no id column", text: "name,section\nAda,A\n",
      message:
        "r.csv: line 1: no column named login, username, email or SID (found 'name', 'section'); expected one learner id per line, or a CSV file with a login, username, email or SID column"
    ),
    .init(
      name: "a short row", text: "name,login\nAda,ada\nBo\n",
      message: "r.csv: line 3: 1 fields; expected a value in column 'login' (field 2)"),
    .init(
      name: "an unclosed quote", text: "login,name\n\"ada,Ada\n",
      message:
        "r.csv: line 2: an unclosed quote; expected one learner id per line, or a CSV file with a login, username, email or SID column"
    ),
    .init(
      name: "a header and nothing else", text: "login,name\n",
      message:
        "r.csv: column 'login': no learner ids; expected one learner id per line, or a CSV file with a login, username, email or SID column"
    ),
  ]

  @Test(arguments: bad) func aRosterWithoutIdsIsOneLineNamingThePlace(_ item: BadRoster) {
    #expect(throws: LessonKitError.self) { try Roster.parse(item.text, file: "r.csv") }
    do {
      _ = try Roster.parse(item.text, file: "r.csv")
    } catch {
      #expect(error.description == item.message)
      #expect(error.exitCode == 65)
    }
  }

  @Test func learnersMatchIgnoringCaseOrByTheirEmailsName() {
    let roster = Roster(ids: ["Ada", "bo@uni.edu", "cy"])
    #expect(roster.id(for: "ada") == "Ada")
    #expect(roster.id(for: "BO") == "bo@uni.edu")
    #expect(roster.id(for: "bo@uni.edu") == "bo@uni.edu")
    #expect(roster.id(for: "c") == nil)
    #expect(roster.id(for: "uni.edu") == nil)
  }
}

@Suite struct GradebookArithmeticTests {
  @Test(arguments: [(2, 3, 67), (1, 3, 33), (4, 14, 29), (1, 2, 50), (1, 8, 13), (0, 5, 0), (5, 5, 100), (0, 0, 0)])
  func percentagesRoundHalfUp(_ passed: Int, _ total: Int, _ percent: Int) {
    #expect(Gradebook.percent(passed, of: total) == percent)
  }
}

@Suite struct GradeRecordWireTests {
  @Test func aGradeCrossesThePipeIntact() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().path
    let course = try Course.load(root: root)
    let spec = try course.spec(try #require(course.entry(3)))
    let submission = Submission(
      learner: "zoë \"q\"\n<x>", lesson: 3, path: root + "/lessons/03_more_tools/more_tools3.json",
      display: "zoë/more_tools3.json")
    let record = Grader.grade(submission, spec: spec)
    #expect(record.status == .fail && !record.checks.isEmpty && record.checks.contains { $0.mistake != nil })
    #expect(record.timeline?.calls.map(\.name) == ["search", "database", "slow_tool"])
    #expect(!record.wire.contains("\n"))
    let back = try #require(GradeRecord(wire: record.wire))
    #expect(back == record)
    #expect(GradeRecord(wire: "{\"learner\": 1}") == nil)
    #expect(GradeRecord(wire: "not json") == nil)
  }

  @Test func aTimelineKeepsItsFirstCallsAndCountsTheRest() {
    let calls = (0..<50).map { GatherCall(name: "c\($0)", delay: .milliseconds(10 * ($0 % 7))) }
    let batch = GatherBatch(limit: 4, timeout: .milliseconds(35), calls: calls)
    let timeline = GradeTimeline(batch: batch, trace: GatherEngine.runVirtual(batch))
    #expect(timeline.calls.count == GradeTimeline.maximumCalls)
    #expect(timeline.omitted == 50 - GradeTimeline.maximumCalls)
    #expect(timeline.limit == 4 && timeline.peak == 4)
    #expect(timeline.calls.allSatisfy { ($0.startedAt ?? 0) <= $0.endedAt && $0.endedAt <= timeline.elapsed })
    #expect(timeline.calls.contains { $0.outcome == .timeout } && timeline.calls.contains { $0.outcome == .ok })
  }
}

@Suite struct JSONQuoteTests {
  /// The escaping the JSON writer had before its fast path, kept here as the reference.
  static func reference(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20 || scalar.value == 0x7F || scalar == "\u{2028}" || scalar == "\u{2029}":
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }

  @Test(arguments: [
    "", "plain", "zoë \"the\" <tester>", "back\\slash", "line\nbreak\r\ttab", "\u{0}\u{1}\u{1F}\u{7F}",
    "sep\u{2028}and\u{2029}", "\u{E2}\u{80}", "emoji 🧪 and ✓", "€\u{2027}\u{202A}",
  ])
  func quotesAsBeforeAndReadsBack(_ text: String) throws {
    let quoted = JSONOutput.quote(text)
    #expect(quoted == Self.reference(text))
    let back = try JSONSerialization.jsonObject(with: Data(quoted.utf8), options: .fragmentsAllowed) as? String
    #expect(back == text)
  }
}

/// A large class keeps only what its outputs show of each record, and shares repeated texts.
@Suite struct GradeRecordDetailTests {
  /// Lesson 3's starter handed in by ada, graded with everything kept.
  static func adasStarter() throws -> (spec: LessonSpec, submission: Submission, record: GradeRecord) {
    let course = CheckDependencyTests.course
    let entry = try #require(course.entry(3))
    let spec = try course.spec(entry)
    let starter = Submission(
      learner: "ada", lesson: 3, path: "\(course.root)/lessons/\(entry.folder)/\(spec.file)", display: "ada.json",
      problem: nil)
    return (spec, starter, Grader.grade(starter, spec: spec))
  }

  @Test func keepingDropsWhatIsNotAsked() throws {
    let (_, _, full) = try Self.adasStarter()
    #expect(!full.checks.isEmpty && full.timeline != nil)
    let slim = full.keeping([])
    #expect(slim.checks.isEmpty && slim.timeline == nil)
    #expect(slim.score == full.score && slim.maxScore == full.maxScore && slim.explanations == full.explanations)
    #expect(full.keeping(.timeline).timeline == full.timeline && full.keeping(.timeline).checks.isEmpty)
    // What travels from a worker reads back the same, through a pool or not.
    var pool = TextPool()
    #expect(GradeRecord(wire: full.wire, pool: &pool) == GradeRecord(wire: full.wire))
    #expect(GradeRecord(wire: full.wire, pool: &pool) == full)
  }

  @Test func spooledChecksComeBackAsTheyWereWithTheirCounts() throws {
    let (spec, starter, full) = try Self.adasStarter()
    let spool = try #require(CheckSpool())
    var records = [full, full.keeping([])]
    records[1].learner = "bo"
    var spooled = records
    for index in spooled.indices { spool.spool(&spooled[index]) }
    #expect(spooled[0].checks.isEmpty && spooled[0].spooledChecks != nil)
    #expect(spooled[0].checkCounts == CheckCounts(full.checks))
    #expect(spooled[0].checkCounts.failed > 0 && spooled[0].checkCounts.total == Int32(full.checks.count))
    // A record without checks is left as it is.
    #expect(spooled[1] == records[1])
    #expect(spool.restore(spooled[0]) == full)
    // The gradebook reads them back a learner at a time; its list of all records is without them.
    let book = Gradebook(records: spooled, spool: spool)
    #expect(book.records(of: "ada") == [full])
    #expect(book.records.first { $0.learner == "ada" }?.checks.isEmpty == true)
    // Grading in process spools only when checks are asked for.
    let graded = Grader.grade([starter], specs: [3: spec], detail: .all)
    #expect(graded.records(of: "ada").first?.checks == full.checks)
  }

  @Test func aClassPageKeepsTheFirstRunForEachMistake() {
    func record(_ learner: String, _ mistakes: [String]) -> GradeRecord {
      GradeRecord(
        learner: learner, lesson: 3, status: .fail, score: 0, maxScore: 1, mistakes: mistakes, file: "",
        timeline: GradeTimeline(limit: 1, peak: 1, elapsed: 1, calls: [], omitted: 0, failure: nil))
    }
    var keeper = ExampleTimelines()
    var kept: [String] = []
    for var graded in [record("a", ["no-limit"]), record("b", ["no-limit"]), record("c", ["no-timeout", "no-limit"]),
      record("d", ["no-timeout"]), record("e", [])]
    {
      keeper.keep(&graded)
      if graded.timeline != nil { kept.append(graded.learner) }
    }
    #expect(kept == ["a", "c"])
  }

  @Test func aPoolGivesEqualTextsAndStaysBounded() {
    var pool = TextPool()
    for i in 0..<20_000 {
      let text = "a text long enough to be shared, number \(i)"
      #expect(pool.shared(text) == text)
    }
    #expect(pool.shared("short") == "short")
  }
}
