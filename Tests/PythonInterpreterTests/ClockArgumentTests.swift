import AsyncioModel
import Testing

@testable import PythonInterpreter

/// `time`'s clocks take no arguments and `time.sleep` exactly one, by position: CPython's
/// TypeErrors, which the corpus cannot record (its virtual clock replaces these functions with
/// Python functions of its own). The words below are what CPython 3.10.13, 3.11.7, 3.12.1 and
/// 3.13.0 print, alike, for `python -c "import time; time.perf_counter(1)"` and the rest.
@Suite struct ClockArgumentTests {
  static let cases: [(call: String, message: String)] = [
    ("time.perf_counter(1)", "TypeError: time.perf_counter() takes no arguments (1 given)"),
    ("time.monotonic(1, 2)", "TypeError: time.monotonic() takes no arguments (2 given)"),
    ("time.time(0)", "TypeError: time.time() takes no arguments (1 given)"),
    ("time.perf_counter_ns(1)", "TypeError: time.perf_counter_ns() takes no arguments (1 given)"),
    ("time.perf_counter(x=1)", "TypeError: time.perf_counter() takes no keyword arguments"),
    ("time.sleep()", "TypeError: time.sleep() takes exactly one argument (0 given)"),
    ("time.sleep(0, 1)", "TypeError: time.sleep() takes exactly one argument (2 given)"),
    ("time.sleep(seconds=0)", "TypeError: time.sleep() takes no keyword arguments"),
    ("time.sleep(1, x=1)", "TypeError: time.sleep() takes no keyword arguments"),
  ]

  @Test(arguments: 0..<cases.count)
  func raisesCPythonsTypeError(_ index: Int) {
    let (call, message) = Self.cases[index]
    let program = "import time\ntry:\n    \(call)\nexcept TypeError as e:\n    print(type(e).__name__ + ': ' + str(e))\n"
    for version in PythonVersion.allCases {
      let run = Interpreter.run(source: program, filename: "t.py", version: version)
      #expect(run.stop == nil, "\(call) under \(version)")
      #expect(run.stdout == message + "\n", "\(call) under \(version)")
    }
  }
}
