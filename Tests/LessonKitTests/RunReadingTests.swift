import AsyncioModel
import Foundation
import GuardedGather
import Testing

@testable import LessonKit

/// The recorded corpus of learner programs, read from their runs: each program read is one whose
/// batch runs on the model as the program ran under that Python (every call ending the same way,
/// the gather taking the same virtual time), and most of the corpus is read.
@Suite struct RunReadingTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  static let folders = ["Corpus/programs", "LessonKitTests/Fixtures/programs"]

  struct Program: Sendable, CustomTestStringConvertible {
    var path: String
    var testDescription: String { (path as NSString).lastPathComponent }
  }

  static let programs: [Program] = folders.flatMap { folder in
    let directory = root.appendingPathComponent(folder).path
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    return names.filter { $0.hasSuffix(".py") && $0 != "record.py" && $0 != "generate.py" }.sorted()
      .map { Program(path: directory + "/" + $0) }
  }

  @Test(arguments: [PythonVersion.v3_10, .v3_13])
  func readsTheCorpusAsItRuns(python: PythonVersion) throws {
    #expect(Self.programs.count >= 200)
    var read = 0
    for program in Self.programs {
      let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: program.path)))
      let file = (program.path as NSString).lastPathComponent
      guard let configuration = try? InputFile.program(bytes, file: file, python: python) else { continue }
      read += 1
      let run = ProgramCrossCheck.run(bytes, name: file, python: python)
      let trace = GatherEngine.runVirtual(configuration.batch, python: python)
      #expect(run.deadlock == (trace.failure.map { if case .deadlock = $0 { true } else { false } } ?? false), "\(file)")
      guard trace.failure == nil else { continue }
      #expect(trace.calls.count == run.observation.callRecords.count, "\(file)")
      #expect(trace.calls.map(\.outcome.rawValue) == run.observation.callRecords.map(\.outcome), "\(file)")
      #expect(trace.timeouts == run.observation.callRecords.count(where: { $0.outcome == "timeout" }), "\(file)")
    }
    // Most learner programs gather their calls the lessons' way; those that do not (a second
    // batch, no gather at all, a refusal) are told why instead.
    #expect(read * 10 >= Self.programs.count * 6, "read \(read) of \(Self.programs.count)")
  }
}

/// Programs in every style (a dataclass, a dict of tools, `str.format`,
/// `%`) are checked from their run: a right one passes, and each classic mistake is found.
@Suite struct RunReadingCheckTests {
  static let lesson6 = """
    \"\"\"Capturing flaky's HTTP 503 as an error result keeps everyone else's results.\"\"\"
    import asyncio
    from dataclasses import dataclass


    @dataclass
    class Tool:
        name: str
        delay: float
        fails: bool = False


    TOOLS = {
        "search": Tool("search", 0.1),
        "flaky": Tool("flaky", 0.15, fails=True),
        "database": Tool("database", 0.2),
        "rerank": Tool("rerank", 0.1),
    }


    class ToolError(Exception):
        pass


    async def call_tool(tool):
        await asyncio.sleep(tool.delay)
        if tool.fails:
            raise ToolError("HTTP 503")
        return "{}:ok".format(tool.name)


    async def guarded(sem, tool):
        async with sem:
            try:
                return await asyncio.wait_for(call_tool(tool), timeout=0.5)
            except asyncio.TimeoutError:
                return f"{tool.name}:timeout"
            except ToolError:
                return f"{tool.name}:error"


    async def main():
        sem = asyncio.Semaphore(2)
        results = await asyncio.gather(*[guarded(sem, t) for t in TOOLS.values()])
        print(results)
        print("timeouts: %d" % sum(1 for r in results if r and r.endswith(":timeout")))


    asyncio.run(main())

    """

  static let lesson3 = """
    import asyncio

    tools = {"search": 0.1, "database": 0.2, "slow_tool": 1.0, "rerank": 0.05,
             "embed": 0.12, "upload": 0.4, "weather": 0.08, "model_api": 0.3}


    async def call_tool(name, delay):
        await asyncio.sleep(delay)
        return f"{name}:ok"


    async def guarded_call(sem, name, delay, timeout):
        async with sem:
            try:
                return await asyncio.wait_for(call_tool(name, delay), timeout=timeout)
            except asyncio.TimeoutError:
                return f"{name}:timeout"


    async def main():
        sem = asyncio.Semaphore(3)
        results = await asyncio.gather(*[guarded_call(sem, n, d, 0.15) for n, d in tools.items()])
        print(results)
        count = len([r for r in results if r.endswith(":timeout")])
        print(f"timeouts: {count}")


    asyncio.run(main())

    """

  static func check(_ source: String, lesson: Int) throws -> CheckReport {
    let course = CheckDependencyTests.course
    let spec = try course.spec(try #require(course.entry(lesson)))
    let configuration = try InputFile.program(Array(source.utf8), file: "async_batch.py", python: .v3_12)
    return LessonChecker.check(configuration, against: spec, file: "async_batch.py", python: .v3_12)
  }

  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var lesson: Int
    var replace: String
    var with: String
    /// The mistakes expected, or none for a pass.
    var mistakes: [String]
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(name: "lesson 6 as written", lesson: 6, replace: "", with: "", mistakes: []),
    Case(
      name: "lesson 6, the error swallowed", lesson: 6, replace: #"return f"{tool.name}:error""#, with: "return None",
      mistakes: ["swallowed-error"]),
    Case(
      name: "lesson 6, the error not caught", lesson: 6, replace: "except ToolError:", with: "except KeyError:",
      mistakes: ["propagated-error"]),
    Case(
      name: "lesson 6, results in another form", lesson: 6, replace: #"return "{}:ok".format(tool.name)"#,
      with: #"return "{} -> ok".format(tool.name)"#, mistakes: ["wrong-results"]),
    Case(name: "lesson 3 as written", lesson: 3, replace: "", with: "", mistakes: []),
    Case(
      name: "lesson 3 with a TaskGroup", lesson: 3,
      replace: "    results = await asyncio.gather(*[guarded_call(sem, n, d, 0.15) for n, d in tools.items()])",
      with: """
            async with asyncio.TaskGroup() as group:
                tasks = [group.create_task(guarded_call(sem, n, d, 0.15)) for n, d in tools.items()]
            results = [t.result() for t in tasks]
        """, mistakes: []),
    Case(
      name: "lesson 3, limit 2", lesson: 3, replace: "Semaphore(3)", with: "Semaphore(2)", mistakes: ["wrong-setting"]),
    Case(
      name: "lesson 3, a written-in count", lesson: 3, replace: #"print(f"timeouts: {count}")"#,
      with: #"print("timeouts:", 4)"#, mistakes: ["invented-count"]),
    Case(
      name: "lesson 3, a count that is wrong", lesson: 3, replace: #"print(f"timeouts: {count}")"#,
      with: #"print(f"timeouts: {count - 1}")"#, mistakes: ["invented-count"]),
    Case(
      name: "lesson 3, the timeout around the semaphore", lesson: 3,
      replace: """
            async with sem:
                try:
                    return await asyncio.wait_for(call_tool(name, delay), timeout=timeout)
                except asyncio.TimeoutError:
                    return f"{name}:timeout"
        """,
      with: """
            async def inner():
                async with sem:
                    return await call_tool(name, delay)
            try:
                return await asyncio.wait_for(inner(), timeout=timeout)
            except asyncio.TimeoutError:
                return f"{name}:timeout"
        """, mistakes: ["timeout-outside-semaphore"]),
  ]

  @Test(arguments: cases) func findsTheMistake(_ item: Case) throws {
    let base = item.lesson == 6 ? Self.lesson6 : Self.lesson3
    let source = item.replace.isEmpty ? base : base.replacingOccurrences(of: item.replace, with: item.with)
    #expect(source != base || item.replace.isEmpty)
    let report = try Self.check(source, lesson: item.lesson)
    let found = report.mistakes.filter { !$0.isWarning }.map(\.id)
    if item.mistakes.isEmpty {
      #expect(report.passed(), "\(found)")
    } else {
      #expect(found.contains(item.mistakes[0]), "\(found)")
    }
  }
}

extension RunReadingCheckTests {
  /// A swallowed error points at the `except` clause that swallowed it.
  @Test func aSwallowedErrorPointsAtItsHandler() throws {
    let source = Self.lesson6.replacingOccurrences(of: #"return f"{tool.name}:error""#, with: "return None")
    let report = try Self.check(source, lesson: 6)
    let mistake = try #require(report.mistakes.first { $0.id == "swallowed-error" })
    let place = try #require(report.checks(showing: mistake).lazy.compactMap { report.place(of: $0) }.first)
    let handler = try #require(source.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("except ToolError:") })
    #expect(place.hasPrefix("\(handler + 1):"))
  }
}

extension RunReadingCheckTests {
  /// The classic mistake of a `main` that is not `async def`: the gather only schedules the
  /// calls, and the learner is told so at the gather's line, with the fix.
  @Test(arguments: PythonVersion.allCases) func aGatherInAPlainDefIsExplainedAtItsLine(_ python: PythonVersion) throws {
    // The recorded corpus's own program of this mistake.
    let source = try String(
      contentsOf: RunReadingTests.root.appendingPathComponent("Corpus/programs/p056_mistake_sync_main.py"), encoding: .utf8)
    do {
      _ = try InputFile.program(Array(source.utf8), file: "async_batch.py", python: python)
      Issue.record("a program whose calls never run was read")
    } catch {
      guard case .pythonProgram(_, let line, _, let message) = error else {
        Issue.record("unexpected error \(error)")
        return
      }
      #expect(line == 10)
      #expect(message.contains("no event loop runs") && message.contains("async def") && message.contains("asyncio.run(main())"))
    }
  }
}

extension RunReadingCheckTests {
  /// Durations no configuration can say (ages, infinity, NaN) are told, never a crash: they once
  /// trapped converting seconds to nanoseconds.
  @Test(arguments: ["call(1e10)", "call(0.1, float('inf'))", "call(0.1, float('nan'))", "call(float('inf'), 0.15)"])
  func aDurationNoConfigurationCanSayIsTold(_ call: String) throws {
    let source = """
      import asyncio


      async def call(delay, timeout=0.15):
          return await asyncio.wait_for(asyncio.sleep(delay, "ok"), timeout)


      async def main():
          print(await asyncio.gather(call(0.1), \(call), return_exceptions=True))


      asyncio.run(main())

      """
    do {
      _ = try InputFile.program(Array(source.utf8), file: "async_batch.py", python: .v3_12)
      Issue.record("read a program whose call \(call) no configuration can say")
    } catch {
      guard case .pythonProgram(_, _, _, let message) = error else {
        Issue.record("unexpected error \(error)")
        return
      }
      #expect(message.contains("outside what a check can follow") || message.contains("NaN") || message.contains("TimeoutError"))
    }
  }
}
