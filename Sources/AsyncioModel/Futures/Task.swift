/// `asyncio.Task`: runs a coroutine on the loop, one step per resumption.
///
/// The step is `Task.__step` of CPython 3.10 to 3.13: a pending cancellation replaces what the
/// coroutine is resumed with, a coroutine that returns or raises finishes the task, and one
/// that awaits a pending future parks the task on that future's done-callbacks.
public final class Task: Future, DoneCallback {
  /// The task's name (`Task-1`, …, or the name given to `create_task`).
  public var name: String
  /// The coroutine frames of the task, innermost last (`yield from` chains).
  private var frames: [Coroutine]
  var mustCancel = false
  /// The future the task waits on (`_fut_waiter`).
  public private(set) var waitingOn: Future?
  /// `cancelling()`: cancellation requests not yet taken back by `uncancel()` (3.11+).
  public private(set) var cancelRequests = 0
  /// Whether the coroutine has run at all: one that has not raises what is thrown into it at
  /// once, before its first line.
  private var started = false
  /// The order the task was created in, from 1.
  public let serial: Int

  init(coroutine: Coroutine, loop: EventLoop, name: String?, serial: Int) {
    self.frames = [coroutine]
    self.serial = serial
    self.name = name ?? "Task-\(serial)"
    super.init(loop: loop)
  }

  /// The innermost frame, while the task runs.
  public var innermostFrame: Coroutine? { frames.last }

  /// `Task.cancel(msg)`: asks the coroutine to stop at its next resumption.
  @discardableResult
  public override func cancel(message: LoopValue = nil) -> Bool {
    guard !isDone else { return false }
    if loop.version.hasTimeoutsAndTaskGroups { cancelRequests += 1 }
    if let waiter = waitingOn, waiter.cancel(message: message) { return true }
    mustCancel = true
    cancelMessage = message
    return true
  }

  /// `uncancel()`: takes back one cancellation request and says how many remain (3.11+).
  @discardableResult
  public func uncancel() -> Int {
    if cancelRequests > 0 { cancelRequests -= 1 }
    return cancelRequests
  }

  /// `__wakeup(future)`: the future the task waited on is done.
  public func futureDone(_ future: Future) {
    step(future.outcome())
  }

  /// `__step(exc)`: resumes the coroutine with `input` (or with `CancelledError` when a cancel
  /// is pending) and runs it to its next suspension.
  func step(_ input: Resumption) {
    precondition(!isDone, "_step(): already done")
    var input = input
    if mustCancel {
      if case .error(let error) = input, error.category == .cancelled {
      } else {
        input = .error(makeCancelledError())
      }
      mustCancel = false
    }
    waitingOn = nil
    let previous = loop.currentTask
    loop.currentTask = self
    defer { loop.currentTask = previous }
    if !started {
      started = true
      if case .error(let error) = input { finish(raising: error) }
    }
    while let frame = frames.last {
      switch frame.resume(input, in: self) {
      case .awaitCoroutine(let inner):
        frames.append(inner)
        input = .value(nil)
      case .returned(let value):
        frames.removeLast()
        guard frames.isEmpty else {
          input = .value(value)
          continue
        }
        if mustCancel {
          mustCancel = false
          _ = cancelFuture(message: cancelMessage)
        } else {
          setResult(value)
        }
      case .raised(let error):
        frames.removeLast()
        guard frames.isEmpty else {
          input = .error(error)
          continue
        }
        finish(raising: error)
      case .yield:
        loop.callSoon(.step(self, nil))
        return
      case .awaitFuture(let future):
        if future.isDone {
          input = future.outcome()
          continue
        }
        if future === self {
          loop.callSoon(.step(self, loop.errors.runtimeError("Task cannot await on itself")))
          return
        }
        future.addDoneCallback(self)
        waitingOn = future
        if mustCancel, future.cancel(message: cancelMessage) { mustCancel = false }
        return
      }
    }
    loop.taskFinished(self)
  }

  /// The coroutine raised `error` out of its outermost frame.
  private func finish(raising error: LoopError) {
    frames.removeAll()
    if error.category == .cancelled {
      cancelledError = error
      _ = cancelFuture(message: nil)
    } else {
      setException(error)
      if error.category == .exit { loop.escaping = error }
    }
  }
}
