#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs a ``GatherBatch`` the way Python's `asyncio.gather` + `Semaphore` + `wait_for` does.
///
/// The engine is generic over any `Clock` whose durations are `Duration`. On a ``VirtualClock``
/// driven by a ``GatherLoop`` (``runVirtual(_:)``) a run is instant and reproducible; on
/// `ContinuousClock` (``runReal(_:)``) it takes real time.
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

  /// Runs `batch` on `ContinuousClock` in real time, on a single-threaded loop like asyncio's.
  public static func runReal(_ batch: GatherBatch) -> GatherTrace {
    let loop = GatherLoop()
    return loop.run(clock: nil) { await run(batch, clock: ContinuousClock()) }.value
  }
}

/// A clock that can model the executor being busy: time passes while nothing else runs.
public protocol GatherBusyClock {
  /// Holds the executor for `duration`.
  func block(for duration: Swift.Duration)
}

extension VirtualClock: GatherBusyClock {}

/// One execution of a batch: the launcher that hands out slots, and one child task per call.
private struct GatherRun<C: Clock>: Sendable where C.Duration == Duration {
  let batch: GatherBatch
  let clock: C
  let start: C.Instant
  let recorder: GatherRecorder

  init(batch: GatherBatch, clock: C) {
    self.batch = batch
    self.clock = clock
    self.start = clock.now
    self.recorder = GatherRecorder(count: batch.calls.count)
  }

  func offset(_ instant: C.Instant) -> Duration { start.duration(to: instant) }
  var elapsed: Duration { offset(clock.now) }

  /// The order in which calls reach the semaphore's queue.
  ///
  /// In call scope that is call order. In queue scope asyncio's `wait_for` wraps the guarded call
  /// in a new task that first runs one loop turn later, so calls without a timeout queue first,
  /// then those with one, each in call order.
  var arrivalOrder: [Int] {
    guard batch.timeoutScope == .queue else { return Array(batch.calls.indices) }
    let untimed = batch.calls.indices.filter { batch.effectiveTimeout(ofCallAt: $0) == nil }
    let timed = batch.calls.indices.filter { batch.effectiveTimeout(ofCallAt: $0) != nil }
    return untimed + timed
  }

  /// The deadline of a call whose timeout wraps the wait for a slot.
  func queueDeadline(_ index: Int) -> C.Instant? {
    guard batch.timeoutScope == .queue else { return nil }
    return batch.effectiveTimeout(ofCallAt: index).map { start.advanced(by: $0) }
  }

  func execute() async -> GatherTrace {
    if batch.effectiveLimit == 0 { return await executeWithoutSlots() }
    let semaphore = batch.effectiveLimit.map { GatherSemaphore(permits: $0) }
    do {
      try await withThrowingDiscardingTaskGroup { group in
        for index in arrivalOrder {
          let deadline = queueDeadline(index)
          let slot = await waitForSlot(semaphore, deadline: deadline)
          if group.isCancelled {
            // The batch failed: calls still waiting for a slot are cancelled without starting.
            if slot == .acquired { semaphore?.release() }
            recorder.end(index, .cancelled, at: elapsed)
            continue
          }
          switch slot {
          case .acquired:
            group.addTask { try await perform(index, deadline: deadline, semaphore: semaphore) }
          case .timedOut:
            recorder.end(index, .timeout, at: offset(deadline ?? clock.now))
          case .cancelled:
            recorder.end(index, .cancelled, at: elapsed)
          }
        }
      }
    } catch {
      // The failing call is in the recorder; every other call has ended.
    }
    return recorder.trace(of: batch, elapsed: elapsed, deadlocked: false)
  }

  enum Slot { case acquired, timedOut, cancelled }

  /// Waits, in FIFO order, for a slot (none is needed without a semaphore), giving up at the
  /// queue deadline if the timeout covers the wait.
  func waitForSlot(_ semaphore: GatherSemaphore?, deadline: C.Instant?) async -> Slot {
    if let deadline, clock.now >= deadline { return .timedOut }
    guard let semaphore, !semaphore.tryAcquire() else { return .acquired }
    if let deadline { return await acquire(semaphore, before: deadline) }
    return (try? await semaphore.acquire()) == nil ? .cancelled : .acquired
  }

  /// Runs call `index`, which holds a slot. Throws when its failure propagates.
  func perform(_ index: Int, deadline queueDeadline: C.Instant?, semaphore: GatherSemaphore?) async throws {
    let call = batch.calls[index]
    let startedAt = clock.now
    recorder.start(index, at: offset(startedAt))
    let deadline =
      queueDeadline ?? (batch.timeoutScope == .call ? batch.effectiveTimeout(ofCallAt: index) : nil).map {
        startedAt.advanced(by: $0)
      }
    var outcome: GatherOutcome
    do {
      switch call.work {
      case .io:
        let finish = startedAt.advanced(by: max(call.delay, .zero))
        if let deadline, deadline <= finish {
          try await clock.sleep(until: deadline, tolerance: nil)
          outcome = .timeout
        } else {
          try await clock.sleep(until: finish, tolerance: nil)
          // Finished, but only what finished strictly before its deadline counts.
          if let deadline, clock.now >= deadline {
            outcome = .timeout
          } else {
            outcome = call.failure == nil ? .ok : .error
          }
        }
      case .cpu:
        // Blocking work never yields, so nothing can interrupt it: not even its own timeout.
        try Task.checkCancellation()
        hold(for: max(call.delay, .zero))
        outcome = call.failure == nil ? .ok : .error
      }
      // A wake-up that was due but had not run when the batch was cancelled is a cancellation,
      // as in asyncio, where the cancelled task's pending step raises `CancelledError`.
      try Task.checkCancellation()
    } catch {
      // Cancelled because another call failed: the batch is over, nobody needs the slot.
      recorder.finish(index, .cancelled, at: elapsed)
      return
    }
    let fails = outcome == .error && batch.errors == .propagate
    let first = recorder.finish(index, outcome, at: elapsed, failsBatch: fails)
    semaphore?.release()
    // Only the first failure propagates; one that comes while the batch is failing just ends.
    guard fails, first else { return }
    // asyncio hands the error to gather's caller, which returns, and `asyncio.run` then cancels
    // what is left: three turns of the loop in which whatever was already runnable goes on.
    for _ in 0..<Self.turnsBeforeCancellation { await Task.yield() }
    semaphore?.close()
    throw CallFailed()
  }

  /// Loop turns between a call raising and `asyncio.run` cancelling the rest of the batch.
  static var turnsBeforeCancellation: Int { 3 }

  /// Races the wait for a slot against the queue deadline: the slot counts only if it came
  /// strictly before the deadline.
  func acquire(_ semaphore: GatherSemaphore, before deadline: C.Instant) async -> Slot {
    let clock = self.clock
    let (acquired, closed) = await withTaskGroup(of: (Bool, Bool).self) { group in
      group.addTask {
        do {
          try await semaphore.acquire()
          return (true, false)
        } catch {
          return (false, !Task.isCancelled)
        }
      }
      group.addTask {
        try? await clock.sleep(until: deadline, tolerance: nil)
        return (false, false)
      }
      var (acquired, closed) = await group.next() ?? (false, false)
      group.cancelAll()
      while let other = await group.next() {
        acquired = acquired || other.0
        closed = closed || other.1
      }
      return (acquired, closed)
    }
    if closed { return .cancelled }
    if acquired, clock.now >= deadline {
      semaphore.release()
      return .timedOut
    }
    return acquired ? .acquired : .timedOut
  }

  /// A limit of 0: no call can ever get a slot. Calls whose timeout covers the wait time out at
  /// their deadlines; the others deadlock once nothing else can happen.
  func executeWithoutSlots() async -> GatherTrace {
    var last: C.Instant?
    var stuck = false
    for index in batch.calls.indices {
      if let deadline = queueDeadline(index) {
        recorder.end(index, .timeout, at: offset(deadline))
        last = max(last ?? deadline, deadline)
      } else {
        stuck = true
      }
    }
    if let last { try? await clock.sleep(until: last, tolerance: nil) }
    let elapsed = self.elapsed
    if stuck {
      for index in batch.calls.indices where queueDeadline(index) == nil {
        recorder.end(index, .cancelled, at: elapsed)
      }
    }
    return recorder.trace(of: batch, elapsed: elapsed, deadlocked: stuck)
  }

  func hold(for duration: Duration) {
    if let busy = clock as? any GatherBusyClock {
      busy.block(for: duration)
    } else {
      let (seconds, attoseconds) = duration.components
      var request = timespec(tv_sec: Int(seconds), tv_nsec: Int(attoseconds / 1_000_000_000))
      var remaining = timespec()
      while nanosleep(&request, &remaining) != 0 { request = remaining }
    }
  }
}

private struct CallFailed: Error {}
