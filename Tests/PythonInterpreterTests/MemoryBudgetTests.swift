import AsyncioModel
import Synchronization
import Testing

@testable import PythonInterpreter

/// Many values, each under the limit of one, add up: the memory budget measures the whole
/// program by the host's meter (the `lesson` executable reads its process's resident memory).
@Suite struct MemoryBudgetTests {
  /// A meter that says the process grew by `perReading` bytes at each reading after the first.
  final class Growing: Sendable {
    let readings = Mutex(0)
    let perReading: Int
    init(perReading: Int) { self.perReading = perReading }
    func read() -> Int { readings.withLock { count in defer { count += 1 }; return count * perReading } }
  }

  static let hog = "x = []\nwhile True:\n    x.append([0] * 300000)\n"

  @Test func aProgramThatKeepsGrowingIsStoppedByTheBudget() {
    let meter = Growing(perReading: 64 << 20)
    var budgets = Budgets()
    budgets.memoryMeter = { meter.read() }
    let run = Interpreter.run(source: Self.hog, filename: "hog.py", version: .v3_13, budgets: budgets)
    #expect(run.stop == .budget("memory: the program holds more than 512 MB"))
    #expect(run.stopLine == 3)
    // Read at the start, then at each large value until past 512 MB: ten readings, not thousands.
    #expect(meter.readings.withLock { $0 } == 10)
  }

  @Test func aProgramThatStaysWithinItIsNotStopped() {
    let meter = Growing(perReading: 1 << 20)
    var budgets = Budgets()
    budgets.memoryMeter = { meter.read() }
    let program = "x = [[0] * 300000 for _ in range(5)]\nprint(sum(len(row) for row in x))\n"
    let run = Interpreter.run(source: program, filename: "ok.py", version: .v3_13, budgets: budgets)
    #expect(run.stop == nil)
    #expect(run.stdout == "1500000\n")
  }

  @Test func withoutAMeterOnlyTheLimitOfOneValueHolds() {
    #expect(Budgets().memoryMeter == nil)
    let run = Interpreter.run(source: "x = [0] * 30000000\n", filename: "big.py", version: .v3_13)
    #expect(run.stop == .budget("memory: one value would hold 30000000 elements, more than the limit of 20000000"))
  }
}
