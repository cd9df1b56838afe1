import Foundation
import GuardedGather
import LessonCLI
import LessonKit
import Testing

struct SnapshotCase: Sendable, CustomTestStringConvertible {
  var name: String
  var arguments: [String]
  var testDescription: String { name }
}

@Suite struct RunCommandTests {
  static let snapshots: [SnapshotCase] = [
    .init(name: "run-classic", arguments: ["run", "classic.json"]),
    .init(name: "run-classic-json", arguments: ["run", "classic.json", "--json"]),
    .init(name: "run-failing", arguments: ["run", "failing.json"]),
    .init(name: "run-failing-json", arguments: ["run", "failing.json", "--json"]),
    .init(name: "run-deadlock", arguments: ["run", "deadlock.json"]),
    .init(name: "run-queue-scope", arguments: ["run", "queue_scope.json"]),
    .init(name: "run-typo", arguments: ["run", "typo.json"]),
    .init(name: "run-missing", arguments: ["run", "nope.json"]),
    .init(name: "run-no-config", arguments: ["run"]),
    .init(name: "run-unknown-flag", arguments: ["run", "classic.json", "--jsno"]),
    .init(name: "unknown-command", arguments: ["rnu"]),
    .init(name: "help-run", arguments: ["help", "run"]),
  ]

  @Test(arguments: snapshots)
  func output(_ item: SnapshotCase) {
    let captured = CapturedConsole()
    let code = LessonTool.main(item.arguments, console: captured.console)
    let run = CLIRun(code: code, out: captured.out, err: captured.err)
    assertSnapshot(run.snapshot, named: item.name)
  }

  @Test func theClassicExamplePrintsThePagesExpectedOutput() {
    let run = lesson("run", "classic.json")
    #expect(run.code == .success)
    #expect(run.out.hasPrefix("['search:ok', 'database:ok', 'slow_tool:timeout']\ntimeouts: 1\n"))
    #expect(run.err.isEmpty)
  }

  @Test func exitCodesFollowSysexits() {
    #expect(lesson("run", "classic.json").code.rawValue == 0)
    #expect(lesson("run").code.rawValue == 64)
    #expect(lesson("run", "classic.json", "--bogus").code.rawValue == 64)
    #expect(lesson("run", "typo.json").code.rawValue == 65)
    #expect(lesson("run", "nope.json").code.rawValue == 66)
    #expect(lesson("run", CLIFixtures.directory).code.rawValue == 65)
  }

  @Test func errorsAreOneLineOnStandardError() {
    let run = lesson("run", "typo.json")
    #expect(run.out.isEmpty)
    #expect(run.err == "lesson: error: typo.json: limt: unknown field; did you mean 'limit'?\n")
  }

  @Test(arguments: [40, 60, 80, 120, 200])
  func theTimelineFitsTheWidth(width: Int) {
    let run = lesson("run", "failing.json", width: width)
    let timeline = run.out.split(separator: "\n").drop { !$0.hasPrefix("limit") }
    #expect(timeline.count >= 7)
    for line in timeline {
      #expect(line.count <= width, "line longer than \(width): \(line)")
    }
  }

  @Test func colourOnlyWhenTheConsoleAllowsIt() {
    #expect(!lesson("run", "classic.json", colors: false).out.contains("\u{1B}["))
    #expect(lesson("run", "classic.json", colors: true).out.contains("\u{1B}["))
  }

  @Test func jsonIsTheMachineContract() throws {
    let run = lesson("run", "failing.json", "--json")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
    #expect(Set(object.keys) == ["python", "results", "error", "timeouts", "calls", "peakConcurrency", "elapsed"])
    #expect(object["python"] as? String == PythonVersion.default.rawValue)
    #expect(object["results"] is NSNull)
    #expect(object["timeouts"] is NSNull)
    #expect(object["error"] as? String == "flaky: HTTP 503")
    let calls = try #require(object["calls"] as? [[String: Any]])
    #expect(calls.map { $0["outcome"] as? String } == ["ok", "error", "cancelled", "cancelled"])
    // asyncio hands flaky's freed slot to rerank at 0.15 s, just before the batch is cancelled.
    #expect(calls.map { $0["startedAt"] as? Double } == [0, 0, 0.1, 0.15])
    #expect((object["elapsed"] as? Double) == 0.15)
  }
}

/// `timeouts` in a program's run counts the gathered calls that ended in a timeout, as for a
/// configuration: not a warm-up call that timed out before the gather, nor a call that timed out,
/// tried again and succeeded (it ended ok); a call whose handler says ok after its timeout
/// expired still timed out.
@Suite struct ProgramTimeoutCountTests {
  @Test func theCountIsTheGatheredCallsThatTimedOut() throws {
    try withWorkspace { directory in
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      let source = """
        import asyncio

        async def call(name, delay, timeout=0.2, tries=1, lie=False):
            for attempt in range(tries):
                try:
                    await asyncio.wait_for(asyncio.sleep(delay - 0.25 * attempt), timeout)
                    return f"{name}:ok"
                except asyncio.TimeoutError:
                    if lie:
                        return f"{name}:ok"
            return f"{name}:timeout"

        async def main():
            print(await call("warmup", 0.5))
            results = await asyncio.gather(call("search", 0.1), call("db", 0.15), call("retry", 0.3, tries=2), call("slow", 0.9),
                                           call("liar", 0.5, lie=True))
            print(results, sum(r.endswith(":timeout") for r in results))

        asyncio.run(main())

        """
      let path = directory + "/batch.py"
      try source.write(toFile: path, atomically: true, encoding: .utf8)
      let run = lesson("run", path, "--json")
      let object = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
      #expect(object["stdout"] as? String == "warmup:timeout\n['search:ok', 'db:ok', 'retry:ok', 'slow:timeout', 'liar:ok'] 1\n")
      #expect(object["timeouts"] as? Int == 2)
      let calls = try #require(object["calls"] as? [[String: Any]])
      #expect(calls.map { $0["outcome"] as? String } == ["ok", "ok", "ok", "timeout", "timeout"])
      let plain = lesson("run", path)
      #expect(plain.out.contains("5 calls gathered · 2 timeouts ·"), "\(plain.out)")
    }
  }
}

/// A learner's own file may be as large as their machine allows (a million calls, 64 MiB); the
/// strict limits are for files that are not theirs (`grade`).
@Suite struct OwnFileLimitTests {
  @Test func runAndCheckAcceptAFileOfTheLearnersOwnBeyondTheGradingLimits() throws {
    try withWorkspace { directory in
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      let count = 20_000
      let calls = (0..<count).map { #"{"name":"c\#($0)","delay":\#(Double($0 % 97) / 1000)}"# }
      let file = directory + "/big.json"
      try Data(#"{"limit": 100, "timeout": 0.05, "calls": [\#(calls.joined(separator: ","))]}"#.utf8)
        .write(to: URL(fileURLWithPath: file))
      let captured = CapturedConsole(directory: directory)
      #expect(LessonTool.main(["run", "big.json", "--json"], console: captured.console) == .success)
      let object = try #require(try JSONSerialization.jsonObject(with: Data(captured.out.utf8)) as? [String: Any])
      #expect((object["calls"] as? [Any])?.count == count)
      #expect(object["peakConcurrency"] as? Int == 100)
      // The same file handed in for grading is refused, naming the grading limit.
      let course = try Course.load(root: CLIFixtures.packageRoot.path)
      let spec = try course.spec(try #require(course.entry(3)))
      let record = Grader.grade(Submission(learner: "x", lesson: 3, path: file, display: "x/big.json"), spec: spec)
      #expect(record.status == .error)
      #expect(record.explanation.contains("a configuration may have at most 10000"))
    }
  }

  @Test func aFileBeyondSixtyFourMebibytesIsRefusedEvenForItsOwner() throws {
    try withWorkspace { directory in
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      let file = directory + "/huge.json"
      FileManager.default.createFile(atPath: file, contents: nil)
      let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: file))
      try handle.truncate(atOffset: UInt64(64 << 20) + 1)
      try handle.close()
      let captured = CapturedConsole(directory: directory)
      #expect(LessonTool.main(["run", "huge.json"], console: captured.console) == .invalidInput)
      #expect(captured.err.contains("larger than 67108864 bytes"))
    }
  }
}

/// A timeline of thousands of calls shows its first and last rows, and what the others did.
@Suite struct LongTimelineTests {
  @Test func aLongBatchShowsItsEndsAndCountsTheRest() throws {
    try withWorkspace { directory in
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      let calls = (0..<1_000).map { #"{"name":"c\#($0)","delay":\#($0 % 3 == 0 ? 0.3 : 0.1)}"# }
      try Data(#"{"limit": 50, "timeout": 0.2, "calls": [\#(calls.joined(separator: ","))]}"#.utf8)
        .write(to: URL(fileURLWithPath: directory + "/long.json"))
      let captured = CapturedConsole(width: 100, directory: directory)
      #expect(LessonTool.main(["run", "long.json"], console: captured.console) == .success)
      let lines = captured.out.split(separator: "\n", omittingEmptySubsequences: false)
      let rows = lines.filter { $0.hasPrefix("c") && $0.contains(" → ") }
      #expect(rows.count == 30)
      #expect(rows.first?.hasPrefix("c0 ") == true && rows.last?.hasPrefix("c999 ") == true)
      // 1,000 calls, every third times out: of the 970 left out, c20…c989, 323 time out.
      let skippedTimeouts = (20..<990).count { $0 % 3 == 0 }
      #expect(
        lines.contains {
          $0 == "… 970 more calls: \(970 - skippedTimeouts) ok, \(skippedTimeouts) timeout ('lesson run FILE --json' lists every call)"
        })
      #expect(lines.count < 45)
    }
  }
}
