import Foundation
import GuardedGather
import LessonKit

/// `lesson grade N DIR` / `lesson grade --all DIR`: grades a class's submissions.
struct GradeCommand: LessonCommand {
  static let name = "grade"
  static let abstract = "Grade a class's submissions into a gradebook."
  static let usage =
    "lesson grade (N | --all) DIR [--format table|csv|json|junit|gradescope] [--output FILE] [--learner NAME] [--python X.Y]"
  static let discussion = """
    DIR holds one file per learner (DIR/<learner>.json, for one lesson) or one folder per learner
    (a copy of the learner's workspace or a cloned repository; each lesson's file is found inside).
    Every submission is graded in isolation; a missing, broken or hostile one is reported as an
    error and never stops the others. Links that leave DIR are not followed.

    Options:
      --all               Grade every lesson (needs a folder per learner).
      --format F          table (default), csv, json, junit or gradescope.
      --output FILE       Write there (atomically) instead of standard output.
      --learner NAME      DIR is one learner's folder (as in a Gradescope autograder).
      --course DIR        The course folder.
    \(PythonChoice.help(column: 22))

    Exit codes: 0 every submission passed, 1 some failed or could not be graded, 64 bad usage,
    66 DIR missing, 73 the output cannot be written.
    """

  var arguments: Arguments
  var lesson: String?
  var directory: String
  var format: GradebookFormat

  init(arguments words: [String]) throws(UsageError) {
    arguments = try Arguments(words, flags: ["--all"], options: ["--format", "--output", "--learner", "--course", PythonChoice.option])
    _ = try PythonChoice.given(arguments)
    let all = arguments.flags.contains("--all")
    let expected = all ? 1 : 2
    guard arguments.positionals.count == expected else {
      throw UsageError(
        all ? "with --all, give only DIR" : "give the lesson number N and the class folder DIR (or --all DIR)")
    }
    lesson = all ? nil : arguments.positionals[0]
    directory = arguments.positionals[expected - 1]
    let name = arguments.options["--format"] ?? "table"
    guard let format = GradebookFormat(rawValue: name) else {
      let hint =
        Arguments.nearest(name, in: GradebookFormat.allCases.map(\.rawValue)).map { "; did you mean '\($0)'?" } ?? ""
      throw UsageError("unknown format '\(name)'\(hint); the formats are table, csv, json, junit, gradescope")
    }
    self.format = format
  }

  func run(_ context: CommandContext) throws(CommandFailure) -> ExitCode {
    let course: CourseContext
    course = try CourseContext(arguments, context: context)
    var specs: [Int: LessonSpec] = [:]
    var entries = course.course.entries
    if let lesson {
      let (entry, _) = try course.lesson(lesson)
      entries = [entry]
    }
    for entry in entries {
      do { specs[entry.id] = try course.course.spec(entry) } catch { throw .input(error) }
    }
    let submissions: [Submission]
    do {
      submissions = try SubmissionFinder.find(
        in: context.resolve(directory), lessons: entries.map { ($0.id, course.course.learnerFiles(specs[$0.id]!)) },
        singleLearner: arguments.options["--learner"])
    } catch {
      throw .input(error.renamed(from: context.resolve(directory), to: directory))
    }
    if format == .gradescope, Set(submissions.map(\.learner)).count > 1 {
      throw .usage(
        UsageError(
          "gradescope results describe one submission; DIR holds \(Set(submissions.map(\.learner)).count) learners (use --learner NAME with one learner's folder)"
        ))
    }
    let console = context.console
    let showProgress = console.errorIsTerminal
    let python = try PythonChoice.resolve(arguments, course: course.course)
    let book = Grader.grade(submissions, specs: specs, python: python) { done in
      if showProgress { console.err("\rgrading \(done)/\(submissions.count)…") }
    }
    if showProgress { console.err("\r\u{1B}[K") }
    let text = GradebookView(book: book, course: course.course).render(
      format, style: format == .table && arguments.options["--output"] == nil ? context.style : Style(enabled: false))
    if let output = arguments.options["--output"] {
      do { try AtomicFile.write(Data(text.utf8), to: context.resolve(output)) } catch {
        throw .input(error.renamed(from: context.resolve(output), to: output))
      }
      let failing = book.records.count(where: { $0.status != .pass })
      console.error(
        "lesson: graded \(book.records.count) submissions of \(book.learners.count) learners into \(output) (\(failing) not passing)"
      )
    } else {
      console.out(text)
    }
    if submissions.isEmpty { console.error("lesson: warning: no submissions found in \(directory)") }
    return book.records.allSatisfy { $0.status == .pass } && !book.records.isEmpty ? .success : .failure
  }
}
