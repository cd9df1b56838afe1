import Foundation
import GuardedGather
import LessonKit
import PythonInterpreter

/// `lesson run PROGRAM.py`: the learner's program, run by the interpreter on the virtual clock.
struct ProgramRunView {
  let path: String
  let python: PythonVersion
  let run: ProgramRun

  /// The run as the `--json` contract gives it.
  var json: JSONOutput {
    var fields: [(String, JSONOutput)] = [
      ("python", .string(python.rawValue)),
      ("stdout", .string(run.stdout)),
      ("stderr", .string(run.stderr)),
      ("exitCode", run.exitCode.map(JSONOutput.int) ?? .null),
      ("deadlock", .bool(run.deadlock)),
      ("elapsed", .number(Seconds.json(.seconds(run.elapsed)))),
    ]
    let o = run.observation
    if let results = o.results {
      fields.append(("results", .array(results.map(JSONOutput.string))))
      fields.append(("timeouts", .int(Self.gatheredTimeouts(o))))
      fields.append((
        "calls",
        .array(o.callRecords.map { call in
          .object([
            ("name", .string(call.name)),
            ("outcome", .string(call.outcome)),
            ("startedAt", call.startedAt.map { .number(Seconds.json(.seconds($0))) } ?? .null),
            ("endedAt", .number(Seconds.json(.seconds(call.endedAt)))),
          ])
        })))
      // The same count the text shows ("at most N running at once").
      fields.append(("peakConcurrency", .int(Self.peakRunning(o))))
    }
    if let detail = run.deadlockDetail { fields.append(("waitingOn", .string(detail))) }
    return .object(fields)
  }

  /// The most calls running at once, from when each got to run (its slot, or its first step)
  /// to when it ended: a semaphore per call shows its full burst, and a gather without one too.
  static func peakRunning(_ o: Observation) -> Int {
    let spans = o.callRecords.compactMap { call in call.startedAt.map { ($0, call.endedAt) } }
    return spans.map { start in spans.count(where: { $0.0 <= start.0 && start.0 < $0.1 }) }.max() ?? 0
  }

  /// One line for a program the interpreter would not run to its end: where, what, why.
  var refusal: String? {
    switch run.stop {
    case .refused(let line, let column, let construct, let why)?:
      return "lesson: error: \(path):\(line):\(column): lesson does not run \(construct): \(why). lesson runs a program exactly as Python \(python.rawValue) would, or not at all."
    case .budget(let what)?:
      let place = run.stopLine.map { "\(path):\($0):" } ?? "\(path):"
      return "lesson: error: \(place) lesson stopped the program: it ran past its budget of \(what). Look for a loop that never ends or a value that keeps growing."
    case nil:
      return nil
    }
  }

  /// The timeouts of the gathered calls, as a configuration counts them: the calls whose outcome
  /// is a timeout (one retried after a timeout counts by how it ended; a timeout outside the
  /// gather is not one of its calls). The whole run's count when no call was followed.
  static func gatheredTimeouts(_ o: Observation) -> Int {
    o.callRecords.isEmpty ? o.timeouts : o.callRecords.count(where: { $0.outcome == "timeout" })
  }

  /// What plain `lesson run` prints after the program's own output.
  func summary(width: Int) -> [String] {
    var lines: [String] = []
    if run.deadlock {
      lines += TextLayout.wrap(
        "lesson: the program waits forever (\(run.deadlockDetail ?? "a deadlock")); Python would hang here.",
        width: width, hanging: "  ")
    }
    let o = run.observation
    var facts = ["Python \(python.rawValue)", "\(Seconds.fixed(.seconds(run.elapsed))) s virtual"]
    if let calls = o.calls {
      facts.append("\(calls) call\(calls == 1 ? "" : "s") gathered")
      let timeouts = Self.gatheredTimeouts(o)
      facts.append("\(timeouts) timeout\(timeouts == 1 ? "" : "s")")
      let peak = Self.peakRunning(o)
      if peak > 0 { facts.append("at most \(peak) running at once") }
    }
    if let code = run.exitCode, code != 0 { facts.append("exit status \(code)") }
    lines += TextLayout.wrap("── " + facts.joined(separator: " · "), width: width, hanging: "   ")
    if !o.callRecords.isEmpty {
      let nameWidth = min(24, o.callRecords.map(\.name.count).max() ?? 4)
      let shown = o.callRecords.count > 60 ? Array(o.callRecords.prefix(20)) + Array(o.callRecords.suffix(10)) : o.callRecords
      for (i, c) in shown.enumerated() {
        if o.callRecords.count > 60 && i == 20 { lines.append("   … \(o.callRecords.count - 30) more calls") }
        let name = c.name.count > nameWidth ? String(c.name.prefix(nameWidth - 1)) + "…" : c.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0)
        let start = c.startedAt.map { Seconds.fixed(.seconds($0)) } ?? "  -  "
        lines.append("   \(name)  \(start) → \(Seconds.fixed(.seconds(c.endedAt)))  \(c.outcome)")
      }
    }
    return lines
  }
}

extension RunCommand {
  func runProgram(_ context: CommandContext) throws(CommandFailure) -> ExitCode {
    if real { throw .usage(UsageError("--real runs a JSON configuration; a program always runs on the virtual clock")) }
    let bytes: [UInt8]
    do {
      bytes = try InputFile.read(context.resolve(path), limit: ConfigurationLimits.ownFile.fileSize, display: path)
    } catch {
      throw .input(error)
    }
    let course = (try? CourseContext(arguments, context: context))?.course
    let python = try PythonChoice.resolve(arguments, course: course)
    let name = (path as NSString).lastPathComponent
    let run = Interpreter.run(utf8: bytes, filename: name, version: python)
    let view = ProgramRunView(path: path, python: python, run: run)
    if let refusal = view.refusal {
      context.console.error(refusal)
      return .invalidInput
    }
    if json {
      context.console.out(view.json.prettyLine)
      return .success
    }
    context.console.out(run.stdout)
    context.console.err(run.stderr)
    if !run.stdout.isEmpty && !run.stdout.hasSuffix("\n") { context.console.print() }
    context.console.print()
    for line in view.summary(width: context.console.width) { context.console.print(line) }
    // As Python's own exit status: 1 for a program that raised or exited with a failure, and for
    // one that would hang.
    return run.deadlock || (run.exitCode ?? 0) != 0 ? .failure : .success
  }
}
