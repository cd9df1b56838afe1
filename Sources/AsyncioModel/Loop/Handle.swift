/// A callback the loop will run: `asyncio.Handle`, returned by `call_soon`, which can be cancelled
/// before it runs.
public class Handle {
  /// Whether ``cancel()`` was called: the loop then skips the callback.
  public internal(set) var cancelled = false
  private(set) var action: HandleAction

  init(_ action: HandleAction) { self.action = action }

  /// `Handle.cancel()`: the callback will not run.
  public func cancel() { cancelled = true }

  /// The action, taken out: the handle is running and will not run again.
  func takeAction() -> HandleAction {
    var taken = HandleAction.none
    swap(&taken, &action)
    return taken
  }

  /// Lets go of what the callback holds (the loop is closed; it will never run).
  func discard() {
    cancelled = true
    action = .none
  }
}

/// A callback due at an instant: `asyncio.TimerHandle`, returned by `call_at` and `call_later`.
///
/// Equal instants run in the order they were scheduled (see ENGINE-NOTES.md: CPython's heap
/// pops them in an order that is not a rule of the language; the recordings fix it to this one).
public final class TimerHandle: Handle {
  /// When the callback is due, in ticks (microseconds) of the loop's clock.
  public let when: Int64
  let sequence: UInt64
  /// Whether the handle is still in the loop's timer heap.
  var scheduled = true
  let loop: EventLoop

  init(when: Int64, sequence: UInt64, action: HandleAction, loop: EventLoop) {
    self.when = when
    self.sequence = sequence
    self.loop = loop
    super.init(action)
  }

  /// `TimerHandle.cancel()`: also tells the loop, which counts the cancelled timers it holds.
  public override func cancel() {
    guard !cancelled else { return }
    if scheduled { loop.timerCancelled() }
    cancelled = true
  }
}

/// What a handle does when it runs. The library's own callbacks are cases, so that the hot ones
/// allocate nothing beyond the handle; anything else is a closure.
package enum HandleAction {
  /// `futures._set_result_unless_cancelled(future, result)`: how `sleep` wakes up.
  case setResultUnlessCancelled(Future, LoopValue)
  /// `tasks._release_waiter(waiter)`: how `wait_for` and `wait` wake up.
  case releaseWaiter(Future)
  /// `Timeout._on_timeout()`: the deadline of an `asyncio.timeout` block passed.
  case timeoutExpired(TimeoutScope)
  /// Any other callback.
  case closure(() -> Void)
  /// Nothing (a handle of a closed loop).
  case none
}

/// One entry of the loop's ready queue.
enum ReadyItem {
  /// A handle from `call_soon` or a timer that came due.
  case handle(Handle)
  /// `Task.__step(exc)`, scheduled by the task itself.
  case step(Task, LoopError?)
  /// A future's done-callback, scheduled when the future finished.
  case doneCallback(DoneCallback, Future)
}
