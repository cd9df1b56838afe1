import GuardedGather
import LessonKit

/// `lesson check N [--file F] [--json] [--strict]`: checks the learner's file against lesson N.
struct CheckCommand: LessonCommand {
  static let name = "check"
  static let abstract = "Check your configuration for a lesson: pass or fail, and why."
  static let usage = "lesson check N [--file F] [--json] [--strict] [--python X.Y]"
  static let discussion = """
    Runs your configuration on the virtual clock and compares what it observed with the lesson's
    evidence card. Without --file it checks your copy in the workspace (made from the starter the
    first time).

    Options:
      --file F          Check F instead of your workspace copy.
      --json            Print the verdict, the checks and the mistake ids as JSON.
      --strict          Count warnings (such as fragile-margin) as failures.
      --course DIR      The course folder (default: the nearest one with lessons/index.json).
      --workspace DIR   Where your copies and progress live (default: workspace/ in the course).
    \(PythonChoice.help(column: 20))

    Exit codes: 0 pass, 1 fail, 64 bad usage, 65 invalid file, 66 missing file.
    """

  var input: LessonArguments
  var arguments: Arguments { input.arguments }

  init(arguments words: [String]) throws(UsageError) {
    input = try LessonArguments(words, flags: ["--json", "--strict"], options: ["--file", PythonChoice.option])
    _ = try PythonChoice.given(input.arguments)
  }

  func run(_ context: CommandContext) throws(CommandFailure) -> ExitCode {
    let (course, entry, spec) = try input.load(context)
    let (path, display) = try learnerFile(entry, spec, course: course, context: context)
    return try check(path: path, display: display, entry: entry, spec: spec, course: course, context: context)
  }

  /// The file to check: `--file`, or the workspace copy (made from the starter the first time).
  func learnerFile(_ entry: Course.Entry, _ spec: LessonSpec, course: CourseContext, context: CommandContext)
    throws(CommandFailure) -> (path: String, display: String)
  {
    let path: String
    let display: String
    if let file = arguments.options["--file"] {
      path = context.resolve(file)
      display = file
    } else {
      do {
        let prepared = try course.workspace.prepare(entry, spec)
        path = prepared.path
        display = course.display(path, from: context.console.directory)
        if prepared.created {
          context.console.error("lesson: made \(display) from the lesson's starter; edit it, then check again.")
        }
      } catch {
        throw .input(error)
      }
    }
    return (path, display)
  }

  /// Checks the file and prints the report. Returns 0 for a pass, 1 for a fail.
  func check(
    path: String, display: String, entry: Course.Entry, spec: LessonSpec, course: CourseContext, context: CommandContext
  ) throws(CommandFailure) -> ExitCode {
    let configuration: LearnerConfiguration
    do { configuration = try InputFile.configuration(at: path, display: display, limits: .ownFile) } catch { throw .input(error) }
    let python = try PythonChoice.resolve(arguments, course: course.course)
    let report = LessonChecker.check(configuration, against: spec, file: display, python: python)
    let view = CheckReportView(report: report, strict: arguments.flags.contains("--strict"))
    record(report, passed: view.passed, course: course, context: context)
    if arguments.flags.contains("--json") {
      context.console.print(view.json.pretty)
    } else {
      for line in view.text(width: context.console.width, style: context.style) { context.console.print(line) }
      context.console.print()
      context.console.print(
        view.passed
          ? nextStep(after: entry.id, in: course.course)
          : "Edit \(display), then run 'lesson check \(entry.id)' again. Stuck? 'lesson hint \(entry.id)'.")
    }
    for line in view.findingLines { context.console.error(line) }
    return view.passed ? .success : .failure
  }

  func record(_ report: CheckReport, passed: Bool, course: CourseContext, context: CommandContext) {
    guard arguments.options["--file"] == nil else { return }
    var (progress, warning) = course.workspace.loadProgress()
    if let warning { context.console.error("lesson: warning: \(warning)") }
    progress[report.lesson.id].status = passed ? "passed" : "failed"
    progress[report.lesson.id].mistakes = report.mistakes.map(\.id)
    do { try course.workspace.save(progress) } catch {
      context.console.error("lesson: warning: progress not saved: \(error.description)")
    }
  }

  func nextStep(after id: Int, in course: Course) -> String {
    guard let index = course.entries.firstIndex(where: { $0.id == id }), index + 1 < course.entries.count else {
      return "That was the last lesson. " + course.farewell
    }
    return "Next: 'lesson show \(course.entries[index + 1].id)'."
  }
}
