import Foundation
import LessonCLI
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// A class folder for lesson 3 built file by file, with the course's own starter and solution.
struct ClassFolder {
  let root: String
  static let course = CLIFixtures.packageRoot.path

  init(in directory: String) throws {
    root = directory + "/class"
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
  }

  /// Copies the course file `source` (`solutions/03_more_tools/more_tools3.json`) to `path` in the class.
  func copy(_ source: String, to path: String) throws {
    try put(try Data(contentsOf: URL(fileURLWithPath: Self.course + "/" + source)), at: path)
  }

  func put(_ data: Data, at path: String) throws {
    let url = URL(fileURLWithPath: root + "/" + path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: url)
  }

  static let starter3 = "lessons/03_more_tools/more_tools3.json"
  static let solution3 = "solutions/03_more_tools/more_tools3.json"
  static let program3 = "solutions/03_more_tools/async_batch.py"
  static let solution2 = "solutions/02_guarded_gather/guarded_gather2.json"
}

/// Reads a gradebook's JSON back: learner → lesson records.
func learnerRecords(_ json: String) throws -> [String: [[String: Any]]] {
  let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
  let learners = try #require(object["learners"] as? [[String: Any]])
  var records: [String: [[String: Any]]] = [:]
  for learner in learners {
    records[try #require(learner["learner"] as? String)] = learner["lessons"] as? [[String: Any]] ?? []
  }
  return records
}

@Suite struct GradeWhoIsWhoTests {
  /// The issue's case: bob's own file scores 3 of 8; ned's folder holds a passing one.
  func bobAndNed(in directory: String) throws -> ClassFolder {
    let folder = try ClassFolder(in: directory)
    try folder.copy(ClassFolder.starter3, to: "bob/more_tools3.json")
    try folder.copy(ClassFolder.solution3, to: "ned/more_tools3.json")
    return folder
  }

  @Test func learnerGradesThatLearnersOwnFile() throws {
    try withWorkspace { directory in
      let folder = try bobAndNed(in: directory)
      let run = grade(["3", folder.root, "--learner", "bob", "--format", "gradescope"], in: directory)
      #expect(run.code == .failure)
      let object = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
      let tests = try #require(object["tests"] as? [[String: Any]])
      #expect(object["max_score"] as? Int == 7)
      #expect(object["score"] as? Int == tests.count(where: { $0["status"] as? String == "passed" }))
      #expect(object["score"] as? Int == 1)
      let ned = grade(["3", folder.root, "--learner", "ned", "--format", "json"], in: directory)
      #expect(ned.code == .success)
      #expect(try learnerRecords(ned.out).keys.sorted() == ["ned"])
    }
  }

  @Test func anUnknownLearnerIsRefusedNamingWhoIsThere() throws {
    try withWorkspace { directory in
      let folder = try bobAndNed(in: directory)
      let run = grade(["3", folder.root, "--learner", "bobby", "--format", "gradescope"], in: directory)
      #expect(run.code == .missingInput)
      #expect(run.out.isEmpty)
      let lines = run.err.split(separator: "\n")
      #expect(lines.count == 1)
      #expect(lines.first?.hasPrefix("lesson: error: \(folder.root): no submission from learner 'bobby'") == true)
      #expect(run.err.contains("did you mean 'bob'?"))
      #expect(run.err.contains("2 learners (bob, ned)"))
    }
  }

  @Test func learnerWithTheirOwnFolderAsInAnAutograder() throws {
    try withWorkspace { directory in
      let folder = try ClassFolder(in: directory)
      // Gradescope unpacks the learner's upload into submission/, whatever the learner's name.
      try folder.copy(ClassFolder.solution3, to: "submission/03_more_tools/more_tools3.json")
      let run = grade(["3", folder.root + "/submission", "--learner", "bob", "--format", "json"], in: directory)
      #expect(run.code == .success)
      let records = try learnerRecords(run.out)
      #expect(records.keys.sorted() == ["bob"])
      #expect(records["bob"]?.first?["file"] as? String == "03_more_tools/more_tools3.json")
    }
  }

  @Test func theRuleTakesOneCandidateAndEveryFormatWarns() throws {
    try withWorkspace { directory in
      let folder = try ClassFolder(in: directory)
      // Candidates by the rule: the course's copies last, then the shallowest, then inside the
      // lesson's folder, then .json before .py. A file in another lesson's folder is not one.
      try folder.copy(ClassFolder.starter3, to: "cy/lessons/03_more_tools/more_tools3.json")
      try folder.copy(ClassFolder.starter3, to: "cy/old/attempt/more_tools3.json")
      try folder.copy(ClassFolder.program3, to: "cy/work/async_batch.py")
      try folder.copy(ClassFolder.solution3, to: "cy/work/03_more_tools/more_tools3.json")
      try folder.copy(ClassFolder.starter3, to: "cy/work/more_tools3.json")
      try folder.copy(ClassFolder.starter3, to: "cy/02_guarded_gather/async_batch.py")
      // A lone file and a folder of the same learner are candidates together; the lone file is shallower.
      try folder.copy(ClassFolder.solution3, to: "dee.json")
      try folder.copy(ClassFolder.starter3, to: "dee/more_tools3.json")

      let json = grade(["3", folder.root, "--format", "json"], in: directory)
      let records = try learnerRecords(json.out)
      #expect(records.keys.sorted() == ["cy", "dee"])
      let cy = try #require(records["cy"]?.first)
      #expect(cy["file"] as? String == "cy/work/more_tools3.json")
      let warning = try #require((cy["warnings"] as? [String])?.first)
      #expect(
        warning
          == "5 candidate files (cy/work/more_tools3.json, cy/work/async_batch.py, cy/work/03_more_tools/more_tools3.json, "
          + "cy/old/attempt/more_tools3.json, cy/lessons/03_more_tools/more_tools3.json); graded cy/work/more_tools3.json"
      )
      #expect(!warning.contains("02_guarded_gather"))
      let dee = try #require(records["dee"]?.first)
      #expect(dee["file"] as? String == "dee.json")
      #expect(dee["status"] as? String == "pass")
      #expect((dee["warnings"] as? [String])?.first?.contains("dee/more_tools3.json") == true)

      // The same warning in every other format, read back by a parser of that format.
      let csv = try RFC4180.parse(grade(["3", folder.root, "--format", "csv"], in: directory).out)
      let warningsColumn = try #require(csv.first?.firstIndex(of: "warnings"))
      #expect(csv.first { $0[0] == "cy" }?[warningsColumn] == warning)

      let junit = try XMLDocument(data: Data(grade(["3", folder.root, "--format", "junit"], in: directory).out.utf8))
      let suite = try #require(
        junit.rootElement()?.elements(forName: "testsuite").first { $0.attribute(forName: "name")?.stringValue == "cy" }
      )
      #expect(suite.elements(forName: "system-out").first?.stringValue?.contains(warning) == true)

      let table = grade(["3", folder.root], in: directory, width: 400).out
      #expect(table.contains("cy L3: \(warning)"))

      let gradescope = grade(["3", folder.root, "--learner", "cy", "--format", "gradescope"], in: directory).out
      let results = try #require(try JSONSerialization.jsonObject(with: Data(gradescope.utf8)) as? [String: Any])
      #expect((results["output"] as? String)?.contains(warning) == true)
    }
  }
}

extension GradeWhoIsWhoTests {
  @Test func aLinkToAnotherLearnersFileIsGradedWithAWarning() throws {
    try withWorkspace { directory in
      let folder = try ClassFolder(in: directory)
      try folder.copy(ClassFolder.solution3, to: "ned/more_tools3.json")
      let fm = FileManager.default
      try fm.createDirectory(atPath: folder.root + "/bob", withIntermediateDirectories: true)
      try fm.createSymbolicLink(
        atPath: folder.root + "/bob/more_tools3.json", withDestinationPath: "../ned/more_tools3.json")
      try fm.createSymbolicLink(atPath: folder.root + "/kim", withDestinationPath: "ned")
      let records = try learnerRecords(grade(["3", folder.root, "--format", "json"], in: directory).out)
      #expect(
        records["bob"]?.first?["warnings"] as? [String] == [
          "bob/more_tools3.json is a link to ned/more_tools3.json, which is ned's"
        ])
      #expect(
        records["kim"]?.first?["warnings"] as? [String] == [
          "kim/more_tools3.json is a link to ned/more_tools3.json, which is ned's"
        ])
      #expect(records["ned"]?.first?["warnings"] as? [String] == [])
    }
  }

  /// A learner folder past the finder's limit of entries: what was not searched is said, and
  /// a lesson file found in none of what was is an error (never "missing").
  @Test func aFolderTooBigToSearchIsSaidNotMissing() throws {
    try withWorkspace { directory in
      let folder = try ClassFolder(in: directory)
      let fm = FileManager.default
      for learner in ["zed", "amy"] {
        try fm.createDirectory(atPath: folder.root + "/\(learner)/junk", withIntermediateDirectories: true)
        for index in 0...5_000 {
          _ = fm.createFile(atPath: folder.root + "/\(learner)/junk/f\(index)", contents: nil)
        }
      }
      // zed's file sorts after the junk and is not reached; amy's sits at the top.
      try folder.copy(ClassFolder.solution3, to: "zed/zz/more_tools3.json")
      try folder.copy(ClassFolder.solution3, to: "amy/more_tools3.json")
      let records = try learnerRecords(grade(["3", folder.root, "--format", "json"], in: directory).out)
      let zed = try #require(records["zed"]?.first)
      #expect(zed["status"] as? String == "error")
      #expect((zed["explanation"] as? String ?? "").contains("more than 5000 entries"))
      let amy = try #require(records["amy"]?.first)
      #expect(amy["status"] as? String == "pass")
      #expect((amy["warnings"] as? [String])?.contains { $0.contains("more than 5000 entries") } == true)
    }
  }

  @Test func aLinkOutOfTheClassNeverHidesAReadableFile() throws {
    try withWorkspace { directory in
      let folder = try ClassFolder(in: directory)
      try FileManager.default.createDirectory(atPath: folder.root + "/eve/a", withIntermediateDirectories: true)
      try FileManager.default.createSymbolicLink(
        atPath: folder.root + "/eve/a/more_tools3.json",
        withDestinationPath: ClassFolder.course + "/" + ClassFolder.starter3)
      try folder.copy(ClassFolder.solution3, to: "eve/b/c/more_tools3.json")
      let record = try #require(
        try learnerRecords(grade(["3", folder.root, "--format", "json"], in: directory).out)["eve"]?.first)
      #expect(record["status"] as? String == "pass")
      #expect(record["file"] as? String == "eve/b/c/more_tools3.json")
      #expect((record["warnings"] as? [String])?.first?.contains("eve/a/more_tools3.json") == true)
    }
  }
}

@Suite struct GradebookTrustTests {
  @Test func strictCountsWarningsAsFailuresAndEveryFormatKeepsThem() throws {
    try withWorkspace { directory in
      let folder = try ClassFolder(in: directory)
      let solution = try String(contentsOfFile: ClassFolder.course + "/" + ClassFolder.solution2, encoding: .utf8)
      // database ends 5 ms before its 0.5 s deadline: a pass, with a fragile-margin warning.
      try folder.put(
        Data(solution.replacingOccurrences(of: "\"delay\": 0.2}", with: "\"delay\": 0.495}").utf8), at: "fay.json")

      let lenient = grade(["2", folder.root, "--format", "json"], in: directory)
      #expect(lenient.code == .success)
      let record = try #require(try learnerRecords(lenient.out)["fay"]?.first)
      #expect(record["status"] as? String == "pass")
      #expect((record["warnings"] as? [String])?.first?.hasPrefix("fragile-margin:") == true)

      let strict = grade(["2", folder.root, "--format", "json", "--strict"], in: directory)
      #expect(strict.code == .failure)
      let strictRecord = try #require(try learnerRecords(strict.out)["fay"]?.first)
      #expect(strictRecord["status"] as? String == "fail")
      #expect(strictRecord["mistakes"] as? [String] == ["fragile-margin"])
      #expect((strictRecord["score"] as? Int ?? 0) < (strictRecord["maxScore"] as? Int ?? 0))

      let csv = try RFC4180.parse(grade(["2", folder.root, "--format", "csv"], in: directory).out)
      let warningsColumn = try #require(csv.first?.firstIndex(of: "warnings"))
      #expect(csv.last?[warningsColumn].hasPrefix("fragile-margin:") == true)
      let junit = try XMLDocument(data: Data(grade(["2", folder.root, "--format", "junit"], in: directory).out.utf8))
      #expect(
        try junit.nodes(forXPath: "//testsuite/system-out").first?.stringValue?.contains("fragile-margin") == true)
      #expect(try junit.nodes(forXPath: "//failure").isEmpty)
      let strictJunit = try XMLDocument(
        data: Data(grade(["2", folder.root, "--format", "junit", "--strict"], in: directory).out.utf8))
      #expect(try strictJunit.nodes(forXPath: "//failure[@type='fragile-margin']").count == 1)
      let gradescope = try #require(
        try JSONSerialization.jsonObject(
          with: Data(grade(["2", folder.root, "--format", "gradescope", "--strict"], in: directory).out.utf8))
          as? [String: Any])
      #expect((gradescope["score"] as? Int ?? 0) + 1 == gradescope["max_score"] as? Int)
      let failed = (gradescope["tests"] as? [[String: Any]] ?? []).filter { $0["status"] as? String == "failed" }
      #expect(failed.count == 1 && (failed.first?["output"] as? String)?.contains("fragile-margin") == true)
      let lenientGradescope = try #require(
        try JSONSerialization.jsonObject(
          with: Data(grade(["2", folder.root, "--format", "gradescope"], in: directory).out.utf8)) as? [String: Any])
      #expect(lenientGradescope["score"] as? Int == lenientGradescope["max_score"] as? Int)
      #expect((lenientGradescope["output"] as? String)?.contains("fragile-margin") == true)
      #expect(grade(["2", folder.root], in: directory, width: 300).out.contains("fay L2: fragile-margin:"))
    }
  }

  /// Alice passes, bob fails, carol's file is broken, dan handed in an empty folder; the roster
  /// expects alice, bob, carol, dan and erin, and zed handed in without being on it.
  func rosterClass(in directory: String) throws -> ClassFolder {
    let folder = try ClassFolder(in: directory)
    try folder.copy(ClassFolder.solution3, to: "alice.json")
    try folder.copy(ClassFolder.starter3, to: "bob/more_tools3.json")
    try folder.put(Data("{\"limit\": ".utf8), at: "carol.json")
    try FileManager.default.createDirectory(atPath: folder.root + "/dan", withIntermediateDirectories: true)
    try folder.copy(ClassFolder.solution3, to: "zed.json")
    return folder
  }

  struct RosterCase: Sendable, CustomTestStringConvertible {
    var name: String
    var text: String
    /// How the roster names the learner who handed in nothing.
    var erin = "erin"
    var testDescription: String { name }
  }

  static let rosters = [
    RosterCase(name: "plain list", text: "# section A\nalice\nbob\n\ncarol\ndan\nerin\n"),
    RosterCase(
      name: "Gradescope CSV (email and SID)",
      text:
        "\u{FEFF}Full Name,Email,SID\r\n\"Lovelace, Ada\",alice@uni.edu,1001\r\nBob B,bob@uni.edu,1002\r\n"
        + "Carol C,carol@uni.edu,1003\r\nDan D,DAN@uni.edu,1004\r\nErin E,erin@uni.edu,1005\r\n", erin: "erin@uni.edu"),
    RosterCase(name: "login column", text: "name;login\nAlice;alice\nBob;bob\nCarol;carol\nDan;dan\nErin;erin\n"),
  ]

  @Test(arguments: rosters) func aRosterListsWhoIsMissingAndWhoIsNotOnIt(_ roster: RosterCase) throws {
    try withWorkspace { directory in
      let folder = try rosterClass(in: directory)
      let path = directory + "/roster.txt"
      try Data(roster.text.utf8).write(to: URL(fileURLWithPath: path))
      let run = grade(["3", folder.root, "--roster", path, "--format", "json"], in: directory)
      #expect(run.code == .failure)
      let object = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
      let summary = try #require(object["summary"] as? [String: Any])
      #expect(summary["missing"] as? [String] == [roster.erin])
      #expect(summary["notOnRoster"] as? [String] == ["zed"])
      let records = try learnerRecords(run.out)
      func status(_ name: String) -> String? { records[name]?.first?["status"] as? String }
      #expect(status("alice") == "pass")
      #expect(status("bob") == "fail")
      #expect(status("carol") == "error")
      #expect(status("dan") == "missing")
      #expect(status(roster.erin) == "missing")
      #expect(status("zed") == "pass")
      #expect((records["zed"]?.first?["warnings"] as? [String]) == ["zed is not on the roster"])
      // Error and missing score 0 out of the lesson's maximum.
      for name in ["carol", "dan", roster.erin] {
        #expect(records[name]?.first?["score"] as? Int == 0)
        #expect(records[name]?.first?["maxScore"] as? Int == records["alice"]?.first?["maxScore"] as? Int)
      }
      let table = grade(["3", folder.root, "--roster", path], in: directory, width: 200).out
      #expect(table.contains("missing (on the roster, nothing handed in): \(roster.erin)"))
      #expect(table.contains("not on the roster (handed in): zed"))
    }
  }

  @Test func aRosterWithoutAnIdColumnIsRefused() throws {
    try withWorkspace { directory in
      let folder = try rosterClass(in: directory)
      let path = directory + "/roster.csv"
      try Data("name,section\nAlice,A\n".utf8).write(to: URL(fileURLWithPath: path))
      let run = grade(["3", folder.root, "--roster", path], in: directory)
      #expect(run.code == .invalidInput)
      #expect(run.out.isEmpty)
      #expect(run.err.split(separator: "\n").count == 1)
      #expect(run.err.hasPrefix("lesson: error: \(path): line 1: no column named login, username, email or SID"))
      let missing = grade(["3", folder.root, "--roster", directory + "/nope.txt"], in: directory)
      #expect(missing.code == .missingInput)
      let onFolder = grade(["3", folder.root, "--roster", folder.root], in: directory)
      #expect(onFolder.code == .invalidInput)
      #expect(
        onFolder.err.hasSuffix(
          ": cannot be read: it is a folder; expected a roster file (one learner id per line, or a CSV file)\n"))
      for option in ["--roster", "--output", "--feedback", "--learner"] {
        let empty = grade(["3", folder.root, option, ""], in: directory)
        #expect(empty.code == .usage, "\(option)")
        #expect(empty.err.hasPrefix("lesson: error: \(option) needs "), "\(option)")
      }
    }
  }

  @Test func needAttentionListsEveryMistakeWithinTheWidth() throws {
    try withWorkspace { directory in
      let folder = try rosterClass(in: directory)
      // A learner name longer than the narrowest width.
      try folder.copy(ClassFolder.starter3, to: String(repeating: "long", count: 12) + ".json")
      let records = try learnerRecords(grade(["3", folder.root, "--format", "json"], in: directory).out)
      let mistakes = try #require(records["bob"]?.first?["mistakes"] as? [String])
      #expect(mistakes.count > 1)
      for width in [40, 60, 100] {
        let run = grade(["3", folder.root], in: directory, width: width)
        let lines = run.out.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { $0.count <= width }, "width \(width)")
        let attention = try #require(lines.firstIndex(of: "Need attention"))
        let bob = try #require(lines[attention...].firstIndex { $0.hasPrefix("  bob:") })
        let end = lines[(bob + 1)...].firstIndex { !$0.hasPrefix("    ") } ?? lines.endIndex
        // A wrapped id may be cut at the width, so look for it with the line breaks taken out.
        let section = lines[bob..<end].joined().replacingOccurrences(of: " ", with: "")
        for mistake in mistakes {
          #expect(section.contains("L3" + mistake + ":"), "\(mistake) at \(width)")
        }
      }
    }
  }
}

@Suite struct GradeOutputTests {
  @Test func theFormatFollowsTheOutputsExtension() throws {
    try withWorkspace { directory in
      let fixture = try FixtureClass.make(in: directory)
      let csv = directory + "/book.csv"
      #expect(grade(["2", fixture.root, "--output", csv], in: directory).code == .failure)
      #expect(try RFC4180.parse(String(contentsOfFile: csv, encoding: .utf8)).first?.first == "learner")
      let json = directory + "/book.json"
      _ = grade(["2", fixture.root, "--output", json], in: directory)
      #expect(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) is [String: Any])
      let xml = directory + "/book.xml"
      _ = grade(["2", fixture.root, "--output", xml], in: directory)
      #expect(try XMLDocument(contentsOf: URL(fileURLWithPath: xml)).rootElement()?.name == "testsuites")
      let text = directory + "/book.txt"
      _ = grade(["2", fixture.root, "--output", text], in: directory)
      #expect(try String(contentsOfFile: text, encoding: .utf8).contains("Pass rate per lesson"))
      // An extension that names no format is a usage error before anything is graded or written.
      let odd = grade(["2", fixture.root, "--output", directory + "/book.dat"], in: directory)
      #expect(odd.code == .usage)
      #expect(!FileManager.default.fileExists(atPath: directory + "/book.dat"))
      // --format wins over the extension.
      let forced = directory + "/forced.txt"
      _ = grade(["2", fixture.root, "--output", forced, "--format", "csv"], in: directory)
      #expect(try String(contentsOfFile: forced, encoding: .utf8).hasPrefix("learner,lesson,status"))
    }
  }

  @Test func anOutputThatIsAFolderOrInNoFolderIsRefusedAndNothingIsCreated() throws {
    try withWorkspace { directory in
      let fixture = try FixtureClass.make(in: directory)
      let folder = directory + "/reports"
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      try Data("keep".utf8).write(to: URL(fileURLWithPath: folder + "/old.csv"))
      let intoFolder = grade(["2", fixture.root, "--output", folder], in: directory)
      #expect(intoFolder.code == .cannotWrite)
      #expect(
        intoFolder.err
          == "lesson: error: \(folder): cannot be written: it is a folder; expected a file path such as \(folder)/gradebook.csv\n"
      )
      #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["old.csv"])

      let nowhere = directory + "/no/such/folder/book.csv"
      let run = grade(["2", fixture.root, "--output", nowhere], in: directory)
      #expect(run.code == .cannotWrite)
      #expect(run.err.split(separator: "\n").count == 1)
      #expect(run.err.contains("the folder \(directory)/no/such/folder does not exist"))
      #expect(!FileManager.default.fileExists(atPath: directory + "/no"))
      #expect(run.out.isEmpty)
      // Nothing is left beside the outputs that were written either.
      _ = grade(["2", fixture.root, "--output", folder + "/new.csv"], in: directory)
      #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["new.csv", "old.csv"])
    }
  }

  @Test func aClassFolderThatDoesNotExistIsNamed() {
    let run = grade(["3", "/no/such/dir"], in: ".")
    #expect(run.code == .missingInput)
    #expect(
      run.err
        == "lesson: error: /no/such/dir: no such folder; expected the class folder holding the learners' submissions\n")
  }
}

@Suite struct GradeFeedbackTests {
  @Test func oneMarkdownFilePerLearnerWithEveryCheckAndMistake() throws {
    try withWorkspace { directory in
      let fixture = try FixtureClass.make(in: directory)
      let roster = directory + "/roster.txt"
      // A roster id that would name a file outside the folder if it were used as it is.
      try Data("alice\nbob\ncarol\n../../escape\n".utf8).write(to: URL(fileURLWithPath: roster))
      let folder = directory + "/feedback"
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      try Data("keep".utf8).write(to: URL(fileURLWithPath: folder + "/notes.txt"))
      try Data("old".utf8).write(to: URL(fileURLWithPath: folder + "/bob.md"))
      let run = grade(["2", fixture.root, "--roster", roster, "--feedback", folder, "--format", "json"], in: directory)
      #expect(run.code == .failure)
      let records = try learnerRecords(run.out)
      let files = try FileManager.default.contentsOfDirectory(atPath: folder)
      // One file per learner graded (and missing), the instructor's own file kept, nothing outside.
      #expect(files.count == records.count + 1)
      #expect(files.contains("notes.txt") && files.contains("_.._.._escape.md"))
      #expect(try String(contentsOfFile: folder + "/notes.txt", encoding: .utf8) == "keep")
      #expect(!FileManager.default.fileExists(atPath: directory + "/escape.md"))

      func read(_ name: String) throws -> [String] {
        try String(contentsOfFile: folder + "/" + name, encoding: .utf8).components(separatedBy: "\n")
      }
      let bob = try read("bob.md")
      #expect(bob.first == "# Feedback for bob")
      let record = try #require(records["bob"]?.first)
      #expect(
        bob.contains {
          $0.hasPrefix("## Lesson 2") && $0.hasSuffix("FAIL (\(record["score"]!) of \(record["maxScore"]!) checks)")
        })
      // One table row per check, and a section with why and fix for every mistake.
      #expect(
        bob.count(where: { $0.hasPrefix("| ✓ |") || $0.hasPrefix("| ✗ |") || $0.hasPrefix("| ! warning |") }) == record[
          "maxScore"] as? Int)
      for mistake in try #require(record["mistakes"] as? [String]) {
        let heading = try #require(bob.firstIndex { $0.hasPrefix("### \(mistake):") }, "\(mistake)")
        #expect(bob[heading + 3].hasPrefix("- Why: ") && bob[heading + 4].hasPrefix("- Fix: "))
      }
      #expect(bob.contains { $0.hasPrefix("**What to do next:** fix the mistakes above") })
      #expect(try read("alice.md").contains { $0.hasSuffix("PASS (8 of 8 checks)") })
      #expect(try read("carol.md").contains { $0.hasPrefix("It could not be graded: carol.json:1:") })
      #expect(try read("_.._.._escape.md").contains { $0.hasSuffix("NOT HANDED IN (0 of 8)") })
      // A name that is Markdown is shown as text.
      let odd = try read(expectedFeedbackFileName(FixtureClass.oddName))
      #expect(odd.first == "# Feedback for zoë, \"the\" \\<tester\\> =1+1")
    }
  }

  @Test func aFeedbackFolderThatCannotBeMadeIsRefusedBeforeGrading() throws {
    try withWorkspace { directory in
      let fixture = try FixtureClass.make(in: directory)
      let run = grade(["2", fixture.root, "--feedback", directory + "/no/such/feedback"], in: directory)
      #expect(run.code == .cannotWrite)
      #expect(run.out.isEmpty)
      #expect(run.err.contains("the folder \(directory)/no/such does not exist"))
      #expect(!FileManager.default.fileExists(atPath: directory + "/no"))
      let file = directory + "/a-file"
      try Data().write(to: URL(fileURLWithPath: file))
      let onFile = grade(["2", fixture.root, "--feedback", file], in: directory)
      #expect(onFile.code == .cannotWrite)
      #expect(onFile.err == "lesson: error: \(file): cannot be written: it is a file; expected a folder\n")
    }
  }
}

/// The feedback file name of a learner, as the feedback folder names it: letters, digits and
/// `-_.@`, anything else `_` (written here again so that the test does not use the code it checks).
func expectedFeedbackFileName(_ learner: String) -> String {
  let name = String(learner.map { $0.isLetter || $0.isNumber || "-_.@".contains($0) ? $0 : "_" })
  return (name.hasPrefix(".") ? "_" + name : name) + ".md"
}

extension GradebookTrustTests {
  @Test func everyLessonWithARosterAndJUnitTellsErrorsFromMissing() throws {
    try withWorkspace { directory in
      let folder = try ClassFolder(in: directory)
      // ann hands in lesson 3 only, and a broken lesson 2; bo is on the roster with nothing.
      try folder.copy(ClassFolder.solution3, to: "ann/work/03_more_tools/more_tools3.json")
      try folder.put(Data("{".utf8), at: "ann/work/02_guarded_gather/guarded_gather2.json")
      let roster = directory + "/roster.txt"
      try Data("ann\nbo\n".utf8).write(to: URL(fileURLWithPath: roster))
      let text = grade(["--all", folder.root, "--roster", roster, "--format", "junit"], in: directory).out
      let document = try XMLDocument(data: Data(text.utf8))
      func errors(_ learner: String, type: String) throws -> Int {
        try document.nodes(forXPath: "//testsuite[@name='\(learner)']/testcase/error[@type='\(type)']").count
      }
      #expect(try errors("ann", type: "invalid-submission") == 1)
      #expect(try errors("ann", type: "missing") == 6)
      #expect(try errors("bo", type: "missing") == 8)
      #expect(try errors("bo", type: "invalid-submission") == 0)
      let suite = try #require(try document.nodes(forXPath: "//testsuite[@name='bo']").first as? XMLElement)
      #expect(suite.attribute(forName: "errors")?.stringValue == "8")
      #expect(suite.attribute(forName: "tests")?.stringValue == "8")
    }
  }
}

/// A gradebook written to a file a part at a time (CSV a row, JSON a learner at a time) is
/// byte for byte the one printed whole, for a class with passes, failures, broken files, a
/// program, a roster with someone missing and someone not on it.
@Suite struct GradeStreamedOutputTests {
  @Test(arguments: ["csv", "json"]) func theFileIsThePrintedGradebook(_ format: String) throws {
    try withWorkspace { directory in
      let folder = try ClassFolder(in: directory)
      try folder.copy(ClassFolder.solution3, to: "ada/more_tools3.json")
      try folder.copy(ClassFolder.starter3, to: "bob/more_tools3.json")
      try folder.copy(ClassFolder.program3, to: "cy/async_batch.py")
      try folder.put(Data("{\"limit\": 3, \"calls\": [".utf8), at: "dee/more_tools3.json")
      try folder.put(Data("ada\nbob\ncy\nzed\n".utf8), at: "../roster.txt")
      let roster = directory + "/roster.txt"
      let printed = grade(["3", folder.root, "--format", format, "--roster", roster], in: directory)
      let file = directory + "/gradebook." + format
      let written = grade(["3", folder.root, "--output", file, "--roster", roster], in: directory)
      #expect(printed.code == written.code)
      let text = try String(contentsOfFile: file, encoding: .utf8)
      #expect(text == printed.out)
      #expect(text.contains("zed") && text.contains("dee"))
    }
  }
}
