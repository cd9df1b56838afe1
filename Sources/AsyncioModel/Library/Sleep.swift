/// `asyncio.sleep(delay, result)`.
///
/// ```python
/// async def sleep(delay, result=None):
///     if delay <= 0:
///         await __sleep0()          # a bare yield: one loop iteration
///         return result
///     future = loop.create_future()
///     h = loop.call_later(delay, futures._set_result_unless_cancelled, future, result)
///     try:
///         return await future
///     finally:
///         h.cancel()
/// ```
///
/// The coroutine is also the future it waits on (`loop.create_future()` above): nothing but the
/// coroutine and its task ever sees that future, so one object serves as both.
public final class Sleep: SleepingFuture, Coroutine {
  let delay: Double
  let result: LoopValue
  private var slept = false
  private var started = false

  /// Creates the coroutine `asyncio.sleep(delay, result)` on `loop`.
  public init(_ delay: Double, result: LoopValue = nil, loop: EventLoop) {
    self.delay = delay
    self.result = result
    super.init(loop: loop)
  }

  public func resume(_ input: Resumption, in task: Task) -> CoroutineStep {
    if !started {
      started = true
      guard delay > 0 else { return .yield }
      wake(after: delay, with: result)
      slept = true
      return .awaitFuture(self)
    }
    // `h.cancel()`.
    if slept { cancelWake() }
    switch input {
    case .error(let error): return .raised(error)
    case .value(let value): return .returned(slept ? value : result)
    }
  }
}

/// A future woken by a timer of its own, as `asyncio.sleep` wakes the future it awaits:
///
/// ```python
/// h = loop.call_later(delay, futures._set_result_unless_cancelled, future, result)
/// try:
///     return await future
/// finally:
///     h.cancel()
/// ```
///
/// Nothing but the sleeping coroutine ever sees that handle, so the future is its own
/// (``OwnTimer``): set, cancelled, counted and run as the handle would be.
open class SleepingFuture: Future, TimerEvent {
  private var timer = OwnTimer()
  private var wakeValue: LoopValue = nil

  /// `loop.call_later(delay, futures._set_result_unless_cancelled, self, value)`.
  public final func wake(after delay: Double, with value: LoopValue) {
    wakeValue = value
    timer.schedule(at: EventLoop.ticks(ofSeconds: loop.time + delay), for: self, on: loop)
  }

  /// `h.cancel()`.
  public final func cancelWake() {
    timer.cancel(on: loop)
    wakeValue = nil
  }

  package final func isTimerCancelled(_ token: UInt32) -> Bool { timer.isCancelled(token) }
  package final func timerLeftHeap(_ token: UInt32) { timer.leftHeap(token) }
  /// `futures._set_result_unless_cancelled(self, value)`.
  package final func timerFired(_ token: UInt32) {
    let value = wakeValue
    wakeValue = nil
    if !isCancelled { setResult(value) }
  }
  package final func timerDiscarded(_ token: UInt32) { wakeValue = nil }
}

/// `tasks._release_waiter`, as a done-callback: wakes `waiter` unless it is done already.
final class ReleaseWaiter: DoneCallback {
  let waiter: Future
  init(_ waiter: Future) { self.waiter = waiter }
  func futureDone(_ future: Future) {
    if !waiter.isDone { waiter.setResult(nil) }
  }
}

/// `tasks._cancel_and_wait(fut)`: cancels a future and waits until it is done.
///
/// ```python
/// async def _cancel_and_wait(fut):
///     waiter = loop.create_future()
///     cb = functools.partial(_release_waiter, waiter)
///     fut.add_done_callback(cb)
///     try:
///         fut.cancel()
///         await waiter
///     finally:
///         fut.remove_done_callback(cb)
/// ```
final class CancelAndWait: Coroutine {
  let future: Future
  private var callback: ReleaseWaiter?

  init(_ future: Future) { self.future = future }

  func resume(_ input: Resumption, in task: Task) -> CoroutineStep {
    guard let callback else {
      let waiter = Future(loop: task.loop)
      let callback = ReleaseWaiter(waiter)
      self.callback = callback
      future.addDoneCallback(callback)
      future.cancel()
      return .awaitFuture(waiter)
    }
    future.removeDoneCallback(callback)
    switch input {
    case .error(let error): return .raised(error)
    case .value: return .returned(nil)
    }
  }
}

extension EventLoop {
  /// `ensure_future(awaitable)`: a future as it is, a coroutine wrapped in a new task.
  public func ensureFuture(_ awaitable: Awaitable) -> Future {
    switch awaitable {
    case .future(let future): return future
    case .coroutine(let coroutine): return createTask(coroutine)
    }
  }
}

/// Something `await` takes: a future (a task too) or a coroutine.
public enum Awaitable {
  case future(Future)
  case coroutine(Coroutine)

  /// The step that awaits it.
  public var awaitStep: CoroutineStep {
    switch self {
    case .future(let future): .awaitFuture(future)
    case .coroutine(let coroutine): .awaitCoroutine(coroutine)
    }
  }
}
