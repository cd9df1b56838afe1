// libFuzzer target for the configuration, evidence-card and Python program readers: whatever the bytes, loading
// must end in a value or a LessonKitError, never a crash, a hang or a stack overflow; a loaded
// configuration must run through the engine and the checker. Build and run: Tests/Fuzz/run.sh.
import GuardedGather
import LessonKit
import PythonInterpreter
import PythonSyntax

/// Small budgets: each input must end quickly, whatever it does.
let fuzzBudgets: Budgets = {
  var b = Budgets()
  b.steps = 200_000
  b.elements = 200_000
  b.output = 100_000
  b.tasks = 2_000
  return b
}()

let spec = try! LessonSpec.parse(
  Array(
    #"""
    {"formatVersion": 1, "id": 3, "title": "t", "file": "f.json", "goal": "g",
     "expected": {"results": ["a:ok"], "timeouts": 0},
     "rules": [{"check": "min-calls", "value": 2}, {"check": "limit", "value": 3}, {"check": "evidence-matches"},
               {"check": "note-explains", "topics": [{"about": "x", "words": ["upstream"]}]},
               {"check": "same-results-at-limits", "limits": [2, 1]}, {"check": "failures-named"}],
     "starterMistake": "no-limit", "hints": ["h"]}
    """#.utf8), file: "spec.json")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: count))
  _ = try? LessonSpec.parse(bytes, file: "fuzz.json")
  // The interpreter's parser, under every version: a tree or a SyntaxError, never a crash.
  for version in PythonVersion.allCases {
    if case .success(let module) = Result(catching: { try PythonParser.parse(utf8: bytes, version: version) }) {
      _ = module.dump(version: version)
      _ = try? PythonParser.compile(String(decoding: bytes, as: UTF8.self), version: version)
    }
  }
  // The interpreter: whatever the program does, it ends within its budgets with an output, a
  // Python error, a refusal or a budget stop; never a crash, a hang or a change on the machine.
  if count <= 8_192, (try? PythonParser.parse(utf8: bytes, version: .v3_13)) != nil {
    let run = Interpreter.run(utf8: bytes, filename: "fuzz.py", version: .v3_13, budgets: fuzzBudgets)
    precondition(run.stdout.utf8.count + run.stderr.utf8.count <= fuzzBudgets.output + 100_000)
  }
  // The program read from its run: never a crash, a hang or a stack overflow; what it reads is
  // checked.
  if count <= 8_192, let program = try? InputFile.program(bytes, file: "fuzz.py", python: .v3_13),
    program.batch.calls.count <= 64
  {
    _ = LessonChecker.check(program, against: spec, file: "fuzz.py")
  }
  guard let configuration = try? LearnerConfiguration.parse(bytes, file: "fuzz.json") else { return 0 }
  // Keep each input cheap: the loaders are the target; the engine runs small batches only.
  guard configuration.batch.calls.count <= 64 else { return 0 }
  let report = LessonChecker.check(configuration, against: spec, file: "fuzz.json")
  precondition(report.trace.calls.count == configuration.batch.calls.count)
  if let limit = configuration.batch.effectiveLimit { precondition(report.trace.peakConcurrency <= limit) }
  return 0
}
