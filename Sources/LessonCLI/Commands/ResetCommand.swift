import LessonKit

/// `lesson reset N`: back to the starter, keeping a backup of the learner's file.
struct ResetCommand: LessonCommand {
  static let name = "reset"
  static let abstract = "Put a lesson's starter back, keeping your file as a backup."
  static let usage = "lesson reset N"
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
    let backup: String?
    do { backup = try course.workspace.reset(entry, spec) } catch { throw .input(error) }
    let file = course.display(course.workspace.learnerPath(entry, spec), from: context.console.directory)
    context.console.print("\(file) is the starter again.")
    if let backup {
      context.console.print("Your previous file is kept as \(course.display(backup, from: context.console.directory)).")
    }
    return .success
  }
}
