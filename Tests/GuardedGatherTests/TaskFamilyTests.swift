import AsyncioModel
import Testing

@testable import GuardedGather

/// `gather` makes the calls' tasks as a family (`TaskFamily`): a call that waits for its slot is a
/// number until the semaphore wakes it. The family must run exactly as the tasks made one by one,
/// and must keep the waiting calls as numbers.
@Suite struct TaskFamilyTests {
  /// A batch drawn from every option, with ties, failures, blocking work and zero delays.
  static func batch(_ random: inout SeededRandom) -> GatherBatch {
    let count = Int.random(in: 1...14, using: &random)
    func grid(_ upper: Int) -> Int { Int.random(in: 0...upper, using: &random) * 25 }
    let limits: [Int?] = [nil, 0, 1, 1, 2, 2, 3, 5]
    var calls: [GatherCall] = []
    for index in 0..<count {
      let roll = Int.random(in: 0..<12, using: &random)
      var timeout = GatherCallTimeout.inherit
      if roll < 2 { timeout = .after(ms(grid(12))) }
      if roll == 2 { timeout = .none }
      calls.append(
        GatherCall(
          name: "t\(index)", delay: ms(grid(12)), timeout: timeout,
          failure: roll == 3 || roll == 4 ? "failure \(index)" : nil, work: roll == 5 ? .cpu : .io))
    }
    return GatherBatch(
      limit: limits.randomElement(using: &random)!,
      timeout: [nil, grid(8), grid(6)].randomElement(using: &random)!.map(ms),
      timeoutScope: Bool.random(using: &random) ? .call : .queue,
      semaphore: Int.random(in: 0..<5, using: &random) == 0 ? .perCall : .shared,
      errors: GatherErrorPolicy.allCases.randomElement(using: &random)!, calls: calls)
  }

  @Test(arguments: PythonVersion.allCases)
  func aFamilyRunsAsTheTasksMadeOneByOne(_ version: PythonVersion) {
    var random = SeededRandom(seed: 20261127)
    for number in 0..<3000 {
      let batch = Self.batch(&random)
      let asFamily = GatherEngine.run(batch, loop: EventLoop(version: version))
      let oneByOne = GatherEngine.run(batch, loop: EventLoop(version: version)) { $0.gathersAsFamily = false }
      #expect(asFamily == oneByOne, "Python \(version), batch \(number): \(describe(batch))")
      if asFamily != oneByOne { return }
    }
  }

  /// Ten thousand calls under a limit of 10: at no moment are more than the ten running, the
  /// ones just woken and the ones just finished tasks (one by one, all ten thousand would be).
  @Test(arguments: PythonVersion.allCases)
  func callsWaitingForASlotAreNotTasks(_ version: PythonVersion) throws {
    let calls = (0..<10_000).map { GatherCall(name: "c\($0)", delay: .microseconds(1_000 + ($0 * 7919) % 50_000)) }
    var program: GuardedGatherProgram?
    let trace = GatherEngine.run(GatherBatch(limit: 10, timeout: ms(30), calls: calls), loop: EventLoop(version: version)) {
      program = $0
    }
    #expect(trace.peakConcurrency == 10)
    #expect(trace.calls.allSatisfy { $0.startedAt != nil })
    let family = try #require(program?.family)
    #expect(family.count == 10_000)
    #expect(family.mostTasksAtOnce <= 20, "Python \(version): \(family.mostTasksAtOnce) tasks at once")
  }

  /// A failure cancels the calls still waiting: each becomes the task it stands for, cancelled.
  @Test(arguments: PythonVersion.allCases)
  func cancellingTheGatherCancelsTheWaitingCalls(_ version: PythonVersion) throws {
    var calls = (0..<1_000).map { GatherCall(name: "c\($0)", delay: ms(10)) }
    calls[3] = GatherCall(name: "c3", delay: ms(5), failure: "boom")
    let trace = GatherEngine.runVirtual(GatherBatch(limit: 4, timeout: nil, calls: calls), python: version)
    #expect(trace.failure == .callFailed(name: "c3", message: "boom"))
    // c3's slot went to c4, which started before the rest were cancelled: every call but c3 is
    // cancelled, and 995 never started.
    #expect(trace.calls.filter { $0.outcome == .cancelled }.count == 999)
    #expect(trace.calls.filter { $0.startedAt == nil }.count == 995)
    #expect(trace.calls[4].startedAt == .milliseconds(5))
  }
}
