/// `asyncio.timeout(delay)` / `asyncio.timeout_at(when)` (3.11+): a deadline that cancels the
/// task it was entered in, and turns that cancellation into `TimeoutError` on the way out.
///
/// `__aenter__` and `__aexit__` never suspend, so they are plain methods here: a coroutine that
/// runs `async with asyncio.timeout(...)` calls ``enter(in:)`` and ``exit(with:)`` where the
/// statement would.
open class TimeoutScope: TimerEvent {
  /// The states of `asyncio.Timeout`.
  public enum State: Sendable { case created, entered, expiring, expired, exited }

  // The small fields first, side by side: a scope is made per call of a large batch.
  public private(set) var state: State = .created
  /// The deadline's timer (`call_at`), which nothing but the scope sees: the scope is its handle.
  private var timer = OwnTimer()
  /// The task's `cancelling()` when the scope was entered.
  private var cancelling: Int32 = 0
  /// The deadline in seconds of the loop's clock, or `nil` for none.
  public internal(set) var when: Double?
  /// The deadline's callback when it was due already (`call_soon`).
  private var soonHandle: Handle?
  private var task: Task?

  /// `Timeout(when)`.
  public init(when: Double?) { self.when = when }

  /// `asyncio.timeout(delay)`: the deadline is `loop.time() + delay`.
  public convenience init(delay: Double?, loop: EventLoop) {
    self.init(when: delay.map { loop.time + $0 })
  }

  /// `expired()`.
  public var expired: Bool { state == .expiring || state == .expired }

  /// The state's value in messages (`_State`'s values).
  var stateValue: String {
    switch state {
    case .created: "created"
    case .entered: "active"
    case .expiring: "expiring"
    case .expired: "expired"
    case .exited: "finished"
    }
  }

  /// `async with asyncio.timeout(delay)` as it starts, in `task`: the deadline is
  /// `loop.time() + delay` (none for `nil`).
  public func enter(in task: Task, after delay: Double?) -> LoopError? {
    when = delay.map { task.loop.time + $0 }
    return enter(in: task)
  }

  /// `__aenter__`: remembers the task and arms the deadline; an error for a timeout entered
  /// before (a `Timeout` is used once).
  public func enter(in task: Task) -> LoopError? {
    guard state == .created else { return task.loop.host.runtimeError("Timeout has already been entered") }
    state = .entered
    self.task = task
    cancelling = Int32(clamping: task.cancelRequests)
    reschedule(when, loop: task.loop)
    return nil
  }

  /// What `reschedule()` raises when the timeout is not active: before it is entered, or once
  /// it expired or ended. `nil` when it may be rescheduled.
  public func rescheduleError(host: LoopHost) -> LoopError? {
    switch state {
    case .entered: nil
    case .created: host.runtimeError("Timeout has not been entered")
    default: host.runtimeError("Cannot change state of \(stateValue) Timeout")
    }
  }

  /// `reschedule(when)`.
  public func reschedule(_ when: Double?, loop: EventLoop) {
    self.when = when
    cancelHandle(loop: loop)
    guard let when else { return }
    if when <= loop.time {
      soonHandle = loop.callSoon(.timeoutExpired(self))
    } else {
      timer.schedule(at: EventLoop.ticks(ofSeconds: when), for: self, on: loop)
    }
  }

  /// `self._timeout_handler.cancel()`, and the handler let go.
  private func cancelHandle(loop: EventLoop?) {
    soonHandle?.cancel()
    soonHandle = nil
    if let loop { timer.cancel(on: loop) }
  }

  func onTimeout() {
    task?.cancel()
    state = .expiring
    soonHandle = nil
  }

  package func isTimerCancelled(_ token: UInt32) -> Bool { timer.isCancelled(token) }
  package func timerLeftHeap(_ token: UInt32) { timer.leftHeap(token) }
  package func timerFired(_ token: UInt32) { onTimeout() }
  package func timerDiscarded(_ token: UInt32) {}

  /// `__aexit__`: returns the exception that leaves the `async with` (`error` itself, or the
  /// `TimeoutError` it becomes), or `nil` when the block ended normally.
  public func exit(with error: LoopError?) -> LoopError? {
    cancelHandle(loop: task?.loop)
    guard state == .expiring else {
      if state == .entered { state = .exited }
      return error
    }
    state = .expired
    // The cancel request it made is taken back whatever the body did, even when the body
    // swallowed the CancelledError and ended normally (`if self._task.uncancel() <= ...`).
    guard let task else { return error }
    let loop = task.loop
    let remaining = task.uncancel()
    guard let error, remaining <= Int(cancelling) else { return error }
    if loop.version.timeoutConvertsCancelledSubclasses {
      if error.category == .cancelled {
        return timeoutError(from: error, loop: loop)
      }
      insertTimeoutError(into: error, loop: loop)
      return error
    }
    return error.isExactlyCancelledError ? timeoutError(from: error, loop: loop) : error
  }

  /// `raise TimeoutError from exc_val`.
  private func timeoutError(from error: LoopError, loop: EventLoop) -> LoopError {
    let timeout = loop.host.timeoutError()
    timeout.cause = error
    timeout.context = error
    return timeout
  }

  /// 3.13's `_insert_timeout_error`: a `TimeoutError` between an exception and the
  /// `CancelledError` in its context chain.
  private func insertTimeoutError(into error: LoopError, loop: EventLoop) {
    var current = error
    while let context = current.context {
      if context.category == .cancelled {
        let timeout = loop.host.timeoutError()
        timeout.context = context
        timeout.cause = context
        current.context = timeout
        return
      }
      current = context
    }
  }
}
