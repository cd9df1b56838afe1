/// `asyncio.Queue` (FIFO; `LifoQueue` and `PriorityQueue` differ only in `_put`/`_get`, which
/// the host supplies through ``Order``).
///
/// ```python
/// async def put(self, item):
///     while self.full():
///         putter = self._get_loop().create_future()
///         self._putters.append(putter)
///         try:
///             await putter
///         except:
///             putter.cancel()
///             try: self._putters.remove(putter)
///             except ValueError: pass
///             if not self.full() and not putter.cancelled():
///                 self._wakeup_next(self._putters)
///             raise
///     return self.put_nowait(item)
///
/// async def get(self):                     # the same shape, with getters and empty()
///     ...
///     return self.get_nowait()
/// ```
/// 3.13 adds `shutdown()`: `put` raises `QueueShutDown`, and `get` does once the queue is empty.
public final class Queue {
  /// Which item `get` takes.
  public enum Order: Sendable {
    /// `Queue`: first in, first out.
    case fifo
    /// `LifoQueue`: last in, first out.
    case lifo
    /// `PriorityQueue`: the smallest first, by the host's ordering of items.
    case priority(@Sendable (AnyObject?, AnyObject?) -> Bool)
  }

  /// `maxsize`: 0 or less means no bound.
  public let maxSize: Int
  let order: Order
  private var items: [LoopValue] = []
  private var head = 0
  private var getters = RingBuffer<Future>()
  private var putters = RingBuffer<Future>()
  /// Items put and not yet marked done (`task_done`).
  public private(set) var unfinishedTasks = 0
  private let finished: Event
  /// Whether `shutdown()` was called (3.13).
  public private(set) var isShutDown = false
  let loop: EventLoop

  /// `asyncio.Queue(maxsize)`.
  public init(maxSize: Int = 0, order: Order = .fifo, loop: EventLoop) {
    self.maxSize = maxSize
    self.order = order
    self.loop = loop
    finished = Event(loop: loop)
    finished.set()
  }

  /// `qsize()`.
  public var count: Int { items.count - head }
  /// `empty()`.
  public var isEmpty: Bool { count == 0 }
  /// `full()`.
  public var isFull: Bool { maxSize > 0 && count >= maxSize }

  /// `put_nowait(item)`: the exception it raises, or `nil`.
  public func putNoWait(_ item: LoopValue) -> LoopError? {
    if isShutDown { return loop.host.queueError(.shutDown) }
    if isFull { return loop.host.queueError(.full) }
    items.append(item)
    unfinishedTasks += 1
    finished.clear()
    wakeUpNext(&getters)
    return nil
  }

  /// `get_nowait()`: the item, or the exception it raises.
  public func getNoWait() -> Resumption {
    if isEmpty {
      return .error(loop.host.queueError(isShutDown ? .shutDown : .empty))
    }
    let item = take()
    wakeUpNext(&putters)
    return .value(item)
  }

  /// `task_done()`: the `ValueError` when called too often, or `nil`.
  public func taskDone() -> LoopError? {
    guard unfinishedTasks > 0 else { return loop.host.valueError("task_done() called too many times") }
    unfinishedTasks -= 1
    if unfinishedTasks == 0 { finished.set() }
    return nil
  }

  /// `join()`, the coroutine.
  public func join() -> Coroutine { Join(self) }

  /// `put(item)`, the coroutine.
  public func put(_ item: LoopValue) -> Coroutine { Put(self, item) }

  /// `get()`, the coroutine.
  public func get() -> Coroutine { Get(self) }

  /// `shutdown(immediate)` (3.13).
  public func shutDown(immediate: Bool = false) {
    isShutDown = true
    if immediate {
      while !isEmpty {
        _ = take()
        if unfinishedTasks > 0 { unfinishedTasks -= 1 }
      }
      if unfinishedTasks == 0 { finished.set() }
    }
    while let getter = getters.popFirst() {
      if !getter.isDone { getter.setResult(nil) }
    }
    while let putter = putters.popFirst() {
      if !putter.isDone { putter.setResult(nil) }
    }
  }

  private func take() -> LoopValue {
    switch order {
    case .fifo:
      let item = items[head]
      items[head] = nil
      head += 1
      if head > 64 && head * 2 > items.count {
        items.removeFirst(head)
        head = 0
      }
      return item
    case .lifo:
      return items.removeLast()
    case .priority(let less):
      // heapq order: the smallest item, the earliest put among equals.
      var best = head
      for index in head..<items.count where less(items[index], items[best]) { best = index }
      return items.remove(at: best)
    }
  }

  /// `_wakeup_next(waiters)`: wakes the first waiter not done yet, dropping the ones before it.
  private func wakeUpNext(_ waiters: inout RingBuffer<Future>) {
    while let waiter = waiters.popFirst() {
      if !waiter.isDone {
        waiter.setResult(nil)
        return
      }
    }
  }

  fileprivate func remove(_ waiter: Future, from waiters: inout RingBuffer<Future>) {
    var kept = RingBuffer<Future>()
    var found = false
    while let other = waiters.popFirst() {
      if !found && other === waiter {
        found = true
      } else {
        kept.append(other)
      }
    }
    waiters = kept
  }

  /// `put(item)`.
  private final class Put: Coroutine {
    let queue: Queue
    let item: LoopValue
    private var putter: Future?

    init(_ queue: Queue, _ item: LoopValue) {
      self.queue = queue
      self.item = item
    }

    func resume(_ input: Resumption, in task: Task) -> CoroutineStep {
      if let putter {
        if case .error(let error) = input {
          putter.cancel()
          queue.remove(putter, from: &queue.putters)
          if !queue.isFull && !putter.isCancelled { queue.wakeUpNext(&queue.putters) }
          return .raised(error)
        }
      }
      while queue.isFull {
        if task.loop.version.minor >= 13, queue.isShutDown { return .raised(task.loop.host.queueError(.shutDown)) }
        let putter = Future(loop: task.loop)
        self.putter = putter
        queue.putters.append(putter)
        return .awaitFuture(putter)
      }
      if let error = queue.putNoWait(item) { return .raised(error) }
      return .returned(nil)
    }
  }

  /// `get()`.
  private final class Get: Coroutine {
    let queue: Queue
    private var getter: Future?

    init(_ queue: Queue) { self.queue = queue }

    func resume(_ input: Resumption, in task: Task) -> CoroutineStep {
      if let getter {
        if case .error(let error) = input {
          getter.cancel()
          queue.remove(getter, from: &queue.getters)
          if !queue.isEmpty && !getter.isCancelled { queue.wakeUpNext(&queue.getters) }
          return .raised(error)
        }
      }
      while queue.isEmpty {
        if queue.isShutDown { return .raised(task.loop.host.queueError(.shutDown)) }
        let getter = Future(loop: task.loop)
        self.getter = getter
        queue.getters.append(getter)
        return .awaitFuture(getter)
      }
      switch queue.getNoWait() {
      case .value(let item): return .returned(item)
      case .error(let error): return .raised(error)
      }
    }
  }

  /// `join()`: `if self._unfinished_tasks > 0: await self._finished.wait()`.
  private final class Join: Coroutine {
    let queue: Queue
    private var waited = false

    init(_ queue: Queue) { self.queue = queue }

    func resume(_ input: Resumption, in task: Task) -> CoroutineStep {
      if waited {
        if case .error(let error) = input { return .raised(error) }
        return .returned(nil)
      }
      waited = true
      guard queue.unfinishedTasks > 0 else { return .returned(nil) }
      return .awaitCoroutine(queue.finished.wait())
    }
  }
}
