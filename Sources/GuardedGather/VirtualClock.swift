import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A point on a loop clock's time line: an offset from the clock's zero.
public struct GatherInstant: InstantProtocol, Sendable, Hashable, Comparable {
  /// The time since the clock's zero.
  public var offset: Duration

  /// Creates an instant at `offset` from the clock's zero.
  public init(offset: Duration) { self.offset = offset }

  public func advanced(by duration: Duration) -> GatherInstant { GatherInstant(offset: offset + duration) }
  public func duration(to other: GatherInstant) -> Duration { other.offset - offset }
  public static func < (lhs: GatherInstant, rhs: GatherInstant) -> Bool { lhs.offset < rhs.offset }
}

/// A clock whose time moves only when the loop driving it says so, making every run instant and
/// reproducible.
///
/// Sleepers wait in a queue ordered by (deadline, registration order). ``GatherLoop`` advances the
/// clock to the earliest deadline when it has no other work and resumes every sleeper that is due,
/// in that order. Cancelling a sleeping task resumes it with `CancellationError`, also when the
/// cancellation arrives before the sleeper registered.
///
/// Time is kept in whole nanoseconds.
public final class VirtualClock: Clock, GatherLoopClock, Sendable {
  public typealias Instant = GatherInstant

  let sleepers = SleeperTable()
  private let nowNanoseconds = Atomic<Int64>(0)
  /// Whether time moved under waiting sleepers (blocking work) since the loop last looked.
  private let overdue = Atomic<Bool>(false)
  private let idle = Atomic<UInt64>(0)

  public var idleAdvances: UInt64 { idle.load(ordering: .relaxed) }

  /// Creates a clock at time zero.
  public init() {}

  public var now: Instant { Instant(offset: .nanoseconds(nanosecondsNow)) }
  public var minimumResolution: Duration { .nanoseconds(1) }

  /// The current time in nanoseconds since the clock's zero.
  public var nanosecondsNow: Int64 { nowNanoseconds.load(ordering: .acquiring) }

  public func sleep(until deadline: Instant, tolerance: Duration? = nil) async throws {
    try await sleepers.sleep(untilNanoseconds: deadline.offset.nanosecondsAllowingNegative, on: self)
  }

  /// Moves time forward without resuming anyone: the executor was busy (CPU-bound work) for
  /// `duration`, so sleepers that fell due meanwhile are resumed late, by the loop.
  public func block(for duration: Duration) {
    let nanoseconds = duration.nanoseconds
    guard nanoseconds > 0 else { return }
    nowNanoseconds.add(nanoseconds, ordering: .acquiringAndReleasing)
    overdue.store(true, ordering: .relaxed)
  }

  /// Advances to the earliest deadline (unless time is already past it) and resumes every sleeper
  /// that is due, in (deadline, registration) order.
  public func resumeDueSleepers() -> GatherLoopWait {
    let now = nanosecondsNow
    guard let (time, continuations) = sleepers.takeDue(now: now, jump: true) else { return .nothing }
    if time > now { nowNanoseconds.store(time, ordering: .releasing) }
    idle.add(1, ordering: .relaxed)
    for continuation in continuations { continuation.resume() }
    return .resumed
  }

  /// Resumes the sleepers whose deadline has already passed, without moving time: asyncio looks
  /// for due timers at the start of every turn. Only blocking work (``block(for:)``) can leave a
  /// sleeper overdue while other jobs are runnable.
  public func resumeOverdueSleepers() {
    guard overdue.load(ordering: .relaxed) else { return }
    let now = nanosecondsNow
    if let (_, continuations) = sleepers.takeDue(now: now, jump: false) {
      for continuation in continuations { continuation.resume() }
    } else {
      overdue.store(false, ordering: .relaxed)
    }
  }

  /// Whether any sleeper is waiting.
  public var hasSleepers: Bool { sleepers.hasSleepers }

  public var turn: UInt64 { sleepers.turn }
  public func beginTurn() { sleepers.beginTurn() }
  public func attach(_ loop: GatherLoop?) { sleepers.attach(loop) }
  public func yieldTurn() async { await sleepers.yieldTurn() }
}

/// A clock on real time (`ContinuousClock` underneath) whose sleepers the loop keeps itself, as
/// asyncio's does: the loop waits until the earliest deadline instead of relying on timers on
/// other threads, so a busy thread pool cannot make a sleeper late.
public final class RealTimeClock: Clock, GatherLoopClock, Sendable {
  public typealias Instant = GatherInstant

  let sleepers = SleeperTable()
  private let origin = ContinuousClock.now
  private let idle = Atomic<UInt64>(0)

  public var idleAdvances: UInt64 { idle.load(ordering: .relaxed) }

  /// Creates a clock whose zero is now.
  public init() {}

  public var now: Instant { Instant(offset: origin.duration(to: .now)) }
  public var minimumResolution: Duration { .microseconds(1) }
  public var nanosecondsNow: Int64 { origin.duration(to: .now).nanosecondsAllowingNegative }

  public func sleep(until deadline: Instant, tolerance: Duration? = nil) async throws {
    try await sleepers.sleep(untilNanoseconds: deadline.offset.nanosecondsAllowingNegative, on: self)
  }

  /// Really holds the thread for `duration`: CPU-bound work.
  public func block(for duration: Duration) {
    let nanoseconds = duration.nanoseconds
    var request = timespec(tv_sec: Int(nanoseconds / 1_000_000_000), tv_nsec: Int(nanoseconds % 1_000_000_000))
    var remaining = timespec()
    while nanosleep(&request, &remaining) != 0 { request = remaining }
  }

  /// Resumes the sleepers that are due now; otherwise says how long until the next one.
  public func resumeDueSleepers() -> GatherLoopWait {
    let now = nanosecondsNow
    guard let next = sleepers.nextDeadline else { return .nothing }
    guard next <= now, let (_, continuations) = sleepers.takeDue(now: now, jump: false) else {
      return .wait(.nanoseconds(next - now))
    }
    idle.add(1, ordering: .relaxed)
    for continuation in continuations { continuation.resume() }
    return .resumed
  }

  public var turn: UInt64 { sleepers.turn }
  public func beginTurn() { sleepers.beginTurn() }
  public func attach(_ loop: GatherLoop?) { sleepers.attach(loop) }
  public func yieldTurn() async { await sleepers.yieldTurn() }

  /// Real time moves on its own: sleepers due by now are resumed at the start of every turn.
  public func resumeOverdueSleepers() {
    if let (_, continuations) = sleepers.takeDue(now: nanosecondsNow, jump: false) {
      for continuation in continuations { continuation.resume() }
    }
  }
}

/// What a loop clock told the loop when it had no job to run.
public enum GatherLoopWait: Sendable, Hashable {
  /// Sleepers were resumed: there are jobs again.
  case resumed
  /// The next sleeper is due after this long.
  case wait(Duration)
  /// No sleeper waits at all.
  case nothing
}

/// The sleepers of a loop clock: tokens, a deadline heap, the loop's turn count, and the loop.
final class SleeperTable: Sendable {
  private let state = Mutex(SleeperQueue())
  private let turns = Atomic<UInt64>(0)
  /// The loop driving the clock. ``GatherLoop/run(clock:_:)`` sets it before the operation's
  /// first job runs and clears it after the last, on the thread that runs every job in between;
  /// so it never changes while a task reads it, and needs no lock on this hot path.
  private nonisolated(unsafe) var loop: GatherLoop?

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

  /// A sleep with its own token and cancellation handler, for `Clock.sleep(until:)`.
  func sleep(untilNanoseconds deadline: Int64, on clock: some GatherLoopClock) async throws {
    let token = makeToken()
    defer { releaseToken(token) }
    try await withTaskCancellationHandler {
      try await sleep(untilNanoseconds: deadline, token: token, now: clock.nanosecondsNow)
    } onCancel: {
      cancel(token)
    }
  }

  /// Sleeps until `deadline` (nanoseconds since the clock's zero) on `token`'s slot.
  func sleep(untilNanoseconds deadline: Int64, token: Token, now: Int64) async throws {
    if deadline <= now {
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

  var hasSleepers: Bool { state.withLock { $0.waitingCount > 0 } }

  /// The earliest live deadline.
  var nextDeadline: Int64? { state.withLock { $0.nextDeadline() } }

  /// The sleepers due at the earliest deadline (or, with `jump`, at the earliest one at all).
  func takeDue(now: Int64, jump: Bool) -> (Int64, [UnsafeContinuation<Void, Error>])? {
    state.withLock { queue in
      guard let next = queue.nextDeadline(), jump || next <= now else { return nil }
      return queue.takeDue(now: now)
    }
  }

  var turn: UInt64 { turns.load(ordering: .acquiring) }
  func beginTurn() { turns.add(1, ordering: .acquiringAndReleasing) }
  func attach(_ loop: GatherLoop?) { self.loop = loop }

  /// Suspends the current task for one turn of the loop. When nothing else is runnable the task
  /// goes on at once and the turn is counted here: the loop's next turn would have run it alone,
  /// so the order of events is the same.
  func yieldTurn() async {
    if let loop {
      if await !loop.yieldTurn() { beginTurn() }
    } else {
      await Task.yield()
    }
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

  mutating func makeToken() -> SleeperTable.Token {
    if let index = freeSlots.popLast() {
      slots[Int(index)].cancelled = false
      return .init(index: index)
    }
    slots.append(Slot())
    return .init(index: Int32(slots.count - 1))
  }

  mutating func releaseToken(_ token: SleeperTable.Token) {
    let index = Int(token.index)
    if slots[index].continuation != nil {
      slots[index].continuation = nil
      waitingCount -= 1
    }
    slots[index].generation &+= 1
    freeSlots.append(token.index)
  }

  func checkNotCancelled(_ token: SleeperTable.Token) throws {
    if slots[Int(token.index)].cancelled { throw CancellationError() }
  }

  /// Returns `true` when the token was cancelled already.
  mutating func register(
    _ token: SleeperTable.Token, deadline: Int64, continuation: UnsafeContinuation<Void, Error>
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

  mutating func cancel(_ token: SleeperTable.Token) -> UnsafeContinuation<Void, Error>? {
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

  mutating func nextDeadline() -> Int64? {
    while let top = heap.first, !isLive(top) { heap.pop() }
    return heap.first?.deadline
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
