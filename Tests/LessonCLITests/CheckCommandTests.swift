import Foundation
import LessonCLI
import LessonKit
import Testing

/// Runs `lesson` against the real course with a temporary workspace.
func lessonInCourse(_ arguments: [String], workspace: String, width: Int = 100) -> CLIRun {
  let captured = CapturedConsole(width: width, directory: CLIFixtures.packageRoot.path)
  let code = LessonTool.main(arguments + ["--workspace", workspace], console: captured.console)
  return CLIRun(code: code, out: captured.out, err: captured.err)
}

/// Puts a lesson's solution file into the workspace, as the learner's own edit.
func placeSolution(_ folder: String, _ file: String, in workspace: String) throws {
  try FileManager.default.createDirectory(atPath: workspace + "/" + folder, withIntermediateDirectories: true)
  try? FileManager.default.removeItem(atPath: workspace + "/" + folder + "/" + file)
  try FileManager.default.copyItem(
    atPath: CLIFixtures.packageRoot.path + "/solutions/" + folder + "/" + file,
    toPath: workspace + "/" + folder + "/" + file)
}

/// A lesson's solution file, as text.
func solutionText(_ folder: String, _ file: String) throws -> String {
  try String(contentsOfFile: CLIFixtures.packageRoot.path + "/solutions/" + folder + "/" + file, encoding: .utf8)
}

func withWorkspace(_ body: (String) throws -> Void) rethrows {
  let path = NSTemporaryDirectory() + "lesson-workspace-" + UUID().uuidString
  defer { try? FileManager.default.removeItem(atPath: path) }
  try body(path)
}

@Suite struct CheckCommandTests {
  static let snapshots: [SnapshotCase] = [
    .init(name: "check-3-starter", arguments: ["check", "3", "--file", "lessons/03_more_tools/more_tools3.json"]),
    .init(
      name: "check-3-starter-json",
      arguments: ["check", "3", "--file", "lessons/03_more_tools/more_tools3.json", "--json"]),
    .init(
      name: "check-2-solution", arguments: ["check", "2", "--file", "solutions/02_guarded_gather/guarded_gather2.json"]),
    .init(name: "check-6-starter", arguments: ["check", "6", "--file", "lessons/06_failures/failures6.json"]),
    .init(name: "check-no-lesson", arguments: ["check", "42"]),
    .init(name: "show-2", arguments: ["show", "2"]),
  ]

  @Test(arguments: snapshots)
  func output(_ item: SnapshotCase) {
    withWorkspace { workspace in
      let captured = CapturedConsole(width: 100, directory: CLIFixtures.packageRoot.path)
      let code = LessonTool.main(item.arguments + ["--workspace", workspace], console: captured.console)
      let run = CLIRun(code: code, out: captured.out, err: captured.err)
      assertSnapshot(run.snapshot.replacingOccurrences(of: workspace, with: "$WORKSPACE"), named: item.name)
    }
  }

  @Test func theFirstCheckMakesTheWorkspaceCopyAndFailsWithItsMistake() throws {
    try withWorkspace { workspace in
      let run = lessonInCourse(["check", "3"], workspace: workspace)
      #expect(run.code == .failure)
      #expect(flat(run.err).contains("from the lesson's starters"))
      // Findings are said once, on standard output; nothing compiler-style on a terminal.
      #expect(!run.err.contains("[missing-calls]"))
      #expect(run.out.contains("✗ missing-calls"))
      #expect(FileManager.default.fileExists(atPath: workspace + "/03_more_tools/more_tools3.json"))
      #expect(FileManager.default.fileExists(atPath: workspace + "/03_more_tools/async_batch.py"))
      let progress = try String(contentsOfFile: workspace + "/progress.json", encoding: .utf8)
      #expect(progress.contains("\"status\": \"failed\""))
      #expect(progress.contains("\"missing-calls\""))
    }
  }

  @Test func aPassingCheckIsRecordedAndListed() throws {
    try withWorkspace { workspace in
      try FileManager.default.createDirectory(
        atPath: workspace + "/02_guarded_gather", withIntermediateDirectories: true)
      try FileManager.default.copyItem(
        atPath: CLIFixtures.packageRoot.path + "/solutions/02_guarded_gather/guarded_gather2.json",
        toPath: workspace + "/02_guarded_gather/guarded_gather2.json")
      #expect(lessonInCourse(["check", "2"], workspace: workspace).code == .success)
      _ = lessonInCourse(["check", "1"], workspace: workspace)
      let list = lessonInCourse(["list"], workspace: workspace)
      #expect(list.code == .success)
      #expect(list.out.contains("✓  2  guarded gather"))
      #expect(list.out.contains("✗  1  gather: let the waits overlap"))
      #expect(list.out.contains("(no-overlap)"))
      #expect(list.out.contains("·  3  more tools"))
      #expect(list.out.contains("1 of 8 done"))
      #expect(list.out.contains("Continue with lesson 1: 'lesson check 1'"))
    }
  }

  @Test func afterAPassNextIsTheNextLessonNotPassedYet() throws {
    try withWorkspace { workspace in
      func pass(_ folder: String, _ file: String) throws -> CLIRun {
        try placeSolution(folder, file, in: workspace)
        return lessonInCourse(["check", String(folder.prefix(2).drop { $0 == "0" })], workspace: workspace)
      }
      let four = try pass("04_limits", "limits4.json")
      #expect(four.code == .success && four.out.contains("Next: 'lesson show 5'"))
      // Lesson 4 is passed already: after lesson 3 comes lesson 5.
      let three = try pass("03_more_tools", "more_tools3.json")
      #expect(three.code == .success && three.out.contains("Next: 'lesson show 5'"))
      // After the last lesson, back to the first one left.
      let eight = try pass("08_bursts", "bursts8.json")
      #expect(eight.code == .success && eight.out.contains("Next: 'lesson show 1'"))
    }
  }

  @Test func aLessonsFileInAFreshWorkspaceIsMadeFromTheStarterByRunOrCheck() throws {
    withWorkspace { workspace in
      let config = workspace + "/01_gather/gather1.json"
      let run = lessonInCourse(["run", config], workspace: workspace)
      #expect(run.code == .success, "\(run.err)")
      #expect(flat(run.err).contains("from the lesson's starter"))
      #expect(FileManager.default.fileExists(atPath: config))
      let program = workspace + "/02_guarded_gather/async_batch.py"
      let check = lessonInCourse(["check", "2", "--file", program], workspace: workspace)
      #expect(check.code == .failure && check.out.contains("✗ no-limit"))
      #expect(FileManager.default.fileExists(atPath: program))
      // A path that is no lesson's file is still a missing file.
      #expect(lessonInCourse(["run", workspace + "/01_gather/other.json"], workspace: workspace).code == .missingInput)
    }
  }

  @Test func aLearnerWhoPassedInPythonGoesOnInPython() throws {
    try withWorkspace { workspace in
      try placeSolution("02_guarded_gather", "async_batch.py", in: workspace)
      let passed = lessonInCourse(
        ["check", "2", "--file", workspace + "/02_guarded_gather/async_batch.py"], workspace: workspace)
      #expect(passed.code == .success)
      let next = lessonInCourse(["check", "3"], workspace: workspace)
      #expect(next.out.contains("03_more_tools/async_batch.py"), "\(next.out)")
    }
  }

  /// A file given with --file is the learner's route even when it does not load yet.
  @Test func aFileThatDoesNotLoadIsStillRemembered() throws {
    try withWorkspace { workspace in
      // The Python route first; then the learner turns to the configuration, and it does not load.
      _ = lessonInCourse(["check", "6", "--file", workspace + "/06_failures/async_batch.py"], workspace: workspace)
      let json = workspace + "/06_failures/failures6.json"
      let good = try String(contentsOfFile: json, encoding: .utf8)
      try Data(good.replacingOccurrences(of: "\"limit\"", with: "\"limt\"").utf8).write(to: URL(fileURLWithPath: json))
      let broken = lessonInCourse(["check", "6", "--file", json], workspace: workspace)
      #expect(broken.code == .invalidInput)
      try Data(good.utf8).write(to: URL(fileURLWithPath: json))
      let again = lessonInCourse(["check", "6"], workspace: workspace)
      #expect(again.out.contains("06_failures/failures6.json"), "\(again.out)")
    }
  }

  /// A program is held to what it prints and pointed at the line where it stops or waits.
  @Test func aProgramsCountAndStopsAreItsOwn() throws {
    try withWorkspace { workspace in
      try FileManager.default.createDirectory(atPath: workspace, withIntermediateDirectories: true)
      let solution = try solutionText("03_more_tools", "async_batch.py")
      func check(_ source: String) throws -> CLIRun {
        let path = workspace + "/async_batch.py"
        try Data(source.utf8).write(to: URL(fileURLWithPath: path))
        return lessonInCourse(["check", "3", "--file", path], workspace: workspace, width: 100)
      }
      // The count it prints is computed, but it is the number of calls: evidence not taken from the run.
      let miscount = try check(
        solution.replacingOccurrences(of: "print(\"timeouts:\", timeouts)", with: "print(\"timeouts:\", len(results))"))
      #expect(miscount.code == .failure)
      #expect(flat(miscount.out).contains("your program prints timeouts: 8; its results hold 4"), "\(miscount.out)")
      // A name misspelt: the error where Python raises it.
      let lines = solution.components(separatedBy: "\n")
      let line = try #require(lines.firstIndex { $0.contains("print(results)") })
      var broken = lines
      broken[line] = broken[line].replacingOccurrences(of: "print(results)", with: "print(resuls)")
      let raised = try check(broken.joined(separator: "\n"))
      #expect(raised.code == .invalidInput)
      #expect(raised.err.contains("async_batch.py:\(line + 1):1: the program stops with NameError"), "\(raised.err)")
    }
  }

  /// A semaphore made for each call in main limits nothing either: lesson 8's mistake, found.
  @Test func aSemaphoreMadeForEachCallInMainIsASemaphorePerCall() throws {
    try withWorkspace { workspace in
      try FileManager.default.createDirectory(atPath: workspace, withIntermediateDirectories: true)
      let solution = try solutionText("08_bursts", "async_batch.py")
      let perCall = solution.replacingOccurrences(
        of: "guarded_call(semaphore, name, delay, 0.5) for name, delay in CALLS",
        with: "guarded_call(asyncio.Semaphore(LIMIT), name, delay, 0.5) for name, delay in CALLS")
      #expect(perCall != solution)
      let path = workspace + "/async_batch.py"
      try Data(perCall.utf8).write(to: URL(fileURLWithPath: path))
      let run = lessonInCourse(["check", "8", "--file", path], workspace: workspace)
      #expect(run.code == .failure, "\(run.err)")
      #expect(run.out.contains("✗ semaphore-per-call"), "\(run.out)")
    }
  }

  @Test func hintsComeOneMoreEachTime() {
    withWorkspace { workspace in
      let first = lessonInCourse(["hint", "2"], workspace: workspace)
      #expect(first.out.components(separatedBy: "Hint ").count - 1 == 1)
      let second = lessonInCourse(["hint", "2"], workspace: workspace)
      #expect(second.out.components(separatedBy: "Hint ").count - 1 == 2)
      for _ in 0..<5 { _ = lessonInCourse(["hint", "2"], workspace: workspace) }
      let last = lessonInCourse(["hint", "2"], workspace: workspace)
      #expect(last.out.contains("That is every hint"))
    }
  }

  @Test func resetKeepsABackupAndRestoresTheStarter() throws {
    try withWorkspace { workspace in
      _ = lessonInCourse(["check", "1"], workspace: workspace)
      let path = workspace + "/01_gather/gather1.json"
      try Data("{\"my\": \"work\"}".utf8).write(to: URL(fileURLWithPath: path))
      let run = lessonInCourse(["reset", "1"], workspace: workspace)
      #expect(run.code == .success)
      #expect(try String(contentsOfFile: path + ".bak", encoding: .utf8) == "{\"my\": \"work\"}")
      let starter = try String(
        contentsOfFile: CLIFixtures.packageRoot.path + "/lessons/01_gather/gather1.json", encoding: .utf8)
      #expect(try String(contentsOfFile: path, encoding: .utf8) == starter)
      _ = lessonInCourse(["reset", "1"], workspace: workspace)
      #expect(FileManager.default.fileExists(atPath: path + ".bak1"))
    }
  }

  @Test func aCorruptProgressFileIsKeptAsideNotLost() throws {
    try withWorkspace { workspace in
      try FileManager.default.createDirectory(atPath: workspace, withIntermediateDirectories: true)
      try Data("{not json".utf8).write(to: URL(fileURLWithPath: workspace + "/progress.json"))
      let run = lessonInCourse(["list"], workspace: workspace)
      #expect(run.code == .success)
      #expect(run.err.contains("progress.json.corrupt"))
      #expect(try String(contentsOfFile: workspace + "/progress.json.corrupt", encoding: .utf8) == "{not json")
    }
  }

  @Test func watchChecksOnceAndStopsWithMaxChecks() {
    withWorkspace { workspace in
      let run = lessonInCourse(["watch", "2", "--max-checks", "1"], workspace: workspace)
      #expect(run.code == .failure)
      #expect(run.out.contains("FAIL"))
      #expect(flat(run.out).contains("save it to check it again"))
    }
  }

  @Test func changeDetectionSeesNewContentsOnly() {
    // The detector behind 'watch': the first look and every new content count; saving the same
    // text again does not.
    var detector = WatchProbe()
    let seen = [1, 1, 2, nil, nil].map { detector.changed(hash: $0) }
    #expect(seen == [true, false, true, true, false])
  }

  @Test func verifyFailsOnABrokenCourse() throws {
    try withWorkspace { directory in
      let root = directory + "/course"
      try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
      for folder in ["lessons", "solutions"] {
        try FileManager.default.copyItem(
          atPath: CLIFixtures.packageRoot.path + "/" + folder, toPath: root + "/" + folder)
      }
      // The starter of lesson 1 becomes its solution, and a folder is left out of the index.
      try FileManager.default.removeItem(atPath: root + "/lessons/01_gather/gather1.json")
      try FileManager.default.copyItem(
        atPath: root + "/solutions/01_gather/gather1.json", toPath: root + "/lessons/01_gather/gather1.json")
      try FileManager.default.createDirectory(atPath: root + "/lessons/99_orphan", withIntermediateDirectories: true)
      let captured = CapturedConsole(directory: root)
      let code = LessonTool.main(["verify"], console: captured.console)
      #expect(code == .failure)
      #expect(captured.out.contains("the starter passes; it should show no-overlap"))
      #expect(captured.out.contains("99_orphan is not in lessons/index.json"))
      #expect(captured.out.contains("2 problems in the course."))
    }
  }

  /// A course may pin the Python it teaches; a pin that is not supported is an invalid index.
  @Test func aCoursePinsItsPython() throws {
    try withWorkspace { directory in
      let root = directory + "/course"
      try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
      for folder in ["lessons", "solutions"] {
        try FileManager.default.copyItem(
          atPath: CLIFixtures.packageRoot.path + "/" + folder, toPath: root + "/" + folder)
      }
      let index = root + "/lessons/index.json"
      let original = try String(contentsOfFile: index, encoding: .utf8)
      let queue =
        #"{"limit": 1, "timeout": 0.25, "timeoutScope": "queue", "calls": [{"name": "search", "delay": 0.1}, {"name": "database", "delay": 0.2, "timeout": null}, {"name": "upload", "delay": 0.05}]}"#
      try Data(queue.utf8).write(to: URL(fileURLWithPath: root + "/queue.json"))
      try original.replacingOccurrences(of: #""formatVersion": 1,"#, with: #""formatVersion": 1, "python": "3.11","#)
        .write(toFile: index, atomically: true, encoding: .utf8)
      let pinned = CapturedConsole(directory: root)
      #expect(LessonTool.main(["run", "queue.json"], console: pinned.console) == .success)
      #expect(pinned.out.hasPrefix("['search:timeout', 'database:ok', 'upload:timeout']"))
      let verify = CapturedConsole(directory: root)
      #expect(LessonTool.main(["verify"], console: verify.console) == .success)

      try original.replacingOccurrences(of: #""formatVersion": 1,"#, with: #""formatVersion": 1, "python": "2.7","#)
        .write(toFile: index, atomically: true, encoding: .utf8)
      let broken = CapturedConsole(directory: root)
      #expect(LessonTool.main(["check", "1"], console: broken.console) == .invalidInput)
      #expect(broken.err.contains(#"python: "2.7" is not a supported Python; use one of 3.10, 3.11, 3.12 or 3.13"#))
    }
  }

  @Test func verifyPassesOnTheShippedCourse() {
    let captured = CapturedConsole(directory: CLIFixtures.packageRoot.path)
    #expect(LessonTool.main(["verify"], console: captured.console) == .success)
  }
}

/// The built `lesson` binary, run as a newcomer would.
@Suite struct ProcessTests {
  static let binary = CLIFixtures.packageRoot.appendingPathComponent(".build/debug/lesson").path

  /// Starts the binary with colour off; the caller reads the pipes and waits.
  func start(
    _ arguments: [String], in directory: String? = nil, environment extra: [String: String] = [:]
  ) throws -> (process: Process, out: Pipe, err: Pipe) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Self.binary)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    environment.removeValue(forKey: "LESSON_PYTHON")
    environment.merge(extra) { $1 }
    process.environment = environment
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    return (process, out, err)
  }

  func launch(_ arguments: [String], in directory: String, environment: [String: String] = [:]) throws -> (
    code: Int32, out: String, err: String
  ) {
    let (process, out, err) = try start(arguments, in: directory, environment: environment)
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (
      process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self)
    )
  }

  /// `--python` beats `LESSON_PYTHON`, which beats the default; anything else is a usage error
  /// that names the supported versions.
  @Test func thePythonVersionComesFromTheFlagOrTheEnvironment() throws {
    try #require(FileManager.default.isExecutableFile(atPath: Self.binary), "build the package first")
    try withWorkspace { directory in
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      let file = directory + "/queue.json"
      try Data(
        #"{"limit": 1, "timeout": 0.25, "timeoutScope": "queue", "calls": [{"name": "search", "delay": 0.1}, {"name": "database", "delay": 0.2, "timeout": null}, {"name": "upload", "delay": 0.05}]}"#
          .utf8
      ).write(to: URL(fileURLWithPath: file))
      let old = "['search:timeout', 'database:ok', 'upload:timeout']"
      let new = "['search:ok', 'database:ok', 'upload:timeout']"
      #expect(try launch(["run", file], in: directory).out.hasPrefix(new))
      #expect(try launch(["run", file], in: directory, environment: ["LESSON_PYTHON": "3.11"]).out.hasPrefix(old))
      #expect(try launch(["run", file, "--python", "3.10"], in: directory).out.hasPrefix(old))
      let both = try launch(["run", file, "--python", "3.12"], in: directory, environment: ["LESSON_PYTHON": "3.10"])
      #expect(both.out.hasPrefix(new))
      let json = try launch(["run", file, "--json"], in: directory, environment: ["LESSON_PYTHON": "3.11"])
      #expect(json.out.contains(#""python": "3.11""#))
      for bad in [["--python", "3.9"], ["--python", "three"]] {
        let run = try launch(["run", file] + bad, in: directory)
        #expect(run.code == 64)
        #expect(run.err.contains("the supported versions are 3.10, 3.11, 3.12 or 3.13"))
      }
      let environment = try launch(["run", file], in: directory, environment: ["LESSON_PYTHON": "3.14"])
      #expect(environment.code == 64)
      #expect(environment.err.contains("LESSON_PYTHON '3.14' is not a supported Python"))
    }
  }

  @Test func checkThreeWorksFromTheCourseAsTheReadmeSays() throws {
    try #require(FileManager.default.isExecutableFile(atPath: Self.binary), "build the package first")
    try withWorkspace { workspace in
      let run = try launch(["check", "3", "--workspace", workspace], in: CLIFixtures.packageRoot.path)
      #expect(run.code == 1)
      #expect(run.out.contains("Lesson 3 — more tools"))
      #expect(run.out.contains("missing-calls"))
      #expect(!run.out.contains("\u{1B}["))
    }
  }

  @Test func ctrlCInRealTimeReportsWhatItHadAndEnds() throws {
    try #require(FileManager.default.isExecutableFile(atPath: Self.binary), "build the package first")
    try withWorkspace { directory in
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      let config = directory + "/slow.json"
      try Data(
        #"{"limit": 1, "calls": [{"name": "quick", "delay": 0}, {"name": "slow", "delay": 60}, {"name": "queued", "delay": 1}]}"#
          .utf8
      ).write(to: URL(fileURLWithPath: config))
      let (process, out, err) = try start(["run", config, "--real"])
      // A watchdog, so that a run that ignores Ctrl-C fails this test instead of hanging it.
      let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
      DispatchQueue.global().asyncAfter(deadline: .now() + 30, execute: watchdog)
      var said = ""
      while !said.contains("Ctrl-C stops it") {
        let chunk = err.fileHandleForReading.availableData
        if chunk.isEmpty { break }
        said += String(decoding: chunk, as: UTF8.self)
      }
      kill(process.processIdentifier, SIGINT)
      let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      process.waitUntilExit()
      watchdog.cancel()
      #expect(process.terminationStatus == 130)
      #expect(output.hasPrefix("interrupted at "))
      // Ctrl-C may come before or after `quick` finishes; either way the report says which.
      #expect(
        output.contains("Finished before the stop: quick; the others were cancelled.")
          || output.contains("No call had finished; every call was cancelled."))
      #expect(output.contains("slow") && output.contains("cancelled"))
      #expect(output.contains("queued") && output.contains("never ran"))
    }
  }

  @Test func runPrintsThePagesOutputAndExitCodesAreReal() throws {
    try #require(FileManager.default.isExecutableFile(atPath: Self.binary), "build the package first")
    let run = try launch(["run", "solutions/02_guarded_gather/guarded_gather2.json"], in: CLIFixtures.packageRoot.path)
    #expect(run.code == 0)
    #expect(run.out.hasPrefix("['search:ok', 'database:ok', 'slow_tool:timeout']\ntimeouts: 1\n"))
    #expect(try launch(["run", "missing.json"], in: CLIFixtures.packageRoot.path).code == 66)
    #expect(try launch(["run"], in: CLIFixtures.packageRoot.path).code == 64)
  }
}

/// Text that fits: on a 60-column terminal no line of a failing `check` of any lesson's JSON
/// starter runs past 60 columns.
@Suite struct NarrowCheckTests {
  @Test(arguments: 1...8) func everyLineFitsSixtyColumns(_ lesson: Int) throws {
    withWorkspace { workspace in
      let run = lessonInCourse(["check", String(lesson)], workspace: workspace, width: 60)
      #expect(run.code != .success)
      // The file's path is the one line that may be longer: a path is not broken.
      let long = run.out.split(separator: "\n").filter { $0.count > 60 && !$0.hasPrefix("Checking ") }.map(String.init)
      #expect(long.isEmpty, "\(long)")
    }
  }

  /// `show` keeps to the width too, code blocks included.
  @Test(arguments: 1...8) func showFitsSixtyColumns(_ lesson: Int) throws {
    withWorkspace { workspace in
      let run = lessonInCourse(["show", String(lesson)], workspace: workspace, width: 60)
      #expect(run.code == .success)
      // A quoted command ('lesson run PATH') is kept in one piece, and a path cannot be broken.
      let long = run.out.split(separator: "\n").filter { line in
        let words = line.trimmingCharacters(in: .whitespaces)
        return line.count > 60 && !words.hasPrefix("'") && words.contains(" ")
      }
      #expect(long.isEmpty, "\(long)")
    }
  }

  /// A starter's failing check, in either language, fits a 60 by 40 terminal: the verdict, the
  /// last line, never scrolls away.
  @Test(arguments: 1...8) func aStartersCheckFitsFortyLines(_ lesson: Int) throws {
    try withWorkspace { workspace in
      _ = lessonInCourse(["check", String(lesson)], workspace: workspace, width: 60)
      let folder = try #require(
        try FileManager.default.contentsOfDirectory(atPath: workspace).first { $0.hasPrefix(String(format: "%02d_", lesson)) })
      let files = try FileManager.default.contentsOfDirectory(atPath: workspace + "/" + folder).sorted()
      #expect(!files.isEmpty)
      for file in files {
        let run = lessonInCourse(
          ["check", String(lesson), "--file", workspace + "/" + folder + "/" + file], workspace: workspace, width: 60)
        #expect(run.code == .failure, "\(file)")
        let lines = run.out.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count <= 40, "\(file): \(lines.count) lines")
        #expect(lines.last?.hasPrefix("FAIL") == true, "\(file)")
      }
    }
  }
}
