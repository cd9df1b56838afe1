import Foundation
import GuardedGather
import PythonInterpreter

/// Runs a learner's program on the interpreter and holds the reader to it: lesson checks and
/// grades a program only when what it read from the text (the configuration it checks) is what
/// the program really does when run as CPython would run it. A program the interpreter refuses,
/// or one the reader followed wrongly, is a clear error, never a verdict.
public enum ProgramCrossCheck {
  /// The configuration with what the program printed, when the run agrees with what was read.
  ///
  /// - Throws: The error to report when it does not, or when the interpreter will not run it.
  public static func verified(
    _ bytes: [UInt8], configuration: LearnerConfiguration, file: String, python: PythonVersion
  ) throws(LessonKitError) -> LearnerConfiguration {
    var output: [String] = []
    var observation = Observation()
    var trace: GatherTrace?
    if let error = verify(
      bytes, configuration: configuration, file: file, python: python, output: &output, observation: &observation,
      trace: &trace)
    {
      throw error
    }
    var checked = configuration
    checked.modelRun = trace.map { (configuration.batch, python, $0) }
    checked.observedOutput = output
    // The count a program prints is the one it reports, whatever the reader made of the code
    // that computes it: `print("timeouts:", len(results))` prints the number of calls.
    if var evidence = checked.evidence, !observation.callRecords.isEmpty, evidence.timeouts == nil,
      let printed = RunReading.printedCount(
        in: output.joined(separator: "\n"), names: configuration.batch.calls.map(\.name),
        observed: observation.callRecords.count(where: { $0.outcome == "timeout" }))
    {
      if printed.computed {
        evidence.timeoutsComputed = true
      } else {
        evidence.timeoutsMiscounted = evidence.timeoutsComputed
        evidence.timeoutsComputed = false
        evidence.timeouts = printed.count
      }
      checked.evidence = evidence
    }
    if let results = observation.results {
      checked.returnedResults = results.map { $0 == "None" ? nil : $0 }
      checked.returnedResultsText = observation.resultsRepr
    }
    return checked
  }

  /// Nil when the run agrees with the configuration read; else the error to report.
  public static func verify(
    _ bytes: [UInt8], configuration: LearnerConfiguration, file: String, python: PythonVersion
  ) -> LessonKitError? {
    var output: [String] = []
    var observation = Observation()
    var trace: GatherTrace?
    return verify(
      bytes, configuration: configuration, file: file, python: python, output: &output, observation: &observation,
      trace: &trace)
  }

  /// How many programs a cache keeps before it starts again: enough for the files a class shares
  /// (the starter, a solution passed around), few enough that a class of different files does not
  /// fill memory with readings never used again.
  static let cacheSize = 256
  /// Runs already made, by program text, file name and Python: a class hands in the same program
  /// many times (the unchanged starter, a shared solution), and a run is the same every time.
  static let runs = Locked<[RunKey: (name: String, run: ProgramRun)]>([:])
  struct RunKey: Hashable {
    let bytes: SourceBytes
    let python: PythonVersion
  }

  /// A run of the program; one made under another file name serves when its output does not
  /// name the file (a traceback or `__file__` would).
  static func run(_ bytes: [UInt8], name: String, python: PythonVersion) -> ProgramRun {
    let key = RunKey(bytes: SourceBytes(bytes), python: python)
    if let done = runs.withLock({ $0[key] }),
      done.name == name || !(done.run.stdout.containsText(done.name) || done.run.stderr.containsText(done.name))
    {
      return done.run
    }
    let run = Interpreter.run(utf8: bytes, filename: name, version: python)
    runs.withLock { cache in
      if cache.count >= Self.cacheSize { cache.removeAll() }
      cache[key] = (name, run)
    }
    return run
  }

  static func verify(
    _ bytes: [UInt8], configuration: LearnerConfiguration, file: String, python: PythonVersion, output: inout [String],
    observation: inout Observation, trace kept: inout GatherTrace?
  ) -> LessonKitError? {
    let name = (file as NSString).lastPathComponent
    let run = run(bytes, name: name, python: python)
    observation = run.observation
    if let stopped = stopped(run, file: file) { return stopped }
    let trace = GatherEngine.runVirtual(configuration.batch, python: python)
    kept = trace
    var differences: [String] = []
    let engineDeadlock: Bool
    if case .deadlock? = trace.failure { engineDeadlock = true } else { engineDeadlock = false }
    if run.deadlock != engineDeadlock {
      differences.append(run.deadlock ? "it waits forever" : "it does not wait forever")
    }
    let engineSeconds = Double(trace.elapsed.components.seconds) + Double(trace.elapsed.components.attoseconds) / 1e18
    // The batch is the gather: what the program does before and after it (another batch, a
    // pause, a report) is its own business.
    let runSeconds = run.observation.gatherSeconds ?? run.elapsed
    if !run.deadlock, abs(runSeconds - engineSeconds) > 1e-6 {
      differences.append("its gather takes \(format(runSeconds)) s of virtual time, not \(format(engineSeconds)) s")
    }
    if let code = run.exitCode, code != 0, trace.failure == nil {
      let last = run.stderr.split(separator: "\n").last.map(String.init) ?? "an error"
      differences.append("it stops with \(last)")
    }
    let observed = run.observation.callRecords.map(\.outcome)
    let expected = trace.calls.map { $0.outcome.rawValue }
    if !observed.isEmpty, trace.failure == nil, observed != expected {
      differences.append("its calls end [\(observed.joined(separator: ", "))], not [\(expected.joined(separator: ", "))]")
    }
    guard !differences.isEmpty else {
      output = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      if output.last == "" { output.removeLast() }
      if let code = run.exitCode, code != 0, let last = run.stderr.split(separator: "\n").last {
        output.append(String(last))
      }
      return nil
    }
    // An exception that escapes explains the difference by itself: say it where Python does.
    if let escaped = escaped(run, file: file) { return escaped }
    return .pythonProgram(
      path: file, line: 1, column: 1,
      message: "lesson read this program as the lesson's pattern, but running it under Python \(python.rawValue) shows "
        + differences.joined(separator: "; ")
        + "; lesson checks only what it follows exactly: see 'lesson run \(file)' for what it does")
  }

  static func format(_ x: Double) -> String { String(format: "%.3f", x) }

  /// The learner's error for a run whose exception escaped, at the line of the traceback's
  /// innermost frame; nil when the run ended without one.
  static func escaped(_ run: ProgramRun, file: String) -> LessonKitError? {
    // A traceback, or the one frame of a SyntaxError (which has no "Traceback" line).
    guard let code = run.exitCode, code != 0, run.stderr.contains("Traceback") || run.stderr.hasPrefix("  File \""),
      let last = exceptionLine(run.stderr)
    else { return nil }
    var message = "the program stops with \(last)"
    if last.contains("'coroutine' object"), let never = run.stderr.range(of: "RuntimeWarning: coroutine '") {
      // The classic forgotten await: a coroutine used as if it were its result.
      let name = run.stderr[never.upperBound...].prefix { $0 != "'" }
      message += ": \(name)(...) made a coroutine that was never awaited, so its result never came; "
        + "write 'await \(name)(...)'"
    } else if last.hasPrefix("TimeoutError") || last.hasPrefix("asyncio.exceptions.TimeoutError") {
      message += ": a timeout expired (asyncio.wait_for or asyncio.timeout) and nothing caught it, so gather raised it and the "
        + "whole batch stopped; catch it where the call is made: except asyncio.TimeoutError: return f\"{name}:timeout\""
    }
    return .pythonProgram(
      path: file, line: tracebackLine(run.stderr) ?? 1, column: 1,
      message: message + "; see 'lesson run \(file)' for its traceback")
  }

  /// The exception a traceback ends with: its last line that is neither a frame's nor a warning's
  /// (a coroutine never awaited is reported after the traceback, as the interpreter exits).
  static func exceptionLine(_ stderr: String) -> String? {
    let lines = stderr.split(separator: "\n")
    return lines.last { line in
      !line.hasPrefix(" ") && !line.hasPrefix("sys:1: ") && !line.hasPrefix("<sys>:0: ")
        && !line.contains(": RuntimeWarning: ") && !line.hasPrefix("RuntimeWarning: Enable tracemalloc")
    }.map(String.init) ?? lines.last.map(String.init)
  }

  /// Why the run did not go as CPython's would, as the learner's error: a construct lesson does
  /// not run, or a budget the program ran past. Nil for a run that went to its end.
  static func stopped(_ run: ProgramRun, file: String) -> LessonKitError? {
    switch run.stop {
    case .refused(let line, let column, let construct, let why)?:
      return .pythonProgram(path: file, line: line, column: column, message: "lesson does not run \(construct): \(why)")
    case .budget(let what)?:
      return .pythonProgram(
        path: file, line: run.stopLine ?? 1, column: 1,
        message: "lesson stopped the program: it ran past its budget of \(what)")
    case nil:
      return nil
    }
  }
}
