import Foundation
import LessonCLI
import Testing

/// The built `lesson` grades in worker processes it supervises: a worker that dies on a file, or
/// stops answering, is replaced, that file is an `error` with the reason, and the rest are graded.
/// The test hooks `LESSON_TEST_WORKER_DIE_ON` / `LESSON_TEST_WORKER_HANG_ON` make a worker die or
/// hang on purpose on the file displayed with that name.
@Suite struct GradeWorkerTests {
  static let binary = ProcessTests.binary

  /// Runs `lesson grade` as a process with `environment` added, and reads the JSON gradebook.
  func gradeInProcesses(_ arguments: [String], environment: [String: String]) throws -> (
    code: Int32, records: [String: [[String: Any]]], err: String
  ) {
    try #require(FileManager.default.isExecutableFile(atPath: Self.binary), "build the package first")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Self.binary)
    process.arguments = ["grade"] + arguments + ["--format", "json", "--course", CLIFixtures.packageRoot.path]
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (
      process.terminationStatus, try learnerRecords(String(decoding: outData, as: UTF8.self)),
      String(decoding: errData, as: UTF8.self)
    )
  }

  /// ada and cy pass, bob fails; the victim's file is a passing one, so only the worker can fail it.
  func smallClass(in directory: String, victim: String) throws -> ClassFolder {
    let folder = try ClassFolder(in: directory)
    try folder.copy(ClassFolder.program3, to: "ada.py")
    try folder.copy(ClassFolder.starter3, to: "bob.json")
    try folder.copy(ClassFolder.solution3, to: "cy/more_tools3.json")
    try folder.copy(ClassFolder.solution3, to: victim)
    return folder
  }

  @Test func aWorkerThatDiesIsReplacedAndTheRestAreGraded() throws {
    try withWorkspace { directory in
      let folder = try smallClass(in: directory, victim: "ben.json")
      // One worker: the one that replaces it must grade whatever came after ben.
      let run = try gradeInProcesses(
        ["3", folder.root, "--jobs", "1"], environment: ["LESSON_TEST_WORKER_DIE_ON": "ben.json"])
      #expect(run.code == 1)
      func status(_ name: String) -> String? { run.records[name]?.first?["status"] as? String }
      #expect(status("ada") == "pass")
      #expect(status("bob") == "fail")
      #expect(status("cy") == "pass")
      #expect(status("ben") == "error")
      let ben = try #require(run.records["ben"]?.first)
      #expect(
        (ben["explanation"] as? String)?.hasPrefix(
          "ben.json: not graded: the grading worker died on this file (signal 6") == true)
      #expect(ben["score"] as? Int == 0 && ben["maxScore"] as? Int == run.records["ada"]?.first?["maxScore"] as? Int)
      // Without the hook the same class grades ben as a pass: the worker, not the file, failed.
      let clean = try gradeInProcesses(["3", folder.root, "--jobs", "2"], environment: [:])
      #expect(clean.records["ben"]?.first?["status"] as? String == "pass")
    }
  }

  @Test func aWorkerPastItsBudgetIsStoppedAndTheRestAreGraded() throws {
    try withWorkspace { directory in
      let folder = try smallClass(in: directory, victim: "bo/more_tools3.json")
      let run = try gradeInProcesses(
        ["3", folder.root, "--jobs", "1", "--budget", "1"],
        environment: ["LESSON_TEST_WORKER_HANG_ON": "bo/more_tools3.json"])
      #expect(run.code == 1)
      #expect(run.records["bo"]?.first?["status"] as? String == "error")
      #expect(
        (run.records["bo"]?.first?["explanation"] as? String)?.contains(
          "took longer than 1 s; the worker was stopped")
          == true)
      #expect(run.records["ada"]?.first?["status"] as? String == "pass")
      #expect(run.records["bob"]?.first?["status"] as? String == "fail")
      #expect(run.records["cy"]?.first?["status"] as? String == "pass")
    }
  }

  @Test func aWorkerThatCannotStartMakesErrorsNotACrash() throws {
    try withWorkspace { directory in
      let folder = try smallClass(in: directory, victim: "ben.json")
      let captured = CapturedConsole(
        width: 100, directory: CLIFixtures.packageRoot.path, executable: directory + "/no-such-lesson")
      let code = LessonTool.main(["grade", "3", folder.root, "--format", "json"], console: captured.console)
      #expect(code == .failure)
      let records = try learnerRecords(captured.out)
      #expect(records.count == 4)
      for (name, lessons) in records {
        #expect(lessons.first?["status"] as? String == "error", "\(name)")
        #expect(
          (lessons.first?["explanation"] as? String)?.contains(
            "the grading worker \(directory)/no-such-lesson could not be started")
            == true)
      }
    }
  }

  @Test func workersAndTheInProcessGraderAgree() throws {
    try withWorkspace { directory in
      let fixture = try FixtureClass.make(in: directory)
      try #require(FileManager.default.isExecutableFile(atPath: Self.binary), "build the package first")
      for format in ["csv", "junit", "json", "html"] {
        let supervised = CapturedConsole(width: 100, directory: CLIFixtures.packageRoot.path, executable: Self.binary)
        _ = LessonTool.main(["grade", "2", fixture.root, "--format", format], console: supervised.console)
        let inProcess = grade(["2", fixture.root, "--format", format], in: directory)
        #expect(supervised.out == inProcess.out, "\(format)")
      }
    }
  }
}
