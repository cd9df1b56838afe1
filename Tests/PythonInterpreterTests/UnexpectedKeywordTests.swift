import AsyncioModel
import Testing

@testable import PythonInterpreter

/// A built-in given a keyword argument it does not take is refused, never run as if the keyword
/// were not there: CPython raises a TypeError for each of these, where the body alone would have
/// answered (`d.get(k, default=3)` was None, `q.pop(index=0)` took the last item).
@Suite struct UnexpectedKeywordTests {
  static let cases: [(program: String, construct: String, line: Int)] = [
    ("d = {}\nprint(d.get('k', default=3))\n", "dict.get() given the keyword argument default=", 2),
    ("q = [1, 2, 3]\nprint(q.pop(index=0), q)\n", "list.pop() given the keyword argument index=", 2),
    ("print(round(2.675, digits=2))\n", "round() given the keyword argument digits=", 1),
    ("for i, x in enumerate('ab', strat=1):\n    print(i, x)\n", "enumerate() given the keyword argument strat=", 1),
    ("print(list(iterable=[1, 2]))\n", "list() given the keyword argument iterable=", 1),
    ("print('  a  '.strip(chars=' '))\n", "str.strip() given the keyword argument chars=", 1),
    ("print(max(1, 2, default=0))\n", "max() given the keyword argument default=", 1),
  ]

  @Test(arguments: 0..<cases.count)
  func isRefused(_ index: Int) {
    let (program, construct, expectedLine) = Self.cases[index]
    for version in [PythonVersion.v3_10, .v3_13] {
      let run = Interpreter.run(source: program, filename: "t.py", version: version)
      guard case .refused(let line, _, let what, let why)? = run.stop else {
        Issue.record("\(program.debugDescription) under \(version) was not refused: \(run.stdout.debugDescription)")
        continue
      }
      #expect(what == construct)
      #expect(why.contains("TypeError"))
      #expect(line == expectedLine)
      // Nothing the body printed before the refusal is shown as the program's output.
      #expect(!run.stdout.contains("None"))
    }
  }

  /// An exception takes no keyword arguments unless its class's own `__init__` does: CPython's
  /// TypeError, the same from 3.10 to 3.13.
  @Test func anExceptionTakesNoKeywordArguments() {
    let program = """
      class ToolError(Exception):
          pass

      class Wrapped(Exception):
          def __init__(self, message):
              super().__init__(message=message)

      class Coded(Exception):
          def __init__(self, message, code=0):
              super().__init__(message)
              self.code = code

      for make in (lambda: ValueError("bad", code=3), lambda: ToolError("x", code=1), lambda: Wrapped("m")):
          try:
              make()
          except TypeError as e:
              print(e)
      print(Coded("m", code=7).code)

      """
    for version in PythonVersion.allCases {
      let run = Interpreter.run(source: program, filename: "t.py", version: version)
      #expect(run.stdout == """
        ValueError() takes no keyword arguments
        ToolError() takes no keyword arguments
        Wrapped() takes no keyword arguments
        7

        """, "\(version)")
    }
  }
}
