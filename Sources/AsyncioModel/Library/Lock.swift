/// `asyncio.Lock`: the same in 3.10 to 3.13.
///
/// ```python
/// async def acquire(self):
///     if (not self._locked and (self._waiters is None or
///             all(w.cancelled() for w in self._waiters))):
///         self._locked = True
///         return True
///     fut = self._get_loop().create_future()
///     self._waiters.append(fut)
///     try:
///         try:
///             await fut
///         finally:
///             self._waiters.remove(fut)
///     except exceptions.CancelledError:
///         if not self._locked:
///             self._wake_up_first()
///         raise
///     self._locked = True
///     return True
///
/// def release(self):
///     if self._locked:
///         self._locked = False
///         self._wake_up_first()
///     else:
///         raise RuntimeError('Lock is not acquired.')
///
/// def _wake_up_first(self):
///     fut = next(iter(self._waiters))   # the first waiter, done or not
///     if not fut.done():
///         fut.set_result(True)
/// ```
public final class Lock {
  /// `locked()`.
  public private(set) var isLocked = false
  private var waiters: [Future] = []
  let loop: EventLoop

  /// `asyncio.Lock()`.
  public init(loop: EventLoop) { self.loop = loop }

  /// `acquire()`, the coroutine.
  public func acquire() -> Coroutine { LockAcquire(self) }

  /// `release()`: the `RuntimeError` it raises when the lock is not held, or `nil`.
  public func release() -> LoopError? {
    guard isLocked else { return loop.host.runtimeError("Lock is not acquired.") }
    isLocked = false
    wakeUpFirst()
    return nil
  }

  fileprivate func wakeUpFirst() {
    guard let first = waiters.first, !first.isDone else { return }
    first.setResult(nil)
  }

  fileprivate final class LockAcquire: Coroutine {
    let lock: Lock
    private var waiter: Future?

    init(_ lock: Lock) { self.lock = lock }

    func resume(_ input: Resumption, in task: Task) -> CoroutineStep {
      guard let waiter else {
        if !lock.isLocked && lock.waiters.allSatisfy(\.isCancelled) {
          lock.isLocked = true
          return .returned(task.loop.host.trueValue)
        }
        let waiter = Future(loop: task.loop)
        self.waiter = waiter
        lock.waiters.append(waiter)
        return .awaitFuture(waiter)
      }
      if let index = lock.waiters.firstIndex(where: { $0 === waiter }) { lock.waiters.remove(at: index) }
      if case .error(let error) = input {
        if error.category == .cancelled, !lock.isLocked { lock.wakeUpFirst() }
        return .raised(error)
      }
      lock.isLocked = true
      return .returned(task.loop.host.trueValue)
    }
  }
}

/// `asyncio.Event`: the same in 3.10 to 3.13.
public final class Event {
  /// `is_set()`.
  public private(set) var isSet = false
  private var waiters: [Future] = []
  let loop: EventLoop

  /// `asyncio.Event()`.
  public init(loop: EventLoop) { self.loop = loop }

  /// `set()`: wakes every waiter.
  public func set() {
    guard !isSet else { return }
    isSet = true
    for waiter in waiters where !waiter.isDone { waiter.setResult(nil) }
  }

  /// `clear()`.
  public func clear() { isSet = false }

  /// `wait()`, the coroutine: returns at once when set, else when ``set()`` is called.
  public func wait() -> Coroutine { EventWait(self) }

  fileprivate final class EventWait: Coroutine {
    let event: Event
    private var waiter: Future?

    init(_ event: Event) { self.event = event }

    func resume(_ input: Resumption, in task: Task) -> CoroutineStep {
      guard let waiter else {
        if event.isSet { return .returned(task.loop.host.trueValue) }
        let waiter = Future(loop: task.loop)
        self.waiter = waiter
        event.waiters.append(waiter)
        return .awaitFuture(waiter)
      }
      if let index = event.waiters.firstIndex(where: { $0 === waiter }) { event.waiters.remove(at: index) }
      if case .error(let error) = input { return .raised(error) }
      return .returned(task.loop.host.trueValue)
    }
  }
}
