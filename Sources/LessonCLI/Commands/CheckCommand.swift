import Foundation
import GuardedGather
import LessonKit

/// `lesson check N [--file F] [--json] [--strict] [--diagnostics] [--python X.Y]`: checks the learner's file
/// against lesson N.
struct CheckCommand: LessonCommand {
  static let name = "check"
  static let abstract = "Check your file for a lesson: pass or fail, and why."
  static let usage = "lesson check N [--file F] [--json] [--strict] [--diagnostics] [--python X.Y]"
  static let discussion = """
    Runs your file (a JSON configuration or an asyncio program, .py) and compares what it did with
    what the lesson asks for. Without --file it checks the file you checked last for this lesson,
    or your copy in workspace/ (made from the starter the first time).

    Options:
      --file F          Check F (a .json or .py file); 'lesson check N' remembers it.
      --json            Print the verdict, the checks and the mistake ids as JSON.
      --strict          Count warnings (a fragile margin, a note to improve) as failures.
      --diagnostics     Also print each finding as 'file:place: error: message [id]' on
                        standard error, for editors.
      --course DIR      The course folder (default: the nearest one with lessons/index.json).
      --workspace DIR   Where your copies and progress live (default: workspace/ in the course).
    \(PythonChoice.help(column: 20))

    Exit codes: 0 pass, 1 fail, 64 bad usage, 65 invalid file, 66 missing file.
    """

  var input: LessonArguments
  var arguments: Arguments { input.arguments }

  init(arguments words: [String]) throws(UsageError) {
    input = try LessonArguments(
      words, flags: ["--json", "--strict", "--diagnostics"], options: ["--file", PythonChoice.option])
    if let file = arguments.options["--file"], file.trimmingCharacters(in: .whitespaces).isEmpty {
      throw UsageError("--file needs a file name, such as --file async_batch.py")
    }
    _ = try PythonChoice.given(input.arguments)
  }

  func run(_ context: CommandContext) throws(CommandFailure) -> ExitCode {
    let (course, entry, spec) = try input.load(context)
    let (path, display) = try learnerFile(entry, spec, course: course, context: context)
    return try check(path: path, display: display, entry: entry, spec: spec, course: course, context: context)
  }

  /// The file to check: `--file`, or the one checked last, or the workspace copy (made from the
  /// starters the first time).
  func learnerFile(
    _ entry: Course.Entry, _ spec: LessonSpec, course: CourseContext, context: CommandContext, useFile: Bool = true
  ) throws(CommandFailure) -> (path: String, display: String) {
    if useFile, let file = arguments.options["--file"] {
      let path = context.resolve(file)
      try course.prepareCopy(at: path, context: context)
      // The course's own starter is not the learner's to edit: point at their copy.
      for python in [false, true] where python == file.hasSuffix(".py") {
        let starter = course.course.starterPath(entry, spec, python: python)
        guard Self.samePath(path, starter) else { continue }
        let copy = course.display(
          course.workspace.learnerPath(entry, spec, python: python), from: context.console.directory)
        let note =
          "lesson: note: \(file) is the course's starter, which 'lesson reset' cannot restore; "
          + "edit your copy, \(copy) ('lesson show \(entry.id)' makes it)."
        for line in TextLayout.wrap(note, width: context.console.width, hanging: "  ") { context.console.error(line) }
      }
      return (path, file)
    }
    try course.prepareCopy(at: course.workspace.learnerPath(entry, spec), context: context)
    try course.prepareCopy(at: course.workspace.learnerPath(entry, spec, python: true), context: context)
    let (progress, _) = course.workspace.loadProgress()
    let path = course.workspace.routePath(entry, spec, progress: progress)
    return (path, course.display(path, from: context.console.directory))
  }

  /// Checks the file and prints the report. Returns 0 for a pass, 1 for a fail.
  func check(
    path: String, display: String, entry: Course.Entry, spec: LessonSpec, course: CourseContext,
    context: CommandContext,
    nextStep: String? = nil, watching: Bool = false
  ) throws(CommandFailure) -> ExitCode {
    let configuration: LearnerConfiguration
    let python = try PythonChoice.resolve(arguments, course: course.course)
    do { configuration = try InputFile.configuration(at: path, display: display, limits: .ownFile, python: python) } catch {
      // The file is still the learner's: once it is mended, 'lesson check N' checks it.
      if FileManager.default.fileExists(atPath: path) { remember(path, for: entry.id, course: course) }
      throw .input(error)
    }
    let report = LessonChecker.check(configuration, against: spec, file: display, python: python)
    let view = CheckReportView(report: report, strict: arguments.flags.contains("--strict"))
    let progress = record(report, passed: view.passed, path: path, course: course, context: context)
    if arguments.flags.contains("--json") {
      context.console.print(view.json.pretty)
    } else {
      let width = context.console.width
      for line in view.text(width: width, style: context.style) { context.console.print(line) }
      context.console.print()
      var next: String
      if view.passed {
        next = nextStep ?? self.nextStep(after: entry.id, in: course.course, progress: course.workspace.loadProgress().0)
        if watching, nextStep == nil { next += " Save the file to check it again, Ctrl-C to stop." }
        for line in ProgressBar.lines(done: progress.done, total: progress.total, width: width, style: context.style) {
          context.console.print(line)
        }
      } else {
        // The mistake that fails the check first, before any warning.
        let first = report.mistakes.first { !$0.isWarning } ?? report.mistakes.first
        let explain = first.map { ", or 'lesson explain \($0.id)'" } ?? ""
        // The file is named at the top of the report; a narrow terminal has no line to spare.
        let display = width < 80 ? "the file" : display
        next =
          watching
          ? "Edit \(display) and save it to check it again (Ctrl-C stops). Stuck? 'lesson hint \(entry.id)'\(explain)."
          : "Edit \(display), then run 'lesson check \(entry.id)' again. Stuck? 'lesson hint \(entry.id)'\(explain)."
      }
      for line in view.closing(next: next, width: width, style: context.style) { context.console.print(line) }
    }
    if arguments.flags.contains("--diagnostics") {
      for line in view.findingLines { context.console.error(line) }
    }
    return view.passed ? .success : .failure
  }

  /// Records the verdict and the file checked, whichever route it came by.
  ///
  /// - Returns: How many lessons are now passed, of how many.
  @discardableResult
  /// Remembers `path` as the file the learner checks for lesson `id`, whatever came of the check.
  func remember(_ path: String, for id: Int, course: CourseContext) {
    var (progress, _) = course.workspace.loadProgress()
    guard progress[id].file != course.workspace.remembered(path) else { return }
    progress[id].file = course.workspace.remembered(path)
    try? course.workspace.save(progress)
  }

  func record(_ report: CheckReport, passed: Bool, path: String, course: CourseContext, context: CommandContext)
    -> (done: Int, total: Int)
  {
    var (progress, warning) = course.workspace.loadProgress()
    if let warning { context.console.error("lesson: warning: \(warning)") }
    let id = report.lesson.id
    // A pass stays a pass: a later experiment that fails does not take the lesson back.
    if progress[id].status != "passed" || passed { progress[id].status = passed ? "passed" : "failed" }
    progress[id].mistakes = report.mistakes.map(\.id)
    progress[id].file = course.workspace.remembered(path)
    do { try course.workspace.save(progress) } catch {
      context.console.error("lesson: warning: progress not saved: \(error.description)")
    }
    let done = course.course.entries.count(where: { progress[$0.id].status == "passed" })
    return (done, course.course.entries.count)
  }

  static func samePath(_ a: String, _ b: String) -> Bool {
    URL(fileURLWithPath: a).standardizedFileURL.resolvingSymlinksInPath().path
      == URL(fileURLWithPath: b).standardizedFileURL.resolvingSymlinksInPath().path
  }

  /// After a pass: the next lesson not passed yet (after this one, else the first left), or the
  /// course's last words when every lesson is passed.
  func nextStep(after id: Int, in course: Course, progress: LessonKit.Progress) -> String {
    guard let next = progress.next(after: id, in: course) else {
      return "That was the last lesson left. " + course.farewell
    }
    return "Next: 'lesson show \(next.id)'."
  }
}

/// The learner's progress through the course as a bar: `█████░░░ 3 of 8 done`.
enum ProgressBar {
  static func lines(done: Int, total: Int, width: Int, style: Style) -> [String] {
    let cells = max(8, min(total * 3, width - 20))
    let filled = total == 0 ? 0 : cells * done / total
    let bar =
      style.green(String(repeating: "█", count: filled)) + style.dim(String(repeating: "░", count: cells - filled))
    return ["\(bar) \(done) of \(total) done"]
  }
}
