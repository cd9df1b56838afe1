import AsyncioModel
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@testable import PythonInterpreter

/// Whether the tests run under the thread sanitizer (its runtime is linked in).
let underThreadSanitizer: Bool = dlsym(dlopen(nil, RTLD_NOW), "__tsan_init") != nil

/// A value nested very deep is let go of without recursing through it: a million lists, dicts,
/// tuples or objects inside one another end the run normally (they used to overflow the stack
/// as the last reference went and each freed the next).
///
/// Not under the thread sanitizer: millions of objects made and freed exhaust its trace memory,
/// and its own lock then stalls the run (the plain `swift test` runs them).
@Suite(.enabled(if: !underThreadSanitizer)) struct DeepValueTests {

  static let programs: [(name: String, source: String)] = [
    ("lists", "x = []\nfor i in range(1_000_000):\n    x = [x]\nprint('built')\n"),
    ("dicts", "d = {}\nfor i in range(1_000_000):\n    d = {1: d}\nprint('built')\n"),
    ("tuples", "t = ()\nfor i in range(1_000_000):\n    t = (t, i)\nprint('built')\n"),
    ("objects", "class Node:\n    def __init__(self, nxt):\n        self.nxt = nxt\nn = None\nfor i in range(500_000):\n    n = Node(n)\nprint('built')\n"),
    ("closures", "def make(f):\n    return lambda: f\nf = None\nfor i in range(300_000):\n    f = make(f)\nprint('built')\n"),
    ("dropped in the loop", "x = []\nfor i in range(1_000_000):\n    x = [x]\nx = None\nprint('dropped')\n"),
  ]

  @Test(arguments: 0..<programs.count)
  func endsNormally(_ index: Int) {
    let (name, source) = Self.programs[index]
    let run = Interpreter.run(source: source, filename: "\(name).py", version: .v3_13)
    #expect(run.stop == nil, "\(name)")
    #expect(run.exitCode == 0, "\(name)")
    #expect(run.stdout.hasSuffix("\n") && !run.stdout.isEmpty, "\(name)")
  }

  /// Taking a dying value apart leaves what others still hold whole.
  @Test func whatOthersHoldStaysWhole() {
    let program = """
      class Box:
          pass

      inner = [1, 2, 3]
      shared = {"k": inner}
      b = Box()
      b.items = inner
      keep = b.__dict__
      outer = [[inner], (inner,), {"s": shared}, b]
      del b
      outer = None
      print(inner, shared, keep)

      """
    let run = Interpreter.run(source: program, filename: "t.py", version: .v3_12)
    #expect(run.stdout == "[1, 2, 3] {'k': [1, 2, 3]} {'items': [1, 2, 3]}\n")
  }
}
