/// `asyncio.TaskGroup` (3.11+): tasks that finish together; the first failure cancels the rest
/// and the parent, and the errors come out as one `BaseExceptionGroup`.
///
/// Ported from `taskgroups.py`; what changed between versions is marked where it happens:
/// 3.12 runs the done-callback at once for a task that is already done when it is added (eager
/// tasks), and 3.13 treats `CancelledError` subclasses as cancellation, takes back the parent's
/// cancellation after waiting, and re-cancels a parent that was being cancelled when the group
/// raises its errors.
///
/// The tasks are kept in the order they were made (CPython keeps a set, whose order of
/// cancellation is not a rule).
public final class TaskGroup: DoneCallback {
  private var entered = false
  private var exiting = false
  private var aborting = false
  private var parentTask: Task?
  private var parentCancelRequested = false
  private var tasks: [Task] = []
  private var errors: [LoopError] = []
  private var baseError: LoopError?
  private var onCompleted: Future?
  let loop: EventLoop

  /// `asyncio.TaskGroup()`.
  public init(loop: EventLoop) { self.loop = loop }

  /// `repr(group)`, as its messages name it: `<TaskGroup tasks=2 errors=1 entered>`.
  public var repr: String {
    var info = [""]
    if !tasks.isEmpty { info.append("tasks=\(tasks.count)") }
    if !errors.isEmpty { info.append("errors=\(errors.count)") }
    if aborting { info.append("cancelling") } else if entered { info.append("entered") }
    return "<TaskGroup\(info.joined(separator: " "))>"
  }

  /// `__aenter__` (it never suspends): the `RuntimeError` it raises, or `nil`.
  public func enter(in task: Task) -> LoopError? {
    if entered { return loop.host.runtimeError("TaskGroup \(repr) has already been entered") }
    parentTask = task
    entered = true
    return nil
  }

  /// `create_task(coro, name=name)`: the task, or the `RuntimeError` raised.
  public func createTask(_ coroutine: Coroutine, name: String? = nil) -> Created {
    if !entered { return .raised(loop.host.runtimeError("TaskGroup \(repr) has not been entered")) }
    if exiting && tasks.isEmpty { return .raised(loop.host.runtimeError("TaskGroup \(repr) is finished")) }
    if aborting { return .raised(loop.host.runtimeError("TaskGroup \(repr) is shutting down")) }
    // 3.11 and 3.12 make the task without a name, then name it: it takes a number all the same.
    let task = loop.createTask(coroutine, name: name, numbered: loop.version.minor < 13)
    if loop.version.minor >= 12 && task.isDone {
      futureDone(task)
    } else {
      tasks.append(task)
      task.addDoneCallback(self)
    }
    return .task(task)
  }

  /// What `create_task` gives: the task, or the `RuntimeError` it raises.
  public enum Created {
    case task(Task)
    case raised(LoopError)
  }

  /// `__aexit__(et, exc, tb)`, the coroutine: waits for every task; returns normally when the
  /// exception that ended the block (if any) is to go on unchanged, or raises what replaces it.
  public func exit(with error: LoopError?) -> Coroutine { Exit(self, error) }

  /// `_on_task_done(task)`.
  public func futureDone(_ future: Future) {
    guard let task = future as? Task else { return }
    tasks.removeAll { $0 === task }
    if let onCompleted, tasks.isEmpty, !onCompleted.isDone { onCompleted.setResult(loop.host.trueValue) }
    if task.isCancelled { return }
    guard let error = task.exception else { return }
    errors.append(error)
    if error.category == .exit && baseError == nil { baseError = error }
    guard let parent = parentTask else { return }
    if parent.isDone { return }
    if !aborting && !parentCancelRequested {
      abort()
      parentCancelRequested = true
      parent.cancel()
    }
  }

  private func abort() {
    aborting = true
    // CPython cancels them in the order of a set (`self._tasks`), which memory addresses decide.
    let pending = tasks.filter { !$0.isDone }
    if pending.count >= 2 { for task in pending { task.cancelledAmongOthers = true } }
    for task in pending { task.cancel() }
  }

  private func isCancellation(_ error: LoopError?) -> Bool {
    guard let error else { return false }
    return loop.version.minor >= 13 ? error.category == .cancelled : error.isExactlyCancelledError
  }

  /// `__aexit__`.
  private final class Exit: Coroutine {
    let group: TaskGroup
    let error: LoopError?
    private var propagateCancellation: LoopError?
    private var started = false

    init(_ group: TaskGroup, _ error: LoopError?) {
      self.group = group
      self.error = error
    }

    func resume(_ input: Resumption, in task: Task) -> CoroutineStep {
      let group = self.group
      let loop = group.loop
      if !started {
        started = true
        group.exiting = true
        if let error, error.category == .exit, group.baseError == nil { group.baseError = error }
        propagateCancellation = group.isCancellation(error) ? error : nil
        if loop.version.minor < 13, group.parentCancelRequested, group.parentTask?.uncancel() == 0 {
          propagateCancellation = nil
        }
        if error != nil, !group.aborting { group.abort() }
      } else {
        // Back from `await self._on_completed_fut`.
        if case .error(let raised) = input, raised.category == .cancelled, !group.aborting {
          propagateCancellation = raised
          group.abort()
        }
        group.onCompleted = nil
      }
      if !group.tasks.isEmpty {
        if group.onCompleted == nil { group.onCompleted = Future(loop: loop) }
        return .awaitFuture(group.onCompleted!)
      }
      if let base = group.baseError { return .raised(base) }
      if loop.version.minor >= 13, group.parentCancelRequested, group.parentTask?.uncancel() == 0 {
        propagateCancellation = nil
      }
      if let cancellation = propagateCancellation, group.errors.isEmpty { return .raised(cancellation) }
      if let error, !group.isCancellation(error) { group.errors.append(error) }
      guard !group.errors.isEmpty else { return .returned(nil) }
      if loop.version.minor >= 13, let parent = group.parentTask, parent.cancelRequests > 0 {
        parent.uncancel()
        parent.cancel()
      }
      let combined = loop.host.exceptionGroup("unhandled errors in a TaskGroup", group.errors)
      group.errors = []
      return .raised(combined)
    }
  }
}
