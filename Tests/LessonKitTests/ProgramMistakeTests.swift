import Foundation
import GuardedGather
import LessonKit
import Testing

/// Each classic mistake, written in Python, is named with the line where it is and a fix in Python.
struct ProgramMistake: Sendable, CustomTestStringConvertible {
  var program: String
  var lesson: Int
  var mistake: String
  var line: Int
  var testDescription: String { "\(program) → \(mistake) at line \(line)" }
}

@Suite struct ProgramMistakeTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path
  static let course = try! Course.load(root: root)

  static let cases: [ProgramMistake] = [
    .init(program: "07_exercise_invented_count.py", lesson: 3, mistake: "invented-count", line: 35),
    .init(program: "08_exercise_invented_fstring.py", lesson: 3, mistake: "invented-count", line: 35),
    .init(program: "14_plain_gather_no_limit.py", lesson: 3, mistake: "no-limit", line: 31),
    .init(program: "15_plain_gather_no_timeout.py", lesson: 2, mistake: "no-timeout", line: 10),
    .init(program: "16_semaphore_per_call.py", lesson: 3, mistake: "semaphore-per-call", line: 24),
    .init(
      program: "17_timeout_around_semaphore_wait_for.py", lesson: 3, mistake: "timeout-outside-semaphore", line: 30),
    .init(program: "18_timeout_around_semaphore_block.py", lesson: 3, mistake: "timeout-outside-semaphore", line: 25),
    .init(program: "19_error_propagates.py", lesson: 6, mistake: "propagated-error", line: 10),
    .init(program: "20_error_swallowed_none.py", lesson: 6, mistake: "swallowed-error", line: 20),
    .init(program: "21_error_swallowed_pass.py", lesson: 6, mistake: "swallowed-error", line: 20),
    // The note is judged once the evidence stands: this program prints no count.
    .init(program: "22_error_named.py", lesson: 6, mistake: "missing-evidence", line: 24),
    .init(program: "29_blocking_inside_guarded.py", lesson: 2, mistake: "async-for-cpu", line: 10),
    .init(program: "30_semaphore_zero_deadlock.py", lesson: 2, mistake: "zero-limit-deadlock", line: 18),
  ]

  @Test(arguments: cases)
  func namesTheMistakeWithItsLine(_ item: ProgramMistake) throws {
    let path = Self.root + "/Tests/LessonKitTests/Fixtures/programs/" + item.program
    let configuration = try InputFile.configuration(at: path, display: item.program)
    let spec = try Self.course.spec(try #require(Self.course.entry(item.lesson)))
    var findings = FindingList()
    let report = LessonChecker.check(configuration, against: spec, file: item.program, collector: &findings)
    #expect(!report.passed())
    let ids = report.mistakes.map { $0.id }
    let finding = try #require(findings.findings.first { $0.mistake.id == item.mistake }, "found \(ids)")
    #expect(finding.location?.hasPrefix("\(item.line):") == true, "at \(finding.location ?? "nowhere")")
    // The fix is said in Python, never as a JSON setting.
    let mistake = try #require(Mistake.named(item.mistake))
    let fix = report.fix(for: mistake)
    #expect(!fix.isEmpty)
    #expect(!fix.contains("\": "), "\(fix)")
  }

  @Test func theLessonPagesProgramPassesLessonTwo() throws {
    let configuration = try InputFile.configuration(at: Self.root + "/solutions/02_guarded_gather/async_batch.py")
    let spec = try Self.course.spec(try #require(Self.course.entry(2)))
    #expect(LessonChecker.check(configuration, against: spec, file: "async_batch.py").passed(strict: true))
  }

  @Test func aValueAssignedInsideABlockIsReturnedAfterIt() throws {
    let source = """
      import asyncio


      async def call_tool(name, delay):
          await asyncio.sleep(delay)
          return f"{name}:ok"


      async def guarded_call(semaphore, name, delay):
          async with semaphore:
              try:
                  result = await asyncio.wait_for(call_tool(name, delay), timeout=0.5)
              except asyncio.TimeoutError:
                  result = f"{name}:timeout"
          return result


      async def main():
          semaphore = asyncio.Semaphore(2)
          results = await asyncio.gather(guarded_call(semaphore, "a", 0.1), guarded_call(semaphore, "b", 0.9))
          print(results)


      asyncio.run(main())
      """
    let configuration = try InputFile.program(Array(source.utf8), file: "p.py", python: .v3_13)
    #expect(configuration.observedOutput == ["['a:ok', 'b:timeout']"])
    let trace = GatherEngine.runVirtual(configuration.batch, python: .v3_13)
    #expect(trace.calls.map(\.outcome) == [.ok, .timeout])
  }

  /// The forgotten `await` on the gather: explained at the gather's line, with the fix, under
  /// every Python (the run itself agrees with CPython: Tests/Corpus/programs/s023).
  @Test(arguments: PythonVersion.allCases)
  func aGatherNeverAwaitedIsExplainedAtItsLine(python: PythonVersion) throws {
    let path = Self.root + "/Tests/Corpus/programs/s023_mistake_gather_not_awaited.py"
    let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    #expect {
      try InputFile.program(bytes, file: "async_batch.py", python: python)
    } throws: { error in
      guard case .pythonProgram(_, let line, _, let message)? = error as? LessonKitError else { return false }
      return line == 18 && message.contains("is never awaited") && message.contains("results = await asyncio.gather(...)")
    }
  }

  /// Lesson 6 solved with return_exceptions=True, the program writing each exception as
  /// f"{name}:error" itself: what it prints is the lesson's list, and it passes.
  @Test func aResultsListTheProgramMakesFromGathersValuesCounts() throws {
    let source = try String(contentsOfFile: Self.root + "/Tests/Corpus/programs/s028_lesson6_errors_mapped_from_gather.py", encoding: .utf8)
    let configuration = try InputFile.program(Array(source.utf8), file: "async_batch.py", python: .v3_13)
    let spec = try Self.course.spec(try #require(Self.course.entry(6)))
    let report = LessonChecker.check(configuration, against: spec, file: "async_batch.py")
    #expect(report.passed(), "\(report.mistakes.map(\.id))")
  }

  /// Lesson 7 with the work handed to threads: read (for the loop the calls wait), and told
  /// that the remedy came before the lesson's demonstration.
  @Test func workHandedToThreadsIsReadAndExplainedInLessonSeven() throws {
    let source = try String(contentsOfFile: Self.root + "/Tests/Corpus/programs/s029_lesson7_work_handed_to_threads.py", encoding: .utf8)
    let configuration = try InputFile.program(Array(source.utf8), file: "async_batch.py", python: .v3_13)
    #expect(configuration.offloadedCalls == ["resize_image", "tokenize", "score"])
    #expect(configuration.batch.calls.allSatisfy { $0.work == .io })
    let spec = try Self.course.spec(try #require(Self.course.entry(7)))
    let report = LessonChecker.check(configuration, against: spec, file: "async_batch.py")
    let mistake = try #require(Mistake.named("async-for-cpu"))
    #expect(report.mistakes.map(\.id).contains("async-for-cpu"))
    #expect(report.fix(for: mistake).contains("asyncio.to_thread"))
  }

  /// A program that dies of an uncaught timeout, or of a coroutine used as its result, is told
  /// why in Python terms, not just which exception ended it.
  @Test func anEscapingTimeoutAndAForgottenAwaitAreExplained() throws {
    let uncaught = try String(contentsOfFile: Self.root + "/Tests/Corpus/programs/p129_uncaught_timeout.py", encoding: .utf8)
    #expect {
      try InputFile.program(Array(uncaught.utf8), file: "async_batch.py", python: .v3_13)
    } throws: { error in
      guard case .pythonProgram(_, _, _, let message)? = error as? LessonKitError else { return false }
      return message.hasPrefix("the program stops with TimeoutError: a timeout expired")
        && message.contains("except asyncio.TimeoutError")
    }
    let forgotten = try String(contentsOfFile: Self.root + "/Tests/Corpus/programs/s030_mistake_coroutine_used_as_result.py", encoding: .utf8)
    #expect {
      try InputFile.program(Array(forgotten.utf8), file: "async_batch.py", python: .v3_12)
    } throws: { error in
      guard case .pythonProgram(_, _, _, let message)? = error as? LessonKitError else { return false }
      return message.hasPrefix("the program stops with AttributeError: 'coroutine' object")
        && message.contains("never awaited") && message.contains("write 'await call_tool(...)'")
    }
  }

  /// `except Exception` before `except asyncio.TimeoutError`: the timeouts come back as errors,
  /// and the handler order is what is explained, at its line, under every Python.
  @Test(arguments: PythonVersion.allCases)
  func aTimeoutCaughtAsAnErrorNamesTheHandlerOrder(python: PythonVersion) throws {
    let source = try String(contentsOfFile: Self.root + "/Tests/LessonKitTests/Fixtures/programs/25_except_exception_first.py", encoding: .utf8)
    #expect {
      try InputFile.program(Array(source.utf8), file: "async_batch.py", python: python)
    } throws: { error in
      guard case .pythonProgram(_, let line, _, let message)? = error as? LessonKitError else { return false }
      return line == 27 && message.contains("'except Exception:' at line 27 catches the TimeoutError first")
    }
  }

  /// `async with semaphore:` around the whole gather: no call takes the semaphore, which check
  /// says instead of calling the batch's one semaphore shared.
  @Test func aSemaphoreAroundTheGatherIsNamed() throws {
    let path = Self.root + "/Tests/Corpus/programs/s031_mistake_semaphore_around_the_gather.py"
    let configuration = try InputFile.configuration(at: path, display: "async_batch.py")
    #expect(configuration.semaphoreNoCallTakes == 21)
    let spec = try Self.course.spec(try #require(Self.course.entry(8)))
    let report = LessonChecker.check(configuration, against: spec, file: "async_batch.py")
    let mistake = try #require(Mistake.named("no-limit"))
    #expect(report.mistakes.map(\.id).contains("no-limit"))
    #expect(report.fix(for: mistake).contains("never taken by a call"))
    #expect(report.checks.first { $0.id == "shared-semaphore" }?.status == .skipped)
  }

  @Test func aProgramThatCannotBeReadIsNeverAPass() {
    let source = Array("import asyncio\nclass Tool:\n    pass\nasyncio.run(main())\n".utf8)
    #expect(
      throws: LessonKitError.pythonProgram(
        path: "p.py", line: 4, column: 1,
        message: "the program stops with NameError: name 'main' is not defined. Did you mean: 'min'?; see 'lesson run p.py' for its traceback")
    ) {
      try InputFile.program(source, file: "p.py", python: .v3_13)
    }
  }

  @Test func invalidUTF8AndDeepNestingGetTheClearError() {
    #expect {
      try InputFile.program(Array("x = 1\ny = '".utf8) + [0xFF] + Array("'\n".utf8), file: "p.py", python: .v3_13)
    } throws: { error in
      (error as? LessonKitError)?.description.hasPrefix("p.py:2:6:") == true && (error as? LessonKitError)?.exitCode == 65
    }
    let deep = "x = " + String(repeating: "(", count: 40_000) + "1" + String(repeating: ")", count: 40_000) + "\n"
    let deepExpression = "x = " + String(repeating: "not ", count: 5_000) + "1\nasyncio.run(main())\n"
    for source in [deep, deepExpression] {
      #expect {
        try InputFile.program(Array(source.utf8), file: "deep.py", python: .v3_13)
      } throws: { error in
        guard let error = error as? LessonKitError else { return false }
        return error.exitCode == 65 && error.description.hasPrefix("deep.py:") && !error.description.contains("\n")
      }
    }
  }
}
