import GuardedGather
import LessonKit

/// `lesson list`: every lesson, with the learner's progress.
struct ListCommand: LessonCommand {
  static let name = "list"
  static let abstract = "List the lessons with your progress."
  static let usage = "lesson list [--json]"
  static let discussion = """
    Options:
      --json            Print the lessons and their status as JSON.
      --course DIR      The course folder.  --workspace DIR  Where your progress lives.
    """

  var arguments: Arguments

  init(arguments words: [String]) throws(UsageError) {
    arguments = try Arguments(words, flags: ["--json"], options: CourseContext.options)
    guard arguments.positionals.isEmpty else { throw UsageError("'list' takes no arguments") }
  }

  func run(_ context: CommandContext) throws(CommandFailure) -> ExitCode {
    let course: CourseContext
    course = try CourseContext(arguments, context: context)
    let (progress, warning) = course.workspace.loadProgress()
    if let warning { context.console.error("lesson: warning: \(warning)") }
    if arguments.flags.contains("--json") {
      let lessons = course.course.entries.map { entry in
        JSONOutput.object([
          ("id", .int(entry.id)), ("title", .string(entry.title)),
          ("status", progress.lessons[entry.id]?.status.map(JSONOutput.string) ?? .string("not started")),
          ("mistakes", .array(progress[entry.id].mistakes.map(JSONOutput.string))),
        ])
      }
      context.console.print(JSONOutput.object([("lessons", .array(lessons))]).pretty)
      return .success
    }
    let style = context.style
    context.console.print(style.bold(course.course.title))
    context.console.print(course.course.welcome)
    context.console.print()
    for entry in course.course.entries {
      let lesson = progress[entry.id]
      let mark: String
      let note: String
      switch lesson.status {
      case "passed"?:
        mark = style.green("✓")
        note = "passed"
      case "failed"?:
        mark = style.red("✗")
        note = "failed" + (lesson.mistakes.isEmpty ? "" : " (\(lesson.mistakes.joined(separator: ", ")))")
      default:
        mark = style.dim("·")
        note = "not started"
      }
      let number = String(entry.id).leftPadded(to: 2, with: " ")
      context.console.print(" \(mark) \(number)  \(TraceReport.fit(entry.title, 52))  \(style.dim(note))")
    }
    let done = course.course.entries.count(where: { progress[$0.id].status == "passed" })
    context.console.print()
    context.console.print("\(done) of \(course.course.entries.count) passed.")
    return .success
  }
}
