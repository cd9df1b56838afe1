import AsyncioModel
import Foundation
import PythonInterpreter
import Testing

/// What CPython does in the order of a set of tasks (memory addresses decide it) is refused,
/// never printed in lesson's own order.
@Suite struct SetOrderTests {
  /// A failing child makes the TaskGroup cancel the others in the order of its set of tasks; two
  /// recordings of the same program under CPython did not agree on the order of their prints.
  static let groupCancelsSiblings = """
    import asyncio
    import sys


    async def call_tool(name, delay, fail=False):
        try:
            await asyncio.sleep(delay)
        except asyncio.CancelledError:
            print(f"{name}: cancelled")
            raise
        if fail:
            raise ConnectionError(f"{name} lost connection")
        return name


    async def guarded(name, delay, fail=False):
        return await asyncio.wait_for(call_tool(name, delay, fail), 0.4)


    async def main():
        if sys.version_info < (3, 11):
            print("needs 3.11")
            return
        try:
            async with asyncio.TaskGroup() as tg:
                for name, delay in [("a", 0.1), ("c", 0.5), ("d", 0.2), ("e", 0.3)]:
                    tg.create_task(guarded(name, delay))
                tg.create_task(guarded("b", 0.15, fail=True))
        except* ConnectionError as eg:
            print("failed:", [str(e) for e in eg.exceptions])


    asyncio.run(main())

    """

  @Test(arguments: [PythonVersion.v3_11, .v3_12, .v3_13])
  func printsOfSiblingsATaskGroupCancelsAreRefused(version: PythonVersion) {
    let run = Interpreter.run(source: Self.groupCancelsSiblings, filename: "group.py", version: version)
    #expect(run.refusal?.construct.contains("cancelled together") == true, "under \(version.rawValue): \(run.stdout)")
    #expect(run.refusal?.line == 9)
  }

  @Test func aGroupOfOneCancelledTaskIsRun() {
    let one = Self.groupCancelsSiblings.replacingOccurrences(
      of: #"[("a", 0.1), ("c", 0.5), ("d", 0.2), ("e", 0.3)]"#, with: #"[("a", 0.1), ("c", 0.5)]"#)
    let run = Interpreter.run(source: one, filename: "group.py", version: .v3_12)
    #expect(run.stop == nil)
    #expect(run.stdout == "c: cancelled\nfailed: ['b lost connection']\n")
  }
}

extension ProgramRun {
  /// The line and the construct of a refusal, or nil for a run that was not refused.
  var refusal: (line: Int, construct: String)? {
    guard case .refused(let line, _, let construct, _)? = stop else { return nil }
    return (line, construct)
  }
}
