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
    let width = context.console.width
    context.console.print(style.bold(course.course.title))
    for line in TextLayout.wrap(course.course.welcome, width: width) { context.console.print(line) }
    context.console.print()
    // The title gets every column the status leaves it, and is cut only when there is no room.
    let longest = course.course.entries.map(\.title.count).max() ?? 20
    let titleWidth = min(longest, max(20, width - 7 - 2 - 11))
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
      guard 7 + titleWidth + 2 + note.count > width || entry.title.count > titleWidth else {
        let title =
          entry.title.count <= titleWidth
          ? entry.title.padding(toLength: titleWidth, withPad: " ", startingAt: 0)
          : TraceReport.fit(entry.title, titleWidth)
        context.console.print(" \(mark) \(number)  \(title)  \(style.dim(note))")
        continue
      }
      // A long status (the mistakes of a failed check), or a title that does not fit beside it,
      // puts the status under the title, wrapped.
      let title = entry.title.count <= width - 7 ? entry.title : TraceReport.fit(entry.title, width - 7)
      context.console.print(" \(mark) \(number)  \(title)")
      for line in TextLayout.wrap(note, width: width, indent: "       ", hanging: "         ") {
        context.console.print(style.dim(line))
      }
    }
    let done = course.course.entries.count(where: { progress[$0.id].status == "passed" })
    context.console.print()
    for line in ProgressBar.lines(done: done, total: course.course.entries.count, width: width, style: style) {
      context.console.print(line)
    }
    for line in TextLayout.wrap(Self.whereToContinue(course.course, progress), width: width) {
      context.console.print(line)
    }
    return .success
  }

  static func note(_ lesson: Progress.Lesson) -> String {
    switch lesson.status {
    case "passed"?: "passed"
    case "failed"?: "failed" + (lesson.mistakes.isEmpty ? "" : " (\(lesson.mistakes.joined(separator: ", ")))")
    default: "not started"
    }
  }

  /// Where the learner goes on: the first lesson not passed yet, or the course's last words.
  static func whereToContinue(_ course: Course, _ progress: Progress) -> String {
    guard let next = course.entries.first(where: { progress[$0.id].status != "passed" }) else {
      return "Every lesson passed. " + course.farewell
    }
    if progress[next.id].status == nil {
      return "Continue with lesson \(next.id): 'lesson show \(next.id)', then 'lesson check \(next.id)'."
    }
    return "Continue with lesson \(next.id): 'lesson check \(next.id)' (stuck? 'lesson hint \(next.id)')."
  }
}
