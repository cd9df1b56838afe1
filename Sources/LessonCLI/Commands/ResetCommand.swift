import LessonKit

/// `lesson reset N`: back to the starter, keeping a backup of the learner's file.
struct ResetCommand: LessonCommand {
  static let name = "reset"
  static let abstract = "Put a lesson's starter back, keeping your file as a backup."
  static let usage = "lesson reset N"
  static let discussion = "Options: --course DIR, --workspace DIR (see 'lesson help check')."

  var input: LessonArguments

  init(arguments words: [String]) throws(UsageError) {
    input = try LessonArguments(words)
  }

  func run(_ context: CommandContext) throws(CommandFailure) -> ExitCode {
    let (course, entry, spec) = try input.load(context)
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
