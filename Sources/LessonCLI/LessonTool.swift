import Foundation
import PythonInterpreter
import LessonKit

/// What every command gets: the console and the paths it works against.
struct CommandContext {
  let console: Console
  var style: Style { Style(enabled: console.colors) }

  /// `path` against the console's current directory, unless it is absolute.
  func resolve(_ path: String) -> String {
    path.hasPrefix("/") || console.directory == "." ? path : console.directory + "/" + path
  }
}

/// A subcommand of `lesson`.
protocol LessonCommand {
  static var name: String { get }
  static var abstract: String { get }
  static var usage: String { get }
  static var discussion: String { get }
  init(arguments: [String]) throws(UsageError)
  func run(_ context: CommandContext) throws(CommandFailure) -> ExitCode
}

/// The `lesson` command line: dispatches to the subcommands, prints errors, returns exit codes.
public enum LessonTool {
  static var commands: [any LessonCommand.Type] {
    [
      ListCommand.self, ShowCommand.self, RunCommand.self, CheckCommand.self, HintCommand.self, WatchCommand.self,
      ResetCommand.self, ExplainCommand.self, VerifyCommand.self, GradeCommand.self, AutograderCommand.self,
      NewCommand.self,
    ]
  }

  /// Commands that run but are not listed: the grading worker.
  static var hiddenCommands: [any LessonCommand.Type] { [GradeWorkerCommand.self] }

  /// Runs `lesson` with `arguments` (without the program name).
  ///
  /// - Returns: The exit code: 0 success, 1 mistakes found, 64 usage, 65 invalid input, 66 missing
  ///   input.
  /// Runs `body` (the tool's main work) on a thread with the stack Python programs run on.
  public static func onLargeStack<T>(_ body: @escaping () -> T) -> T { Interpreter.onLargeStack(body) }

  /// Lets the interpreter measure a program's memory by this process's (``Budgets/memory``): for
  /// the `lesson` executable, where one program at a time runs (the grading parent hands its
  /// programs to workers, each a process of its own, so it does not call this).
  public static func measureProgramsByThisProcess() {
    Budgets.processMemoryMeter = ProcessMemory.resident
  }

  public static func main(_ arguments: [String], console: Console) -> ExitCode {
    guard let name = arguments.first else {
      console.print(overview)
      // Inside a course, say where the learner is and where to go on.
      if let arguments = try? Arguments([], flags: [], options: []),
        let course = try? CourseContext(arguments, context: CommandContext(console: console))
      {
        let (progress, _) = course.workspace.loadProgress()
        let done = course.course.entries.count(where: { progress[$0.id].status == "passed" })
        console.print()
        let style = Style(enabled: console.colors)
        for line in ProgressBar.lines(
          done: done, total: course.course.entries.count, width: console.width, style: style)
        {
          console.print(line)
        }
        for line in TextLayout.wrap(ListCommand.whereToContinue(course.course, progress), width: console.width) {
          console.print(line)
        }
      }
      return .success
    }
    if ["help", "--help", "-h"].contains(name) {
      guard arguments.count > 1 else {
        console.print(overview)
        return .success
      }
      guard let command = commands.first(where: { $0.name == arguments[1] }) else {
        let hint = Arguments.nearest(arguments[1], in: commands.map { $0.name }).map { "; did you mean '\($0)'?" } ?? ""
        return usageError(UsageError("unknown command '\(arguments[1])'\(hint)"), command: nil, console: console)
      }
      console.print(help(for: command))
      return .success
    }
    guard let command = (commands + hiddenCommands).first(where: { $0.name == name }) else {
      let hint = Arguments.nearest(name, in: commands.map { $0.name }).map { "; did you mean '\($0)'?" } ?? ""
      return usageError(UsageError("unknown command '\(name)'\(hint)"), command: nil, console: console)
    }
    let rest = Array(arguments.dropFirst())
    if rest.contains("--help") || rest.contains("-h") {
      console.print(help(for: command))
      return .success
    }
    let instance: any LessonCommand
    do {
      instance = try command.init(arguments: rest)
    } catch {
      return usageError(error, command: command, console: console)
    }
    do {
      return try instance.run(CommandContext(console: console))
    } catch {
      switch error {
      case .usage(let usage):
        return usageError(usage, command: command, console: console)
      case .input(let input):
        console.error("lesson: error: \(input.description)")
        return ExitCode(rawValue: input.exitCode)
      case .message(let message, let code):
        console.error("lesson: error: \(message)")
        return code
      }
    }
  }

  /// A usage error: one line, with what to read for the usage.
  static func usageError(_ error: UsageError, command: (any LessonCommand.Type)?, console: Console) -> ExitCode {
    let help = command.map { "'lesson help \($0.name)'" } ?? "'lesson help'"
    let suggests = error.message.hasSuffix("?") || error.message.contains("(see ")
    console.error("lesson: error: \(error.message)" + (suggests ? "" : " (see \(help))"))
    return .usage
  }

  static func help(for command: any LessonCommand.Type) -> String {
    "\(command.abstract)\n\nUsage: \(command.usage)\n\n\(command.discussion)"
  }

  static var overview: String {
    let width = commands.map { $0.name.count }.max() ?? 0
    let list = commands.map { "  \($0.name.padding(toLength: width, withPad: " ", startingAt: 0))  \($0.abstract)" }
    return """
      lesson: learn and check gather + a concurrency limit + per-call timeouts.

      Usage: lesson <command> [options]

      Commands:
      \(list.joined(separator: "\n"))

      See 'lesson help <command>' for a command's options.
      Exit codes: 0 ok, 1 mistakes found, 64 bad usage, 65 invalid input file, 66 missing file,
      73 an output cannot be written.
      """
  }
}
