/// `asyncio.run(main)` (3.10) and `asyncio.Runner().run(main)` with its `close()` (3.11+), which
/// do the same things in the same order:
///
/// 1. `main` becomes a task, and the loop runs until it is done;
/// 2. every task still pending is cancelled, and the loop runs until they are all done
///    (`_cancel_all_tasks`); a task that ended with an exception then is reported;
/// 3. `loop.shutdown_asyncgens()` and `loop.shutdown_default_executor()` each run as a task; the
///    second waits for executor jobs still running.
///
/// Where CPython would wait forever (nothing ready, no timer, no executor job), the model stops
/// and reports a deadlock instead.
public enum AsyncioRun {
  /// How a run ended.
  public struct Outcome {
    /// How the main loop run ended (``EventLoop/RunEnd/completed`` when `main` finished).
    public var end: EventLoop.RunEnd
    /// The main task.
    public var main: Task
    /// Tasks that were still pending when `main` finished, and ended with an exception when
    /// cancelled (`unhandled exception during asyncio.run() shutdown`).
    public var failedAtShutdown: [Task]

    public init(end: EventLoop.RunEnd, main: Task, failedAtShutdown: [Task]) {
      self.end = end
      self.main = main
      self.failedAtShutdown = failedAtShutdown
    }
  }

  /// Runs `main` as `asyncio.run` does.
  ///
  /// - Parameter maxIterations: A budget on loop iterations for the whole run.
  public static func run(_ main: Coroutine, on loop: EventLoop, maxIterations: Int = .max) -> Outcome {
    let task = loop.createTask(main)
    let before = loop.iterations
    let end = loop.runUntilComplete(task, maxIterations: maxIterations)
    guard end == .completed else { return Outcome(end: end, main: task, failedAtShutdown: []) }
    let (cleanup, failed) = shutdown(loop, maxIterations: max(1, maxIterations - (loop.iterations - before)))
    return Outcome(end: cleanup, main: task, failedAtShutdown: failed)
  }

  /// What `asyncio.run` (and `Runner.close()`) does before closing the loop: cancels every task
  /// still pending and runs until they are done (`_cancel_all_tasks`), then
  /// `shutdown_asyncgens()` and `shutdown_default_executor()`.
  ///
  /// - Returns: How the runs ended, and the tasks that ended with an exception when cancelled.
  public static func shutdown(_ loop: EventLoop, maxIterations: Int = .max) -> (end: EventLoop.RunEnd, failed: [Task]) {
    let before = loop.iterations
    let budget = { max(1, maxIterations - (loop.iterations - before)) }
    let pending = loop.allTasks
    var failed: [Task] = []
    if !pending.isEmpty {
      for other in pending { other.cancel() }
      let gathered = Gather.start(pending.map(Awaitable.future), returnExceptions: true, loop: loop)
      let cleanup = loop.runUntilComplete(gathered, maxIterations: budget())
      if cleanup != .completed { return (cleanup, []) }
      failed = pending.filter { !$0.isCancelled && $0.exception != nil }
    }
    for step in [Shutdown(waitForExecutor: false), Shutdown(waitForExecutor: true)] {
      let shutdown = loop.runUntilComplete(loop.createTask(step), maxIterations: budget())
      if shutdown != .completed { return (shutdown, failed) }
    }
    return (.completed, failed)
  }

  /// `shutdown_asyncgens()` (the host's async generators still alive, each `aclose()`d, gathered),
  /// or `shutdown_default_executor()` (waits until no executor job is left).
  private final class Shutdown: Coroutine {
    let waitForExecutor: Bool
    private var waited = false
    init(waitForExecutor: Bool) { self.waitForExecutor = waitForExecutor }

    func resume(_ input: Resumption, in task: Task) -> CoroutineStep {
      if case .error(let error) = input { return .raised(error) }
      guard !waited else { return .returned(nil) }
      waited = true
      if !waitForExecutor {
        let closers = task.loop.asyncGeneratorClosers?() ?? []
        guard !closers.isEmpty else { return .returned(nil) }
        return .awaitFuture(Gather.start(closers, returnExceptions: true, loop: task.loop))
      }
      guard task.loop.usedExecutor else { return .returned(nil) }
      return .awaitFuture(task.loop.defaultExecutor.whenIdle())
    }
  }
}
