import GuardedGather
import Testing

@Suite struct EngineTests {
  @Test func classicExampleGivesThePagesOutput() {
    let trace = GatherEngine.runVirtual(classic)
    #expect(trace.pythonResults == "['search:ok', 'database:ok', 'slow_tool:timeout']")
    #expect(trace.timeouts == 1)
    #expect(trace.elapsed == ms(400))
    #expect(trace.peakConcurrency == 2)
    #expect(trace.calls.map(\.startedAt) == [.zero, .zero, ms(100)])
    #expect(trace.calls.map(\.endedAt) == [ms(100), ms(200), ms(400)])
  }

  @Test func resultsComeBackInCallOrderNotFinishingOrder() {
    let batch = GatherBatch(limit: nil, timeout: nil, calls: [call("slow", 300), call("fast", 100), call("mid", 200)])
    let trace = GatherEngine.runVirtual(batch)
    #expect(trace.results == ["slow:ok", "fast:ok", "mid:ok"])
    #expect(trace.calls.map(\.endedAt) == [ms(300), ms(100), ms(200)])
  }

  @Test func gatherOverlapsWaitsSoTheBatchTakesTheLongestDelay() {
    let batch = GatherBatch(limit: nil, timeout: nil, calls: [call("a", 300), call("b", 200), call("c", 100)])
    #expect(GatherEngine.runVirtual(batch).elapsed == ms(300))
  }

  @Test(arguments: [1, 2, 3, 5])
  func peakInFlightNeverExceedsTheLimit(limit: Int) {
    let calls = (0..<12).map { call("c\($0)", 50 * ($0 % 4 + 1)) }
    let trace = GatherEngine.runVirtual(GatherBatch(limit: limit, timeout: nil, calls: calls))
    #expect(trace.peakConcurrency == limit)
  }

  @Test func finishingExactlyAtTheDeadlineIsATimeout() {
    let batch = GatherBatch(limit: 3, timeout: ms(200), calls: [call("a", 200), call("b", 200), call("c", 199)])
    let trace = GatherEngine.runVirtual(batch)
    #expect(trace.results == ["a:timeout", "b:timeout", "c:ok"])
  }

  @Test func queueScopeTimesOutCallsThatNeverStart() {
    var batch = classic
    batch.limit = 1
    batch.timeoutScope = .queue
    let trace = GatherEngine.runVirtual(batch)
    #expect(trace.results == ["search:ok", "database:ok", "slow_tool:timeout"])
    #expect(trace.calls[2].startedAt == nil)
    #expect(trace.calls[2].endedAt == ms(300))
  }

  @Test func aSemaphorePerCallLimitsNothing() {
    var batch = classic
    batch.semaphore = .perCall
    let trace = GatherEngine.runVirtual(batch)
    #expect(trace.peakConcurrency == 3)
    #expect(trace.calls.allSatisfy { $0.startedAt == .zero })
  }

  @Test func aPropagatedFailureNamesTheCallAndCancelsTheRest() {
    let batch = GatherBatch(
      limit: 2, timeout: ms(500),
      calls: [call("search", 100), call("flaky", 150, fails: "HTTP 503"), call("database", 200), call("rerank", 100)])
    let trace = GatherEngine.runVirtual(batch)
    #expect(trace.results == nil)
    #expect(trace.timeouts == nil)
    #expect(trace.failure == .callFailed(name: "flaky", message: "HTTP 503"))
    #expect(trace.calls.map(\.outcome) == [.ok, .error, .cancelled, .cancelled])
    #expect(trace.elapsed == ms(150))
  }

  @Test func aCapturedFailureKeepsEveryoneElsesResult() {
    let batch = GatherBatch(
      limit: 2, timeout: ms(500), errors: .capture,
      calls: [call("search", 100), call("flaky", 150, fails: "HTTP 503"), call("database", 200)])
    let trace = GatherEngine.runVirtual(batch)
    #expect(trace.results == ["search:ok", "flaky:error", "database:ok"])
    #expect(trace.failure == nil)
  }

  @Test func limitZeroIsReportedAsADeadlockNotAHang() {
    let trace = GatherEngine.runVirtual(
      GatherBatch(limit: 0, timeout: ms(500), calls: [call("a", 100), call("b", 100)]))
    #expect(trace.failure == .deadlock(waiting: ["a", "b"]))
    #expect(trace.results == nil)
    #expect(trace.calls.allSatisfy { $0.outcome == .cancelled && $0.startedAt == nil })
  }

  @Test func limitZeroWithQueueTimeoutsTimesOutAndDoesNotDeadlock() {
    let batch = GatherBatch(
      limit: 0, timeout: ms(500), timeoutScope: .queue, calls: [call("a", 100), call("b", 100, timeout: 200)])
    let trace = GatherEngine.runVirtual(batch)
    #expect(trace.results == ["a:timeout", "b:timeout"])
    #expect(trace.elapsed == ms(500))
  }

  @Test func cpuBoundWorkHoldsTheExecutorSoNothingOverlaps() {
    let batch = GatherBatch(
      limit: nil, timeout: nil, calls: [call("resize", 300, cpu: true), call("embed", 200, cpu: true)])
    let trace = GatherEngine.runVirtual(batch)
    #expect(trace.elapsed == ms(500))
    #expect(trace.results == ["resize:ok", "embed:ok"])
  }

  @Test func largeBatchesMatchTheArithmeticOfAFIFOSchedule() {
    // 2,000 calls, limit 7: each call starts when the earliest of the 7 slots frees.
    var random = SeededRandom(seed: 7)
    let calls = (0..<2_000).map { call("c\($0)", 10 * Int.random(in: 1...20, using: &random)) }
    let trace = GatherEngine.runVirtual(GatherBatch(limit: 7, timeout: nil, calls: calls))
    var slots = Array(repeating: Duration.zero, count: 7)
    for (index, item) in calls.enumerated() {
      let slot = slots.indices.min { slots[$0] < slots[$1] }!
      #expect(trace.calls[index].startedAt == slots[slot])
      slots[slot] += item.delay
    }
    #expect(trace.elapsed == slots.max())
    #expect(trace.peakConcurrency == 7)
  }

  @Test func aCancelledLoopReportsAnInterruptedRunWithEveryCallEnded() {
    let interruption = GatherInterruption()
    interruption.interrupt()
    let trace = GatherEngine.runReal(
      GatherBatch(limit: 1, timeout: nil, calls: [call("a", 60_000), call("b", 60_000)]), interruption: interruption)
    #expect(trace.failure == .interrupted)
    #expect(trace.results == nil)
    #expect(trace.calls.allSatisfy { $0.outcome == .cancelled })
    #expect(trace.elapsed < .seconds(1))
  }
}
