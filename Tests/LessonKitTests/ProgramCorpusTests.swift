import Foundation
import GuardedGather
import LessonKit
import Testing

/// A learner program with what real asyncio printed for it (recorded by Fixtures/programs/record.py).
struct ProgramCase: Sendable, CustomTestStringConvertible {
  var file: String
  var stdout: [String]
  var exception: String?
  var deadlock: Bool
  var outsideSubset: Bool
  var testDescription: String { file }

  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/programs").path

  static func load() -> [ProgramCase] {
    guard let bytes = FileManager.default.contents(atPath: directory + "/expected.json"),
      case .object(let programs)? = try? JSONReader().parse([UInt8](bytes))["programs"]
    else { return [] }
    return programs.map { member in
      let (file, value) = (member.key, member.value)
      var stdout: [String] = []
      if case .array(let lines)? = value["stdout"] {
        stdout = lines.compactMap { if case .string(let line) = $0 { line } else { nil } }
      }
      var exception: String?
      if case .string(let text)? = value["exception"] { exception = text }
      return ProgramCase(
        file: file, stdout: stdout, exception: exception, deadlock: value["deadlock"] == .bool(true),
        outsideSubset: value["outsideSubset"] == .bool(true))
    }.sorted { $0.file < $1.file }
  }
}

@Suite struct ProgramCorpusTests {
  static let cases = ProgramCase.load()
  static let explained = ["25_except_exception_first.py": "'except Exception:' at line 27 catches the TimeoutError first"]

  @Test func theCorpusHasFortyProgramsOrMore() {
    #expect(Self.cases.count >= 40)
    #expect(Self.cases.filter(\.outsideSubset).count >= 8)
  }

  @Test(arguments: cases)
  func readsTheProgramAsAsyncioRunsIt(_ item: ProgramCase) throws {
    let path = ProgramCase.directory + "/" + item.file
    if item.outsideSubset {
      // Outside the lesson's pattern in a form a batch says: read from its run (and then what the run
      // printed is what asyncio printed), or refused with one line that names the file.
      do {
        let configuration = try InputFile.configuration(at: path, display: item.file)
        var printed = item.stdout
        if let exception = item.exception { printed.append(exception) }
        #expect(configuration.observedOutput == printed)
        #expect(configuration.program != nil)
      } catch {
        guard case .pythonProgram = error else {
          Issue.record("expected a program error, got \(error)")
          return
        }
        #expect(error.exitCode == 65 && error.description.hasPrefix(item.file + ":") && !error.description.contains("\n"))
      }
      return
    }
    // A mistake the reading explains instead of checking (the handler order that counts timeouts
    // as errors): the explanation, at the handler's line.
    if let explanation = Self.explained[item.file] {
      #expect {
        try InputFile.configuration(at: path, display: item.file)
      } throws: { error in
        guard case .pythonProgram(_, _, _, let message)? = error as? LessonKitError else { return false }
        return message.contains(explanation)
      }
      return
    }
    // Read from its run: the batch it shows runs on the model as the program ran (what it printed
    // is what asyncio printed, its last line the exception that escaped).
    let configuration = try InputFile.configuration(at: path, display: item.file)
    #expect(configuration.program != nil)
    let trace = GatherEngine.runVirtual(configuration.batch)
    if item.deadlock {
      guard case .deadlock? = trace.failure else {
        Issue.record("expected a deadlock, got \(String(describing: trace.failure))")
        return
      }
    } else {
      var printed = item.stdout
      if let exception = item.exception {
        printed.append(exception)
        guard case .callFailed? = trace.failure else {
          Issue.record("expected a call's error to escape, got \(String(describing: trace.failure))")
          return
        }
      }
      #expect(configuration.observedOutput == printed)
    }
  }
}

/// A program read before under another file name is served from the reading cache, and its
/// messages name the file it was read from this time.
@Suite struct ProgramReadingCacheTests {
  static let source = Array(
    """
    import asyncio

    async def call(name, delay):
        await asyncio.sleep(delay)
        return f"{name}:ok"

    async def main():
        results = await asyncio.gather(call("a", 0.1), call("b", 0.2))
        print(results)

    asyncio.run(main())

    """.utf8)

  @Test func theSecondReadingNamesItsOwnFile() throws {
    let first = try InputFile.program(Self.source, file: "ada/async_batch.py", python: .v3_13)
    let second = try InputFile.program(Self.source, file: "bob/async_batch.py", python: .v3_13)
    #expect(first.program?.file == "ada/async_batch.py")
    #expect(second.program?.file == "bob/async_batch.py")
    #expect(first.batch == second.batch && first.evidence == second.evidence)
  }

  @Test func anErrorNamesTheFileEachTime() {
    let broken = Self.source + Array("def (:\n".utf8)
    for file in ["ada/async_batch.py", "bob/async_batch.py"] {
      #expect {
        try InputFile.program(broken, file: file, python: .v3_13)
      } throws: { error in
        guard case .pythonProgram(let path, let line, _, _)? = error as? LessonKitError else { return false }
        return path == file && line == 12
      }
    }
  }
}
