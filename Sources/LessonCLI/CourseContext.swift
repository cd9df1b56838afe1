import Foundation
import LessonKit

/// The course and workspace a lesson command works on, from `--course`/`--workspace`, the
/// `LESSON_COURSE`/`LESSON_WORKSPACE` environment, or the nearest `lessons/index.json` upwards.
struct CourseContext {
  let course: Course
  let workspace: Workspace

  static let options: Set<String> = ["--course", "--workspace"]

  init(_ arguments: Arguments, context: CommandContext) throws(CommandFailure) {
    let environment = ProcessInfo.processInfo.environment
    let given = arguments.options["--course"] ?? environment["LESSON_COURSE"]
    let root: String
    if let given {
      root = context.resolve(given)
    } else if let found = Course.find(from: context.console.directory) {
      root = found
    } else {
      throw .message(
        "no course here: no lessons/index.json in \(context.console.directory) or a folder above it; "
          + "run lesson inside the course folder, or name it with --course DIR", .missingInput)
    }
    do { course = try Course.load(root: root) } catch { throw .input(error) }
    let workspaceRoot = (arguments.options["--workspace"] ?? environment["LESSON_WORKSPACE"]).map(context.resolve)
    workspace = Workspace(course: course, root: workspaceRoot)
  }

  /// The entry and spec of lesson `text`.
  func lesson(_ text: String) throws(CommandFailure) -> (Course.Entry, LessonSpec) {
    let ids = course.entries.map(\.id)
    guard let id = Int(text), let entry = course.entry(id) else {
      throw .usage(
        UsageError(
          "no lesson '\(text)'; the lessons are \(ids.map(String.init).joined(separator: ", ")) (see 'lesson list')"))
    }
    do { return (entry, try course.spec(entry)) } catch { throw .input(error) }
  }

  /// Makes the learner's workspace copies of a lesson when `path` names one of them and it does
  /// not exist yet, as the first `show` or `check` would: a lesson's instructions then work in a
  /// fresh clone in any order. Says what it made on standard error.
  func prepareCopy(at path: String, context: CommandContext) throws(CommandFailure) {
    guard !FileManager.default.fileExists(atPath: path) else { return }
    let wanted = URL(fileURLWithPath: path).standardizedFileURL.path
    for entry in course.entries {
      guard let spec = try? course.spec(entry) else { continue }
      let copies = [false, true].map { workspace.learnerPath(entry, spec, python: $0) }
      guard copies.contains(where: { URL(fileURLWithPath: $0).standardizedFileURL.path == wanted }) else { continue }
      let made: [String]
      do { made = try workspace.prepareAll(entry, spec) } catch { throw .input(error) }
      guard !made.isEmpty else { return }
      let names = made.map { display($0, from: context.console.directory) }
      let message =
        "lesson: made \(names.joined(separator: " and ")) from the lesson's starter\(made.count == 1 ? "" : "s")."
      for line in TextLayout.wrap(message, width: context.console.width, hanging: "  ") { context.console.error(line) }
      return
    }
  }

  /// `path` relative to the current directory when it is inside it, for friendlier messages.
  func display(_ path: String, from directory: String) -> String { Self.relative(path, to: directory) }

  /// `path` relative to `directory` when it is inside it, else as it is (standardized).
  static func relative(_ path: String, to directory: String) -> String {
    let base = URL(fileURLWithPath: directory).standardizedFileURL.path + "/"
    let full = URL(fileURLWithPath: path).standardizedFileURL.path
    return full.hasPrefix(base) ? String(full.dropFirst(base.count)) : full
  }
}

/// Why a command stopped: bad usage (64) or a bad input file (65, 66, 73).
enum CommandFailure: Error {
  case usage(UsageError)
  case input(LessonKitError)
  /// Any other reason, said in one line, with its exit code.
  case message(String, ExitCode)
}

/// The words of a command about one lesson: the lesson number `N` and the course options.
struct LessonArguments {
  var lesson: String
  var arguments: Arguments

  init(_ words: [String], flags: Set<String> = [], options: Set<String> = []) throws(UsageError) {
    arguments = try Arguments(words, flags: flags, options: CourseContext.options.union(options))
    guard arguments.positionals.count == 1 else {
      throw UsageError(
        arguments.positionals.isEmpty
          ? "missing N, the lesson number"
          : "expected one lesson number, found \(arguments.positionals.count) arguments")
    }
    lesson = arguments.positionals[0]
  }

  /// The course, and the lesson's entry and evidence card.
  func load(_ context: CommandContext) throws(CommandFailure) -> (CourseContext, Course.Entry, LessonSpec) {
    let course: CourseContext
    course = try CourseContext(arguments, context: context)
    let (entry, spec) = try course.lesson(lesson)
    return (course, entry, spec)
  }
}
