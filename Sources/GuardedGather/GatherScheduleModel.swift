/// The schedule of a batch computed by plain arithmetic, with no tasks and no clock: a reference
/// for tests and benchmarks.
///
/// A FIFO semaphore of `limit` permits hands each call, in arrival order, the slot that frees
/// first. So a call starts when the earliest slot frees, ends at the earlier of its finish and its
/// deadline (a tie is a timeout), and frees its slot then.
///
/// The model covers what arithmetic decides: batches whose failures are captured (none
/// propagates) and whose work is I/O. It does not model which zero-length events come first
/// within one instant, so compare peaks only where no call starts and ends at the same instant.
public struct GatherScheduleModel: Sendable {
  /// When each call started (`nil` if never), in call order.
  public var startedAt: [Duration?]
  /// When each call ended, in call order.
  public var endedAt: [Duration]
  /// How each call ended, in call order.
  public var outcomes: [GatherOutcome]
  /// When the last call ended.
  public var elapsed: Duration
  /// Whether some call waits for a slot that never comes (a limit of 0).
  public var deadlocked: Bool

  /// Whether the model applies to `batch`.
  public static func covers(_ batch: GatherBatch) -> Bool {
    !(batch.errors == .propagate && batch.calls.contains { $0.failure != nil })
      && batch.calls.allSatisfy { $0.work == .io }
  }

  /// Computes the schedule of `batch`.
  ///
  /// - Complexity: O(*n* log *limit*) for *n* calls.
  public init(_ batch: GatherBatch) {
    let count = batch.calls.count
    startedAt = Array(repeating: nil, count: count)
    endedAt = Array(repeating: .zero, count: count)
    outcomes = Array(repeating: .cancelled, count: count)
    deadlocked = false
    let queue = batch.timeoutScope == .queue
    func queueDeadline(_ index: Int) -> Duration? { queue ? batch.effectiveTimeout(ofCallAt: index) : nil }

    // Arrival order: in queue scope, calls wrapped by `wait_for` reach the semaphore after the others.
    var order = Array(0..<count)
    if queue {
      order = order.filter { queueDeadline($0) == nil } + order.filter { queueDeadline($0) != nil }
    }
    let slots = batch.effectiveLimit ?? count
    var free = BinaryHeap(Array(repeating: Duration.zero, count: min(slots, count)))
    for index in order {
      let call = batch.calls[index]
      let deadline = queueDeadline(index)
      guard let slot = free.first else {
        // No slot will ever free: it times out at its queue deadline, or waits forever.
        if let deadline {
          outcomes[index] = .timeout
          endedAt[index] = deadline
        } else {
          deadlocked = true
        }
        continue
      }
      if let deadline, slot >= deadline {
        outcomes[index] = .timeout
        endedAt[index] = deadline
        continue
      }
      free.pop()
      let start = slot
      let finish = start + max(call.delay, .zero)
      let callDeadline = deadline ?? batch.effectiveTimeout(ofCallAt: index).map { start + $0 }
      startedAt[index] = start
      if let callDeadline, callDeadline <= finish {
        outcomes[index] = .timeout
        endedAt[index] = callDeadline
      } else {
        outcomes[index] = call.failure == nil ? .ok : .error
        endedAt[index] = finish
      }
      free.push(endedAt[index])
    }
    elapsed = endedAt.max() ?? .zero
    if deadlocked {
      for index in 0..<count where outcomes[index] == .cancelled && startedAt[index] == nil {
        endedAt[index] = elapsed
      }
    }
  }

  /// The largest number of calls holding a slot at once, counting a call that ends at an instant
  /// as gone before one that starts at it.
  public var peakConcurrency: Int {
    var events: [(Duration, Int)] = []
    for index in startedAt.indices {
      guard let start = startedAt[index] else { continue }
      events.append((start, 1))
      events.append((endedAt[index], -1))
    }
    events.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
    var current = 0
    var peak = 0
    for (_, change) in events {
      current += change
      peak = max(peak, current)
    }
    return peak
  }
}
