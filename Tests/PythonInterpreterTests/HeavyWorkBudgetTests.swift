import AsyncioModel
import Testing

@testable import PythonInterpreter

/// Work that one step of the program hides still counts: arithmetic on huge integers, and a
/// value written out that is nested deeper than the interpreter goes.
@Suite struct HeavyWorkBudgetTests {
  static var budgets: Budgets {
    var b = Budgets()
    b.steps = 5_000_000
    return b
  }

  /// pow(3, 10**8) is 158 million bits, under the limit of one value, and takes CPython about
  /// 90 s; it took lesson minutes. It now stops at once.
  @Test func aHugePowerStopsOnTheStepBudget() {
    let run = Interpreter.run(source: "print(pow(3, 10**8) % 7)\n", filename: "t.py", version: .v3_13, budgets: Self.budgets)
    #expect(run.stop == .budget("steps: the program ran more than 5000000 steps (an endless loop?)"))
  }

  /// 300,000 multiplications by 3 are 1.2 million steps of the program, but 10^9 word operations.
  @Test func manyMultiplicationsOfAGrowingNumberCount() {
    let program = "x = 1\nfor i in range(300_000):\n    x = x * 3\nprint(x % 7)\n"
    let run = Interpreter.run(source: program, filename: "t.py", version: .v3_13, budgets: Self.budgets)
    #expect(run.stop == .budget("steps: the program ran more than 5000000 steps (an endless loop?)"))
  }

  /// Small numbers cost nothing extra: the same loop on a number that stays small finishes.
  @Test func smallNumbersCostOneStepEach() {
    let program = "x = 1\nfor i in range(300_000):\n    x = (x * 3) % 1_000_003\nprint(x)\n"
    let run = Interpreter.run(source: program, filename: "t.py", version: .v3_13, budgets: Self.budgets)
    #expect(run.stop == nil)
    #expect(run.exitCode == 0)
  }

  /// With the recursion limit raised to a million, the repr of a value 20,000 deep stops at the
  /// interpreter's own depth, under every version (it ran for minutes at 600,000).
  @Test func aDeepReprStopsAtTheInterpretersDepth() {
    let program = "import sys\nsys.setrecursionlimit(10**6)\nd = {}\nfor i in range(20_000):\n    d = {1: d}\nprint(len(repr(d)))\n"
    for version in PythonVersion.allCases {
      let run = Interpreter.run(source: program, filename: "t.py", version: version, budgets: Self.budgets)
      #expect(run.stop == .budget("recursion: a value nested more than 10000 deep"), "\(version)")
    }
  }

  /// Under 3.12 and later, a repr deeper than the recursion limit is refused: CPython bounds it
  /// by the C stack there, not by the limit.
  @Test func aReprDeeperThanTheLimitIsRefusedFrom312() {
    let program = "x = []\nfor i in range(1200):\n    x = [x]\nprint(len(repr(x)))\n"
    for version in [PythonVersion.v3_12, .v3_13] {
      let run = Interpreter.run(source: program, filename: "t.py", version: version, budgets: Self.budgets)
      guard case .refused(_, _, let construct, _)? = run.stop else {
        Issue.record("\(version): \(run.stdout) \(run.stderr)")
        continue
      }
      #expect(construct == "the repr of a value nested more than 1000 deep")
    }
  }
}
