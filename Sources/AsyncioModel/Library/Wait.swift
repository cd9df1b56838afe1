/// `asyncio.wait(fs, timeout=None, return_when=ALL_COMPLETED)`.
///
/// ```python
/// async def _wait(fs, timeout, return_when, loop):
///     waiter = loop.create_future()
///     timeout_handle = None
///     if timeout is not None:
///         timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
///     counter = len(fs)
///     def _on_completion(f):
///         nonlocal counter
///         counter -= 1
///         if (counter <= 0 or return_when == FIRST_COMPLETED or
///             return_when == FIRST_EXCEPTION and (not f.cancelled() and f.exception() is not None)):
///             if timeout_handle is not None: timeout_handle.cancel()
///             if not waiter.done(): waiter.set_result(None)
///     for f in fs:
///         f.add_done_callback(_on_completion)
///     try:
///         await waiter
///     finally:
///         if timeout_handle is not None: timeout_handle.cancel()
///         for f in fs: f.remove_done_callback(_on_completion)
///     return done, pending
/// ```
/// The futures are taken in the order given (CPython iterates a set, whose order is not a rule).
public final class Wait: Coroutine {
  /// `FIRST_COMPLETED`, `FIRST_EXCEPTION`, `ALL_COMPLETED`.
  public enum ReturnWhen: String, Sendable {
    case firstCompleted = "FIRST_COMPLETED"
    case firstException = "FIRST_EXCEPTION"
    case allCompleted = "ALL_COMPLETED"
  }

  /// The futures that are done and those still pending when the wait ended, in the order given.
  public private(set) var done: [Future] = []
  public private(set) var pending: [Future] = []
  let futures: [Future]
  let timeout: Double?
  let returnWhen: ReturnWhen
  private var timeoutHandle: TimerHandle?
  private var completion: ClosureCallback?

  /// `_wait(fs, timeout, return_when)`; `futures` must not be empty (`wait` raises `ValueError`
  /// before).
  public init(_ futures: [Future], timeout: Double?, returnWhen: ReturnWhen) {
    self.futures = futures
    self.timeout = timeout
    self.returnWhen = returnWhen
  }

  public func resume(_ input: Resumption, in task: Task) -> CoroutineStep {
    guard let completion else {
      let loop = task.loop
      let waiter = Future(loop: loop)
      if let timeout { timeoutHandle = loop.schedule(after: timeout, .releaseWaiter(waiter)) }
      var counter = futures.count
      let returnWhen = self.returnWhen
      let callback = ClosureCallback { [weak self] future in
        counter -= 1
        let stop =
          counter <= 0 || returnWhen == .firstCompleted
          || (returnWhen == .firstException && !future.isCancelled && future.exception != nil)
        guard stop else { return }
        self?.timeoutHandle?.cancel()
        if !waiter.isDone { waiter.setResult(nil) }
      }
      self.completion = callback
      for future in futures { future.addDoneCallback(callback) }
      return .awaitFuture(waiter)
    }
    timeoutHandle?.cancel()
    for future in futures { future.removeDoneCallback(completion) }
    if case .error(let error) = input { return .raised(error) }
    done = futures.filter(\.isDone)
    pending = futures.filter { !$0.isDone }
    return .returned(nil)
  }
}

/// `asyncio.as_completed(fs, timeout=None)`, iterated as a plain iterator: each call of
/// ``next()`` gives the coroutine `_wait_for_one()`, which returns (or raises) the result of the
/// next future to finish, or raises `TimeoutError` once the timeout passed.
///
/// The futures are taken in the order given (CPython makes a set of them, whose order is not a
/// rule: tasks for coroutines are created in that order).
public final class AsCompleted {
  private var todo: [Future]
  private let done: Queue
  /// Held by the loop until it fires or is cancelled; not by this object, which its closure holds.
  private weak var timeoutHandle: TimerHandle?
  private var left: Int
  let loop: EventLoop

  /// Starts watching `awaitables` (coroutines become tasks now).
  public init(_ awaitables: [Awaitable], timeout: Double?, loop: EventLoop) {
    self.loop = loop
    done = Queue(loop: loop)
    var futures: [Future] = []
    for awaitable in awaitables {
      let future = loop.ensureFuture(awaitable)
      if !futures.contains(where: { $0 === future }) { futures.append(future) }
    }
    todo = futures
    left = futures.count
    // The callbacks hold this object, as CPython's closures hold `done` and `todo`: the program
    // may drop what as_completed returned while its futures still run.
    let callback = ClosureCallback { [self] future in
      guard !todo.isEmpty else { return }
      todo.removeAll { $0 === future }
      _ = done.putNoWait(future)
      if todo.isEmpty { timeoutHandle?.cancel() }
    }
    for future in futures { future.addDoneCallback(callback) }
    if !futures.isEmpty, let timeout {
      timeoutHandle = loop.callLater(timeout) { [self] in
        for future in todo {
          future.removeDoneCallback(callback)
          _ = done.putNoWait(nil)
        }
        todo.removeAll()
      }
    }
  }

  /// The next `_wait_for_one()` coroutine, or `nil` when every future has been given. With
  /// `resolve` false (3.13's `async for`), it returns the future itself, not its result.
  public func next(resolve: Bool = true) -> Coroutine? {
    guard left > 0 else { return nil }
    left -= 1
    return WaitForOne(self, resolve: resolve)
  }

  /// `f = await done.get(); if f is None: raise TimeoutError; return f.result() if resolve else f`.
  private final class WaitForOne: Coroutine {
    let owner: AsCompleted
    let resolve: Bool
    private var started = false

    init(_ owner: AsCompleted, resolve: Bool) {
      self.owner = owner
      self.resolve = resolve
    }

    func resume(_ input: Resumption, in task: Task) -> CoroutineStep {
      guard started else {
        started = true
        return .awaitCoroutine(owner.done.get())
      }
      switch input {
      case .error(let error): return .raised(error)
      case .value(let item):
        guard let future = item as? Future else { return .raised(task.loop.host.timeoutError()) }
        if !resolve { return .returned(future) }
        switch future.outcome() {
        case .value(let value): return .returned(value)
        case .error(let error): return .raised(error)
        }
      }
    }
  }
}
