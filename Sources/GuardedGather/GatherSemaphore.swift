import Synchronization

/// A FIFO counting semaphore: waiters get permits in the order they asked.
///
/// Waiters suspend on continuations; a cancelled waiter leaves the queue and resumes with
/// `CancellationError`.
final class GatherSemaphore: Sendable {
  private struct State: ~Copyable {
    var permits: Int
    var nextID: UInt64 = 0
    var waiters: [(id: UInt64, continuation: UnsafeContinuation<Void, Error>?)] = []
    var cancelledEarly: Set<UInt64> = []
    var closed = false
  }

  private let state: Mutex<State>

  init(permits: Int) {
    state = Mutex(State(permits: permits))
  }

  /// Takes a permit if one is free now.
  func tryAcquire() -> Bool {
    state.withLock { state in
      guard state.permits > 0, state.waiters.isEmpty else { return false }
      state.permits -= 1
      return true
    }
  }

  /// Waits for a permit, in FIFO order.
  func acquire() async throws {
    if tryAcquire() { return }
    let id = state.withLock { state in
      state.nextID += 1
      return state.nextID
    }
    try await withTaskCancellationHandler {
      try await withUnsafeThrowingContinuation { (continuation: UnsafeContinuation<Void, Error>) in
        let outcome: Bool? = state.withLock { state in
          if state.cancelledEarly.remove(id) != nil || state.closed { return false }
          if state.permits > 0, state.waiters.isEmpty {
            state.permits -= 1
            return true
          }
          state.waiters.append((id, continuation))
          return nil
        }
        switch outcome {
        case true?: continuation.resume()
        case false?: continuation.resume(throwing: CancellationError())
        case nil: break
        }
      }
    } onCancel: {
      let continuation = state.withLock { state -> UnsafeContinuation<Void, Error>? in
        if let index = state.waiters.firstIndex(where: { $0.id == id }) {
          return state.waiters.remove(at: index).continuation
        }
        state.cancelledEarly.insert(id)
        return nil
      }
      continuation?.resume(throwing: CancellationError())
    }
  }

  /// Ends the wait of every waiter with `CancellationError`, now and from now on: the batch is over.
  func close() {
    let waiters = state.withLock { state in
      state.closed = true
      defer { state.waiters.removeAll() }
      return state.waiters.compactMap(\.continuation)
    }
    for waiter in waiters { waiter.resume(throwing: CancellationError()) }
  }

  /// Gives a permit back, handing it straight to the first waiter if there is one.
  func release() {
    let next = state.withLock { state -> UnsafeContinuation<Void, Error>? in
      if state.waiters.isEmpty {
        state.permits += 1
        return nil
      }
      return state.waiters.removeFirst().continuation
    }
    next?.resume()
  }
}
