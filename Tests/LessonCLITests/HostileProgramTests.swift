import Foundation
import LessonCLI
import Testing

/// Arithmetic in a learner's program is Python's (the interpreter's integers have any size, as
/// CPython's), and a number too large to make is stopped by a budget with its line, instead of
/// trapping the process (which stopped a whole class's grading). Expected values: CPython 3.12.1.
@Suite struct HostileProgramTests {
  struct ArithmeticCase: Sendable, CustomTestStringConvertible {
    var expression: String
    /// The line `print(expression)` shows, or the start of the error.
    var printed: String?
    /// The budget message's words, for a value too large to make.
    var error: String?
    /// The last line of the program's traceback, for an exception Python raises.
    var raised: String?
    var testDescription: String { expression }
  }

  static let cases: [ArithmeticCase] = [
    .init(expression: "-7 // 2", printed: "-4"),
    .init(expression: "-7 % 3", printed: "2"),
    .init(expression: "7 % -3", printed: "-2"),
    .init(expression: "2 ** 10 + 3 * 4 - 1", printed: "1035"),
    .init(expression: "7 ** (10**9)", error: "budget of memory"),
    .init(expression: "10**18 * 10**18", printed: "1000000000000000000000000000000000000"),
    .init(expression: "2**62 + 2**62", printed: "9223372036854775808"),
    .init(expression: "-(2**63) // -1", printed: "9223372036854775808"),
    .init(expression: "int(1e300)", printed: "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160"),
    .init(expression: "round(1e300)", printed: "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160"),
    .init(expression: "len(range(1e300))", raised: "TypeError: 'float' object cannot be interpreted as an integer"),
    .init(expression: "len('a' * 10**12)", error: "budget of memory"),
  ]

  /// The lesson 3 solution with `print(expression)` as the last line of `main`.
  static func program(printing expression: String) throws -> String {
    let source = try String(
      contentsOfFile: CLIFixtures.packageRoot.path + "/solutions/03_more_tools/async_batch.py", encoding: .utf8)
    var lines = source.components(separatedBy: "\n")
    let index = try #require(lines.firstIndex { $0.contains("print(\"timeouts:\"") })
    lines.insert("    print(\(expression))", at: index + 1)
    return lines.joined(separator: "\n")
  }

  @Test(arguments: cases) func arithmeticIsPythonsOrRefused(_ item: ArithmeticCase) throws {
    try withWorkspace { directory in
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      let path = directory + "/async_batch.py"
      try Data(Self.program(printing: item.expression).utf8).write(to: URL(fileURLWithPath: path))
      let run = lesson("run", path)
      if let printed = item.printed {
        #expect(run.code == .success)
        let lines = run.out.split(separator: "\n").map(String.init)
        let after = try #require(lines.firstIndex { $0.hasPrefix("timeouts:") })
        #expect(lines[after + 1] == printed)
      } else if let raised = item.raised {
        // As python itself: a program whose exception escapes exits with status 1.
        #expect(run.code == .failure)
        #expect(run.err.split(separator: "\n").last.map(String.init) == raised)
      } else {
        #expect(run.code == .invalidInput)
        #expect(run.err.split(separator: "\n").count == 1)
        #expect(run.err.hasPrefix("lesson: error: \(path):42:"))
        #expect(run.err.contains(item.error ?? "?"))
      }
    }
  }

  @Test func aHostileSubmissionIsAnErrorAndTheClassIsGraded() throws {
    try withWorkspace { directory in
      let folder = try ClassFolder(in: directory)
      try folder.copy(ClassFolder.program3, to: "ada.py")
      // The program: a constant the reader must work out traps the process without the fix.
      let source = try String(contentsOfFile: ClassFolder.course + "/" + ClassFolder.program3, encoding: .utf8)
      try folder.put(
        Data(source.replacingOccurrences(of: "\nLIMIT = 3\n", with: "\nLIMIT = 3 + 0 * 7 ** (10**9)\n").utf8),
        at: "mallory.py")
      let run = grade(["3", folder.root, "--format", "csv"], in: directory)
      #expect(run.code == .failure)
      let rows = try RFC4180.parse(run.out)
      #expect(rows.first { $0[0] == "ada" }?[2] == "pass")
      let mallory = try #require(rows.first { $0[0] == "mallory" })
      #expect(mallory[2] == "error")
      #expect(mallory[6].hasPrefix("mallory.py:"))
      // The program is run, in its sandbox: the power is a budget stop, named with its line.
      #expect(mallory[6].contains("ran past its budget of memory"))
    }
  }

  /// A program that would hang is said so on lines that fit the width, and fails as Python would
  /// never finish.
  @Test func aProgramThatWaitsForeverFailsOnLinesThatFit() throws {
    try withWorkspace { directory in
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      let path = directory + "/forever.py"
      let source = """
        import asyncio


        async def main():
            semaphore = asyncio.Semaphore(0)
            async with semaphore:
                print("never")


        asyncio.run(main())
        """
      try Data(source.utf8).write(to: URL(fileURLWithPath: path))
      let run = lesson("run", path, width: 60)
      #expect(run.code == .failure)
      #expect(run.out.contains("waits forever"))
      #expect(!run.out.contains("never\n"))
      #expect(run.out.split(separator: "\n").allSatisfy { $0.count <= 60 }, "\(run.out)")
    }
  }
}
