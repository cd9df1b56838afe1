import Foundation
import LessonKit

/// `lesson show N`: the lesson's text, the file to edit, and what will be checked.
struct ShowCommand: LessonCommand {
  static let name = "show"
  static let abstract = "Show a lesson: what to do, why it matters, and what is checked."
  static let usage = "lesson show N"
  static let discussion = "Options: --course DIR, --workspace DIR (see 'lesson help check')."

  var input: LessonArguments

  init(arguments words: [String]) throws(UsageError) {
    input = try LessonArguments(words)
  }

  func run(_ context: CommandContext) throws(CommandFailure) -> ExitCode {
    let (course, entry, spec) = try input.load(context)
    let readme: [UInt8]
    do { readme = try InputFile.read(course.course.readmePath(entry), limit: 256 * 1024) } catch { throw .input(error) }
    context.console.print(String(decoding: readme, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    context.console.print()
    let file = course.display(course.workspace.learnerPath(entry, spec), from: context.console.directory)
    context.console.print(
      context.style.bold("Your file: ") + file + " (made from the starter by 'lesson check \(entry.id)')")
    if let python = spec.pythonFile {
      context.console.print(
        context.style.bold("Or your program: ")
          + "lessons/\(entry.folder)/\(python) is the starter as asyncio code; both are accepted: "
          + "'lesson check \(entry.id) --file your_program.py' reads it without running it.")
    }
    context.console.print(context.style.bold("Goal: ") + spec.goal)
    context.console.print(context.style.bold("Checked:"))
    for line in spec.checkDescriptions { context.console.print("  - \(line)") }
    context.console.print("Hints: \(spec.hints.count) ('lesson hint \(entry.id)' shows one more each time).")
    return .success
  }
}
