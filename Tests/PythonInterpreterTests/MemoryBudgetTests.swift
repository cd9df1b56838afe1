import Foundation
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

  /// A large list that grows a few items at a time is metered once per 256K items it gains, not
  /// at every `extend` or `+=` (each reading asks the system, and a loop of them took minutes);
  /// a list that gains that many is still metered.
  @Test func aLargeListGrowingInSmallStepsIsMeteredAsItGains() {
    let meter = Growing(perReading: 0)
    var budgets = Budgets()
    budgets.memoryMeter = { meter.read() }
    let program = "x = [0] * 300000\nfor i in range(20000):\n    x.extend([1, 2])\n    x += [3]\nprint(len(x))\n"
    let run = Interpreter.run(source: program, filename: "grow.py", version: .v3_13, budgets: budgets)
    #expect(run.stdout == "360000\n")
    // At the start, at the new list and every 65,536 steps: a few times, not 40,000.
    #expect(meter.readings.withLock { $0 } <= 10)
    let big = Growing(perReading: 0)
    budgets.memoryMeter = { big.read() }
    let growing = "x = [0] * 300000\nfor i in range(4):\n    x.extend([1] * 300000)\nprint(len(x))\n"
    let grown = Interpreter.run(source: growing, filename: "grow.py", version: .v3_13, budgets: budgets)
    #expect(grown.stdout == "1500000\n")
    #expect(big.readings.withLock { $0 } >= 6)
  }

  @Test func withoutAMeterOnlyTheLimitOfOneValueHolds() {
    #expect(Budgets().memoryMeter == nil)
    let run = Interpreter.run(source: "x = [0] * 30000000\n", filename: "big.py", version: .v3_13)
    #expect(run.stop == .budget("memory: one value would hold 30000000 elements, more than the limit of 20000000"))
  }
}

/// The process's meter is read once per run (`Budgets()`), for every submission of a class.
@Suite struct ProcessMeterTests {
  /// Reading it must not wrap it: kept as a generic `Locked<Value>`, each read went through
  /// `withLock`'s `inout` and wrote back the closure wrapped twice more, so that after 100,000
  /// runs calling it took 200,000 nested calls, and a tenth of a class's grading went there. On a
  /// thread of 1 MiB it then overflows the stack; now it is one call.
  @Test func readingTheMeterManyTimesLeavesItOneCall() {
    let before = Budgets.processMemoryMeter
    Budgets.processMemoryMeter = before ?? { 0 }
    defer { Budgets.processMemoryMeter = before }
    for _ in 0..<100_000 { _ = Budgets().memoryMeter }
    let meter = Budgets().memoryMeter
    let done = DispatchSemaphore(value: 0)
    let reading = Locked<Int?>(nil)
    let thread = Thread {
      reading.withLock { $0 = meter?() }
      done.signal()
    }
    thread.stackSize = 1 << 20
    thread.start()
    done.wait()
    #expect(reading.withLock { $0 } != nil)
  }
}
