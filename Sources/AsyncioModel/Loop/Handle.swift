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

/// What the loop's timer heap holds: something run at an instant, that knows whether it was
/// cancelled.
///
/// A ``TimerHandle`` is one: what `call_at` and `call_later` return. An object whose timer
/// nothing else ever sees (the future of `asyncio.sleep`, the deadline of `asyncio.timeout`) is
/// its own, with an ``OwnTimer``: it behaves as the handle CPython makes would (cancelled,
/// counted, skipped, in the same order), without an object of its own. A million calls make two
/// million such timers.
///
/// `token` tells one timer of the object from another: the one a rescheduled deadline replaced
/// is cancelled, whatever the new one does.
package protocol TimerEvent: AnyObject {
  /// Whether the timer was cancelled (`TimerHandle.cancelled()`).
  func isTimerCancelled(_ token: UInt32) -> Bool
  /// The timer left the heap: it is due (and goes to the ready queue), or it was cancelled and
  /// dropped. Cancelling it from now on is not counted against the heap.
  func timerLeftHeap(_ token: UInt32)
  /// Runs the timer's callback (it is not cancelled).
  func timerFired(_ token: UInt32)
  /// The loop closed with the timer still set: it will never run.
  func timerDiscarded(_ token: UInt32)
}

/// The state of the one timer an object keeps for itself (``TimerEvent``), as a `TimerHandle`
/// keeps it: whether it is in the heap, whether it was cancelled.
package struct OwnTimer {
  /// The current timer; an older one is cancelled.
  package private(set) var token: UInt32 = 0
  private var scheduled = false
  private var cancelled = true

  package init() {}

  /// Sets a new timer at `when` on `loop` (the one before must be cancelled or gone).
  package mutating func schedule(at when: Int64, for event: TimerEvent, on loop: EventLoop) {
    token &+= 1
    scheduled = true
    cancelled = false
    loop.schedule(at: when, event: event, token: token)
  }

  /// `handle.cancel()`: also tells the loop, which counts the cancelled timers it holds.
  package mutating func cancel(on loop: EventLoop) {
    guard !cancelled else { return }
    if scheduled { loop.timerCancelled() }
    cancelled = true
  }

  package func isCancelled(_ token: UInt32) -> Bool { token != self.token || cancelled }

  package mutating func leftHeap(_ token: UInt32) {
    if token == self.token { scheduled = false }
  }
}

/// A callback due at an instant: `asyncio.TimerHandle`, returned by `call_at` and `call_later`.
///
/// Equal instants run in the order they were scheduled (see ENGINE-NOTES.md: CPython's heap
/// pops them in an order that is not a rule of the language; the recordings fix it to this one).
public final class TimerHandle: Handle, TimerEvent {
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

  package func isTimerCancelled(_ token: UInt32) -> Bool { cancelled }
  package func timerLeftHeap(_ token: UInt32) { scheduled = false }
  package func timerFired(_ token: UInt32) { loop.run(takeAction()) }
  package func timerDiscarded(_ token: UInt32) { discard() }
}

/// What a handle does when it runs. The library's own callbacks are cases, so that the hot ones
/// allocate nothing beyond the handle; anything else is a closure.
package enum HandleAction {
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
  /// A handle from `call_soon`.
  case handle(Handle)
  /// A timer that came due: run unless it is cancelled before its turn.
  case timer(TimerEvent, UInt32)
  /// `Task.__step(exc)`, scheduled by the task itself.
  case step(Task, LoopError?)
  /// The first steps of members `first ..< end` of a family (``TaskFamily``), scheduled one
  /// after the other as they were made: that many handles, in one entry.
  case memberSteps(TaskFamily, first: Int32, end: Int32)
  /// A future's done-callback, scheduled when the future finished.
  case doneCallback(DoneCallback, Future)
}
