import LessonKit

/// `lesson hint N [--file F]`: one more hint each time, in the learner's language.
struct HintCommand: LessonCommand {
  static let name = "hint"
  static let abstract = "Show the next hint for a lesson (one more each time)."
  static let usage = "lesson hint N [--file F]"
  static let discussion = """
    The hints speak the language of the file you work on: Python for a .py program, JSON for a
    configuration. Without --file, the file you checked last for this lesson.

    Options: --file F, --course DIR, --workspace DIR (see 'lesson help check').
    """

  var input: LessonArguments

  init(arguments words: [String]) throws(UsageError) {
    input = try LessonArguments(words, options: ["--file"])
    if let file = input.arguments.options["--file"], file.trimmingCharacters(in: .whitespaces).isEmpty {
      throw UsageError("--file needs a file name, such as --file async_batch.py")
    }
  }

  func run(_ context: CommandContext) throws(CommandFailure) -> ExitCode {
    let (course, entry, spec) = try input.load(context)
    var (progress, warning) = course.workspace.loadProgress()
    if let warning { context.console.error("lesson: warning: \(warning)") }
    let file = input.arguments.options["--file"] ?? course.workspace.routePath(entry, spec, progress: progress)
    let hints = spec.hints(python: file.hasSuffix(".py"))
    let shown = min(progress[entry.id].hintsShown + 1, hints.count)
    let width = context.console.width
    for index in 0..<shown {
      let label = "Hint \(index + 1) of \(hints.count): "
      context.console.print(
        TextLayout.wrap(label + hints[index], width: width, hanging: "  ").joined(separator: "\n"))
    }
    if shown == hints.count {
      context.console.print(context.style.dim("That is every hint. The solution is in solutions/\(entry.folder)/."))
    }
    progress[entry.id].hintsShown = shown
    do { try course.workspace.save(progress) } catch { throw .input(error) }
    return .success
  }
}
