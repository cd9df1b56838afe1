import Foundation
import LessonCLI
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// A class for lesson 3 whose notes differ: none (amy, who also fails), one that negates an idea
/// and says the opposite of the lesson (neg), and the solution's, which explains both ideas (sol).
struct NoteClass {
  let folder: ClassFolder
  static let negatedNote = "It is faster. The semaphore does not protect upstream tools."

  init(in directory: String) throws {
    folder = try ClassFolder(in: directory)
    try folder.copy(ClassFolder.starter3, to: "amy.json")
    try folder.copy(ClassFolder.solution3, to: "sol.json")
    let solution = try Data(contentsOf: URL(fileURLWithPath: ClassFolder.course + "/" + ClassFolder.solution3))
    var object = try #require(try JSONSerialization.jsonObject(with: solution) as? [String: Any])
    var evidence = try #require(object["evidence"] as? [String: Any])
    evidence["note"] = Self.negatedNote
    object["evidence"] = evidence
    try folder.put(try JSONSerialization.data(withJSONObject: object), at: "neg.json")
  }

  var root: String { folder.root }
}

@Suite struct GradeNoteToReviewTests {
  @Test func jsonSaysWhichNotesToReviewAndWhy() throws {
    try withWorkspace { directory in
      let notes = try NoteClass(in: directory)
      let run = grade(["3", notes.root, "--format", "json"], in: directory)
      let records = try learnerRecords(run.out)
      func note(_ learner: String) throws -> [String: Any] {
        try #require(records[learner]?.first?["note"] as? [String: Any], "\(learner)")
      }
      #expect(try note("sol")["toReview"] as? Bool == false)
      #expect(try note("sol")["reasons"] as? [String] == [])
      let neg = try note("neg")
      #expect(neg["toReview"] as? Bool == true)
      #expect(neg["text"] as? String == NoteClass.negatedNote)
      #expect(neg["contradictions"] as? [String] == ["faster"])
      let ideas = try #require(neg["ideas"] as? [[String: Any]])
      #expect(ideas.map { $0["found"] as? Bool } == [false, false])
      #expect((ideas.first?["negated"] as? [String])?.contains("protect") == true)
      #expect(
        try note("amy")["reasons"] as? [String] == [
          "no note", "missing: why the limit protects the upstream tools",
          "missing: why the lower timeout exposes slow calls",
        ])
      let object = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
      let summary = try #require(object["summary"] as? [String: Any])
      let toReview = try #require(summary["notesToReview"] as? [[String: Any]])
      #expect(toReview.compactMap { $0["learner"] as? String } == ["amy", "neg"])
    }
  }

  @Test func csvHasTheColumnAndTheNote() throws {
    try withWorkspace { directory in
      let notes = try NoteClass(in: directory)
      let rows = try RFC4180.parse(grade(["3", notes.root, "--format", "csv"], in: directory).out)
      let header = try #require(rows.first)
      #expect(header.suffix(2) == ["note_to_review", "note"])
      let review = try #require(header.firstIndex(of: "note_to_review"))
      let note = try #require(header.firstIndex(of: "note"))
      let byLearner = Dictionary(uniqueKeysWithValues: rows.dropFirst().map { ($0[0], $0) })
      #expect(byLearner["amy"]?[review] == "yes")
      #expect(byLearner["neg"]?[review] == "yes")
      #expect(byLearner["neg"]?[note] == NoteClass.negatedNote)
      #expect(byLearner["sol"]?[review] == "no")
      #expect(byLearner["sol"]?[note].hasPrefix("Semaphore(3) keeps") == true)
      #expect(rows.allSatisfy { $0.count == header.count })
    }
  }

  @Test func theTableListsEachNoteToReviewBesideWhatIsMissing() throws {
    try withWorkspace { directory in
      let notes = try NoteClass(in: directory)
      let lines = grade(["3", notes.root], in: directory, width: 80).out.components(separatedBy: "\n")
      let start = try #require(lines.firstIndex(of: "Notes to review"))
      let section = lines[(start + 1)...].prefix { !$0.isEmpty }.joined(separator: "\n")
      #expect(section.contains("amy L3: no note; missing: why the limit protects"))
      #expect(section.contains("neg L3: negated: why the limit protects the upstream tools"))
      #expect(section.contains("contradicts the lesson: “faster”"))
      #expect(section.contains("note: “It is faster. The semaphore does not protect upstream tools.”"))
      #expect(!section.contains("sol L3"))
      #expect(lines.allSatisfy { $0.count <= 80 })
    }
  }

  @Test func junitAndGradescopeCarryTheNote() throws {
    try withWorkspace { directory in
      let notes = try NoteClass(in: directory)
      let junit = try XMLDocument(data: Data(grade(["3", notes.root, "--format", "junit"], in: directory).out.utf8))
      func systemOut(_ learner: String) -> String? {
        junit.rootElement()?.elements(forName: "testsuite")
          .first { $0.attribute(forName: "name")?.stringValue == learner }?
          .elements(forName: "system-out").first?.stringValue
      }
      #expect(systemOut("neg")?.contains("L3: note to review: negated: why the limit protects") == true)
      #expect(systemOut("neg")?.contains("L3: note: \(NoteClass.negatedNote)") == true)
      #expect(systemOut("sol") == nil)

      let run = grade(["3", notes.root, "--learner", "neg", "--format", "gradescope"], in: directory)
      let object = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
      let output = try #require(object["output"] as? String)
      #expect(output.contains("Your note for lesson 3 will be read by your instructor"))
      #expect(output.contains("- contradicts the lesson: “faster”"))
      let sol = grade(["3", notes.root, "--learner", "sol", "--format", "gradescope"], in: directory)
      let solObject = try #require(try JSONSerialization.jsonObject(with: Data(sol.out.utf8)) as? [String: Any])
      #expect(solObject["output"] == nil)
    }
  }

  @Test func feedbackShowsTheNoteAndEachIdea() throws {
    try withWorkspace { directory in
      let notes = try NoteClass(in: directory)
      let folder = directory + "/feedback"
      _ = grade(["3", notes.root, "--feedback", folder, "--format", "csv"], in: directory)
      func read(_ learner: String) throws -> [String] {
        try String(contentsOfFile: folder + "/\(learner).md", encoding: .utf8).components(separatedBy: "\n")
      }
      let neg = try read("neg")
      let heading = try #require(neg.firstIndex(of: "### Your note"))
      #expect(neg[heading + 2] == "> It is faster. The semaphore does not protect upstream tools.")
      #expect(neg.contains("- ✗ says the opposite of why the limit protects the upstream tools"))
      #expect(neg.contains("- ✗ does not explain why the lower timeout exposes slow calls"))
      #expect(neg.contains { $0.hasPrefix("Note to review: your instructor will read it") })
      let sol = try read("sol")
      #expect(sol.contains("- ✓ explains why the limit protects the upstream tools"))
      #expect(sol.contains("Your note explains every idea the lesson asks for."))
      let amy = try read("amy")
      #expect(amy.contains("You wrote no note."))
      // A failing run's timeline, as text: one row per call, the last one waiting, then timing out.
      let run = try #require(amy.firstIndex(of: "### Your run"))
      #expect(amy[run + 2] == "```text")
      let rows = amy[(run + 3)...].prefix { $0 != "```" }
      #expect(rows.first?.hasPrefix("search       █") == true && rows.first?.hasSuffix(" ok") == true)
      let slow = try #require(rows.first { $0.hasPrefix("slow_tool") })
      #expect(slow.contains("░█") && slow.hasSuffix("× timeout"))
      #expect(rows.last?.hasPrefix("limit 2, at most 2 at once") == true)
      #expect(!sol.contains("### Your run"))
    }
  }
}
