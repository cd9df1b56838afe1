import Foundation
import GuardedGather
import LessonKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `lesson _grade-worker --course DIR [--strict]`: grades the submissions `lesson grade` sends it,
/// one line of JSON in, one grade out (see ``GradeWorkers``). Not for people, and not listed.
struct GradeWorkerCommand: LessonCommand {
  static let name = "_grade-worker"
  static let abstract = "Grade submissions sent on standard input, for 'lesson grade' (not for people)."
  static let usage = "lesson _grade-worker --course DIR --python X.Y [--strict] [--brief] [--timelines]"
  static let discussion = """
    Writes "ready" once the course is loaded, then reads one job per line on standard input ({"lesson", "path", "display", "learner"}) and writes
    one grade per line on standard output, until its input ends. With --brief a grade leaves out its
    checks, and its timeline too unless --timelines is given (the gradebook does not show them). 'lesson grade' starts, supervises
    and replaces these workers; nothing else should.

    For tests only: LESSON_TEST_WORKER_DIE_ON=NAME makes the worker die on the file displayed as
    NAME, and LESSON_TEST_WORKER_HANG_ON=NAME makes it stop answering there.
    """

  /// The first line a worker writes, once the course is loaded.
  static let ready = "ready"

  var arguments: Arguments

  init(arguments words: [String]) throws(UsageError) {
    arguments = try Arguments(words, flags: ["--strict", "--brief", "--timelines"], options: ["--course", PythonChoice.option])
    guard arguments.options["--course"] != nil, arguments.positionals.isEmpty else {
      throw UsageError("give --course DIR and nothing else")
    }
  }

  func run(_ context: CommandContext) throws(CommandFailure) -> ExitCode {
    let course: Course
    do { course = try Course.load(root: context.resolve(arguments.options["--course"]!)) } catch {
      throw .input(error)
    }
    let strict = arguments.flags.contains("--strict")
    var detail = GradeRecord.Detail.all
    if arguments.flags.contains("--brief") { detail = arguments.flags.contains("--timelines") ? .timeline : [] }
    let python: PythonVersion
    do { python = try PythonChoice.given(arguments) ?? .default } catch { throw .usage(error) }
    context.console.out(Self.ready + "\n")
    let environment = ProcessInfo.processInfo.environment
    var specs: [Int: LessonSpec] = [:]
    while let line = readLine(strippingNewline: true) {
      guard let job = try? JSONReader().parse(Array(line.utf8)), case .number(let number, _)? = job["lesson"],
        let lesson = Int(exactly: number), case .string(let path)? = job["path"],
        case .string(let display)? = job["display"], case .string(let learner)? = job["learner"]
      else { return .usage }
      if environment["LESSON_TEST_WORKER_DIE_ON"] == display { abort() }
      if environment["LESSON_TEST_WORKER_HANG_ON"] == display { while true { pause() } }
      if specs[lesson] == nil, let entry = course.entry(lesson) { specs[lesson] = try? course.spec(entry) }
      let submission = Submission(learner: learner, lesson: lesson, path: path, display: display)
      context.console.out(
        Grader.grade(submission, spec: specs[lesson], strict: strict, python: python).keeping(detail)
          .wire(topicsKnown: true) + "\n")
    }
    return .success
  }
}
