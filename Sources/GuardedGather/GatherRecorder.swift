import Synchronization

/// Collects what happens to each call while a batch runs: the trace under construction.
final class GatherRecorder: Sendable {
  struct State: ~Copyable {
    var startedAt: [Duration?]
    var endedAt: [Duration]
    var outcomes: [GatherOutcome?]
    var inFlight = 0
    var peak = 0
    var firstFailure: Int?
  }

  let state: Mutex<State>
  /// Each call's deadline when its timeout covers the wait for a slot.
  let queueDeadlines: [Duration?]?

  init(count: Int, queueDeadlines: [Duration?]?) {
    self.queueDeadlines = queueDeadlines
    state = Mutex(
      State(
        startedAt: Array(repeating: nil, count: count),
        endedAt: Array(repeating: .zero, count: count),
        outcomes: Array(repeating: nil, count: count)))
  }

  func start(_ index: Int, at time: Duration) {
    state.withLock { state in
      state.startedAt[index] = time
      state.inFlight += 1
      if state.inFlight > state.peak { state.peak = state.inFlight }
    }
  }

  /// Records how a started call ended. Returns `true` when this is the batch's first failure.
  @discardableResult
  func finish(_ index: Int, _ outcome: GatherOutcome, at time: Duration, failsBatch: Bool = false) -> Bool {
    state.withLock { state in
      state.inFlight -= 1
      state.outcomes[index] = outcome
      state.endedAt[index] = time
      guard failsBatch, state.firstFailure == nil else { return false }
      state.firstFailure = index
      return true
    }
  }

  /// Records how a call that never got a slot ended.
  func end(_ index: Int, _ outcome: GatherOutcome, at time: Duration) {
    state.withLock { state in
      state.outcomes[index] = outcome
      state.endedAt[index] = time
    }
  }

  var hasFailed: Bool { state.withLock { $0.firstFailure != nil } }

  func trace(of batch: GatherBatch, elapsed: Duration, deadlocked: Bool) -> GatherTrace {
    state.withLock { state in
      var calls: [GatherCallRecord] = []
      calls.reserveCapacity(batch.calls.count)
      var waiting: [String] = []
      for (index, call) in batch.calls.enumerated() {
        var outcome = state.outcomes[index] ?? .cancelled
        var endedAt = state.outcomes[index] == nil ? elapsed : state.endedAt[index]
        if state.outcomes[index] == nil, let deadline = queueDeadlines?[index] ?? nil, deadline <= elapsed {
          // It waited for a slot until its deadline passed, before the batch stopped.
          outcome = .timeout
          endedAt = deadline
        }
        if deadlocked && outcome == .cancelled && state.startedAt[index] == nil {
          waiting.append(call.name)
        }
        calls.append(
          GatherCallRecord(name: call.name, outcome: outcome, startedAt: state.startedAt[index], endedAt: endedAt))
      }
      let failure: GatherFailure?
      if let index = state.firstFailure {
        failure = .callFailed(name: batch.calls[index].name, message: batch.calls[index].failure ?? "")
      } else if deadlocked {
        failure = .deadlock(waiting: waiting)
      } else {
        failure = nil
      }
      return GatherTrace(failure: failure, calls: calls, peakConcurrency: state.peak, elapsed: elapsed)
    }
  }
}
