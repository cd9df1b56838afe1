import Foundation
import LessonCLI
import Testing

/// A learner's session, command after command, as issue 12 tells it.
@Suite struct StudentSessionTests {
  static let root = CLIFixtures.packageRoot.path

  func copy(_ source: String, to destination: String) throws {
    try? FileManager.default.removeItem(atPath: destination)
    try FileManager.default.copyItem(atPath: Self.root + "/" + source, toPath: destination)
  }

  @Test func aPythonLearnerWorksInTheWorkspaceAndIsRemembered() throws {
    try withWorkspace { workspace in
      // show makes both copies, so the first instruction works before any check.
      let show = lessonInCourse(["show", "2"], workspace: workspace)
      #expect(show.code == .success)
      let program = workspace + "/02_guarded_gather/async_batch.py"
      #expect(FileManager.default.fileExists(atPath: program))
      #expect(
        FileManager.default.fileExists(
          atPath: workspace + "/02_guarded_gather/guarded_gather2.json"))

      let first = lessonInCourse(["check", "2", "--file", program], workspace: workspace)
      #expect(first.code == .failure)
      #expect(first.out.contains("What your program printed:"))
      #expect(first.out.contains("asyncio.Semaphore(2)"))
      #expect(!first.out.contains("\"limit\""))
      #expect(first.err.isEmpty)

      // The hint speaks Python, because the learner's file is a program.
      let hint = lessonInCourse(["hint", "2"], workspace: workspace)
      #expect(hint.out.contains("Hint 1 of 3"))
      #expect(
        lessonInCourse(["hint", "2"], workspace: workspace).out.contains("asyncio.Semaphore(2)"))
      #expect(
        lessonInCourse(["hint", "2", "--file", "x.json"], workspace: workspace).out.contains(
          "\"limit\": 2"))

      // The fix, then 'lesson check 2' without --file checks the remembered program.
      try copy("solutions/02_guarded_gather/async_batch.py", to: program)
      let pass = lessonInCourse(["check", "2"], workspace: workspace)
      #expect(pass.code == .success)
      #expect(pass.out.contains("Checking"))
      #expect(pass.out.contains("async_batch.py"))
      #expect(pass.out.contains("1 of 8 done"))
      let last = try #require(pass.out.split(separator: "\n").last)
      #expect(last.hasPrefix("PASS"))
      #expect(lessonInCourse(["list"], workspace: workspace).out.contains("✓  2"))

      // reset puts the Python starter back, keeping the learner's program.
      let reset = lessonInCourse(["reset", "2"], workspace: workspace)
      #expect(flat(reset.out).contains("async_batch.py is the starter again"))
      #expect(FileManager.default.fileExists(atPath: program + ".bak"))
      let starter = try String(
        contentsOfFile: Self.root + "/lessons/02_guarded_gather/async_batch.py", encoding: .utf8)
      #expect(try String(contentsOfFile: program, encoding: .utf8) == starter)
    }
  }

  @Test func aPassWithFileIsRecorded() {
    withWorkspace { workspace in
      let run = lessonInCourse(
        ["check", "2", "--file", Self.root + "/solutions/02_guarded_gather/guarded_gather2.json"],
        workspace: workspace)
      #expect(run.code == .success)
      #expect(lessonInCourse(["list"], workspace: workspace).out.contains("1 of 8"))
    }
  }

  @Test func checkingTheCoursesStarterPointsAtTheLearnersCopy() {
    withWorkspace { workspace in
      let run = lessonInCourse(["check", "2", "--file", "lessons/02_guarded_gather/async_batch.py"], workspace: workspace)
      #expect(run.code == .failure)
      #expect(flat(run.err).contains("is the course's starter"))
      #expect(flat(run.err).contains("02_guarded_gather/async_batch.py ('lesson show 2' makes it)"))
    }
  }

  /// `reset` after checking the course's starter in place does not claim to have undone the
  /// edits there: it says it cannot, and moves the learner to their copy.
  @Test func resetAfterCheckingTheCoursesStarterSaysWhatItCannotUndo() throws {
    try withWorkspace { workspace in
      _ = lessonInCourse(["check", "2", "--file", "lessons/02_guarded_gather/async_batch.py"], workspace: workspace)
      let run = lessonInCourse(["reset", "2"], workspace: workspace)
      #expect(run.code == .success)
      let text = flat(run.out)
      #expect(!text.contains("is the starter again"), "\(text)")
      #expect(text.contains("cannot undo what you changed there"), "\(text)")
      #expect(text.contains("'lesson check 2' checks that copy from now on"), "\(text)")
      let progress = try String(contentsOfFile: workspace + "/progress.json", encoding: .utf8)
      #expect(progress.contains("\"02_guarded_gather/async_batch.py\""), "\(progress)")
      // Reset again: now it is the learner's copy that is reset.
      #expect(flat(lessonInCourse(["reset", "2"], workspace: workspace).out).contains("is the starter again"))
    }
  }

  struct UsageCase: Sendable, CustomTestStringConvertible {
    var arguments: [String]
    var message: String
    var testDescription: String { arguments.joined(separator: " ") }
  }

  static let usageCases: [UsageCase] = [
    .init(
      arguments: ["help", "chek"],
      message: "lesson: error: unknown command 'chek'; did you mean 'check'?\n"),
    .init(
      arguments: ["chek", "2"],
      message: "lesson: error: unknown command 'chek'; did you mean 'check'?\n"),
    .init(
      arguments: ["check", "3", "--file", ""],
      message:
        "lesson: error: --file needs a file name, such as --file async_batch.py (see 'lesson help check')\n"
    ),
    .init(
      arguments: ["hint", "2", "--fiel", "a.py"],
      message: "lesson: error: unknown option '--fiel'; did you mean '--file'?\n"),
  ]

  @Test(arguments: usageCases)
  func usageErrorsAreOneLine(_ item: UsageCase) {
    let captured = CapturedConsole(directory: CLIFixtures.packageRoot.path)
    let run = CLIRun(
      code: LessonTool.main(item.arguments, console: captured.console), out: captured.out,
      err: captured.err)
    #expect(run.code == .usage)
    #expect(run.out.isEmpty)
    #expect(run.err == item.message)
  }

  @Test func outsideTheCourseTheErrorNamesCourse() {
    let captured = CapturedConsole(directory: "/")
    let code = LessonTool.main(["list"], console: captured.console)
    #expect(code == .missingInput)
    #expect(captured.err.hasPrefix("lesson: error: no course here"))
    #expect(captured.err.contains("--course DIR"))
    #expect(captured.err.split(separator: "\n").count == 1)
  }
}

/// Navigation: watch moves on after a pass, list and the bare command say where to continue.
@Suite struct NavigationTests {
  @Test func watchMovesOnToTheNextLessonAfterAPass() throws {
    try withWorkspace { workspace in
      try placeSolution("02_guarded_gather", "guarded_gather2.json", in: workspace)
      let run = lessonInCourse(["watch", "2", "--max-checks", "1"], workspace: workspace)
      #expect(run.code == .success)
      #expect(run.out.contains("1 of 8 done"))
      #expect(flat(run.out).contains("Next: lesson 3"))
      #expect(flat(run.out).contains("for lesson 3 now"))
      #expect(!run.out.contains("run 'lesson check"))
      #expect(FileManager.default.fileExists(atPath: workspace + "/03_more_tools/more_tools3.json"))
      let stay = lessonInCourse(
        ["watch", "2", "--max-checks", "1", "--stay"], workspace: workspace)
      #expect(!flat(stay.out).contains("for lesson 3 now"))
    }
  }

  @Test func aFailureInWatchSaysSaveNotRunAgain() {
    withWorkspace { workspace in
      let run = lessonInCourse(["watch", "6", "--max-checks", "1"], workspace: workspace)
      #expect(run.code == .failure)
      #expect(flat(run.out).contains("save it to check it again"))
      #expect(run.out.split(separator: "\n").last?.hasPrefix("FAIL") == true)
    }
  }

  @Test func listSaysWhereToContinueAndAtTheEndSaysSo() throws {
    try withWorkspace { workspace in
      #expect(
        lessonInCourse(["list"], workspace: workspace).out.contains(
          "Continue with lesson 1: 'lesson show 1'"))
      let progress = (1...8).map { "\"\($0)\": {\"status\": \"passed\"}" }.joined(separator: ", ")
      try FileManager.default.createDirectory(atPath: workspace, withIntermediateDirectories: true)
      try "{\"formatVersion\": 1, \"lessons\": {\(progress)}}".write(
        toFile: workspace + "/progress.json", atomically: true, encoding: .utf8)
      let list = lessonInCourse(["list"], workspace: workspace)
      #expect(list.out.contains("8 of 8 done"))
      #expect(list.out.contains("Every lesson passed."))
      #expect(!list.out.contains("Continue with"))
    }
  }

  @Test(arguments: [60, 100])
  func listNeverCutsATitleWhereThereIsRoom(_ width: Int) {
    withWorkspace { workspace in
      let list = lessonInCourse(["list"], workspace: workspace, width: width)
      for line in list.out.split(separator: "\n") { #expect(line.count <= width, "\(line)") }
      // A title that does not fit beside its status goes above it, whole.
      #expect(!list.out.contains("…"))
    }
  }
}

/// `text` with its line breaks and indentation as single spaces, for phrases that wrap.
func flat(_ text: String) -> String {
  text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
}

@Suite struct ProgressTests {
  @Test func aPassStaysAPassWhenALaterExperimentFails() throws {
    try withWorkspace { workspace in
      let solution = CLIFixtures.packageRoot.path + "/solutions/02_guarded_gather/guarded_gather2.json"
      #expect(lessonInCourse(["check", "2", "--file", solution], workspace: workspace).code == .success)
      let starter = CLIFixtures.packageRoot.path + "/lessons/02_guarded_gather/guarded_gather2.json"
      #expect(lessonInCourse(["check", "2", "--file", starter], workspace: workspace).code == .failure)
      let progress = try String(contentsOfFile: workspace + "/progress.json", encoding: .utf8)
      #expect(progress.contains("\"status\": \"passed\""))
      #expect(lessonInCourse(["list"], workspace: workspace).out.contains("1 of 8 done"))
    }
  }
}
