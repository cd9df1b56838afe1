import AsyncioModel
import Foundation
import PythonInterpreter
import Testing

/// A traceback that logging writes to stdout must be exact: from 3.11 CPython draws `^~~`
/// markers under a line, which lesson draws where it knows the span of what failed, and refuses
/// where it does not (a `for` statement's iterable, placed otherwise in 3.13 than before).
@Suite struct LoggedTracebackTests {
  static let program = """
    import asyncio, logging, sys
    log = logging.getLogger("t")
    log.addHandler(logging.StreamHandler(sys.stdout))
    async def main():
        try:
            {}["k"] + 1
        except KeyError:
            log.error("failed", exc_info=True)
    asyncio.run(main())

    """

  /// What CPython 3.11.7, 3.12.1 and 3.13.0 printed for the program (`python t.py`).
  @Test(arguments: [PythonVersion.v3_11, .v3_12, .v3_13]) func markersFrom311(version: PythonVersion) {
    let run = Interpreter.run(source: Self.program, filename: "t.py", version: version)
    #expect(run.stop == nil, "\(String(describing: run.refusal))")
    #expect(
      run.stdout
        == "failed\nTraceback (most recent call last):\n  File \"t.py\", line 6, in main\n    {}[\"k\"] + 1\n    ~~^^^^^\nKeyError: 'k'\n")
  }

  @Test func refusedWhereTheSpanIsNotKnown() {
    let source = Self.program.replacingOccurrences(of: "{}[\"k\"] + 1", with: "for x in 5:\n            pass")
      .replacingOccurrences(of: "except KeyError", with: "except TypeError")
    let run = Interpreter.run(source: source, filename: "t.py", version: .v3_13)
    #expect(run.refusal?.construct.contains("traceback logged to a stream other than stderr") == true, "\(run.stdout)")
    #expect(run.refusal?.line == 9)
  }

  @Test func runUnder310() {
    let run = Interpreter.run(source: Self.program, filename: "t.py", version: .v3_10)
    #expect(run.stop == nil)
    #expect(run.stdout == "failed\nTraceback (most recent call last):\n  File \"t.py\", line 6, in main\n    {}[\"k\"] + 1\nKeyError: 'k'\n")
  }

  @Test func captureWarningsIsRefused() {
    let run = Interpreter.run(source: "import logging\nlogging.captureWarnings(True)\n", filename: "w.py", version: .v3_12)
    #expect(run.refusal?.construct.contains("captureWarnings") == true)
    #expect(run.refusal?.line == 2)
  }
}
