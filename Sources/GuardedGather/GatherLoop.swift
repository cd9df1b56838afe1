import Dispatch
import Synchronization

/// A single-threaded task executor driven on the calling thread, like an asyncio event loop.
///
/// Every task started with this executor as its preference (the root, its task-group children,
/// continuations resumed from any thread) runs here, one job at a time, on the thread that called
/// ``run(clock:_:)``. With a ``VirtualClock`` the loop advances virtual time whenever it runs out
/// of jobs, so a run is instant and identical on every machine. With a ``RealTimeClock`` it waits
/// until the earliest sleeper is due, as asyncio's loop does. Without a clock it waits for jobs
/// resumed from other threads.
public final class GatherLoop: TaskExecutor, Sendable {
  private let jobs = Mutex(JobQueue())
  private let wakeUp = DispatchSemaphore(value: 0)
  /// How many entries of the batch being run are still to run after the current one.
  private let remainingInBatch = Atomic<Int>(0)
  /// How many entries wait for the next batch (kept beside the queue, read without its lock).
  private let pendingCount = Atomic<Int>(0)
  /// The operation being run, so that it can be cancelled from another thread.
  private let root = Mutex<Task<Void, Never>?>(nil)
  private let cancelled = Atomic<Bool>(false)

  /// Cancels the operation being run (or the next one), from any thread: a Ctrl-C handler, say.
  /// The operation ends as it handles cancellation; no task is left behind.
  public func cancel() {
    cancelled.store(true, ordering: .releasing)
    let task = root.withLock { $0 }
    task?.cancel()
    wakeUp.signal()
  }

  /// Creates a loop.
  public init() {}

  public func enqueue(_ job: consuming ExecutorJob) {
    let job = UnownedJob(job)
    let signal = jobs.withLock { queue in
      if queue.capturing, queue.captured == nil {
        queue.captured = job
        return false
      }
      queue.pending.append(.job(job))
      pendingCount.add(1, ordering: .relaxed)
      return queue.parked
    }
    if signal { wakeUp.signal() }
  }

  /// Suspends the current task for exactly one turn of the loop: it runs again on the next turn,
  /// after everything that became runnable before it, as `await asyncio.sleep(0)` does.
  ///
  /// `Task.yield()` costs two turns here: it enqueues a job that resumes the task, which is then
  /// enqueued in turn.
  ///
  /// - Returns: `false` when nothing else was runnable, so the task went on at once: the next turn
  ///   would have run it alone. The caller counts the turn.
  func yieldTurn() async -> Bool {
    if isOnlyJob { return false }
    await withUnsafeContinuation { (continuation: UnsafeContinuation<Void, Never>) in
      let signal = jobs.withLock { queue in
        queue.pending.append(.resume(continuation))
        pendingCount.add(1, ordering: .relaxed)
        return queue.parked
      }
      if signal { wakeUp.signal() }
    }
    return true
  }

  /// Whether the job running now is the only one: none left in its batch, none enqueued.
  private var isOnlyJob: Bool {
    remainingInBatch.load(ordering: .relaxed) == 0 && pendingCount.load(ordering: .relaxed) == 0
  }

  /// What stopped a run early.
  public enum Stop: Sendable, Hashable {
    /// Nothing could ever happen again while the operation was still waiting.
    case deadlock
  }

  /// Runs `operation` to completion on this thread.
  ///
  /// - Parameters:
  ///   - clock: The loop clock whose sleepers the loop resumes when there is nothing to run, or
  ///     `nil` to wait for jobs enqueued from other threads.
  ///   - operation: The work. It must only sleep on `clock` (or a real clock when `clock` is `nil`).
  /// - Returns: The operation's value, and ``Stop/deadlock`` if the loop had to cancel the
  ///   operation because nothing could make progress (the operation then decides what it returns).
  public func run<T: Sendable>(
    clock: (any GatherLoopClock)?,
    _ operation: @escaping @Sendable () async -> T
  ) -> (value: T, stop: Stop?) {
    clock?.attach(self)
    defer { clock?.attach(nil) }
    let result = Mutex<T?>(nil)
    let root = Task(executorPreference: self) {
      let value = await operation()
      result.withLock { $0 = value }
    }
    self.root.withLock { $0 = root }
    if cancelled.load(ordering: .acquiring) { root.cancel() }
    var stop: Stop?
    while true {
      drain(clock)
      if let value = result.withLock({ $0 }) { return (value, stop) }
      if let clock {
        switch clock.resumeDueSleepers() {
        case .resumed:
          continue
        case .wait(let duration):
          let parked = jobs.withLock { queue in
            queue.parked = queue.pending.isEmpty
            return queue.parked
          }
          if parked {
            let (seconds, attoseconds) = duration.components
            let nanoseconds = UInt64(max(0, seconds)) * 1_000_000_000 + UInt64(max(0, attoseconds / 1_000_000_000))
            _ = wakeUp.wait(timeout: .now() + .nanoseconds(Int(min(nanoseconds, UInt64(Int.max)))))
          }
        case .nothing:
          // No job and no sleeper while the operation still waits: nothing can ever happen.
          stop = .deadlock
          root.cancel()
          drain(clock)
          if let value = result.withLock({ $0 }) { return (value, stop) }
          if clock.resumeDueSleepers() == .nothing, jobs.withLock({ $0.pending.isEmpty }) {
            preconditionFailure("the operation ignored cancellation after a deadlock")
          }
        }
      } else {
        let mustWait = jobs.withLock { queue in
          queue.parked = queue.pending.isEmpty
          return queue.parked
        }
        if mustWait { wakeUp.wait() }
      }
    }
  }

  private func drain(_ clock: (any GatherLoopClock)?) {
    while true {
      let batch = jobs.withLock { queue -> [Entry] in
        queue.parked = false
        guard !queue.pending.isEmpty else { return [] }
        var batch = queue.spare
        swap(&batch, &queue.pending)
        pendingCount.store(0, ordering: .relaxed)
        return batch
      }
      if batch.isEmpty { return }
      clock?.beginTurn()
      // As asyncio does at the start of each turn: timers already due join this turn's callbacks,
      // so the tasks they wake run on the next turn.
      clock?.resumeOverdueSleepers()
      let executor = asUnownedTaskExecutor()
      for (position, entry) in batch.enumerated() {
        remainingInBatch.store(batch.count - position - 1, ordering: .relaxed)
        switch entry {
        case .job(let job):
          job.runSynchronously(on: executor)
        case .resume(let continuation):
          // Resuming enqueues the task's job; run it in this entry's place, so that a yield costs
          // one turn and keeps its place in the order.
          jobs.withLock { $0.capturing = true }
          continuation.resume()
          let job = jobs.withLock { queue -> UnownedJob? in
            queue.capturing = false
            defer { queue.captured = nil }
            return queue.captured
          }
          job?.runSynchronously(on: executor)
        }
      }
      var spare = batch
      spare.removeAll(keepingCapacity: true)
      jobs.withLock { $0.spare = spare }
    }
  }
}

private enum Entry {
  case job(UnownedJob)
  case resume(UnsafeContinuation<Void, Never>)
}

private struct JobQueue: ~Copyable {
  var pending: [Entry] = []
  var spare: [Entry] = []
  var parked = false
  var capturing = false
  var captured: UnownedJob?
}
