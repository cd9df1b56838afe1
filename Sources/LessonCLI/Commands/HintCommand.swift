import LessonKit

/// `lesson hint N`: one more hint each time.
struct HintCommand: LessonCommand {
  static let name = "hint"
  static let abstract = "Show the next hint for a lesson (one more each time)."
  static let usage = "lesson hint N"
  static let discussion = "Options: --course DIR, --workspace DIR (see 'lesson help check')."

  var input: LessonArguments

  init(arguments words: [String]) throws(UsageError) {
    input = try LessonArguments(words)
  }

  func run(_ context: CommandContext) throws(CommandFailure) -> ExitCode {
    let (course, entry, spec) = try input.load(context)
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
