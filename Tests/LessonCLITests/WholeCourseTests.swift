import Foundation
import LessonCLI
import LessonKit
import Testing

/// A learner who follows every lesson's instructions, from a fresh folder, in JSON or in Python,
/// ends at 8 of 8 with no error on the way.
@Suite struct WholeCourseTests {
  final class Learner {
    let folder = NSTemporaryDirectory() + "lesson-learner-" + UUID().uuidString
    let root = CLIFixtures.packageRoot.path

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    func lesson(_ arguments: String...) -> CLIRun {
      let captured = CapturedConsole(width: 100, directory: folder)
      let code = LessonTool.main(arguments, console: captured.console)
      return CLIRun(code: code, out: captured.out, err: captured.err)
    }

    /// The learner's edit: the file becomes the solution.
    func solve(_ folderName: String, _ file: String) throws {
      let target = "\(self.folder)/workspace/\(folderName)/\(file)"
      try FileManager.default.removeItem(atPath: target)
      try FileManager.default.copyItem(
        atPath: "\(folder)/solutions/\(folderName)/\(file)", toPath: target)
    }
  }

  static let course = try! Course.load(root: CLIFixtures.packageRoot.path)

  @Test(arguments: [false, true])
  func everyLessonInOrder(python: Bool) throws {
    let learner = Learner()
    // A fresh clone: the course's folders, no workspace yet.
    try FileManager.default.createDirectory(
      atPath: learner.folder, withIntermediateDirectories: true)
    for folder in ["lessons", "solutions"] {
      try FileManager.default.copyItem(
        atPath: learner.root + "/" + folder, toPath: learner.folder + "/" + folder)
    }
    for entry in Self.course.entries {
      let spec = try Self.course.spec(entry)
      let show = learner.lesson("show", String(entry.id))
      #expect(show.code == .success && show.err.isEmpty, "show \(entry.id): \(show.err)")
      let usePython = python && spec.pythonFile != nil
      let file = usePython ? spec.pythonFile! : spec.file
      let path = "workspace/\(entry.folder)/\(file)"
      // Every command the lesson's text gives works verbatim.
      let run = learner.lesson("run", path)
      #expect(run.code == .success, "run \(path): \(run.err)")
      let first =
        usePython
        ? learner.lesson("check", String(entry.id), "--file", path)
        : learner.lesson("check", String(entry.id))
      #expect(first.code == .failure, "lesson \(entry.id)'s starter fails")
      #expect(first.err.isEmpty, "\(first.err)")
      if usePython {
        // A Python learner is told what to change in Python, never as a JSON setting.
        for key in [
          "\"limit\":", "\"timeout\":", "\"semaphore\":", "\"errors\":", "\"timeoutScope\":",
          "\"evidence\"",
        ] {
          #expect(!first.out.contains(key), "lesson \(entry.id) tells a Python learner \(key)")
        }
      }
      try learner.solve(entry.folder, file)
      let pass = learner.lesson("check", String(entry.id))
      #expect(pass.code == .success, "lesson \(entry.id): \(pass.out)")
      #expect(pass.out.contains("Checking \(path)"))
      #expect(flat(pass.out).contains("\(entry.id) of 8 done"))
    }
    let list = learner.lesson("list")
    #expect(list.out.contains("8 of 8 done"))
    #expect(list.out.contains("Every lesson passed."))
  }
}
