import Foundation
import GuardedGather
import LessonKit

/// `lesson verify`: for instructors and CI: the course holds together.
struct VerifyCommand: LessonCommand {
  static let name = "verify"
  static let abstract = "Check the course: every spec loads, solutions pass, starters fail as intended."
  static let usage = "lesson verify [--course DIR] [--python X.Y]"
  static let discussion = """
    For each lesson in lessons/index.json: its spec.json loads and has hints; its starter loads
    and fails with the mistake the lesson is about; its solution in solutions/ passes, warnings
    included. Folders not in the index are reported too. Every check runs under each supported
    Python (\(PythonVersion.supportedList)), or only under the one given with --python, LESSON_PYTHON
    or the course's pin.

    Options:
      --course DIR      The course folder.
    \(PythonChoice.help(column: 20))
    """

  var arguments: Arguments

  init(arguments words: [String]) throws(UsageError) {
    arguments = try Arguments(words, flags: [], options: ["--course", PythonChoice.option])
    _ = try PythonChoice.given(arguments)
    guard arguments.positionals.isEmpty else { throw UsageError("'verify' takes no arguments") }
  }

  func run(_ context: CommandContext) throws(CommandFailure) -> ExitCode {
    let course: CourseContext
    course = try CourseContext(arguments, context: context)
    let chosen: PythonVersion?
    do { chosen = try PythonChoice.given(arguments) } catch { throw .usage(error) }
    let problems = CourseVerifier.verify(course.course, versions: chosen.map { [$0] })
    let style = context.style
    for entry in course.course.entries {
      let own = problems.filter { $0.lesson == entry.id }
      let mark = own.isEmpty ? style.green("✓") : style.red("✗")
      context.console.print(" \(mark) \(entry.id) \(entry.title)")
      for problem in own { context.console.print("     \(problem.message)") }
    }
    for problem in problems where problem.lesson == nil {
      context.console.print(" \(style.red("✗")) \(problem.message)")
    }
    context.console.print()
    if problems.isEmpty {
      context.console.print(
        "The course holds: \(course.course.entries.count) lessons, every solution passes, every starter fails as intended."
      )
      return .success
    }
    context.console.print("\(problems.count) problem\(problems.count == 1 ? "" : "s") in the course.")
    return .failure
  }
}
