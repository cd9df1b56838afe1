import AsyncioModel
import Foundation
import Testing

@testable import PythonSyntax

/// Inputs built to hurt: each ends in an error or a tree, never a crash or a stack overflow, and
/// each runs on a thread with a 2 MiB stack (what the parser asks for: its budget is 1.5 MiB) to
/// prove the limits hold. A debug build's larger frames reach the stack budget before some of
/// CPython's counted limits; there the budget's error is accepted instead.
@Suite struct HostileInputTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let name: String
    let source: @Sendable () -> String
    /// The error CPython's own limits give, or `nil` for a source that must parse.
    let expected: String?
    /// The stack budget may run out before CPython's counted limit (a debug build's frames are
    /// larger; nested f-strings cost a lexer and a parser per level in any build).
    var tooComplexAllowed = false
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "100,000 nested parentheses", source: { String(repeating: "(", count: 100_000) },
      expected: "SyntaxError: too many nested parentheses (line 1, offset 201)",
      tooComplexAllowed: true),
    Case(
      name: "100,000 nested brackets, closed",
      source: { String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) },
      expected: "SyntaxError: too many nested parentheses (line 1, offset 201)",
      tooComplexAllowed: true),
    Case(
      name: "100,000 unary minuses", source: { String(repeating: "-", count: 100_000) + "x" },
      expected:
        "MemoryError: Parser stack overflowed - Python source too complex to parse (line 1, offset 1)"
    ),
    Case(
      name: "10,000 nots", source: { String(repeating: "not ", count: 10_000) + "x" },
      expected:
        "MemoryError: Parser stack overflowed - Python source too complex to parse (line 1, offset 1)"
    ),
    Case(
      name: "10,000 powers", source: { "x" + String(repeating: "**x", count: 10_000) },
      expected:
        "MemoryError: Parser stack overflowed - Python source too complex to parse (line 1, offset 1)"
    ),
    Case(
      name: "1,000 lambdas", source: { String(repeating: "lambda: ", count: 1_000) + "x" },
      expected:
        "MemoryError: Parser stack overflowed - Python source too complex to parse (line 1, offset 1)"
    ),
    Case(
      name: "a 10 MB line of additions",
      source: { "x = " + String(repeating: "1+", count: 5_000_000) + "1\n" },
      expected:
        "RecursionError: maximum recursion depth exceeded during ast construction (line 1, offset 1)"
    ),
    Case(
      name: "a 10 MB string literal",
      source: { "x = '" + String(repeating: "a", count: 10_000_000) + "'\n" },
      expected: nil),
    Case(
      name: "a 10 MB line of junk", source: { String(repeating: "$", count: 10_000_000) },
      expected: "SyntaxError: invalid syntax (line 1, offset 1)"),
    Case(
      name: "100,000 attribute accesses", source: { "a" + String(repeating: ".a", count: 100_000) },
      expected:
        "RecursionError: maximum recursion depth exceeded during ast construction (line 1, offset 1)"
    ),
    Case(
      name: "120 levels of indentation",
      source: {
        (0..<120).map { String(repeating: " ", count: $0) + "if x:\n" }.joined()
          + String(repeating: " ", count: 120) + "pass\n"
      }, expected: "IndentationError: too many levels of indentation (line 101, offset 101)",
      tooComplexAllowed: true),
    Case(
      name: "1,000 nested f-strings",
      source: { String(repeating: "f'{", count: 1_000) + String(repeating: "}'", count: 1_000) },
      expected: "SyntaxError: too many nested f-strings (line 1, offset 449)",
      tooComplexAllowed: true),
    Case(
      name: "149 nested f-strings, CPython's most",
      source: { String(repeating: "f'{", count: 149) + "1" + String(repeating: "}'", count: 149) },
      expected: nil, tooComplexAllowed: true),
    Case(
      name: "a null byte", source: { "x = 1\0\n" },
      expected: "SyntaxError: source code string cannot contain null bytes (line 1, offset 1)"),
  ]

  @Test(arguments: cases)
  func endsInAnErrorNotACrash(_ c: Case) throws {
    let source = c.source()
    let outcome = try Self.onSmallStack { RecordedCorpus.outcome(of: source, version: .v3_12) }
    if c.tooComplexAllowed, case .error("MemoryError", _, _, _) = outcome { return }
    if let expected = c.expected {
      #expect(outcome.description == expected)
    } else if case .error(let kind, let message, _, _) = outcome {
      Issue.record("\(kind): \(message)")
    }
  }

  @Test func invalidUTF8() throws {
    let bytes: [UInt8] = Array("x = '".utf8) + [0xC3, 0x28, 0x27, 0x0A]
    #expect(throws: PythonSyntaxError.self) { try PythonParser.parse(utf8: bytes, version: .v3_13) }
  }

  static let stackSize = 2 * 1024 * 1024

  /// Runs `body` on a thread with a small stack (``stackSize``) and waits for it.
  static func onSmallStack(_ body: @escaping @Sendable () -> RecordedCorpus.Outcome) throws
    -> RecordedCorpus.Outcome
  {
    let box = OutcomeBox()
    let thread = Thread {
      box.value = body()
      box.done.signal()
    }
    thread.stackSize = stackSize
    thread.start()
    box.done.wait()
    return try #require(box.value)
  }
}

/// Carries a result back from the small-stack thread; the semaphore orders the accesses.
private final class OutcomeBox: @unchecked Sendable {
  var value: RecordedCorpus.Outcome?
  let done = DispatchSemaphore(value: 0)
}
