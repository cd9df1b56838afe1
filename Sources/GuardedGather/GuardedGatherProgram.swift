import AsyncioModel

/// The lesson page's program, with a batch's options, built as tasks on the asyncio model.
///
/// This is, frame for frame, the program the conformance recordings run under CPython
/// (`Tests/GuardedGatherTests/Conformance/asyncio_reference.py`):
///
/// ```python
/// async def call_tool(call):                     # CallTool
///     if cpu: time.sleep(delay)                   # blocks the loop
///     else: await asyncio.sleep(delay)
///     if fails: raise ToolError(fails)
///     return f"{name}:ok"
///
/// async def guarded(call):                       # Guarded, timeout scope "call"
///     try:
///         async with semaphore:                   # when there is one
///             started()
///             try:
///                 result = await asyncio.wait_for(call_tool(call), timeout)  # or no wait_for
///                 finished("ok"); return result
///             except TimeoutError: finished("timeout"); return f"{name}:timeout"
///             except ToolError: finished("error"); return f"{name}:error"  # or raise
///             except CancelledError: finished("cancelled"); raise
///     except CancelledError:
///         if not finished: finished("cancelled")
///         raise
///
/// async def guarded(call):                       # Guarded, timeout scope "queue"
///     try:
///         return await asyncio.wait_for(inner(call), timeout)   # Inner: semaphore, then tool
///     except TimeoutError: finished("timeout"); return f"{name}:timeout"
///     except CancelledError:
///         if not finished: finished("cancelled")
///         raise
///
/// async def main():
///     try:
///         results = await asyncio.gather(*(guarded(c) for c in calls))
///     except ToolError as error: failed = error
/// ```
final class GuardedGatherProgram {
  let batch: GatherBatch
  let loop: EventLoop
  let shared: Semaphore?
  /// Per call, in ticks; -1 for never.
  var startedAt: [Int64]
  var endedAt: [Int64]
  var outcomes: [GatherOutcome]
  /// Per call: ``finishedFlag`` and ``releasedFlag``.
  var flags: [UInt8]
  static let finishedFlag: UInt8 = 1
  static let releasedFlag: UInt8 = 2
  var inFlight = 0
  var peak = 0
  var failure: LoopError?
  var elapsed: Int64 = 0
  /// Whether `gather` makes the calls' tasks as a ``TaskFamily`` (a word for each call that waits
  /// for its slot) rather than one by one (tests compare the two).
  var gathersAsFamily = true
  /// The family of the calls' tasks, once `gather` made it.
  var family: TaskFamily?
  /// The calls still waiting for a slot when the loop found nothing left to do.
  var waitingAtDeadlock: [String] = []
  /// The batch's calls and its timeout in nanoseconds (-1 for none), read where they are, not
  /// copied call by call.
  private let calls: [GatherCall]
  private let batchTimeout: Int64

  init(batch: GatherBatch, loop: EventLoop) {
    self.batch = batch
    self.loop = loop
    let count = batch.calls.count
    startedAt = .filled(with: -1, count: count)
    endedAt = .filled(with: 0, count: count)
    outcomes = .filled(with: .cancelled, count: count)
    flags = .filled(with: 0, count: count)
    calls = batch.calls
    batchTimeout = batch.timeout?.nanoseconds ?? -1
    shared = batch.semaphore == .shared ? batch.limit.map { Semaphore(value: $0, loop: loop) } : nil
  }

  func semaphore() -> Semaphore? {
    switch batch.semaphore {
    case .shared: shared
    case .perCall: batch.limit.map { Semaphore(value: $0, loop: loop) }
    }
  }

  // MARK: What the recordings record

  func started(_ index: Int) {
    startedAt[index] = loop.ticks
    inFlight += 1
    if inFlight > peak { peak = inFlight }
  }

  /// The call's delay in seconds, as the recordings pass it to `asyncio.sleep`.
  func delay(_ index: Int) -> Double {
    calls.withUnsafeBufferPointer { Double($0[index].delayNanoseconds) / 1_000_000_000 }
  }

  /// The call's timeout in seconds, or `nil`.
  func timeout(_ index: Int) -> Double? {
    let own = calls.withUnsafeBufferPointer { $0[index].timeoutNanoseconds }
    let nanoseconds =
      switch own {
      case GatherCall.inheritTimeout: batchTimeout
      case GatherCall.noTimeout: Int64(-1)
      default: own
      }
    return nanoseconds < 0 ? nil : Double(nanoseconds) / 1_000_000_000
  }

  /// Whether the call's work blocks the loop (`time.sleep`).
  func blocks(_ index: Int) -> Bool { calls.withUnsafeBufferPointer { $0[index].work == .cpu } }

  func finished(_ index: Int) -> Bool { flags[index] & Self.finishedFlag != 0 }

  func release(_ index: Int) {
    if startedAt[index] >= 0 && flags[index] & Self.releasedFlag == 0 {
      flags[index] |= Self.releasedFlag
      inFlight -= 1
    }
  }

  func finish(_ index: Int, _ outcome: GatherOutcome) {
    outcomes[index] = outcome
    endedAt[index] = loop.ticks
    flags[index] |= Self.finishedFlag
    release(index)
  }

  var capturesErrors: Bool { batch.errors != .propagate }

  // MARK: Running

  /// Runs the program as the recorder does: `run_until_complete(main)`; on a deadlock, cancel
  /// `main` and run it to its end; then cancel what is left and gather it.
  func run() -> (deadlocked: Bool, interrupted: Bool) {
    let main = loop.createTask(MainFrame(self))
    var deadlocked = false
    var interrupted = false
    switch loop.runUntilComplete(main) {
    case .completed, .exited, .outOfSteps: break
    case .interrupted: interrupted = true
    case .deadlock:
      deadlocked = true
      elapsed = loop.ticks
      waitingAtDeadlock = batch.calls.indices.filter { !finished($0) && startedAt[$0] < 0 }.map { batch.calls[$0].name }
      main.cancel()
      _ = loop.runUntilComplete(main)
    }
    if interrupted {
      elapsed = loop.ticks
      for index in batch.calls.indices where !finished(index) { finish(index, .cancelled) }
      return (deadlocked, interrupted)
    }
    let pending = loop.liveCount == 0 ? [] : loop.allTasks
    for task in pending { task.cancel() }
    if !pending.isEmpty {
      _ = loop.runUntilComplete(Gather.start(pending.map(Awaitable.future), returnExceptions: true, loop: loop))
    }
    return (deadlocked, interrupted)
  }
}

/// `asyncio.gather(*(guarded(c) for c in calls))`: the tasks of the calls that wait for the
/// shared semaphore at their first line are numbers until each gets its slot (``TaskFamily``).
extension GuardedGatherProgram: TaskFamilyShape {
  func coroutine(_ index: Int) -> Coroutine { Guarded(self, index: index) }

  func semaphoreOfFirstStep(_ index: Int) -> Semaphore? { batch.timeoutScope == .call ? shared : nil }

  func coroutineWaiting(_ index: Int, on waiter: Coroutine) -> Coroutine {
    Guarded(self, index: index, waitingFor: shared!)
  }
}

/// A tool's error, as `ToolError(message)`.
final class ToolError {
  static func make(_ message: String) -> LoopError { BasicLoopError(.other, message) }
}

/// `main()`: gathers every guarded call and keeps the results or the first error.
private final class MainFrame: Coroutine {
  let program: GuardedGatherProgram
  private var gathering: Future?

  init(_ program: GuardedGatherProgram) { self.program = program }

  func resume(_ input: Resumption, in task: Task) -> CoroutineStep {
    guard gathering != nil else {
      let future =
        program.gathersAsFamily
        ? Gather.start(count: program.batch.calls.count, shape: program, loop: program.loop)
        : Gather.start(program.batch.calls.indices.map { .coroutine(Guarded(program, index: $0)) }, loop: program.loop)
      gathering = future
      program.family = (future as? GatheringFuture)?.family
      return .awaitFuture(future)
    }
    switch input {
    case .value: break
    case .error(let error):
      guard error.category == .other else { return .raised(error) }
      program.failure = error
    }
    program.elapsed = program.loop.ticks
    return .returned(nil)
  }
}

/// `call_tool(call)`: the tool's wait (or blocking work), then its result or its error.
///
/// The `asyncio.sleep(delay)` it awaits is written out in place (a nested coroutine makes no
/// event of its own), and the coroutine is also the sleep's future, which nothing else sees.
private final class CallTool: SleepingFuture, Coroutine {
  let program: GuardedGatherProgram
  let index: Int
  private var waited = false

  init(_ program: GuardedGatherProgram, index: Int) {
    self.program = program
    self.index = index
    super.init(loop: program.loop)
  }

  func resume(_ input: Resumption, in task: Task) -> CoroutineStep {
    if !waited {
      waited = true
      let delay = program.delay(index)
      if program.blocks(index) {
        task.loop.block(forSeconds: delay)
      } else if delay <= 0 {
        return .yield
      } else {
        wake(after: delay, with: nil)
        return .awaitFuture(self)
      }
    } else {
      // `h.cancel()` (nothing to cancel when the call blocked or yielded instead).
      cancelWake()
      if case .error(let error) = input { return .raised(error) }
    }
    if let failure = program.batch.calls[index].failure { return .raised(ToolError.make(failure)) }
    return .returned(nil)
  }
}

/// `guarded(call)`, in either timeout scope.
///
/// In the call scope under 3.12+, the `asyncio.wait_for` around the tool is written out here, as
/// 3.12's `wait_for` is written: `async with timeouts.timeout(timeout): return await fut`, in the
/// same task. The coroutine is then also that `asyncio.timeout()` scope, which nothing else sees.
private final class Guarded: TimeoutScope, Coroutine {
  private enum Stage { case start, acquiring, running, waitingInQueueScope }
  let program: GuardedGatherProgram
  private var semaphore: Semaphore?
  // Small and side by side: every call of a batch has its `guarded` waiting from the start.
  private let callIndex: Int32
  private var stage = Stage.start
  /// Whether the tool runs under the timeout scope that is this coroutine.
  private var scoped = false
  var index: Int { Int(callIndex) }

  init(_ program: GuardedGatherProgram, index: Int) {
    self.program = program
    self.callIndex = Int32(index)
    super.init(when: nil)
  }

  /// As the first step leaves it when `semaphore` is locked: waiting in `acquire()`.
  convenience init(_ program: GuardedGatherProgram, index: Int, waitingFor semaphore: Semaphore) {
    self.init(program, index: index)
    self.semaphore = semaphore
    stage = .acquiring
  }

  func resume(_ input: Resumption, in task: Task) -> CoroutineStep {
    switch stage {
    case .start:
      semaphore = program.semaphore()
      if program.batch.timeoutScope == .queue {
        let inner = Inner(program, index: index, semaphore: semaphore)
        stage = .waitingInQueueScope
        guard let timeout = program.timeout(index) else { return .awaitCoroutine(inner) }
        return .awaitCoroutine(WaitFor.make(.coroutine(inner), timeout: timeout, version: task.loop.version))
      }
      if let semaphore, !semaphore.acquireIfFree() {
        stage = .acquiring
        return .awaitCoroutine(semaphore.acquire())
      }
      return runTool(task)
    case .acquiring:
      if case .error(let error) = input { return cancelled(error) }
      return runTool(task)
    case .running:
      var input = input
      if scoped {
        // Leaving `async with timeouts.timeout(timeout)`: an expired deadline turns the
        // cancellation into TimeoutError.
        switch input {
        case .value: if let error = exit(with: nil) { input = .error(error) }
        case .error(let error): input = .error(exit(with: error) ?? error)
        }
      }
      let step = runToolEnded(input)
      semaphore?.release()
      if case .raised(let error) = step, error.category == .cancelled { return cancelled(error) }
      return step
    case .waitingInQueueScope:
      switch input {
      case .value(let value): return .returned(value)
      case .error(let error):
        switch error.category {
        case .timeout:
          program.finish(index, .timeout)
          return .returned(nil)
        case .cancelled: return cancelled(error)
        default: return .raised(error)
        }
      }
    }
  }

  /// The rest of `run_tool`: how the call ended, recorded.
  private func runToolEnded(_ input: Resumption) -> CoroutineStep {
    switch input {
    case .value(let value):
      program.finish(index, .ok)
      return .returned(value)
    case .error(let error):
      switch error.category {
      case .timeout:
        program.finish(index, .timeout)
        return .returned(nil)
      case .cancelled:
        program.finish(index, .cancelled)
        return .raised(error)
      default:
        program.finish(index, .error)
        return program.capturesErrors ? .returned(nil) : .raised(error)
      }
    }
  }

  /// `run_tool` up to its await.
  private func runTool(_ task: Task) -> CoroutineStep {
    program.started(index)
    stage = .running
    let tool = CallTool(program, index: index)
    guard let timeout = program.timeout(index) else { return .awaitCoroutine(tool) }
    let version = task.loop.version
    if !version.waitForRunsInItsOwnTask, timeout > 0 {
      // `wait_for` of 3.12+, past its check of a timeout <= 0.
      scoped = true
      _ = enter(in: task, after: timeout)  // a new scope: never entered before
      return .awaitCoroutine(tool)
    }
    return .awaitCoroutine(WaitFor.make(.coroutine(tool), timeout: timeout, version: version))
  }

  /// `except CancelledError: if not finished: finished("cancelled"); raise`.
  private func cancelled(_ error: LoopError) -> CoroutineStep {
    if !program.finished(index) { program.finish(index, .cancelled) }
    return .raised(error)
  }
}

/// `inner()` of the queue scope: the semaphore, then the tool with no timeout of its own.
///
/// ```python
/// async def inner():
///     async with semaphore:                       # when there is one
///         started()
///         try:
///             result = await call_tool(call); finished("ok"); return result
///         except ToolError: finished("error"); return f"{name}:error"  # or raise
///         finally: released()
/// ```
private final class Inner: Coroutine {
  private enum Stage { case start, acquiring, running }
  let program: GuardedGatherProgram
  let index: Int
  let semaphore: Semaphore?
  private var stage = Stage.start

  init(_ program: GuardedGatherProgram, index: Int, semaphore: Semaphore?) {
    self.program = program
    self.index = index
    self.semaphore = semaphore
  }

  func resume(_ input: Resumption, in task: Task) -> CoroutineStep {
    switch stage {
    case .start:
      if let semaphore, !semaphore.acquireIfFree() {
        stage = .acquiring
        return .awaitCoroutine(semaphore.acquire())
      }
      return runTool()
    case .acquiring:
      if case .error(let error) = input { return .raised(error) }
      return runTool()
    case .running:
      var step: CoroutineStep
      switch input {
      case .value(let value):
        program.finish(index, .ok)
        step = .returned(value)
      case .error(let error):
        if error.category == .other {
          program.finish(index, .error)
          step = program.capturesErrors ? .returned(nil) : .raised(error)
        } else {
          step = .raised(error)
        }
      }
      program.release(index)
      semaphore?.release()
      return step
    }
  }

  private func runTool() -> CoroutineStep {
    program.started(index)
    stage = .running
    return .awaitCoroutine(CallTool(program, index: index))
  }
}

extension Array {
  /// `Array(repeating: value, count: count)`, made through code specialized for the element.
  /// `Array(repeating:count:)` allocates in the standard library's unspecialized code, which looks
  /// the storage's type up at run time: the four arrays of a small batch cost 2,700 instructions
  /// that way, an eighth of a one-call batch.
  static func filled(with value: Element, count: Int) -> [Element] {
    var array: [Element] = []
    array.reserveCapacity(count)
    for _ in 0..<count { array.append(value) }
    return array
  }
}
