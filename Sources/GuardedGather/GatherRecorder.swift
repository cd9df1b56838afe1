import Synchronization

/// Collects what happens to each call while a batch runs: the trace under construction.
///
/// Times are nanoseconds since the start of the batch; a call that never started has -1.
final class GatherRecorder: Sendable {
  struct State: ~Copyable {
    var startedAt: [Int64]
    var endedAt: [Int64]
    var outcomes: [GatherOutcome]
    var finished: [Bool]
    var inFlight = 0
    var peak = 0
    var firstFailure: Int?
  }

  let state: Mutex<State>
  /// Each call's deadline (nanoseconds) when its timeout covers the wait for a slot.
  let queueDeadlines: [Int64?]?

  init(count: Int, queueDeadlines: [Int64?]?) {
    self.queueDeadlines = queueDeadlines
    state = Mutex(
      State(
        startedAt: Array(repeating: -1, count: count), endedAt: Array(repeating: 0, count: count),
        outcomes: Array(repeating: .cancelled, count: count), finished: Array(repeating: false, count: count)))
  }

  func start(_ index: Int, at time: Int64) {
    state.withLock { state in
      state.startedAt[index] = time
      state.inFlight += 1
      if state.inFlight > state.peak { state.peak = state.inFlight }
    }
  }

  /// Records how a started call ended. Returns `true` when this is the batch's first failure.
  @discardableResult
  func finish(_ index: Int, _ outcome: GatherOutcome, at time: Int64, failsBatch: Bool = false) -> Bool {
    state.withLock { state in
      state.inFlight -= 1
      state.outcomes[index] = outcome
      state.endedAt[index] = time
      state.finished[index] = true
      guard failsBatch, state.firstFailure == nil else { return false }
      state.firstFailure = index
      return true
    }
  }

  /// Records how a call that never got a slot ended.
  func end(_ index: Int, _ outcome: GatherOutcome, at time: Int64) {
    state.withLock { state in
      state.outcomes[index] = outcome
      state.endedAt[index] = time
      state.finished[index] = true
    }
  }

  func trace(of batch: GatherBatch, elapsed: Int64, deadlocked: Bool, interrupted: Bool = false) -> GatherTrace {
    state.withLock { state in
      var waiting: [String] = []
      for index in batch.calls.indices where !state.finished[index] {
        if let deadline = queueDeadlines?[index] ?? nil, deadline <= elapsed {
          // It waited for a slot until its deadline passed, before the batch stopped.
          state.outcomes[index] = .timeout
          state.endedAt[index] = deadline
        } else {
          state.outcomes[index] = .cancelled
          state.endedAt[index] = elapsed
        }
      }
      if deadlocked {
        for index in batch.calls.indices where state.outcomes[index] == .cancelled && state.startedAt[index] < 0 {
          waiting.append(batch.calls[index].name)
        }
      }
      let failure: GatherFailure?
      if let index = state.firstFailure {
        failure = .callFailed(name: batch.calls[index].name, message: batch.calls[index].failure ?? "")
      } else if deadlocked {
        failure = .deadlock(waiting: waiting)
      } else if interrupted {
        failure = .interrupted
      } else {
        failure = nil
      }
      return GatherTrace(
        failure: failure, calls: batch.calls, startedAt: state.startedAt, endedAt: state.endedAt,
        outcomes: state.outcomes, peakConcurrency: state.peak, elapsed: .nanoseconds(elapsed),
        swallowsErrors: batch.errors == .swallow)
    }
  }
}
