/// `asyncio.Semaphore` (and `BoundedSemaphore`): a counter of permits with a FIFO of waiters.
///
/// The waiters are futures in a deque, as in CPython; a waiter is woken by setting its result
/// and takes the permit when its task next runs. `locked()` is true while any waiter has not
/// been cancelled, so a newcomer never jumps the queue. What 3.13 changed about a cancelled
/// `acquire` is in ``Acquire``.
public final class Semaphore {
  /// The free permits (`_value`).
  public internal(set) var value: Int
  /// For a `BoundedSemaphore`, the initial value that `release` may not exceed.
  public let bound: Int?
  private var waiters = RingBuffer<Waiter>()
  /// Waiters in the deque that are not cancelled (what `locked()` scans for).
  private var liveWaiters = 0
  let loop: EventLoop
  /// The family whose members wait in the deque as numbers (``TaskFamily``), if any: one per
  /// semaphore.
  private var family: TaskFamily?
  /// Whether a task ever had to wait for a permit: asyncio binds the semaphore to its loop then
  /// (`_LoopBoundMixin._get_loop`).
  public private(set) var everWaited = false
  /// For the same Python semaphore on a later loop, once an earlier one bound it: an acquire
  /// that must wait fails with this error (`... is bound to a different event loop`) instead.
  public var boundToAnotherLoop: (() -> LoopError)?

  /// An entry of the deque: a waiter future, or a member of ``family`` that waits as a number
  /// (its waiter future is made with it).
  private enum Waiter {
    case future(Acquire)
    case member(Int32)
  }

  /// The entry's waiter future as it is now; `nil` for a member waiting as a number, and
  /// `.none` (removed) for a member that finished.
  private func resolve(_ entry: Waiter) -> QueuedMember? {
    switch entry {
    case .future(let waiter): .future(waiter)
    case .member(let index): family!.waiter(Int(index))
    }
  }

  /// Whether the entry was taken out of the deque (`self._waiters.remove(fut)`).
  private func isRemoved(_ entry: Waiter) -> Bool {
    switch resolve(entry) {
    case .future(let waiter)?: waiter.removed
    case .number?: false
    case nil: true
    }
  }

  /// `asyncio.Semaphore(value)`, or `asyncio.BoundedSemaphore(value)` when `bounded`.
  ///
  /// - Precondition: `value >= 0` (Python raises `ValueError` before this is made).
  public init(value: Int, bounded: Bool = false, loop: EventLoop) {
    self.value = value
    self.bound = bounded ? value : nil
    self.loop = loop
  }

  private init(value: Int, bound: Int?, loop: EventLoop) {
    self.value = value
    self.bound = bound
    self.loop = loop
  }

  /// The same Python semaphore used on another loop (asyncio's object outlives a loop): its
  /// permits and bound, and whether it was ever bound; its waiters stay with the old loop.
  public func carried(to loop: EventLoop) -> Semaphore {
    let carried = Semaphore(value: value, bound: bound, loop: loop)
    carried.everWaited = everWaited
    return carried
  }

  /// `locked()`.
  public var isLocked: Bool { value == 0 || liveWaiters > 0 }

  /// How many tasks wait for a permit.
  public var waiting: Int { liveWaiters }

  /// `len(self._waiters)`: the futures in the deque, cancelled ones not yet taken out included.
  public var queued: Int {
    var count = 0
    for offset in 0..<waiters.count where !isRemoved(waiters[offset]) { count += 1 }
    return count
  }

  /// `acquire()`, the coroutine.
  public func acquire() -> Coroutine { Acquire(self) }

  /// The first lines of `acquire()`, where it does not suspend: when the semaphore is not
  /// locked, takes a permit and says so (`acquire()` would return True at once, in the same
  /// step); otherwise changes nothing, and the caller awaits ``acquire()``.
  public func acquireIfFree() -> Bool {
    guard !isLocked else { return false }
    value -= 1
    return true
  }

  /// `async with semaphore` as it starts: the coroutine of `__aenter__`; with `waiting`, as it
  /// is once it waits in the deque (for a member of a ``TaskFamily`` made as it waits there).
  func acquireFrame(waiting: Bool = false) -> Acquire {
    let frame = Acquire(self)
    frame.waiting = waiting
    return frame
  }

  /// `release()`. Returns `false` when a `BoundedSemaphore` would go past its bound (Python
  /// raises `ValueError('BoundedSemaphore released too many times')`).
  @discardableResult
  public func release() -> Bool {
    if let bound, value >= bound { return false }
    value += 1
    wakeUpNext()
    return true
  }

  /// `_wake_up_next()`: hands a permit to the first waiter not done yet.
  @discardableResult
  func wakeUpNext() -> Bool {
    var offset = 0
    while offset < waiters.count {
      let entry = waiters[offset]
      offset += 1
      switch resolve(entry) {
      case .future(let waiter)?:
        if waiter.removed || waiter.isDone { continue }
        value -= 1
        waiter.setResult(nil)
        return true
      case .number?:
        guard case .member(let index) = entry else { continue }
        value -= 1
        waiters[offset - 1] = .future(family!.wake(Int(index)))
        return true
      case nil:
        continue
      }
    }
    return false
  }

  func enqueue(_ waiter: Acquire) {
    everWaited = true
    waiters.append(.future(waiter))
    liveWaiters += 1
  }

  /// A member of `family` whose first step waits here, as a number (``TaskFamily``).
  func enqueue(member index: Int, of family: TaskFamily) {
    precondition(self.family == nil || self.family === family, "members of two families wait on one semaphore")
    self.family = family
    everWaited = true
    waiters.append(.member(Int32(index)))
    liveWaiters += 1
  }

  /// `self._waiters.remove(fut)`.
  func remove(_ waiter: Acquire) {
    waiter.removed = true
    if !waiter.isCancelled { liveWaiters -= 1 }
    while let head = waiters.first, isRemoved(head) { _ = waiters.popFirst() }
  }

  func waiterCancelled(_ waiter: Acquire) {
    if !waiter.removed { liveWaiters -= 1 }
  }
}


/// `Semaphore.acquire()`.
///
/// ```python
/// async def acquire(self):
///     if not self.locked():
///         self._value -= 1
///         return True
///     fut = self._get_loop().create_future()
///     self._waiters.append(fut)
///     try:
///         try:
///             await fut
///         finally:
///             self._waiters.remove(fut)
///     except exceptions.CancelledError:
///         # 3.10-3.12:                        # 3.13:
///         if not fut.cancelled():             if fut.done() and not fut.cancelled():
///             self._value += 1                    self._value += 1
///             self._wake_up_next()
///         raise
///     # 3.10-3.12:                           # 3.13 (in a finally, for every exit):
///     if self._value > 0:                     while self._value > 0:
///         self._wake_up_next()                    if not self._wake_up_next(): break
///     return True
/// ```
///
/// The coroutine is also its waiter future (`fut` above), which only the semaphore's deque and
/// the waiting task ever see; as a future it tells the semaphore when it is cancelled, so that
/// `locked()` need not scan the deque.
final class Acquire: Future, Coroutine {
  /// Not owned: the semaphore's deque holds its waiters, and a waiter never outlives the deque
  /// it is in or the task that awaits it (which holds the semaphore).
  unowned(unsafe) let semaphore: Semaphore
  fileprivate(set) var waiting = false
  /// Taken out of the semaphore's deque (`self._waiters.remove(fut)`).
  var removed = false

  init(_ semaphore: Semaphore) {
    self.semaphore = semaphore
    super.init(loop: semaphore.loop)
  }

  override func cancel(message: LoopValue = nil) -> Bool {
    guard cancelFuture(message: message) else { return false }
    semaphore.waiterCancelled(self)
    return true
  }

  func resume(_ input: Resumption, in task: Task) -> CoroutineStep {
    let waiter = self
    guard waiting else {
      if semaphore.acquireIfFree() { return .returned(task.loop.host.trueValue) }
      if let boundElsewhere = semaphore.boundToAnotherLoop { return .raised(boundElsewhere()) }
      waiting = true
      semaphore.enqueue(self)
      return .awaitFuture(self)
    }
    semaphore.remove(waiter)
    let wakesAll = task.loop.version.semaphoreWakesAllFreePermits
    if case .error(let error) = input {
      if error.category == .cancelled {
        if wakesAll {
          if waiter.isDone && !waiter.isCancelled { semaphore.value += 1 }
        } else if !waiter.isCancelled {
          semaphore.value += 1
          semaphore.wakeUpNext()
        }
      }
      if wakesAll { wakeWhileFree() }
      return .raised(error)
    }
    if wakesAll {
      wakeWhileFree()
    } else if semaphore.value > 0 {
      semaphore.wakeUpNext()
    }
    return .returned(task.loop.host.trueValue)
  }

  private func wakeWhileFree() {
    while semaphore.value > 0 {
      if !semaphore.wakeUpNext() { break }
    }
  }
}
