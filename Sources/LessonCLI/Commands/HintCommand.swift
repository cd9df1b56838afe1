import LessonKit

/// `lesson hint N`: one more hint each time.
struct HintCommand: LessonCommand {
  static let name = "hint"
  static let abstract = "Show the next hint for a lesson (one more each time)."
  static let usage = "lesson hint N"
  static let discussion = "Options: --course DIR, --workspace DIR (see 'lesson help check')."

  var lesson: String
  var arguments: Arguments

  init(arguments words: [String]) throws(UsageError) {
    arguments = try Arguments(words, flags: [], options: CourseContext.options)
    guard arguments.positionals.count == 1 else { throw UsageError("missing N, the lesson number") }
    lesson = arguments.positionals[0]
  }

  func run(_ context: CommandContext) throws(CommandFailure) -> ExitCode {
    let course: CourseContext
    do { course = try CourseContext(arguments, context: context) } catch { throw .input(error) }
    let (entry, spec) = try course.lesson(lesson)
    var (progress, warning) = course.workspace.loadProgress()
    if let warning { context.console.error("lesson: warning: \(warning)") }
    let shown = min(progress[entry.id].hintsShown + 1, spec.hints.count)
    for index in 0..<shown {
      context.console.print("Hint \(index + 1) of \(spec.hints.count): \(spec.hints[index])")
    }
    if shown == spec.hints.count {
      context.console.print(context.style.dim("That is every hint. The solution is in solutions/\(entry.folder)/."))
    }
    progress[entry.id].hintsShown = shown
    do { try course.workspace.save(progress) } catch { throw .input(error) }
    return .success
  }
}
