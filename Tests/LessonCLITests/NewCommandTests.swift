import Foundation
import LessonCLI
import LessonKit
import Testing

/// `lesson new NAME` on a copy of the course: the lesson it makes verifies, and nothing is touched
/// when it cannot be made.
@Suite struct NewCommandTests {
  /// A copy of the course's lessons and solutions in `directory`, optionally with another index.
  func copyCourse(to directory: String, index: String? = nil) throws {
    let fm = FileManager.default
    try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
    for folder in ["lessons", "solutions"] {
      try fm.copyItem(atPath: ClassFolder.course + "/" + folder, toPath: directory + "/" + folder)
    }
    if let index { try Data(index.utf8).write(to: URL(fileURLWithPath: directory + "/lessons/index.json")) }
  }

  func run(_ arguments: [String], in directory: String) -> CLIRun {
    let captured = CapturedConsole(width: 100, directory: directory)
    let code = LessonTool.main(arguments, console: captured.console)
    return CLIRun(code: code, out: captured.out, err: captured.err)
  }

  @Test func theNewLessonVerifiesAndIsInTheIndex() throws {
    try withWorkspace { directory in
      try copyCourse(to: directory)
      let made = run(["new", "retries", "--title", "retries: \"again\", within a budget"], in: directory)
      #expect(made.code == .success, "\(made.err)")
      #expect(
        made.out.hasPrefix("Made lesson 9, \"retries: \"again\", within a budget\":\n  lessons/09_retries/README.md\n"))
      let course = try Course.load(root: directory)
      let entry = try #require(course.entry(9))
      #expect(entry.folder == "09_retries" && entry.title == "retries: \"again\", within a budget")
      let spec = try course.spec(entry)
      #expect(spec.file == "retries9.json" && spec.starterMistake == "no-limit")
      for file in [
        "lessons/09_retries/spec.json", "lessons/09_retries/retries9.json", "solutions/09_retries/retries9.json",
      ] {
        let object = try JSONSerialization.jsonObject(
          with: Data(contentsOf: URL(fileURLWithPath: directory + "/" + file)))
        let reference = try #require((object as? [String: Any])?["$schema"] as? String, "\(file)")
        let schema = URL(fileURLWithPath: directory + "/" + file).deletingLastPathComponent().appendingPathComponent(
          reference)
        #expect(FileManager.default.fileExists(atPath: schema.standardizedFileURL.path), "\(file): \(reference)")
      }
      // The index keeps its layout: the new entry on its own line, indented as the others.
      let index = try String(contentsOfFile: directory + "/lessons/index.json", encoding: .utf8)
      #expect(
        index.contains(
          "\"title\": \"bursts: one semaphore for the whole batch\"},\n    {\"id\": 9, \"folder\": \"09_retries\", \"title\": \"retries: \\\"again\\\", within a budget\"}\n  ]"
        ))
      // As made, it verifies: the solution passes, the starter fails with no-limit.
      let verify = run(["verify", "--python", "3.13"], in: directory)
      #expect(verify.code == .success, "\(verify.out)")
      #expect(verify.out.contains(" ✓ 9 retries"))
      // And a learner can start on it.
      let check = run(["check", "9", "--workspace", directory + "/ws"], in: directory)
      #expect(check.code == .failure && check.out.contains("no-limit"))
    }
  }

  @Test func nothingIsWrittenWhenTheLessonCannotBeMade() throws {
    try withWorkspace { directory in
      try copyCourse(to: directory)
      let index = try Data(contentsOf: URL(fileURLWithPath: directory + "/lessons/index.json"))
      try FileManager.default.createDirectory(
        atPath: directory + "/solutions/09_retries", withIntermediateDirectories: true)
      let taken = run(["new", "retries"], in: directory)
      #expect(taken.code == .cannotWrite)
      #expect(
        taken.err
          == "lesson: error: solutions/09_retries: cannot be written: it exists; expected a new lesson folder (nothing was written)\n"
      )
      #expect(!FileManager.default.fileExists(atPath: directory + "/lessons/09_retries"))
      let again = run(["new", "bursts"], in: directory)
      #expect(again.code == .cannotWrite && again.err.contains("lesson 8 is named bursts already"))
      #expect(try Data(contentsOf: URL(fileURLWithPath: directory + "/lessons/index.json")) == index)
      #expect(run(["new", "Retries"], in: directory).code == .usage)
      #expect(run(["new", "re tries"], in: directory).code == .usage)
      #expect(run(["new"], in: directory).code == .usage)
      let escaped = run(["new", "retries", "--title", "Retries\u{1B}[31m"], in: directory)
      #expect(escaped.code == .usage && escaped.err.contains("control character") && !escaped.err.contains("\u{1B}"))
      #expect(!FileManager.default.fileExists(atPath: directory + "/lessons/09_retries"))
      #expect(run(["new", "retries"], in: NSTemporaryDirectory()).code == .missingInput)
    }
  }

  @Test func theIndexMayBeLaidOutOtherwise() throws {
    try withWorkspace { directory in
      // "lessons" before other keys, a "]" inside a string, one lesson.
      let index = """
        {"formatVersion": 1, "title": "A [small] course", "lessons": [
          {"id": 1, "folder": "01_gather", "title": "gather [1]"}],
         "welcome": "Run [lesson list].", "final": "Done."}
        """
      try copyCourse(to: directory, index: index)
      let made = run(["new", "second"], in: directory)
      #expect(made.code == .success, "\(made.err)")
      let course = try Course.load(root: directory)
      #expect(course.entries.map(\.id) == [1, 2])
      #expect(course.entry(2)?.folder == "02_second")
      #expect(course.title == "A [small] course")
    }
  }
}
