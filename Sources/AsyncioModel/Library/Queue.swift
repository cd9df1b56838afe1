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
    /// `PriorityQueue`: a heap, as `heapq.heappush`/`heappop` keep it, with the host's `<`
    /// (which may raise: the host's exception, a ``LoopError``, comes back from `put`/`get`).
    case priority(@Sendable (AnyObject?, AnyObject?) throws -> Bool)
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
    if case .priority(let less) = order {
      // heappush: appended first, so an item whose comparison fails stays in the heap.
      if let error = siftDown(from: 0, items.count - 1, less) { return error }
    }
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
    let item: LoopValue
    switch take() {
    case .value(let v): item = v
    case .error(let e): return .error(e)
    }
    wakeUpNext(&putters)
    return .value(item)
  }

  // MARK: The heap of a PriorityQueue (CPython's `_heapq.c`)

  /// `_siftdown(heap, start, pos)`: moves the item at `pos` up towards `start` while it is less
  /// than its parent. A comparison that changed the heap's size is `RuntimeError`.
  private func siftDown(from start: Int, _ position: Int, _ less: (AnyObject?, AnyObject?) throws -> Bool) -> LoopError? {
    let size = items.count
    guard position < size else { return nil }
    var pos = position
    while pos > start {
      let parent = (pos - 1) >> 1
      let smaller: Bool
      do { smaller = try less(items[pos], items[parent]) } catch { return (error as AnyObject) as? LoopError }
      if size != items.count { return loop.host.runtimeError("list changed size during iteration") }
      if !smaller { break }
      items.swapAt(parent, pos)
      pos = parent
    }
    return nil
  }

  /// `_siftup(heap, pos)`: the smaller child moves up until a leaf, then the item sifts down.
  private func siftUp(_ position: Int, _ less: (AnyObject?, AnyObject?) throws -> Bool) -> LoopError? {
    let end = items.count
    guard position < end else { return nil }
    var pos = position
    let limit = end >> 1
    while pos < limit {
      var child = 2 * pos + 1
      if child + 1 < end {
        let smaller: Bool
        do { smaller = try less(items[child], items[child + 1]) } catch { return (error as AnyObject) as? LoopError }
        if !smaller { child += 1 }
        if end != items.count { return loop.host.runtimeError("list changed size during iteration") }
      }
      items.swapAt(child, pos)
      pos = child
    }
    return siftDown(from: position, pos, less)
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

  private func take() -> Resumption {
    switch order {
    case .fifo:
      let item = items[head]
      items[head] = nil
      head += 1
      if head > 64 && head * 2 > items.count {
        items.removeFirst(head)
        head = 0
      }
      return .value(item)
    case .lifo:
      return .value(items.removeLast())
    case .priority(let less):
      // heappop: the last item goes to the root and sifts up; the root is returned.
      let last = items.removeLast()
      if items.isEmpty { return .value(last) }
      let root = items[0]
      items[0] = last
      if let error = siftUp(0, less) { return .error(error) }
      return .value(root)
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
