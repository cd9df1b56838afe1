/// A deterministic model of CPython's asyncio event loop (`BaseEventLoop`), on a clock of its own.
///
/// The loop holds what CPython's holds: a ready queue of callbacks and a heap of timers. One
/// iteration is `_run_once`: drop cancelled timers at the head of the heap, wait (move the clock)
/// until the first timer if nothing is ready, move every timer that is due to the ready queue,
/// then run exactly the callbacks that were ready when the iteration began. Everything else
/// (futures, tasks, `sleep`, `gather`, `wait_for`, semaphores) is built on these, as in CPython.
///
/// Time is kept in ticks of one microsecond; a timer's instant is computed in floating point as
/// asyncio computes it (`loop.time() + delay`) and then put on the microsecond grid, as the
/// recordings do (see PYTHON-RUNTIME.md). On the virtual clock a wait is instant; with a
/// ``LoopClock`` of real time, the loop sleeps between iterations as the selector would.
///
/// The loop is single-threaded and not `Sendable`: one loop, one thread.
public final class EventLoop {
  /// The CPython version whose asyncio this loop reproduces.
  public let version: PythonVersion
  /// What the host language provides: the exceptions asyncio raises, and `True`.
  public let host: LoopHost
  /// The clock the loop waits on.
  let clock: LoopClock
  /// Whether it is the virtual clock, whose waits the loop makes itself (instant, never
  /// interrupted) without asking it.
  private let virtualClock: Bool

  /// The current time in ticks (microseconds) since the loop started.
  public private(set) var ticks: Int64 = 0
  private var ready = RingBuffer<ReadyItem>()
  private var timers = TimerHeap()
  private var cancelledTimers = 0
  private var sequence: UInt64 = 0
  private var stopping = false
  /// The task whose step is running (`asyncio.current_task()`).
  public var currentTask: Task? { runningTask?.takeUnretainedValue() }
  /// Not retained: a task's step sets it to the task itself and puts the previous one back
  /// before it returns, so the task is alive for as long as it is here.
  var runningTask: Unmanaged<Task>?
  /// Tasks not yet done, in the order they were created (`asyncio.all_tasks()`).
  private var liveTasks: [LiveTasks] = []
  /// `is_closed()`.
  public private(set) var isClosed = false
  /// How many tasks are not done yet.
  public private(set) var liveCount = 0
  private var taskSerial = 0
  /// The counter behind `Task-N`: CPython's is one for the whole process (a second
  /// `asyncio.run` goes on from the first), so a host shares one between its loops.
  public var taskNumbering = TaskNumbering()
  /// A `SystemExit` or `KeyboardInterrupt` that escaped a task: it stops the loop.
  public internal(set) var escaping: LoopError?

  /// Takes the exception that stopped the loop, so that the loop can run again (as `asyncio.run`
  /// does to cancel what is left before the exception goes on).
  public func takeEscaping() -> LoopError? {
    defer { escaping = nil }
    return escaping
  }
  /// `_run_until_complete_cb`, made once: it holds the loop weakly, so the loop does not hold itself.
  private lazy var stopper = LoopStopper(loop: self)
  /// The loop, for holders that must not keep it alive (``LifetimeLink``: not `weak`, which
  /// would slow every retain of the loop).
  public var link: LifetimeLink<EventLoop> {
    if let linkMade { return linkMade }
    let made = LifetimeLink(self)
    linkMade = made
    return made
  }
  private var linkMade: LifetimeLink<EventLoop>?
  deinit { linkMade?.objectEnded() }
  /// How many iterations (`_run_once`) have run.
  public private(set) var iterations = 0
  /// Work running beside the loop (executor threads): while any is, the loop is not deadlocked.
  public var pendingOutsideWork = 0
  /// The default executor, once used.
  var executorStorage: Executor?
  /// The host's async generators still suspended, each as its `aclose()`: what
  /// `shutdown_asyncgens()` gathers as the run ends (the model has none of its own).
  public var asyncGeneratorClosers: (() -> [Awaitable])?

  /// Creates a loop at time 0.
  ///
  /// - Parameters:
  ///   - version: The CPython version to reproduce. The default is ``PythonVersion/default``.
  ///   - host: The maker of asyncio's own exceptions and values. The default makes
  ///     ``BasicLoopError``s.
  ///   - clock: The clock to wait on. The default is the virtual clock: waiting is instant.
  public init(
    version: PythonVersion = .default, host: LoopHost = BasicLoopHost.shared,
    clock: LoopClock = VirtualLoopClock.shared
  ) {
    self.version = version
    self.host = host
    self.clock = clock
    self.virtualClock = clock is VirtualLoopClock
    liveTasks.reserveCapacity(16)
  }

  // MARK: Time

  /// `loop.time()`: seconds since the loop started.
  public var time: Double { Double(ticks) / 1_000_000 }

  /// The far end of the clock: an instant past any the program can reach (an `asyncio.sleep`
  /// of infinity, or of ages, lands here). A timer set for it never fires: CPython would wait
  /// for ever, so a loop with nothing else to do is deadlocked.
  public static let never = Int64.max / 2

  /// Converts an instant in seconds to the tick it lands on (`round(when * 1e6)`).
  @inline(__always)
  public static func ticks(ofSeconds seconds: Double) -> Int64 {
    guard seconds.isFinite else { return seconds > 0 ? never : Int64.min / 2 }
    let scaled = (seconds * 1_000_000).rounded(.toNearestOrEven)
    if scaled >= Double(never) { return never }
    if scaled <= Double(Int64.min / 2) { return Int64.min / 2 }
    return Int64(scaled)
  }

  /// Blocking work on the loop's thread (`time.sleep` in a coroutine): time passes and nothing
  /// else runs.
  public func block(forSeconds seconds: Double) {
    let step = Self.ticks(ofSeconds: seconds)
    guard step > 0 else { return }
    ticks = virtualClock ? ticks + step : clock.block(from: ticks, by: step)
  }

  // MARK: Scheduling

  /// `call_soon(callback)`.
  @discardableResult
  public func callSoon(_ body: @escaping () -> Void) -> Handle {
    let handle = Handle(.closure(body))
    ready.append(.handle(handle))
    return handle
  }

  func callSoon(_ item: consuming ReadyItem) { ready.append(item) }

  func callSoon(_ action: HandleAction) -> Handle {
    let handle = Handle(action)
    ready.append(.handle(handle))
    return handle
  }

  /// `call_at(when, callback)`, `when` in seconds of ``time``.
  @discardableResult
  public func callAt(_ when: Double, _ body: @escaping () -> Void) -> TimerHandle {
    schedule(at: Self.ticks(ofSeconds: when), .closure(body))
  }

  /// `call_later(delay, callback)`: `call_at(time() + delay)`.
  @discardableResult
  public func callLater(_ delay: Double, _ body: @escaping () -> Void) -> TimerHandle {
    callAt(time + delay, body)
  }

  package func schedule(after delay: Double, _ action: HandleAction) -> TimerHandle {
    schedule(at: Self.ticks(ofSeconds: time + delay), action)
  }

  package func schedule(at when: Int64, _ action: HandleAction) -> TimerHandle {
    sequence &+= 1
    let timer = TimerHandle(when: when, sequence: sequence, action: action, loop: self)
    timers.push(TimerHeap.Entry(when: when, sequence: sequence, event: timer, token: 0))
    return timer
  }

  /// Sets a timer that is its own handle (``OwnTimer``), in the same order as any other.
  package func schedule(at when: Int64, event: TimerEvent, token: UInt32) {
    sequence &+= 1
    timers.push(TimerHeap.Entry(when: when, sequence: sequence, event: event, token: token))
  }

  func timerCancelled() { cancelledTimers += 1 }

  // MARK: Tasks

  /// Gives each new task the host's context to run in (Python copies the creating code's
  /// `contextvars` context); nil for a host without contexts.
  public var contextOfNewTask: (() -> AnyObject?)?

  /// `loop.create_task(coro, name=name)`: the task's first step is scheduled at once.
  ///
  /// - Parameter numbered: Whether a task given a name takes a number all the same: before 3.13,
  ///   `asyncio.create_task(coro, name=…)` makes the task without a name (which takes the next
  ///   `Task-N`) and then names it.
  @discardableResult
  public func createTask(_ coroutine: Coroutine, name: String? = nil, numbered: Bool = false) -> Task {
    // Through a task factory, `create_task` has the factory make the task without a name, and
    // names it after (3.12: when a name is given; 3.13.0: `task.set_name(name)` even with none,
    // which names it "None").
    let factoryMade = eagerTaskFactory
    let madeName = factoryMade ? nil : name
    taskSerial += 1
    if madeName == nil || numbered { taskNumbering.last += 1 }
    let task = Task(
      coroutine: coroutine, loop: self, name: madeName, serial: taskSerial,
      defaultNameNumber: madeName == nil ? taskNumbering.last : 0)
    if let creator = currentTask { task.ancestors = (creator.serial, creator.ancestors.0, creator.ancestors.1) }
    if let contextOfNewTask { task.context = contextOfNewTask() }
    liveTasks.append(.task(task))
    liveCount += 1
    if factoryMade && isRunning {
      // `Task.__eager_start()`: the first step runs now, inside `create_task`, as the current
      // task; a task that does not finish in it goes on as any other.
      let escapedBefore = escaping != nil
      task.step(.value(nil))
      if !escapedBefore, let error = escaping { eagerEscape = error }
      // A task done in its eager step lets its coroutine go (`self._coro = None`).
      if task.isDone { task.coroutineDropped = true }
    } else {
      ready.append(.step(task, nil))
    }
    if factoryMade {
      if version.minor >= 13 {
        task.name = name ?? "None"
      } else if let name {
        task.name = name
      }
    }
    return task
  }

  /// `loop.set_task_factory(asyncio.eager_task_factory)` (3.12+): each task's first step runs
  /// inside `create_task`, while the loop runs. (The only task factory the model has.)
  public var eagerTaskFactory = false

  /// A `SystemExit` or `KeyboardInterrupt` that escaped a task's eager first step. In CPython it
  /// goes on out of `create_task`, into the code that made the task (the model stops the loop for
  /// it, as for any escaping exception): a host that cannot raise it there must not go on.
  public private(set) var eagerEscape: LoopError?

  /// `is_running()`: inside ``runUntilComplete(_:maxIterations:)``.
  public private(set) var isRunning = false

  /// `loop.create_task(coro)` for each of `count` coroutines of one shape, one after the other,
  /// as `gather` makes them: the members of a ``TaskFamily``, which stay numbers until each is
  /// needed as a ``Task``.
  ///
  /// - Precondition: the host gives tasks no context (``contextOfNewTask`` is `nil`).
  func createTasks(count: Int, shape: TaskFamilyShape) -> TaskFamily {
    precondition(contextOfNewTask == nil, "a family of tasks has no contexts")
    precondition(!eagerTaskFactory, "a family of tasks starts as tasks do without a task factory")
    let family = TaskFamily(
      count: count, shape: shape, loop: self, firstSerial: taskSerial + 1, firstNumber: taskNumbering.last + 1)
    taskSerial += count
    taskNumbering.last += count
    ready.append(.memberSteps(family, first: 0, end: Int32(count)))
    liveTasks.append(.family(family))
    liveCount += count
    return family
  }

  func taskFinished(_ task: Task) {
    liveCount -= 1
    task.family?.finished(task)
    if liveTasks.count > 64, liveCount * 2 < liveTasks.count {
      liveTasks.removeAll { $0.isDone }
    }
  }

  /// `asyncio.all_tasks()`: the tasks not yet done, in the order they were created.
  public var allTasks: [Task] {
    liveTasks.flatMap { entry -> [Task] in
      switch entry {
      case .task(let task): task.isDone ? [] : [task]
      case .family(let family): family.liveTasks
      }
    }
  }

  // MARK: Running

  /// `loop.stop()`: the loop stops after the iteration that is running.
  public func stop() { stopping = true }

  /// How a run of the loop ended.
  public enum RunEnd: Equatable {
    /// The future is done.
    case completed
    /// Nothing is ready, no timer is set and nothing runs beside the loop, yet the future is
    /// not done: CPython would wait forever.
    case deadlock
    /// The clock was interrupted (Ctrl-C on the wall clock).
    case interrupted
    /// A budget of iterations ran out.
    case outOfSteps
    /// `SystemExit` or `KeyboardInterrupt` escaped a task.
    case exited
  }

  /// `loop.run_until_complete(future)`: runs iterations until `future` is done.
  ///
  /// - Parameter maxIterations: A budget; the run ends with ``RunEnd/outOfSteps`` past it.
  public func runUntilComplete(_ future: Future, maxIterations: Int = .max) -> RunEnd {
    let stopper = self.stopper
    future.addDoneCallback(stopper)
    isRunning = true
    defer {
      isRunning = false
      future.removeDoneCallback(stopper)
    }
    var budget = maxIterations
    while true {
      if let end = runOnce() { return end }
      if escaping != nil { return .exited }
      if stopping {
        stopping = false
        if future.isDone { return .completed }
      }
      budget -= 1
      if budget <= 0 { return .outOfSteps }
    }
  }

  /// One iteration: `_run_once`. Returns why the loop cannot go on, or `nil`.
  func runOnce() -> RunEnd? {
    iterations += 1
    if timers.count > 100, cancelledTimers * 2 > timers.count {
      timers.removeCancelled()
      cancelledTimers = 0
    } else {
      while timers.firstIsCancelled, let head = timers.popFirst() {
        cancelledTimers -= 1
        head.event.timerLeftHeap(head.token)
      }
    }
    if ready.isEmpty && !stopping {
      if let when = timers.firstWhen, when < Self.never || pendingOutsideWork > 0 {
        if when > ticks {
          if virtualClock {
            ticks = when
          } else {
            guard let now = clock.wait(from: ticks, until: when) else { return .interrupted }
            ticks = now
          }
        }
      } else if pendingOutsideWork == 0 {
        return .deadlock
      } else {
        guard let now = clock.waitForOutsideWork(from: ticks, loop: self) else { return .interrupted }
        ticks = now
      }
    } else if !virtualClock, clock.isInterrupted {
      return .interrupted
    }
    while let when = timers.firstWhen, when <= ticks, let head = timers.popFirst() {
      head.event.timerLeftHeap(head.token)
      ready.append(.timer(head.event, head.token))
    }
    var todo = ready.count
    while todo > 0, let item = ready.popFirst() {
      todo -= 1
      run(item)
      if escaping != nil { return nil }
    }
    return nil
  }

  @inline(__always)
  private func run(_ item: consuming ReadyItem) {
    switch consume item {
    case .step(let task, let error):
      task.step(error.map(Resumption.error) ?? .value(nil))
    case .memberSteps(let family, let first, let end):
      runFirstSteps(of: family, from: first, to: end)
    case .doneCallback(let callback, let future):
      callback.futureDone(future)
    case .timer(let event, let token):
      guard !event.isTimerCancelled(token) else { return }
      event.timerFired(token)
    case .handle(let handle):
      guard !handle.cancelled else { return }
      // A handle runs once: its action is taken out of it (and what it holds let go with it).
      run(handle.takeAction())
    }
  }

  /// The first steps of a family's members, each a handle of its own: the handles the
  /// iteration counted are all of them, since nothing comes between them in the queue. A
  /// `SystemExit` stops the iteration after the step it escaped from; the others stay first in
  /// the queue.
  private func runFirstSteps(of family: TaskFamily, from first: Int32, to end: Int32) {
    var index = first
    while index < end {
      family.firstStep(Int(index))
      index += 1
      if escaping != nil, index < end {
        ready.prepend(.memberSteps(family, first: index, end: end))
        return
      }
    }
  }

  /// Runs a handle's action.
  @inline(__always)
  func run(_ action: consuming HandleAction) {
    switch consume action {
    case .releaseWaiter(let waiter):
      if !waiter.isDone { waiter.setResult(nil) }
    case .timeoutExpired(let scope):
      scope.onTimeout()
    case .closure(let body):
      body()
    case .none:
      break
    }
  }

  /// `loop.close()`: drops every callback, timer and task the loop still holds, so that nothing
  /// that refers to the loop keeps it alive. The loop cannot run after this.
  public func close() {
    isClosed = true
    for entry in liveTasks {
      switch entry {
      case .task(let task): if !task.isDone { task.abandon() }
      case .family(let family): family.abandon()
      }
    }
    // Handles and the futures they would finish can hold each other (a sleep and its timer).
    timers.forEach { $0.timerDiscarded($1) }
    while let item = ready.popFirst() {
      switch item {
      case .handle(let handle): handle.discard()
      case .timer(let event, let token): event.timerDiscarded(token)
      default: break
      }
    }
    ready = RingBuffer()
    timers = TimerHeap()
    liveTasks = []
    liveCount = 0
    runningTask = nil
    executorStorage = nil
  }

  /// Whether anything is scheduled at all (ready callbacks or live timers).
  public var hasScheduledWork: Bool { !ready.isEmpty || timers.count > cancelledTimers }
}

/// An entry of the loop's list of tasks: a task, or a family of them.
private enum LiveTasks {
  case task(Task)
  case family(TaskFamily)

  var isDone: Bool {
    switch self {
    case .task(let task): task.isDone
    case .family(let family): family.liveCount == 0
    }
  }
}

/// `_run_until_complete_cb`: stops the loop when the future it watches is done.
private final class LoopStopper: DoneCallback {
  unowned let loop: EventLoop
  init(loop: EventLoop) { self.loop = loop }
  func futureDone(_ future: Future) { loop.stop() }
}
