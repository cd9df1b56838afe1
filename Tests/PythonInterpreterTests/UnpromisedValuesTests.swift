import AsyncioModel
import Testing

@testable import PythonInterpreter

/// What CPython itself does not promise is refused at its line, never guessed: `is` against a
/// literal (CPython warns, and the answer depends on which values it reuses) and a finalizer
/// (`__del__` runs when reference counting frees the object).
@Suite struct UnpromisedValuesTests {
  @Test(arguments: [
    (
      "results = ['timeout']\nprint(sum(1 for r in results if r is \"timeout\"))\n", 2,
      "'is' with a literal"
    ),
    ("big = 10 ** 3\nprint(big is not 1000)\n", 2, "'is not' with a literal"),
    ("x = (1, 2)\nprint(x is (1, 2))\n", 2, "'is' with a literal"),
    ("x = -1\nprint(x is -1)\n", 2, "'is' with a literal"),
  ])
  func isAgainstALiteralIsRefused(_ source: String, _ line: Int, _ construct: String) {
    let run = Interpreter.run(source: source, filename: "is.py", version: .v3_13)
    #expect(run.refusal?.construct == construct, "\(run.stdout)\(run.stderr)")
    #expect(run.refusal?.line == line)
  }

  /// asyncio's default pool has `min(32, os.cpu_count() + 4)` threads: five calls at once start
  /// at once on every machine; a sixth waits or not by the machine's cores, so it is refused.
  @Test(arguments: [(5, false), (6, true)])
  func workerThreadsPastEveryMachinesPoolAreRefused(calls: Int, refused: Bool) {
    let source = """
      import asyncio
      import time

      def blocking(i):
          time.sleep(0.1)
          return i

      async def main():
          print(await asyncio.gather(*(asyncio.to_thread(blocking, i) for i in range(\(calls)))))
          print(round(time.perf_counter(), 1))

      asyncio.run(main())

      """
    let run = Interpreter.run(source: source, filename: "pool.py", version: .v3_13)
    if refused {
      #expect(
        run.refusal?.construct == "more than 5 worker threads at once", "\(run.stdout)\(run.stderr)"
      )
      #expect(run.refusal?.line == 9)
    } else {
      #expect(run.stop == nil, "\(String(describing: run.refusal))")
      #expect(run.stdout == "[0, 1, 2, 3, 4]\n0.1\n")
    }
  }

  @Test func isAgainstNoneTrueFalseOrAnotherNameRuns() {
    let source = "x = None\ny = [1]\nz = y\nprint(x is None, y is z, x is not True, y is [1])\n"
    let run = Interpreter.run(source: source, filename: "is.py", version: .v3_13)
    #expect(run.stop == nil)
    #expect(run.stdout == "True True True False\n")
  }

  @Test func anAddressIsRefusedWhereItIsPrintedNotWhereItIsMade() {
    let source =
      "class Tool:\n    pass\n\nt = Tool()\nlabel = repr(t)\nprint(label == repr(t))\nprint([t])\n"
    let run = Interpreter.run(source: source, filename: "addr.py", version: .v3_13)
    #expect(run.stdout == "True\n")
    #expect(run.refusal?.line == 7)
    #expect(
      run.refusal?.construct.hasPrefix(
        "output with an object's address (<__main__.Tool object at 0x") == true)
  }

  /// `sorted(... for t in done)` over asyncio.wait's set: sorting decides the order, so it runs;
  /// equal values that print differently, or a body that does more than read, are refused.
  @Test func sortingWhatASetHoldsRunsWhenTheOrderCannotShow() {
    func run(_ line: String) -> ProgramRun {
      let source = """
        import asyncio

        async def work(v):
            await asyncio.sleep(0.1)
            return v

        async def main():
            tasks = [asyncio.create_task(work(v)) for v in (3, 1.0, 2, 1)]
            done, _ = await asyncio.wait(tasks)
            \(line)

        asyncio.run(main())

        """
      return Interpreter.run(source: source, filename: "s.py", version: .v3_13)
    }
    #expect(
      run("print(sorted(str(t.result()) for t in done))").stdout == "['1', '1.0', '2', '3']\n")
    #expect(
      run("print(sorted((t.result() for t in done if t.result() != 1), reverse=True))").stdout
        == "[3, 2]\n")
    // 1 and 1.0 are equal: which comes first would be the set's order.
    #expect(
      run("print(sorted(t.result() for t in done))").refusal?.construct == "the order of a set")
    // A body that prints runs in the set's order.
    #expect(
      run("print(sorted(print(t.result()) or 0 for t in done))").refusal?.construct
        == "the order of a set of tasks")
  }

  /// `sum(...)` and `len([...])` over asyncio.wait's set: a count is the same in any order, so it
  /// runs; floats whose total could round differently in another order, and an exception raised
  /// on the way (which task raised first is the set's order), are refused.
  @Test func countingWhatASetHoldsRunsWhenTheOrderCannotShow() {
    func run(_ line: String, values: String = "(0.1, 0.2, 0.3, 0.4)") -> ProgramRun {
      let source = """
        import asyncio

        async def work(v):
            await asyncio.sleep(0.1)
            if v == 0:
                raise ValueError("zero")
            return v

        async def main():
            tasks = [asyncio.create_task(work(v)) for v in \(values)]
            done, _ = await asyncio.wait(tasks)
            \(line)

        asyncio.run(main())

        """
      return Interpreter.run(source: source, filename: "c.py", version: .v3_13)
    }
    #expect(run("print(sum(1 for t in done if t.result() > 0.15))").stdout == "3\n")
    #expect(
      run("print(len([t for t in done if t.exception() is None]))", values: "(1, 0, 2)").stdout
        == "2\n")
    #expect(
      run("print(sum(t.result() for t in done if not t.exception()))", values: "(1, 0, 2)").stdout
        == "3\n")
    // Floats that are multiples of one power of two add up exactly in any order; so do any two.
    #expect(
      run("print(sum(t.result() for t in done))", values: "(0.25, 0.5, 0.125)").stdout == "0.875\n")
    #expect(run("print(sum(t.result() for t in done))", values: "(0.1, 0.25)").stdout == "0.35\n")
    // 0.1 + 0.2 + 0.3 + 0.4 is 1.0 in one order and 0.9999999999999999 in another.
    #expect(
      run("print(sum(t.result() for t in done))").refusal?.construct
        == "the order of a set of tasks")
    // result() raises for the task that failed: which one raises first is the set's order.
    #expect(
      run("print(sum(t.result() for t in done))", values: "(1, 0, 2)").refusal?.construct
        == "the order of a set of tasks")
    // max() and min() keep the first of equal values: equal ones must print alike.
    #expect(
      run(
        "print(max(t.result() for t in done), min(t.result() for t in done))",
        values: "(1, 3, 2, 3)"
      ).stdout == "3 1\n")
    #expect(
      run("print(max(t.result() for t in done))", values: "(3, 3.0)").refusal?.construct
        == "the order of a set of tasks")
    // len() of a list made in the set's order, where result() would raise: refused before it runs.
    #expect(
      run("print(len([t.result() for t in done]))", values: "(1, 0, 2)").refusal?.construct
        == "the order of a set of tasks")
  }

  @Test func aFinalizerIsRefused() {
    let source =
      "class Conn:\n    def __del__(self):\n        print('closed')\n\nc = Conn()\ndel c\nprint('end')\n"
    let run = Interpreter.run(source: source, filename: "del.py", version: .v3_12)
    #expect(run.refusal?.construct == "class Conn with __del__")
    #expect(run.stdout.isEmpty)
  }

  /// `for t in pending: t.cancel()` over a set: the order of cancelling is a set's, so what the
  /// cancelled tasks then print is refused, and a loop that reads `t` again is not this pattern.
  @Test func aLoopThatCancelsASetRunsUntilTheTasksPrint() {
    let quiet = """
      import asyncio

      async def work(d):
          await asyncio.sleep(d)

      async def main():
          tasks = [asyncio.create_task(work(d)) for d in (0.3, 0.1, 0.2)]
          done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
          for t in pending:
              t.cancel()
          await asyncio.sleep(1)
          print(len(done), len(pending), sum(t.cancelled() for t in tasks))

      asyncio.run(main())

      """
    let run = Interpreter.run(source: quiet, filename: "cancel.py", version: .v3_13)
    #expect(run.stop == nil)
    #expect(run.stdout == "1 2 2\n")
    let loud = quiet.replacingOccurrences(
      of: "    await asyncio.sleep(d)\n",
      with: "    try:\n        await asyncio.sleep(d)\n    finally:\n        print('stopped', d)\n")
    let printed = Interpreter.run(source: loud, filename: "cancel.py", version: .v3_13)
    #expect(
      printed.refusal?.construct == "output from tasks cancelled together", "\(printed.stdout)")
    let reread = quiet.replacingOccurrences(
      of: "        t.cancel()\n", with: "        t.cancel()\n    print(t.done())\n")
    #expect(
      Interpreter.run(source: reread, filename: "cancel.py", version: .v3_13).refusal?.construct
        == "the order of a set of tasks")
  }
}
