import Synchronization

/// A clock whose time moves only when the loop driving it says so, making every run instant and
/// reproducible.
///
/// Sleepers wait in a queue ordered by (deadline, registration order). ``GatherLoop`` advances the
/// clock to the earliest deadline when it has no other work and resumes every sleeper that is due,
/// in that order. Cancelling a sleeping task resumes it with `CancellationError`, also when the
/// cancellation arrives before the sleeper registered.
///
/// Time is kept in whole nanoseconds.
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
  private let nowNanoseconds = Atomic<Int64>(0)
  private let turns = Atomic<UInt64>(0)
  private let loop = Mutex<GatherLoop?>(nil)

  /// Creates a clock at time zero.
  public init() {}

  public var now: Instant { Instant(offset: .nanoseconds(nanosecondsNow)) }
  public var minimumResolution: Duration { .nanoseconds(1) }

  /// The current time in nanoseconds since the clock's zero.
  var nanosecondsNow: Int64 { nowNanoseconds.load(ordering: .acquiring) }

  public func sleep(until deadline: Instant, tolerance: Duration? = nil) async throws {
    let token = state.withLock { $0.makeToken() }
    defer { state.withLock { $0.releaseToken(token) } }
    try await withTaskCancellationHandler {
      try await sleep(untilNanoseconds: deadline.offset.nanosecondsAllowingNegative, token: token)
    } onCancel: {
      cancel(token)
    }
  }

  // MARK: Sleeper tokens

  /// A sleeper slot one task reuses for all its sleeps, so that it can be cancelled with one
  /// cancellation handler around all of them instead of one per sleep.
  struct Token: Sendable, Hashable {
    var index: Int32
  }

  func makeToken() -> Token { state.withLock { $0.makeToken() } }

  func releaseToken(_ token: Token) { state.withLock { $0.releaseToken(token) } }

  /// Ends the token's sleep, now and from now on, with `CancellationError`.
  func cancel(_ token: Token) {
    state.withLock { $0.cancel(token) }?.resume(throwing: CancellationError())
  }

  /// Sleeps until `deadline` (nanoseconds since zero) on `token`'s slot.
  func sleep(untilNanoseconds deadline: Int64, token: Token) async throws {
    if deadline <= nanosecondsNow {
      // A deadline that has passed costs one turn of the loop, as `asyncio.sleep(0)` does.
      try state.withLock { try $0.checkNotCancelled(token) }
      await yieldTurn()
      try state.withLock { try $0.checkNotCancelled(token) }
      return
    }
    try await withUnsafeThrowingContinuation { (continuation: UnsafeContinuation<Void, Error>) in
      let cancelled = state.withLock { queue in
        queue.register(token, deadline: deadline, continuation: continuation)
      }
      if cancelled { continuation.resume(throwing: CancellationError()) }
    }
  }

  // MARK: Driving the clock

  /// Moves time forward without resuming anyone: the executor was busy (CPU-bound work) for
  /// `duration`, so sleepers that fell due meanwhile are resumed late, by the loop.
  public func block(for duration: Duration) {
    let nanoseconds = duration.nanoseconds
    guard nanoseconds > 0 else { return }
    nowNanoseconds.add(nanoseconds, ordering: .acquiringAndReleasing)
  }

  /// How many turns the loop driving this clock has run: one per batch of jobs that were runnable
  /// together, like one pass of asyncio's `_run_once`.
  public var turn: UInt64 { turns.load(ordering: .acquiring) }

  /// Starts the next turn of the loop.
  public func beginTurn() { turns.add(1, ordering: .acquiringAndReleasing) }

  func attach(_ loop: GatherLoop?) { self.loop.withLock { $0 = loop } }

  /// Suspends the current task for one turn of the loop driving this clock.
  ///
  /// When nothing else is runnable the task goes on at once and the turn is counted here: the
  /// loop's next turn would have run it alone, so the order of events is the same.
  public func yieldTurn() async {
    if let loop = loop.withLock({ $0 }) {
      if await !loop.yieldTurn() { beginTurn() }
    } else {
      await Task.yield()
    }
  }

  /// Whether any sleeper is waiting.
  public var hasSleepers: Bool { state.withLock { $0.waitingCount > 0 } }

  /// Advances to the earliest deadline (unless time is already past it) and resumes every sleeper
  /// that is due, in (deadline, registration) order.
  ///
  /// - Returns: `false` when no sleeper is waiting, so nothing could advance.
  @discardableResult
  public func resumeNextSleepers() -> Bool {
    let now = nanosecondsNow
    let due = state.withLock { $0.takeDue(now: now) }
    guard let (time, continuations) = due else { return false }
    if time > now { nowNanoseconds.store(time, ordering: .releasing) }
    for continuation in continuations { continuation.resume() }
    return true
  }
}

extension Duration {
  /// Whole nanoseconds, negative allowed (an instant before the clock's zero).
  var nanosecondsAllowingNegative: Int64 {
    let (seconds, attoseconds) = components
    return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
  }
}

/// The clock's sleepers: slots reused by tokens, and a binary min-heap of deadlines.
private struct SleeperQueue: ~Copyable {
  struct Slot {
    var continuation: UnsafeContinuation<Void, Error>?
    var cancelled = false
    var generation: UInt32 = 0
  }

  struct Entry: Comparable {
    var deadline: Int64
    var sequence: UInt64
    var slot: Int32
    var generation: UInt32

    static func < (a: Entry, b: Entry) -> Bool {
      a.deadline != b.deadline ? a.deadline < b.deadline : a.sequence < b.sequence
    }
  }

  var slots: [Slot] = []
  var freeSlots: [Int32] = []
  var heap = BinaryHeap<Entry>()
  var sequence: UInt64 = 0
  var waitingCount = 0

  mutating func makeToken() -> VirtualClock.Token {
    if let index = freeSlots.popLast() {
      slots[Int(index)].cancelled = false
      return .init(index: index)
    }
    slots.append(Slot())
    return .init(index: Int32(slots.count - 1))
  }

  mutating func releaseToken(_ token: VirtualClock.Token) {
    let index = Int(token.index)
    if slots[index].continuation != nil {
      slots[index].continuation = nil
      waitingCount -= 1
    }
    slots[index].generation &+= 1
    freeSlots.append(token.index)
  }

  func checkNotCancelled(_ token: VirtualClock.Token) throws {
    if slots[Int(token.index)].cancelled { throw CancellationError() }
  }

  /// Returns `true` when the token was cancelled already.
  mutating func register(
    _ token: VirtualClock.Token, deadline: Int64, continuation: UnsafeContinuation<Void, Error>
  ) -> Bool {
    let index = Int(token.index)
    if slots[index].cancelled { return true }
    slots[index].continuation = continuation
    slots[index].generation &+= 1
    waitingCount += 1
    sequence += 1
    heap.push(Entry(deadline: deadline, sequence: sequence, slot: token.index, generation: slots[index].generation))
    return false
  }

  mutating func cancel(_ token: VirtualClock.Token) -> UnsafeContinuation<Void, Error>? {
    let index = Int(token.index)
    slots[index].cancelled = true
    guard let continuation = slots[index].continuation else { return nil }
    slots[index].continuation = nil
    waitingCount -= 1
    return continuation
  }

  func isLive(_ entry: Entry) -> Bool {
    let slot = slots[Int(entry.slot)]
    return slot.generation == entry.generation && slot.continuation != nil
  }

  /// The time to advance to and the sleepers due then, in order; `nil` when nobody waits.
  mutating func takeDue(now: Int64) -> (Int64, [UnsafeContinuation<Void, Error>])? {
    while let top = heap.first, !isLive(top) { heap.pop() }
    guard let top = heap.first else { return nil }
    let time = max(now, top.deadline)
    var due: [UnsafeContinuation<Void, Error>] = []
    while let entry = heap.first, entry.deadline <= time {
      heap.pop()
      guard isLive(entry) else { continue }
      let index = Int(entry.slot)
      due.append(slots[index].continuation!)
      slots[index].continuation = nil
      waitingCount -= 1
    }
    return (time, due)
  }
}
