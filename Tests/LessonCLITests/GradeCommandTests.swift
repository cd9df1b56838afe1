import Foundation
import LessonCLI
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// A class folder with passing, failing, broken and hostile submissions for lesson 2.
struct FixtureClass {
  let root: String
  static let oddName = "zoë, \"the\" <tester> =1+1"

  static func make(in directory: String) throws -> FixtureClass {
    let root = directory + "/class"
    let fm = FileManager.default
    try fm.createDirectory(atPath: root, withIntermediateDirectories: true)
    let course = CLIFixtures.packageRoot.path
    let solution = try Data(
      contentsOf: URL(fileURLWithPath: course + "/solutions/02_guarded_gather/guarded_gather2.json"))
    let starter = try Data(contentsOf: URL(fileURLWithPath: course + "/lessons/02_guarded_gather/guarded_gather2.json"))
    func write(_ name: String, _ data: Data) throws { try data.write(to: URL(fileURLWithPath: root + "/" + name)) }
    try write("alice.json", solution)
    try write("bob.json", starter)
    try write("carol.json", Data("{\"limit\": 2, \"calls\": [".utf8))
    try write("dave.json", Data(count: 3 << 20))
    let calls = (0..<100_000).map { "{\"name\": \"c\($0)\", \"delay\": 0.1}" }.joined(separator: ",")
    try write("eve.json", Data("{\"limit\": 2, \"calls\": [\(calls)]}".utf8))
    try fm.createSymbolicLink(atPath: root + "/frank.json", withDestinationPath: "/etc/hostname")
    try write("\(oddName).json", solution)
    // A learner who hands in the asyncio program itself.
    try write(
      "pat.py", try Data(contentsOf: URL(fileURLWithPath: course + "/solutions/02_guarded_gather/async_batch.py")))
    try write("deep.json", Data((String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).utf8))
    try write("utf8.json", Data([0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D]))
    try write(
      "many.json",
      Data(
        "{\"limit\": 2, \"calls\": [\((0..<10_001).map { "{\"name\": \"c\($0)\", \"delay\": 0}" }.joined(separator: ","))]}"
          .utf8))
    try write("notes.txt", Data("not a submission".utf8))
    // A learner who hands in a cloned repository, and one whose folder has no lesson 2 file.
    try fm.createDirectory(atPath: root + "/grace/workspace/02_guarded_gather", withIntermediateDirectories: true)
    try solution.write(to: URL(fileURLWithPath: root + "/grace/workspace/02_guarded_gather/guarded_gather2.json"))
    try fm.createDirectory(atPath: root + "/heidi/src", withIntermediateDirectories: true)
    // A learner whose folder links out of the class folder.
    try fm.createSymbolicLink(atPath: root + "/ivan", withDestinationPath: "/etc")
    return FixtureClass(root: root)
  }
}

func grade(_ arguments: [String], in directory: String, width: Int = 100) -> CLIRun {
  let captured = CapturedConsole(width: width, directory: CLIFixtures.packageRoot.path)
  let code = LessonTool.main(["grade"] + arguments, console: captured.console)
  return CLIRun(code: code, out: captured.out, err: captured.err)
}

@Suite struct GradeCommandTests {
  @Test func jsonGradesEveryLearnerInIsolation() throws {
    try withWorkspace { directory in
      let fixture = try FixtureClass.make(in: directory)
      let run = grade(["2", fixture.root, "--format", "json"], in: directory)
      #expect(run.code == .failure)
      let object = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
      let learners = try #require(object["learners"] as? [[String: Any]])
      var status: [String: String] = [:]
      var explanation: [String: String] = [:]
      for learner in learners {
        let name = try #require(learner["learner"] as? String)
        let lesson = try #require((learner["lessons"] as? [[String: Any]])?.first)
        status[name] = lesson["status"] as? String
        explanation[name] = lesson["explanation"] as? String
      }
      #expect(status["alice"] == "pass")
      #expect(status["bob"] == "fail")
      #expect(status[FixtureClass.oddName] == "pass")
      #expect(status["grace"] == "pass")
      #expect(status["pat"] == "pass")
      for broken in ["carol", "dave", "eve", "frank", "deep", "utf8", "many", "ivan"] {
        #expect(status[broken] == "error", "\(broken)")
      }
      // A folder without the lesson's file handed in nothing for it.
      #expect(status["heidi"] == "missing")
      #expect(status["notes"] == nil)
      #expect(explanation["bob"]?.hasPrefix("no-limit") == true)
      #expect(explanation["dave"]?.contains("larger than 1048576 bytes") == true)
      #expect(explanation["eve"]?.contains("larger than 1048576 bytes") == true)
      #expect(explanation["many"]?.contains("10001 calls; a configuration may have at most 10000") == true)
      #expect(explanation["frank"]?.contains("links out are not followed") == true)
      #expect(explanation["ivan"]?.contains("links out are not followed") == true)
      #expect(explanation["deep"]?.contains("nesting deeper than 64 levels") == true)
      #expect(explanation["utf8"]?.contains("not valid UTF-8") == true)
      #expect(explanation["heidi"] == "no guarded_gather2.json or async_batch.py in the learner's folder")
      let summary = try #require(object["summary"] as? [String: Any])
      let mistakes = try #require(summary["mistakes"] as? [[String: Any]])
      #expect(mistakes.first?["id"] as? String == "no-limit")
    }
  }

  @Test func theSameClassGivesByteIdenticalOutput() throws {
    try withWorkspace { directory in
      let fixture = try FixtureClass.make(in: directory)
      for format in ["table", "csv", "json", "junit"] {
        let first = grade(["2", fixture.root, "--format", format], in: directory).out
        let second = grade(["2", fixture.root, "--format", format], in: directory).out
        #expect(first == second, "\(format)")
        #expect(!first.isEmpty)
      }
    }
  }

  @Test func csvReadsBackWithAnIndependentParser() throws {
    try withWorkspace { directory in
      let fixture = try FixtureClass.make(in: directory)
      let rows = try RFC4180.parse(grade(["2", fixture.root, "--format", "csv"], in: directory).out)
      #expect(
        rows.first == [
          "learner", "lesson", "status", "score", "max_score", "mistakes", "explanation", "file", "warnings",
          "note_to_review", "note",
        ])
      #expect(rows.dropFirst().allSatisfy { $0.count == 11 })
      #expect(rows.count == 15)
      let odd = try #require(rows.first { $0[0].contains("zoë") })
      // A field that looks like a formula is defused; the name is otherwise intact.
      #expect(odd[0] == FixtureClass.oddName)
      #expect(odd[2] == "pass")
      let bob = try #require(rows.first { $0[0] == "bob" })
      #expect(bob[5].split(separator: ";").contains("no-limit"))
      #expect(Int(bob[3])! < Int(bob[4])!)
      // An unreadable submission scores 0 out of the lesson's maximum, never 0 of 0.
      let carol = try #require(rows.first { $0[0] == "carol" })
      #expect(carol[2] == "error" && carol[3] == "0" && carol[4] == bob[4])
    }
  }

  @Test func junitIsWellFormedXMLWithOneCasePerCheck() throws {
    try withWorkspace { directory in
      let fixture = try FixtureClass.make(in: directory)
      let text = grade(["2", fixture.root, "--format", "junit"], in: directory).out
      let document = try XMLDocument(data: Data(text.utf8))
      let root = try #require(document.rootElement())
      #expect(root.name == "testsuites")
      let suites = root.elements(forName: "testsuite")
      #expect(suites.count == 14)
      let alice = try #require(suites.first { $0.attribute(forName: "name")?.stringValue == "alice" })
      #expect(alice.elements(forName: "testcase").count == 8)
      #expect(alice.attribute(forName: "failures")?.stringValue == "0")
      let bob = try #require(suites.first { $0.attribute(forName: "name")?.stringValue == "bob" })
      let failures = bob.elements(forName: "testcase").flatMap { $0.elements(forName: "failure") }
      #expect(failures.count == Int(bob.attribute(forName: "failures")?.stringValue ?? "") ?? -1)
      #expect(failures.contains { $0.attribute(forName: "type")?.stringValue == "no-limit" })
      let carol = try #require(suites.first { $0.attribute(forName: "name")?.stringValue == "carol" })
      #expect(carol.elements(forName: "testcase").first?.elements(forName: "error").count == 1)
      let total = suites.reduce(0) { $0 + $1.elements(forName: "testcase").count }
      #expect(String(total) == root.attribute(forName: "tests")?.stringValue)
      // The totals add up the suites' (they are counted without reading the checks back).
      for attribute in ["tests", "failures", "errors", "skipped"] {
        let sum = suites.reduce(0) { $0 + (Int($1.attribute(forName: attribute)?.stringValue ?? "") ?? -1000) }
        #expect(String(sum) == root.attribute(forName: attribute)?.stringValue, "\(attribute)")
      }
      #expect(suites.contains { $0.attribute(forName: "name")?.stringValue == FixtureClass.oddName })
    }
  }

  @Test func gradescopeResultsMatchTheAutogradersSchema() throws {
    try withWorkspace { directory in
      let fixture = try FixtureClass.make(in: directory)
      let run = grade(
        ["--all", fixture.root + "/grace", "--learner", "grace", "--format", "gradescope"], in: directory)
      let object = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
      // https://gradescope-autograders.readthedocs.io: score, max_score, tests[] of
      // {name, score, max_score, status: "passed" | "failed", output}.
      #expect(Set(object.keys).isSubset(of: ["score", "max_score", "output", "tests"]))
      let score = try #require(object["score"] as? Int)
      let maximum = try #require(object["max_score"] as? Int)
      let tests = try #require(object["tests"] as? [[String: Any]])
      #expect(!tests.isEmpty)
      var sum = 0
      var sumMax = 0
      for test in tests {
        #expect(Set(test.keys) == ["name", "score", "max_score", "status", "output"])
        #expect(test["name"] is String && test["output"] is String)
        let status = try #require(test["status"] as? String)
        #expect(status == "passed" || status == "failed")
        let testScore = try #require(test["score"] as? Int)
        let testMax = try #require(test["max_score"] as? Int)
        #expect((status == "passed") == (testScore == testMax))
        sum += testScore
        sumMax += testMax
      }
      #expect(sum == score && sumMax == maximum)
      // Lesson 2 passes (8 checks); the other seven lessons are missing: one failed test each, out
      // of the lesson's maximum.
      #expect(tests.count(where: { ($0["name"] as? String)?.hasPrefix("Lesson 2:") == true }) == 8)
      let missing = tests.filter { ($0["output"] as? String)?.hasPrefix("Not handed in") == true }
      #expect(missing.count == 7)
      #expect(missing.allSatisfy { ($0["max_score"] as? Int ?? 0) > 1 })
    }
  }

  @Test func gradescopeNeedsOneLearner() throws {
    try withWorkspace { directory in
      let fixture = try FixtureClass.make(in: directory)
      let run = grade(["2", fixture.root, "--format", "gradescope"], in: directory)
      #expect(run.code == .usage)
      #expect(run.err.contains("use --learner NAME"))
    }
  }

  @Test func theOutputFileIsReplacedAtomicallyOrLeftAlone() throws {
    try withWorkspace { directory in
      let fixture = try FixtureClass.make(in: directory)
      let output = directory + "/gradebook.csv"
      try Data("old gradebook".utf8).write(to: URL(fileURLWithPath: output))
      let run = grade(["2", fixture.root, "--format", "csv", "--output", output], in: directory)
      #expect(run.code == .failure)
      #expect(run.out.isEmpty)
      #expect(try String(contentsOfFile: output, encoding: .utf8).hasPrefix("learner,lesson,status"))
      // An output that cannot be written: exit 73, and the old file is untouched.
      try Data("keep me".utf8).write(to: URL(fileURLWithPath: output))
      let failed = grade(["2", fixture.root, "--output", output + "/inside-a-file.csv"], in: directory)
      #expect(failed.code.rawValue == 73)
      #expect(try String(contentsOfFile: output, encoding: .utf8) == "keep me")
    }
  }

  @Test func theTableSummarisesTheClass() throws {
    try withWorkspace { directory in
      let fixture = try FixtureClass.make(in: directory)
      let out = grade(["2", fixture.root], in: directory).out
      #expect(out.contains("Pass rate per lesson"))
      // 4 of 14 is 28.6%, which rounds to 29%.
      #expect(out.contains("L2  4/14 (29%)"))
      #expect(out.contains("Mistakes, most common first"))
      #expect(out.contains("Need attention"))
      #expect(out.contains("bob: 1 failed"))
    }
  }

  @Test func allLessonsFromOneFolderPerLearner() throws {
    try withWorkspace { directory in
      let root = directory + "/class"
      let course = CLIFixtures.packageRoot.path
      try FileManager.default.createDirectory(atPath: root + "/bea", withIntermediateDirectories: true)
      try FileManager.default.copyItem(atPath: course + "/solutions", toPath: root + "/bea/solutions")
      try FileManager.default.createDirectory(atPath: root + "/cy", withIntermediateDirectories: true)
      try FileManager.default.copyItem(atPath: course + "/lessons", toPath: root + "/cy/lessons")
      try Data("{}".utf8).write(to: URL(fileURLWithPath: root + "/dan.json"))
      let run = grade(["--all", root, "--format", "json"], in: directory)
      let object = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
      let learners = try #require(object["learners"] as? [[String: Any]])
      func statuses(_ name: String) -> [String] {
        let learner = learners.first { $0["learner"] as? String == name }
        return (learner?["lessons"] as? [[String: Any]])?.compactMap { $0["status"] as? String } ?? []
      }
      #expect(statuses("bea") == Array(repeating: "pass", count: 8))
      #expect(statuses("cy") == Array(repeating: "fail", count: 8))
      #expect(statuses("dan") == Array(repeating: "error", count: 8))
    }
  }

  @Test func usageAndMissingFolder() {
    #expect(grade(["2"], in: ".").code == .usage)
    #expect(grade(["2", "/nonexistent/class"], in: ".").code.rawValue == 66)
    #expect(grade(["2", "/tmp", "--format", "xml"], in: ".").err.contains("unknown format 'xml'"))
  }
}

/// A CSV reader written from RFC 4180, independent of the writer.
enum RFC4180 {
  struct Malformed: Error {}

  static func parse(_ text: String) throws -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var chars = Array(text)
    var index = 0
    if chars.last != "\n" && chars.last != "\r\n" { chars.append("\n") }
    while index < chars.count {
      let char = chars[index]
      if quoted {
        if char == "\"" {
          if index + 1 < chars.count, chars[index + 1] == "\"" {
            field.append("\"")
            index += 1
          } else {
            quoted = false
          }
        } else {
          field.append(char)
        }
      } else if char == "\"" {
        guard field.isEmpty else { throw Malformed() }
        quoted = true
      } else if char == "," {
        row.append(field)
        field = ""
      } else if char == "\r\n" || char == "\n" {
        row.append(field)
        rows.append(row)
        row = []
        field = ""
      } else {
        field.append(char)
      }
      index += 1
    }
    guard !quoted else { throw Malformed() }
    return rows
  }
}
