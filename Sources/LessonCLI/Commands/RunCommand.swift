import Dispatch
import Foundation
import GuardedGather
import LessonKit

/// `lesson run CONFIG [--json] [--real]`: runs a configuration and shows what happened.
/// `text` broken into lines of at most 96 columns.
func wrapped(_ text: String) -> String {
  CheckReportView.wrap(text, width: 96, indent: "", hanging: "").joined(separator: "\n")
}

struct RunCommand: LessonCommand {
  static let name = "run"
  static let abstract = "Run a configuration and show its results, timeouts and timeline."
  static let usage = "lesson run CONFIG [--json] [--real] [--python X.Y] [--course DIR] [--workspace DIR]"
  static let discussion: String = """
    CONFIG is a JSON configuration (see lessons/) or your asyncio program (.py). A program runs on
    lesson's own Python interpreter, as the chosen Python version would run it: its output first,
    exactly, then what it gathered. Nothing it does reaches your machine: no files, network or
    processes; a program that needs them is refused with the line that does (exit 65). The run uses
    a virtual clock: it is instant and gives the same answer on every machine.
    """ + """


      Options:
        --json          Print one JSON object: results, error, timeouts, calls, peakConcurrency, elapsed
                        (for a program: python, stdout, stderr, exitCode, deadlock, elapsed, and results,
                        timeouts, calls, peakConcurrency when it gathers).
        --real          Run on the real clock instead, taking as long as the calls say (a live demo).
      """ + "\n" + PythonChoice.help(column: 18)

  var path: String
  var json: Bool
  var real: Bool
  var arguments: Arguments

  init(arguments: [String]) throws(UsageError) {
    let parsed = try Arguments(
      arguments, flags: ["--json", "--real"], options: CourseContext.options.union([PythonChoice.option]))
    self.arguments = parsed
    _ = try PythonChoice.given(parsed)
    guard parsed.positionals.count == 1 else {
      throw UsageError(
        parsed.positionals.isEmpty
          ? "missing CONFIG, the configuration file to run" : "expected one CONFIG, found \(parsed.positionals.count)")
    }
    path = parsed.positionals[0]
    json = parsed.flags.contains("--json")
    real = parsed.flags.contains("--real")
  }

  func run(_ context: CommandContext) throws(CommandFailure) -> ExitCode {
    // A lesson's file in a fresh workspace: made from the starter first, as 'lesson show' does.
    if let course = try? CourseContext(arguments, context: context) {
      try course.prepareCopy(at: context.resolve(path), context: context)
    }
    if path.hasSuffix(".py") { return try runProgram(context) }
    let configuration: LearnerConfiguration
    do {
      configuration = try InputFile.configuration(at: context.resolve(path), display: path, limits: .ownFile)
    } catch {
      throw .input(error)
    }
    let batch = configuration.batch
    let course = (try? CourseContext(arguments, context: context))?.course
    let python = try PythonChoice.resolve(arguments, course: course)
    let trace =
      real ? runInRealTime(batch, python: python, context: context) : GatherEngine.runVirtual(batch, python: python)
    let report = TraceReport(batch: batch, trace: trace, realTime: real)
    if json {
      context.console.out(report.json.prettyLine)
    } else {
      for line in report.text(width: context.console.width, style: context.style) { context.console.print(line) }
    }
    return trace.failure == .interrupted ? .interrupted : .success
  }

  /// Runs on the real clock; Ctrl-C stops the run, which then reports what it had.
  func runInRealTime(_ batch: GatherBatch, python: PythonVersion, context: CommandContext) -> GatherTrace {
    let interruption = GatherInterruption()
    signal(SIGINT, SIG_IGN)
    let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
    source.setEventHandler { interruption.interrupt() }
    source.resume()
    defer {
      source.cancel()
      signal(SIGINT, SIG_DFL)
    }
    let longest = GatherEngine.runVirtual(batch, python: python).elapsed
    context.console.error("lesson: running in real time (about \(Seconds.fixed(longest)) s); Ctrl-C stops it")
    return GatherEngine.runReal(batch, python: python, interruption: interruption)
  }
}
