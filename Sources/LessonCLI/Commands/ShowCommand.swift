import Foundation
import LessonKit

/// `lesson show N`: the lesson's text, the file to edit, and what will be checked.
struct ShowCommand: LessonCommand {
  static let name = "show"
  static let abstract = "Show a lesson: what to do, why it matters, and what is checked."
  static let usage = "lesson show N"
  static let discussion = """
    Prints the lesson and makes your copy of its files in workspace/ (the configuration, and the
    Python program where the lesson has one), so that you can run and edit them straight away.

    Options: --course DIR, --workspace DIR (see 'lesson help check').
    """

  var input: LessonArguments

  init(arguments words: [String]) throws(UsageError) {
    input = try LessonArguments(words)
  }

  func run(_ context: CommandContext) throws(CommandFailure) -> ExitCode {
    let (course, entry, spec) = try input.load(context)
    let readme: [UInt8]
    do { readme = try InputFile.read(course.course.readmePath(entry), limit: 256 * 1024) } catch { throw .input(error) }
    do { try course.workspace.prepareAll(entry, spec) } catch { throw .input(error) }
    let width = context.console.width
    let style = context.style
    let text = String(decoding: readme, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    for line in MarkdownText(source: text).lines(width: width, style: style) { context.console.print(line) }
    context.console.print()
    func say(_ label: String, _ text: String) {
      let lines = TextLayout.wrap(label + text, width: width, hanging: "  ")
      context.console.print(
        style.bold(label.trimmingCharacters(in: .whitespaces)) + lines[0].dropFirst(label.count - 1))
      for line in lines.dropFirst() { context.console.print(line) }
    }
    let json = course.display(course.workspace.learnerPath(entry, spec), from: context.console.directory)
    say("Your file: ", "\(json) (a copy of the starter; edit it, run it with 'lesson run \(json)').")
    if spec.pythonFile != nil {
      let python = course.display(
        course.workspace.learnerPath(entry, spec, python: true), from: context.console.directory)
      say(
        "Or in Python: ",
        "\(python), the same starter as an asyncio program. Check it once with "
          + "'lesson check \(entry.id) --file \(python)'; after that 'lesson check \(entry.id)' remembers it.")
    }
    say("Goal: ", spec.goal)
    context.console.print(style.bold("Checked:"))
    for line in spec.checkDescriptions {
      for wrapped in TextLayout.wrap("- " + line, width: width, indent: "  ", hanging: "    ") {
        context.console.print(wrapped)
      }
    }
    say("Next: ", "'lesson check \(entry.id)'. Stuck? 'lesson hint \(entry.id)' shows one more hint each time.")
    return .success
  }
}
