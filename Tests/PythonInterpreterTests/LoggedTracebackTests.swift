import AsyncioModel
import Foundation
import PythonInterpreter
import Testing

/// A traceback that logging writes to stdout must be exact: from 3.11 CPython draws `^~~`
/// markers lesson does not, so it is refused there, as `traceback.format_exc()` is.
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

  @Test func refusedFrom311() {
    let run = Interpreter.run(source: Self.program, filename: "t.py", version: .v3_13)
    #expect(run.refusal?.construct.contains("traceback logged to a stream other than stderr") == true, "\(run.stdout)")
    #expect(run.refusal?.line == 8)
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
