/// `asyncio.Task`: runs a coroutine on the loop, one step per resumption.
///
/// The step is `Task.__step` of CPython 3.10 to 3.13: a pending cancellation replaces what the
/// coroutine is resumed with, a coroutine that returns or raises finishes the task, and one
/// that awaits a pending future parks the task on that future's done-callbacks.
public final class Task: Future, DoneCallback {
  /// The task's name (`Task-1`, …, or the name given to `create_task`).
  public var name: String {
    get { givenName ?? "Task-\(defaultNameNumber)" }
    set { givenName = newValue }
  }
  private var givenName: String?
  /// The coroutine frames of the task, innermost last (`yield from` chains).
  private var frames: FrameStack
  /// The future the task waits on (`_fut_waiter`).
  public private(set) var waitingOn: Future?
  /// The host's context the task's steps run in (Python's `contextvars.Context`), from
  /// ``EventLoop/contextOfNewTask`` when the task was made. Opaque to the model.
  public var context: AnyObject?
  // The numbers and flags below are kept small and side by side: a million tasks wait at once
  // in a large batch, and each byte of a task is a megabyte of it.
  private var ancestorSerials: (Int32, Int32, Int32) = (0, 0, 0)
  private let serialNumber: Int32
  /// The number of a task made without a name (`Task-N`): CPython counts only those.
  private let defaultNameNumber: Int32
  private var cancelCount: Int32 = 0
  var mustCancel = false
  /// Whether the coroutine has run at all: one that has not raises what is thrown into it at
  /// once, before its first line.
  private var started = false
  /// Whether the task was cancelled together with others in the order of a set (a TaskGroup's
  /// abort): what it does from then on comes in an order CPython does not fix.
  public internal(set) var cancelledAmongOthers = false
  /// Whether the task let its coroutine go: one that finished in its eager first step
  /// (`self._coro = None` in `__eager_start`), whose `repr` and `get_coro()` show none.
  public internal(set) var coroutineDropped = false
  /// The family the task is a member of (``TaskFamily``), told when the task is done. Not
  /// owned: the loop holds the family for as long as any member is not done.
  unowned(unsafe) var family: TaskFamily?

  /// `cancelling()`: cancellation requests not yet taken back by `uncancel()` (3.11+).
  public var cancelRequests: Int { Int(cancelCount) }
  /// The order the task was created in, from 1.
  public var serial: Int { Int(serialNumber) }
  /// The ``serial``s of the task that was running when this one was created, of the one that
  /// created that, and of the one before (0 for none): `wait_for`'s inner task in 3.10 has the
  /// task that called it. For a host that follows what one call does across the tasks it makes;
  /// numbers, not references, so nothing is kept alive and there is nothing to release.
  public internal(set) var ancestors: (Int, Int, Int) {
    get { (Int(ancestorSerials.0), Int(ancestorSerials.1), Int(ancestorSerials.2)) }
    set {
      ancestorSerials = (Int32(clamping: newValue.0), Int32(clamping: newValue.1), Int32(clamping: newValue.2))
    }
  }

  init(coroutine: Coroutine, loop: EventLoop, name: String?, serial: Int, defaultNameNumber: Int) {
    self.frames = FrameStack(coroutine)
    self.serialNumber = Int32(clamping: serial)
    self.givenName = name
    self.defaultNameNumber = Int32(clamping: defaultNameNumber)
    super.init(loop: loop)
  }

  /// Puts the task where its first step left it when its coroutine awaited `waiter`, a
  /// coroutine that is its own future (a member of a ``TaskFamily`` made as it waits).
  func resumeWaiting(awaiting waiter: Future & Coroutine) {
    frames.push(waiter)
    started = true
    waiter.addDoneCallback(self)
    waitingOn = waiter
  }

  /// The innermost frame, while the task runs.
  public var innermostFrame: Coroutine? { frames.top }
  /// How many coroutines are awaiting one another in the task now (its `await` chain).
  public var frameDepth: Int { frames.count }
  /// The coroutines of the task's `await` chain, innermost first.
  public var awaitChain: [Coroutine] { frames.all }

  /// `Task.cancel(msg)`: asks the coroutine to stop at its next resumption.
  @discardableResult
  public override func cancel(message: LoopValue = nil) -> Bool {
    guard !isDone else { return false }
    // Cancelled by a task whose own cancellation came in a set's order: so does this one.
    if let canceller = loop.currentTask, canceller.cancelledAmongOthers { cancelledAmongOthers = true }
    // (Counted to Int32.max: the step budget ends any program long before.)
    if loop.version.hasTimeoutsAndTaskGroups, cancelCount < .max { cancelCount += 1 }
    if let waiter = waitingOn, waiter.cancel(message: message) { return true }
    mustCancel = true
    cancelMessage = message
    return true
  }

  /// Notes that the task is about to be cancelled together with others in the order of a set
  /// (a program's `for t in pending: t.cancel()`), as a TaskGroup's abort does.
  public func willBeCancelledAmongOthers() { cancelledAmongOthers = true }

  /// `uncancel()`: takes back one cancellation request and says how many remain (3.11+).
  @discardableResult
  public func uncancel() -> Int {
    if cancelCount > 0 {
      cancelCount -= 1
      if cancelCount == 0 && loop.version.uncancelDropsPendingCancel { mustCancel = false }
    }
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
    let previous = loop.runningTask
    loop.runningTask = Unmanaged.passUnretained(self)
    defer { loop.runningTask = previous }
    if !started {
      started = true
      if case .error(let error) = input { finish(raising: error) }
    }
    while let frame = frames.top {
      switch frame.resume(input, in: self) {
      case .awaitCoroutine(let inner):
        frames.push(inner)
        input = .value(nil)
      case .returned(let value):
        frames.pop()
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
        frames.pop()
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
          loop.callSoon(.step(self, loop.host.taskAwaitsItself(self)))
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

  /// Drops the coroutine's frames of a task that will never run again (its loop is closed), so
  /// that frames and the futures they wait on do not keep each other alive.
  func abandon() {
    frames = FrameStack(nil)
    waitingOn?.dropCallbacks()
    waitingOn = nil
    dropCallbacks()
  }

  /// The coroutine raised `error` out of its outermost frame.
  private func finish(raising error: LoopError) {
    frames = FrameStack(nil)
    if error.category == .cancelled {
      cancelledError = error
      _ = cancelFuture(message: nil)
    } else {
      setException(error)
      if error.category == .exit { loop.escaping = error }
    }
  }
}

/// A task's coroutine frames: the first four in place, deeper ones in an array, so that a task
/// costs no array of its own in the usual case.
struct FrameStack {
  private var f0: Coroutine?
  private var f1: Coroutine?
  private var f2: Coroutine?
  private var f3: Coroutine?
  private var deeper: [Coroutine] = []
  private(set) var count: Int

  init(_ root: Coroutine?) {
    f0 = root
    count = root == nil ? 0 : 1
  }

  var isEmpty: Bool { count == 0 }

  /// The frames, innermost first.
  var all: [Coroutine] {
    var out: [Coroutine] = []
    out.reserveCapacity(count)
    out.append(contentsOf: deeper.reversed())
    for frame in [f3, f2, f1, f0] { if let frame { out.append(frame) } }
    return out
  }

  var top: Coroutine? {
    switch count {
    case 0: nil
    case 1: f0
    case 2: f1
    case 3: f2
    case 4: f3
    default: deeper.last
    }
  }

  mutating func push(_ frame: Coroutine) {
    switch count {
    case 0: f0 = frame
    case 1: f1 = frame
    case 2: f2 = frame
    case 3: f3 = frame
    default: deeper.append(frame)
    }
    count += 1
  }

  mutating func pop() {
    switch count {
    case 1: f0 = nil
    case 2: f1 = nil
    case 3: f2 = nil
    case 4: f3 = nil
    default: deeper.removeLast()
    }
    count -= 1
  }
}

/// CPython's counter of unnamed tasks (`Task-1`, `Task-2`, …), shared by the loops of one process.
public final class TaskNumbering {
  /// The last number given.
  public var last = 0
  public init() {}
}
