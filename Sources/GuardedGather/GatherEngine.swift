import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs a ``GatherBatch`` the way Python's `asyncio.gather` + `Semaphore` + `wait_for` does.
///
/// The engine is generic over any `Clock` whose durations are `Duration`. On a ``VirtualClock``
/// driven by a ``GatherLoop`` (``runVirtual(_:)``) a run is instant and reproducible; on a
/// ``RealTimeClock`` (``runReal(_:on:)``) it takes real time, with the loop keeping its own timers.
/// Any other clock works too (`ContinuousClock` on the global executor, say), without the loop's
/// turn-by-turn agreement with asyncio at a single instant.
///
/// ## Semantics
/// - The semaphore is FIFO: calls get slots in call order.
/// - A call is `ok` only if it finished strictly before its deadline; finishing at the deadline is
///   a timeout, as in asyncio.
/// - At most `limit` calls hold a slot, and at most `limit` child tasks are alive: a call that
///   waits for a slot is a place in the queue, not a task.
/// - A tool's work is itself a wait on the clock, so racing it against its timeout needs no second
///   task: the call waits until whichever instant comes first, the deadline winning ties.
/// - With ``GatherErrorPolicy/propagate`` the first failure cancels every other call; calls handed
///   a slot at that same instant start, then are cancelled, exactly as in asyncio.
public enum GatherEngine {
  /// Runs `batch` on `clock` and returns what happened.
  ///
  /// - Parameters:
  ///   - batch: The calls and the options.
  ///   - clock: The clock every wait uses. The engine never sleeps on anything else.
  /// - Returns: The trace. A failing call or a deadlock is reported in ``GatherTrace/failure``,
  ///   never thrown.
  public static func run<C: Clock>(_ batch: GatherBatch, clock: C) async -> GatherTrace
  where C.Duration == Duration {
    let run = GatherRun(batch: batch, clock: clock)
    return await run.execute()
  }

  /// Runs `batch` on a fresh ``VirtualClock``, driving the loop on the calling thread.
  ///
  /// The run is instant and identical on every run and machine.
  public static func runVirtual(_ batch: GatherBatch) -> GatherTrace {
    let clock = VirtualClock()
    let loop = GatherLoop()
    let (trace, stop) = loop.run(clock: clock) { await run(batch, clock: clock) }
    precondition(stop == nil || trace.failure != nil, "the loop stopped a batch that completed")
    return trace
  }

  /// Runs `batch` in real time, on a single-threaded loop like asyncio's that keeps its own timers.
  ///
  /// - Parameter loop: The loop to run on; ``GatherLoop/cancel()`` on it from another thread (a
  ///   Ctrl-C handler) stops the run, which then reports ``GatherFailure/interrupted``.
  public static func runReal(_ batch: GatherBatch, on loop: GatherLoop = GatherLoop()) -> GatherTrace {
    let clock = RealTimeClock()
    return loop.run(clock: clock) { await run(batch, clock: clock) }.value
  }
}

/// A clock driven by the engine's own loop (``GatherLoop``), which keeps the clock's sleepers,
/// knows the loop's turns and can model the executor being busy.
public protocol GatherLoopClock: AnyObject, Sendable {
  /// The current time in nanoseconds since the clock's zero.
  var nanosecondsNow: Int64 { get }
  /// Holds the executor for `duration`: time passes while nothing else runs.
  func block(for duration: Swift.Duration)
  /// How many turns the loop has run.
  var turn: UInt64 { get }
  /// Starts the next turn of the loop.
  func beginTurn()
  /// Suspends the current task for exactly one turn of the loop.
  func yieldTurn() async
  /// Tells the clock which loop drives it.
  func attach(_ loop: GatherLoop?)
  /// Called by the loop when it has no job: resumes sleepers that are due, or says how long to wait.
  func resumeDueSleepers() -> GatherLoopWait
  /// Called by the loop at the start of every turn: resumes sleepers already past their deadline.
  func resumeOverdueSleepers()
  /// How many times the loop, with nothing to run, has waited for the next sleeper.
  var idleAdvances: UInt64 { get }
}

/// A loop clock whose sleeper table the engine uses directly (one token per worker).
protocol SleeperTableClock {
  var sleepers: SleeperTable { get }
}

extension VirtualClock: SleeperTableClock {}
extension RealTimeClock: SleeperTableClock {}

/// One execution of a batch: `limit` workers (one child task each) take calls from a FIFO queue.
///
/// A pool of `limit` workers pulling calls in order is the same schedule as one task per call
/// waiting on a FIFO semaphore of `limit` permits, with at most `limit` child tasks alive.
/// Times are nanoseconds since the start of the batch.
private struct GatherRun<C: Clock>: Sendable where C.Duration == Duration {
  let batch: GatherBatch
  let clock: C
  let start: C.Instant
  let recorder: GatherRecorder
  let queue: GatherQueue
  /// The clock's sleeper table, when it is one of the engine's loop clocks: sleeps then skip the
  /// generic path, with one cancellation handler per worker.
  let sleepers: SleeperTable?
  /// The clock as a clock driven by the engine's loop, when it is one.
  let loopClock: (any GatherLoopClock)?
  /// Whether a failure can cancel the batch: only then do tasks check for it.
  let canFail: Bool
  /// Whether some call blocks the loop (CPU work): then time can move between two turns of one
  /// instant, and turns that change nothing otherwise must be taken.
  let blocks: Bool
  let queueDeadlines: [Int64?]?

  init(batch: GatherBatch, clock: C) {
    self.batch = batch
    self.clock = clock
    self.start = clock.now
    self.startOffset = (start as? GatherInstant)?.offset.nanosecondsAllowingNegative ?? 0
    self.sleepers = (clock as? any SleeperTableClock)?.sleepers
    self.loopClock = clock as? any GatherLoopClock
    self.canFail = batch.errors == .propagate && batch.calls.contains { $0.failure != nil }
    self.blocks = batch.calls.contains { $0.work == .cpu }
    var deadlines: [Int64?]? =
      batch.timeoutScope == .queue ? batch.calls.indices.map { batch.timeoutNanoseconds(ofCallAt: $0) } : nil
    if blocks, let timeouts = deadlines {
      // A queue-scope timeout starts when the call's wait_for does, on the loop's first turn in
      // call order: after the blocking work of the calls before it that ran on that turn.
      let arrivals = Self.firstTurnArrivals(of: batch)
      deadlines = timeouts.indices.map { index in timeouts[index].map { $0 + arrivals[index] } }
    }
    self.queueDeadlines = deadlines
    self.queue = GatherQueue(order: Self.arrivalOrder(of: batch, deadlines: deadlines))
    self.recorder = GatherRecorder(count: batch.calls.count, queueDeadlines: deadlines)
  }

  /// Nanoseconds since the start of the batch.
  var now: Int64 {
    if let loopClock { return loopClock.nanosecondsNow - startOffset }
    return start.duration(to: clock.now).nanosecondsAllowingNegative
  }

  /// Where the batch started on a loop clock, in nanoseconds (worked out once: `now` is hot).
  let startOffset: Int64

  /// Sleeps until `time` (nanoseconds since the start of the batch).
  @inline(__always)
  func sleep(until time: Int64, token: SleeperTable.Token?) async throws {
    if let sleepers, let token, let loopClock {
      try await sleepers.sleep(untilNanoseconds: startOffset + time, token: token, now: loopClock.nanosecondsNow)
    } else {
      try await clock.sleep(until: start.advanced(by: .nanoseconds(time)), tolerance: nil)
    }
  }

  /// Passes `turns` turns of the loop.
  @inline(__always)
  func pass(_ turns: Int) async {
    guard turns > 0 else { return }
    if let loopClock {
      for _ in 0..<turns { await loopClock.yieldTurn() }
    } else {
      for _ in 0..<turns { await Task.yield() }
    }
  }

  /// The order in which calls reach the semaphore's queue.
  ///
  /// In call scope that is call order. In queue scope asyncio's `wait_for` wraps the guarded call
  /// in a new task that first runs one loop turn later, so calls without a timeout queue first,
  /// then those with one, each in call order.
  ///
  /// A call whose timeout of zero covers the wait never reaches the queue: `wait_for` cancels it
  /// before it runs.
  static func arrivalOrder(of batch: GatherBatch, deadlines: [Int64?]?) -> [Int] {
    guard let deadlines else { return Array(batch.calls.indices) }
    let untimed = batch.calls.indices.filter { deadlines[$0] == nil }
    let timed = batch.calls.indices.filter { (deadlines[$0] ?? 0) > 0 }
    return untimed + timed
  }

  /// The deadline of a call whose timeout wraps the wait for a slot.
  func queueDeadline(_ index: Int) -> Int64? { queueDeadlines?[index] ?? nil }

  /// When each call's guarded coroutine first runs, on the loop's first turn (call order): calls
  /// without a timeout that find a slot run their tool at once, and a blocking tool holds the
  /// loop (and then frees its slot) before the next call's turn comes.
  static func firstTurnArrivals(of batch: GatherBatch) -> [Int64] {
    var time: Int64 = 0
    var slots = batch.effectiveLimit ?? Int.max
    var arrivals = Array(repeating: Int64(0), count: batch.calls.count)
    for index in batch.calls.indices {
      arrivals[index] = time
      let untimed = batch.timeoutNanoseconds(ofCallAt: index) == nil
      guard slots > 0, batch.timeoutScope == .call || untimed else { continue }
      slots -= 1
      if untimed, batch.calls[index].work == .cpu {
        time += max(batch.calls[index].delayNanoseconds, 0)
        slots += 1
      }
    }
    return arrivals
  }

  func execute() async -> GatherTrace {
    let workers = min(batch.effectiveLimit ?? batch.calls.count, batch.calls.count)
    guard workers > 0 else { return await executeWithoutSlots() }
    do {
      try await withThrowingDiscardingTaskGroup { group in
        if let loopClock {
          // Workers first run on the next turn; calls wrapped by `wait_for` arrive a turn later,
          // unless the loop ran out of work and moved time on before then.
          queue.arrivalTurn = loopClock.turn + 2
          queue.arrivalIdleAdvances = loopClock.idleAdvances
        }
        // The first calls to get a slot start on the loop's first turn in call order, as the
        // gathered tasks' first steps do; the rest wait in arrival order.
        let firstCalls = queue.takeFirst(workers).sorted()
        queue.expectWorkers(firstCalls.count)
        for first in firstCalls {
          group.addTask {
            defer { queue.workerFinished() }
            await work(startingWith: first)
          }
        }
        guard canFail, let (failing, turn) = await queue.firstFailure() else { return }
        // The error reaches gather's caller, which returns, and `asyncio.run` cancels what is left;
        // meanwhile whatever was already runnable goes on (the failing call's slot is handed over).
        let viaWaitFor = queueDeadline(failing) != nil ? AsyncioTurns.waitForResult : 0
        let turns = viaWaitFor + AsyncioTurns.propagation
        if let turn, let loopClock {
          // Cancel exactly from that turn on: what runs earlier in the turn is cancelled too.
          queue.cancel(fromTurn: turn + UInt64(turns))
          while loopClock.turn < turn + UInt64(turns) { await loopClock.yieldTurn() }
        } else {
          await pass(turns - 1)
        }
        queue.stop()
        throw CallFailed()
      }
    } catch {
      // The failing call is in the recorder; every other call has ended.
    }
    return recorder.trace(of: batch, elapsed: now, deadlocked: false, interrupted: Task.isCancelled)
  }

  /// One worker: holds a slot and runs the calls it takes from the queue, one after another.
  func work(startingWith first: Int) async {
    let token = sleepers?.makeToken()
    defer { if let token { sleepers?.releaseToken(token) } }
    // One cancellation handler for all of this worker's sleeps.
    await withTaskCancellationHandler {
      await work(startingWith: first, token: token)
    } onCancel: {
      if let token { sleepers?.cancel(token) }
    }
  }

  func work(startingWith first: Int, token: SleeperTable.Token?) async {
    var handedOver = false
    var previous = first
    var next: Int? = first
    while let index = next ?? queue.next() {
      next = nil
      let deadline = queueDeadline(index)
      // A call arriving on the loop's second turn takes a slot freed earlier in that turn before
      // its timer can fire, even if blocking work has carried time past its deadline.
      let arrives = handedOver && arrivesToFreeSlot(index, after: previous)
      if let deadline, now >= deadline, !arrives {
        // The timeout covers the wait for a slot and it is already over: never started.
        recorder.end(index, .timeout, at: deadline)
        continue
      }
      if handedOver {
        if !arrives {
          // A freed slot reaches the next waiter on the loop's next turn.
          await pass(AsyncioTurns.handoff)
        }
        if isCancelled {
          queue.stop()
          return
        }
      } else if deadline != nil {
        // `wait_for`'s new task reaches the semaphore a turn after the calls without a timeout.
        await pass(AsyncioTurns.taskStart)
      }
      handedOver = true
      previous = index
      guard await perform(index, queueDeadline: deadline, token: token) else {
        queue.stop()
        return
      }
    }
  }

  /// Whether call `index` finds the slot that call `previous` just freed without waiting for it.
  ///
  /// A call whose queue-scope timeout made `wait_for` wrap it in a new task reaches the semaphore
  /// on the loop's second turn, in call order. If an earlier call freed a slot earlier in that
  /// turn and nobody was waiting, the newcomer simply takes it.
  func arrivesToFreeSlot(_ index: Int, after previous: Int) -> Bool {
    guard queueDeadline(index) != nil, index > previous, let loopClock else { return false }
    return loopClock.turn == queue.arrivalTurn && loopClock.idleAdvances == queue.arrivalIdleAdvances
  }

  /// Runs call `index`, which holds a slot.
  ///
  /// - Returns: `false` when the batch was cancelled meanwhile.
  func perform(_ index: Int, queueDeadline: Int64?, token: SleeperTable.Token?) async -> Bool {
    let call = batch.calls[index]
    let startedAt = now
    recorder.start(index, at: startedAt)
    let callTimeout = batch.timeoutScope == .call ? batch.timeoutNanoseconds(ofCallAt: index) : nil
    let deadline = queueDeadline ?? callTimeout.map { startedAt + $0 }
    var outcome: GatherOutcome
    do {
      if callTimeout != nil, let deadline, deadline <= startedAt {
        // A timeout of zero: `wait_for` cancels the task it made before it ever runs.
        await pass(AsyncioTurns.zeroTimeout)
        if isCancelled { throw CancellationError() }
        recorder.finish(index, .timeout, at: now)
        return true
      }
      // In call scope `wait_for` runs the tool in a new task, which first runs on the next turn.
      // Before a timer that turn changes only the timer's place among timers due at the same
      // instant, never its turn; that decided nothing in 24,000 recorded asyncio runs, so the
      // turn is taken only where the tool does not wait on a timer (a zero delay, CPU work).
      if callTimeout != nil, blocks || call.delayNanoseconds == 0 || call.work == .cpu {
        await pass(AsyncioTurns.taskStart)
      }
      var tie = false
      switch call.work {
      case .io:
        // The tool's own wait starts when its task first runs: after blocking work that ran
        // before it, if any (with no blocking work this is the start itself).
        let begins = now
        let finish = begins + max(call.delayNanoseconds, 0)
        if let deadline, deadline < begins || (blocks && deadline == begins), call.delayNanoseconds <= 0 {
          // The deadline passed while the loop was blocked: the overdue timer's callback runs
          // after the tool's one turn, so the tool's result comes first.
          try await sleep(until: finish, token: token)
          outcome = call.failure == nil ? .ok : .error
        } else if let deadline, deadline <= finish {
          tie = deadline == finish
          try await sleep(until: deadline, token: token)
          outcome = .timeout
        } else {
          // It finishes strictly before its deadline. Should both fall due while the loop is
          // held (blocking work), their timers fire in deadline order, so the result still wins.
          try await sleep(until: finish, token: token)
          outcome = call.failure == nil ? .ok : .error
        }
      case .cpu:
        // Blocking work never yields, so nothing can interrupt it: not even its own timeout.
        if isCancelled { throw CancellationError() }
        hold(for: max(call.delayNanoseconds, 0))
        outcome = call.failure == nil ? .ok : .error
      }
      // A wake-up that was due but had not run when the batch was cancelled is a cancellation,
      // as in asyncio, where the cancelled task's pending step raises `CancelledError`.
      if isCancelled { throw CancellationError() }
      if outcome == .timeout, deadline != nil {
        // `wait_for` cancels the tool's task and waits for it to unwind; a task whose own wake-up
        // was already due at the deadline (an exact tie) unwinds a turn sooner.
        let turns = callTimeout != nil ? AsyncioTurns.waitForTimeout : AsyncioTurns.queueTimeoutRelease
        await pass(turns - (tie ? 1 : 0))
        if isCancelled { throw CancellationError() }
      } else if callTimeout != nil {
        // `wait_for` sees its task finish a few turns later. In CPython 3.11 a `wait_for` that is
        // cancelled after its task finished returns the task's result, so no check here.
        await pass(AsyncioTurns.waitForResult)
      }
    } catch {
      recorder.finish(index, .cancelled, at: now)
      return false
    }
    let fails = outcome == .error && batch.errors == .propagate
    // Only the first failure propagates; one that comes while the batch is failing just ends.
    if recorder.finish(index, outcome, at: now, failsBatch: fails) {
      queue.fail(index, turn: loopClock?.turn)
    }
    return true
  }

  /// Whether the batch has been cancelled for this task, now.
  var isCancelled: Bool {
    Task.isCancelled || (canFail && queue.isCancelled(atTurn: loopClock?.turn))
  }

  /// A limit of 0: no call can ever get a slot. Calls whose timeout covers the wait time out at
  /// their deadlines; the others deadlock once nothing else can happen.
  func executeWithoutSlots() async -> GatherTrace {
    var last: Int64?
    var stuck = false
    for index in batch.calls.indices {
      if let deadline = queueDeadline(index) {
        recorder.end(index, .timeout, at: deadline)
        last = max(last ?? deadline, deadline)
      } else {
        stuck = true
      }
    }
    if let last { try? await sleep(until: last, token: nil) }
    return recorder.trace(of: batch, elapsed: now, deadlocked: stuck)
  }

  func hold(for nanoseconds: Int64) {
    if let loopClock {
      loopClock.block(for: .nanoseconds(nanoseconds))
    } else {
      var request = timespec(tv_sec: Int(nanoseconds / 1_000_000_000), tv_nsec: Int(nanoseconds % 1_000_000_000))
      var remaining = timespec()
      while nanosleep(&request, &remaining) != 0 { request = remaining }
    }
  }
}

/// How many turns of its loop asyncio (CPython 3.11) takes for the steps that are not waits.
///
/// They matter only within one instant: whether a zero-delay call finishes before a failing batch
/// is cancelled, or before another call starts. A turn is one `Task.yield()` on the engine's loop,
/// which like asyncio's runs what became runnable during a turn on the next one. A task woken by a
/// timer runs on the turn after the timer fires, in asyncio as on ``GatherLoop``; the counts below
/// start from there. They were read off an instrumented asyncio run (see the conformance script).
enum AsyncioTurns {
  /// A released slot wakes the next waiter, which runs on the next turn.
  static let handoff = 1
  /// `wait_for` wraps its awaitable in a new task, which first runs on the next turn.
  static let taskStart = 1
  /// `wait_for` sees its task finish: the task's done callback, then the waiting task's step.
  static let waitForResult = 2
  /// On a timeout `wait_for` cancels its task, which unwinds, and waits for it before raising.
  static let waitForTimeout = 3
  /// `wait_for` with a timeout of zero cancels its new task before it runs, and waits for it.
  static let zeroTimeout = 3
  /// A queue-scope timeout frees the slot when the cancelled inner task unwinds `async with`.
  static let queueTimeoutRelease = 1
  /// From the turn a call raises out of its guarded task to the turn `asyncio.run` cancels the
  /// rest: gather's done callback, the caller's step, the loop stopping, then the cancellation.
  static let propagation = 4

}

/// The calls waiting for a slot, in FIFO order, and the signal that tells the batch a call failed.
final class GatherQueue: Sendable {
  private struct State: ~Copyable {
    var order: [Int]
    var position = 0
    var stopped = false
    var workers = 0
    var failure: (index: Int, turn: UInt64?)?
    var cancelTurn: UInt64?
    var waiter: UnsafeContinuation<(Int, UInt64?)?, Never>?
  }

  private let state: Mutex<State>
  private let arrival = Atomic<UInt64>(0)
  private let arrivalIdle = Atomic<UInt64>(0)

  /// The loop's idle advances when the batch began.
  var arrivalIdleAdvances: UInt64 {
    get { arrivalIdle.load(ordering: .relaxed) }
    set { arrivalIdle.store(newValue, ordering: .relaxed) }
  }

  init(order: [Int]) { state = Mutex(State(order: order)) }

  /// The loop turn on which calls wrapped by a queue-scope `wait_for` reach the semaphore.
  var arrivalTurn: UInt64 {
    get { arrival.load(ordering: .relaxed) }
    set { arrival.store(newValue, ordering: .relaxed) }
  }

  /// The next call to start, or `nil` when none is left or the batch was stopped.
  func next() -> Int? {
    state.withLock { state in
      guard !state.stopped, state.position < state.order.count else { return nil }
      defer { state.position += 1 }
      return state.order[state.position]
    }
  }

  /// The first `count` calls in arrival order: the ones that find a free slot.
  func takeFirst(_ count: Int) -> [Int] {
    state.withLock { state in
      state.position = min(count, state.order.count)
      return Array(state.order[..<state.position])
    }
  }

  /// No call starts from now on; those still queued are cancelled without starting.
  func stop() { state.withLock { $0.stopped = true } }

  func expectWorkers(_ count: Int) { state.withLock { $0.workers = count } }

  /// A worker has nothing more to do. The last one ends ``firstFailure()``'s wait.
  func workerFinished() {
    let waiter = state.withLock { state -> UnsafeContinuation<(Int, UInt64?)?, Never>? in
      state.workers -= 1
      guard state.workers == 0 else { return nil }
      defer { state.waiter = nil }
      return state.waiter
    }
    waiter?.resume(returning: nil)
  }

  /// Call `index` raised on loop turn `turn` and its error propagates.
  func fail(_ index: Int, turn: UInt64?) {
    let waiter = state.withLock { state -> UnsafeContinuation<(Int, UInt64?)?, Never>? in
      guard state.failure == nil else { return nil }
      state.failure = (index, turn)
      defer { state.waiter = nil }
      return state.waiter
    }
    waiter?.resume(returning: (index, turn))
  }

  /// Every task of the batch counts as cancelled from loop turn `turn` on.
  func cancel(fromTurn turn: UInt64) { state.withLock { $0.cancelTurn = turn } }

  /// Whether the batch is cancelled on loop turn `turn`.
  func isCancelled(atTurn turn: UInt64?) -> Bool {
    guard let turn else { return false }
    return state.withLock { state in state.cancelTurn.map { turn >= $0 } ?? false }
  }

  /// Waits until a call fails (its index and turn) or every worker is done (`nil`).
  func firstFailure() async -> (Int, UInt64?)? {
    await withUnsafeContinuation { continuation in
      let now: (Int, UInt64?)?? = state.withLock { state in
        if let failure = state.failure { return .some(failure) }
        if state.workers == 0 { return .some(nil) }
        state.waiter = continuation
        return nil
      }
      if let now { continuation.resume(returning: now) }
    }
  }
}

private struct CallFailed: Error {}
