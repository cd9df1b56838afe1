import Foundation
import LessonCLI
import Testing

/// What a learner sees, at 60 and 100 columns, from a fresh folder with the course beside it:
/// paths read `workspace/…` exactly as on the learner's screen.
@Suite struct StudentSnapshotTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var arguments: [String]
    /// Files to put in the workspace first: (path in the course, path in the workspace).
    var files: [(String, String)] = []
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(name: "check-2-starter", arguments: ["check", "2"]),
    Case(
      name: "check-2-starter-python",
      arguments: ["check", "2", "--file", "workspace/02_guarded_gather/async_batch.py"],
      files: [("lessons/02_guarded_gather/async_batch.py", "02_guarded_gather/async_batch.py")]),
    Case(
      name: "check-2-pass", arguments: ["check", "2"],
      files: [
        (
          "solutions/02_guarded_gather/guarded_gather2.json",
          "02_guarded_gather/guarded_gather2.json"
        )
      ]),
    Case(name: "check-3-starter", arguments: ["check", "3"]),
    Case(name: "list-fresh", arguments: ["list"]),
    Case(name: "hint-2", arguments: ["hint", "2"]),
    Case(name: "show-1", arguments: ["show", "1"]),
  ]

  static let widths = [60, 100]

  @Test(arguments: cases, widths)
  func screen(_ item: Case, width: Int) throws {
    let folder = NSTemporaryDirectory() + "lesson-student-" + UUID().uuidString
    defer { try? FileManager.default.removeItem(atPath: folder) }
    for (source, destination) in item.files {
      let target = folder + "/workspace/" + destination
      try FileManager.default.createDirectory(
        atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try FileManager.default.copyItem(
        atPath: CLIFixtures.packageRoot.path + "/" + source, toPath: target)
    }
    let captured = CapturedConsole(width: width, directory: folder)
    let code = LessonTool.main(
      item.arguments + ["--course", CLIFixtures.packageRoot.path, "--workspace", "workspace"],
      console: captured.console)
    let run = CLIRun(code: code, out: captured.out, err: captured.err)
    assertSnapshot(run.snapshot, named: "student-\(item.name)-\(width)")
    for line in run.out.split(separator: "\n") where !line.hasPrefix("    ") {
      #expect(line.count <= width, "\(line)")
    }
    if item.name.hasPrefix("check") {
      let last = try #require(run.out.split(separator: "\n").last)
      #expect(last.hasPrefix("PASS") || last.hasPrefix("FAIL"), "the verdict is the last line")
      #expect(run.out.split(separator: "\n").count <= 40, "one screen")
    }
  }
}
