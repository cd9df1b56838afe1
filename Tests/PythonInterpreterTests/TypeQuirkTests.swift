import AsyncioModel
import Testing

@testable import PythonInterpreter

/// Where a class of CPython is something else here, the answer is CPython's or a refusal.
@Suite struct TypeQuirkTests {
  /// `type.mro(int)` is int's order, as `int.mro()` is (CPython 3.10–3.13 print
  /// `[<class 'int'>, <class 'object'>]` for both); it was type's.
  @Test(arguments: PythonVersion.allCases)
  func theMroOfTheClassGiven(_ version: PythonVersion) {
    let run = Interpreter.run(
      source: "print(type.mro(int))\nprint(int.mro())\nclass A: pass\nprint(type.mro(A) == A.mro() == [A, object])\n",
      filename: "t.py", version: version)
    #expect(run.stop == nil)
    #expect(run.stdout == "[<class 'int'>, <class 'object'>]\n[<class 'int'>, <class 'object'>]\nTrue\n")
  }

  /// `map`, `zip`, `filter`, `enumerate` and `reversed` are classes in CPython
  /// (`isinstance(map(str, []), map)` is True there); here they are functions, so the check is
  /// refused, not answered with a TypeError.
  @Test(arguments: ["map", "zip", "filter", "enumerate", "reversed"])
  func isinstanceOfABuiltinIteratorClassIsRefused(_ name: String) {
    for (check, x) in [("isinstance", "[1]"), ("issubclass", "list")] {
      let run = Interpreter.run(source: "x = \(x)\nprint(\(check)(x, \(name)))\n", filename: "t.py", version: .v3_13)
      guard case .refused(let line, _, let what, _)? = run.stop else {
        Issue.record("\(check)(x, \(name)) was not refused: \(run.stdout) \(run.stderr)")
        continue
      }
      #expect(line == 2)
      #expect(what == "\(check)(x, \(name))")
    }
  }
}
