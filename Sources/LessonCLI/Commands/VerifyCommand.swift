import Foundation
import LessonKit

/// `lesson verify`: for instructors and CI: the course holds together.
struct VerifyCommand: LessonCommand {
  static let name = "verify"
  static let abstract = "Check the course: every spec loads, solutions pass, starters fail as intended."
  static let usage = "lesson verify [--course DIR]"
  static let discussion = """
    For each lesson in lessons/index.json: its evidence card loads and has hints; its starter loads
    and fails with the mistake the lesson is about; its solution in solutions/ passes, warnings
    included. Folders not in the index are reported too.
    """

  var arguments: Arguments

  init(arguments words: [String]) throws(UsageError) {
    arguments = try Arguments(words, flags: [], options: ["--course"])
    guard arguments.positionals.isEmpty else { throw UsageError("'verify' takes no arguments") }
  }

  func run(_ context: CommandContext) throws(CommandFailure) -> ExitCode {
    let course: CourseContext
    do { course = try CourseContext(arguments, context: context) } catch { throw .input(error) }
    let problems = CourseVerifier.verify(course.course)
    let style = context.style
    for entry in course.course.entries {
      let own = problems.filter { $0.lesson == entry.id }
      let mark = own.isEmpty ? style.green("✓") : style.red("✗")
      context.console.print(" \(mark) \(entry.id) \(entry.title)")
      for problem in own { context.console.print("     \(problem.message)") }
    }
    for problem in problems where problem.lesson == nil { context.console.print(" \(style.red("✗")) \(problem.message)") }
    context.console.print()
    if problems.isEmpty {
      context.console.print("The course holds: \(course.course.entries.count) lessons, every solution passes, every starter fails as intended.")
      return .success
    }
    context.console.print("\(problems.count) problem\(problems.count == 1 ? "" : "s") in the course.")
    return .failure
  }
}

/// The checks of `lesson verify`, usable from tests.
public enum CourseVerifier {
  public struct Problem: Sendable, Hashable {
    public var lesson: Int?
    public var message: String
  }

  public static func verify(_ course: Course) -> [Problem] {
    var problems: [Problem] = []
    var folders: Set<String> = []
    for entry in course.entries {
      folders.insert(entry.folder)
      let spec: LessonSpec
      do { spec = try course.spec(entry) } catch {
        problems.append(Problem(lesson: entry.id, message: error.description))
        continue
      }
      for (kind, path, mustPass) in [
        ("starter", course.starterPath(entry, spec), false), ("solution", course.solutionPath(entry, spec), true),
      ] {
        do {
          let configuration = try InputFile.configuration(at: path)
          let report = LessonChecker.check(configuration, against: spec, file: path)
          if mustPass, !report.passed(strict: true) {
            let ids = report.mistakes.map(\.id).joined(separator: ", ")
            problems.append(Problem(lesson: entry.id, message: "the \(kind) does not pass: \(ids)"))
          }
          if !mustPass {
            if report.passed() {
              problems.append(Problem(lesson: entry.id, message: "the \(kind) passes; it should show \(spec.starterMistake)"))
            } else if !report.mistakes.contains(where: { $0.id == spec.starterMistake }) {
              let ids = report.mistakes.map(\.id).joined(separator: ", ")
              problems.append(
                Problem(lesson: entry.id, message: "the \(kind) fails with \(ids), not with \(spec.starterMistake)"))
            }
          }
        } catch {
          problems.append(Problem(lesson: entry.id, message: error.description))
        }
      }
      if !FileManager.default.fileExists(atPath: course.readmePath(entry)) {
        problems.append(Problem(lesson: entry.id, message: "lessons/\(entry.folder)/README.md is missing"))
      }
    }
    for directory in [course.lessonsDirectory, course.solutionsDirectory] {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
      for name in names.sorted() where !name.hasPrefix(".") && name != "index.json" && !folders.contains(name) {
        problems.append(Problem(lesson: nil, message: "\(directory)/\(name) is not in lessons/index.json"))
      }
    }
    return problems
  }
}
