import GuardedGather
import LessonKit

/// What a learner's program prints when it runs as the trace says: its own print calls, or the
/// traceback's last line when an error escapes, or a deadlock report where asyncio would hang.
enum ProgramOutput {
  static func lines(of program: PythonProgram, trace: GatherTrace, style: Style) throws(LessonKitError) -> [String] {
    switch trace.failure {
    case .deadlock?:
      return TraceReport(batch: .init(limit: 0, timeout: nil, calls: []), trace: trace).summary(style: style)
        + ["(Real asyncio would wait here forever: Semaphore(0) never lets a call start.)"]
    case .callFailed(let name, _)?:
      if let escaped = program.escapingException(for: trace) {
        return [
          style.red("Traceback (most recent call last): … \(escaped)"),
          "The exception raised by '\(name)' escaped asyncio.gather and ended the program; the calls still "
            + "running or waiting were cancelled. Catch it in the per-call function and return f\"{name}:error\".",
        ]
      }
      return try program.printedLines(for: trace)
    case .interrupted?, nil:
      return try program.printedLines(for: trace)
    }
  }
}
