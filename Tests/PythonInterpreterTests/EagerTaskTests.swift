import AsyncioModel
import Testing

@testable import PythonInterpreter

/// What lesson does not run of eager tasks (3.12+) is refused, never run another way. The rest is
/// in the corpus (s094, s095), against CPython's recordings.
@Suite struct EagerTaskTests {
  static let header = "import asyncio, sys\n"

  /// A `sys.exit()` in an eager first step leaves `create_task` in CPython (the creator may catch
  /// it and go on); the model would stop the loop instead.
  @Test func anExitInAnEagerFirstStepIsRefused() {
    let program = Self.header + """
      async def quit_now():
          sys.exit(3)
      async def main():
          asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
          try:
              asyncio.create_task(quit_now())
          except SystemExit:
              print("caught")
          print("goes on")
      asyncio.run(main())

      """
    for version in [PythonVersion.v3_12, .v3_13] {
      let run = Interpreter.run(source: program, filename: "t.py", version: version)
      guard case .refused(let line, _, let construct, _)? = run.stop else {
        Issue.record("not refused under \(version): \(run.stdout.debugDescription)")
        continue
      }
      #expect(line == 7)
      #expect(construct == "SystemExit or KeyboardInterrupt in an eager task's first step")
    }
  }

  /// A factory of the program's own is refused; one that is not callable is CPython's TypeError.
  @Test func otherFactories() {
    let own = Self.header + """
      async def main():
          asyncio.get_running_loop().set_task_factory(lambda loop, coro: asyncio.Task(coro, loop=loop))
      asyncio.run(main())

      """
    let run = Interpreter.run(source: own, filename: "t.py", version: .v3_12)
    guard case .refused(_, _, let construct, _)? = run.stop else {
      Issue.record("a factory of the program's own was not refused")
      return
    }
    #expect(construct == "a task factory of the program's own")
    let notCallable = own.replacingOccurrences(of: "lambda loop, coro: asyncio.Task(coro, loop=loop)", with: "42")
    let failed = Interpreter.run(source: notCallable, filename: "t.py", version: .v3_13)
    #expect(failed.stop == nil)
    #expect(failed.exitCode == 1)
    #expect(failed.stderr.hasSuffix("TypeError: task factory must be a callable or None\n"))
  }
}
