import Synchronization

/// A clock whose time moves only when the loop driving it says so, making every run instant and
/// reproducible.
///
/// Sleepers wait in a queue ordered by (deadline, registration order). ``GatherLoop`` advances the
/// clock to the earliest deadline when it has no other work and resumes every sleeper that is due,
/// in that order. Cancelling a sleeping task resumes it with `CancellationError`, also when the
/// cancellation arrives before the sleeper registered.
public final class VirtualClock: Clock, Sendable {
  /// A point on the virtual time line: an offset from the clock's zero.
  public struct Instant: InstantProtocol, Sendable, Hashable, Comparable {
    /// The time since the clock's zero.
    public var offset: Duration

    /// Creates an instant at `offset` from the clock's zero.
    public init(offset: Duration) { self.offset = offset }

    public func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
    public func duration(to other: Instant) -> Duration { other.offset - offset }
    public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
  }

  private let state = Mutex(SleeperQueue())
  private let loop = Mutex<GatherLoop?>(nil)

  func attach(_ loop: GatherLoop?) { self.loop.withLock { $0 = loop } }

  /// Suspends the current task for one turn of the loop driving this clock.
  public func yieldTurn() async {
    if let loop = loop.withLock({ $0 }) {
      await loop.yieldTurn()
    } else {
      await Task.yield()
    }
  }

  /// Creates a clock at time zero.
  public init() {}

  public var now: Instant { Instant(offset: state.withLock { $0.now }) }
  public var minimumResolution: Duration { .nanoseconds(1) }

  public func sleep(until deadline: Instant, tolerance: Duration? = nil) async throws {
    try Task.checkCancellation()
    let id: UInt64? = state.withLock { queue in
      deadline.offset <= queue.now ? nil : queue.reserve()
    }
    guard let id else {
      // A deadline that has passed costs one turn of the loop, as `asyncio.sleep(0)` does.
      await yieldTurn()
      try Task.checkCancellation()
      return
    }
    try await withTaskCancellationHandler {
      try await withUnsafeThrowingContinuation { (continuation: UnsafeContinuation<Void, Error>) in
        let cancelledEarly = state.withLock { queue in
          queue.register(id, deadline: deadline.offset, continuation: continuation)
        }
        if cancelledEarly { continuation.resume(throwing: CancellationError()) }
      }
    } onCancel: {
      state.withLock { $0.cancel(id) }?.resume(throwing: CancellationError())
    }
  }

  /// Moves time forward without resuming anyone: the executor was busy (CPU-bound work) for
  /// `duration`, so sleepers that fell due meanwhile are resumed late, by the loop.
  public func block(for duration: Duration) {
    guard duration > .zero else { return }
    state.withLock { $0.now += duration }
  }

  /// How many turns the loop driving this clock has run: one per batch of jobs that were runnable
  /// together, like one pass of asyncio's `_run_once`.
  public var turn: UInt64 { state.withLock { $0.turn } }

  /// Starts the next turn of the loop.
  public func beginTurn() { state.withLock { $0.turn += 1 } }

  /// Whether any sleeper is waiting.
  public var hasSleepers: Bool { state.withLock { !$0.waiting.isEmpty } }

  /// Advances to the earliest deadline (unless time is already past it) and resumes every sleeper
  /// that is due, in (deadline, registration) order.
  ///
  /// - Returns: `false` when no sleeper is waiting, so nothing could advance.
  @discardableResult
  public func resumeNextSleepers() -> Bool {
    let due = state.withLock { $0.takeDue() }
    guard let due else { return false }
    for continuation in due { continuation.resume() }
    return true
  }
}

/// The clock's state: its time and its sleepers in a binary min-heap.
private struct SleeperQueue: ~Copyable {
  enum Slot {
    case reserved
    case cancelled
    case waiting(UnsafeContinuation<Void, Error>)
  }

  struct Entry {
    var deadline: Duration
    var id: UInt64
    static func < (a: Entry, b: Entry) -> Bool { (a.deadline, a.id) < (b.deadline, b.id) }
  }

  var now: Duration = .zero
  var turn: UInt64 = 0
  var nextID: UInt64 = 0
  var heap: [Entry] = []
  var waiting: [UInt64: Slot] = [:]

  mutating func reserve() -> UInt64 {
    nextID += 1
    waiting[nextID] = .reserved
    return nextID
  }

  /// Returns `true` when the sleeper was cancelled before it could register.
  mutating func register(_ id: UInt64, deadline: Duration, continuation: UnsafeContinuation<Void, Error>) -> Bool {
    if case .cancelled = waiting[id] {
      waiting[id] = nil
      return true
    }
    waiting[id] = .waiting(continuation)
    push(Entry(deadline: deadline, id: id))
    return false
  }

  mutating func cancel(_ id: UInt64) -> UnsafeContinuation<Void, Error>? {
    switch waiting[id] {
    case .reserved:
      waiting[id] = .cancelled
      return nil
    case .waiting(let continuation):
      waiting[id] = nil
      return continuation
    case .cancelled, nil:
      return nil
    }
  }

  mutating func takeDue() -> [UnsafeContinuation<Void, Error>]? {
    while let top = heap.first, waiting[top.id] == nil { _ = pop() }
    guard let top = heap.first else { return nil }
    if top.deadline > now { now = top.deadline }
    var due: [UnsafeContinuation<Void, Error>] = []
    while let entry = heap.first, entry.deadline <= now {
      _ = pop()
      if case .waiting(let continuation) = waiting.removeValue(forKey: entry.id) {
        due.append(continuation)
      }
    }
    return due
  }

  mutating func push(_ entry: Entry) {
    heap.append(entry)
    var child = heap.count - 1
    while child > 0 {
      let parent = (child - 1) / 2
      guard heap[child] < heap[parent] else { break }
      heap.swapAt(child, parent)
      child = parent
    }
  }

  mutating func pop() -> Entry {
    let top = heap[0]
    let last = heap.removeLast()
    if !heap.isEmpty {
      heap[0] = last
      var parent = 0
      while true {
        let left = 2 * parent + 1
        guard left < heap.count else { break }
        let right = left + 1
        let child = right < heap.count && heap[right] < heap[left] ? right : left
        guard heap[child] < heap[parent] else { break }
        heap.swapAt(child, parent)
        parent = child
      }
    }
    return top
  }
}
