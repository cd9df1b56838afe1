/// Tasks made together, one per coroutine of a `gather`, that stay numbers until one is needed as
/// an object.
///
/// Under a semaphore of 100, a gather of a million calls has, in CPython, a million tasks waiting
/// at once: each a task, a coroutine frame and a waiter future, some hundreds of bytes. A family
/// keeps a member that has not run yet, or that waits in a semaphore's queue exactly as its first
/// step left it, as one word. The member becomes a ``Task`` (with the frames and the waiter
/// future it would have) the moment anything reaches it: the semaphore wakes it, it is
/// cancelled, `all_tasks()` lists it, or its first step does more than wait. Nothing the loop does
/// depends on whether a member is an object yet, so a family runs as the tasks it stands for:
///
/// - the members are made as `create_task` makes tasks, one after the other: consecutive serials
///   and `Task-N` numbers, their first steps in the ready queue in order;
/// - a member's first step that only waits for a semaphore that is locked (``TaskFamilyShape/
///   semaphoreOfFirstStep(_:)``) appends the member to the semaphore's queue and changes nothing
///   else, as the step would;
/// - a member that is woken, cancelled or listed is made with ``TaskFamilyShape/coroutine(_:)``
///   (not started) or ``TaskFamilyShape/coroutineWaiting(_:on:)`` (waiting), with the family's
///   done-callback first, as `gather` added it.
///
/// Members that finished are let go at once: the family keeps only what `gather` returns.
public final class TaskFamily {
  /// What a member is now.
  enum Member {
    /// Made, its first step not yet run: no object.
    case unborn
    /// Waiting in its semaphore's queue, as its first step left it: no object.
    case waiting
    /// A ``Task``.
    case awake(Task)
    /// Finished and let go.
    case gone
  }

  /// The members' coroutines, and the shape of their first step.
  unowned(unsafe) let shape: TaskFamilyShape
  let loop: EventLoop
  /// How many members there are.
  public let count: Int
  /// Each member, a word (the task's reference when it is one).
  private var members: [Member]
  /// How many members are tasks now.
  private var awakeCount = 0
  /// The waiter futures of the members made while they waited in a semaphore's queue, other than
  /// by the semaphore waking them (which puts the future in its queue itself): cancelled, listed.
  private var waiters: [Int32: Acquire] = [:]
  /// The first member's serial and `Task-N` number: the others follow it.
  private let firstSerial: Int
  private let firstNumber: Int
  private let ancestors: (Int, Int, Int)
  /// The semaphore the members waiting as numbers wait for.
  private var semaphore: Semaphore?
  /// The done-callback every member gets first (`gather`'s), once there is one.
  var doneCallback: DoneCallback?
  /// How many members are not done yet.
  private(set) var liveCount: Int
  /// The most members that were tasks at once.
  public private(set) var mostTasksAtOnce = 0

  init(count: Int, shape: TaskFamilyShape, loop: EventLoop, firstSerial: Int, firstNumber: Int) {
    self.shape = shape
    self.loop = loop
    self.count = count
    self.firstSerial = firstSerial
    self.firstNumber = firstNumber
    self.liveCount = count
    var members: [Member] = []
    members.reserveCapacity(count)
    for _ in 0..<count { members.append(.unborn) }
    self.members = members
    if let creator = loop.currentTask {
      ancestors = (creator.serial, creator.ancestors.0, creator.ancestors.1)
    } else {
      ancestors = (0, 0, 0)
    }
  }

  /// Member `index` as a task, made now if it is not one yet; `nil` once it finished.
  public func task(_ index: Int) -> Task? {
    switch members[index] {
    case .awake(let task): return task
    case .gone: return nil
    case .unborn: return make(index, coroutine: shape.coroutine(index), waitingOn: nil)
    case .waiting:
      let (task, waiter) = makeWaiting(index)
      waiters[Int32(index)] = waiter
      return task
    }
  }

  /// Makes waiting member `index` with its waiter future.
  private func makeWaiting(_ index: Int) -> (Task, Acquire) {
    let waiter = semaphore!.acquireFrame(waiting: true)
    return (make(index, coroutine: shape.coroutineWaiting(index, on: waiter), waitingOn: waiter), waiter)
  }

  /// The tasks of the members not done yet, in order (made now where they are not objects).
  var liveTasks: [Task] {
    guard liveCount > 0 else { return [] }
    return (0..<count).compactMap { task($0).flatMap { $0.isDone ? nil : $0 } }
  }

  /// Member `index` as an entry of its semaphore's queue: waiting as a number, the waiter
  /// future it was made with, or `nil` once it finished (taken out of the queue).
  func waiter(_ index: Int) -> QueuedMember? {
    switch members[index] {
    case .waiting: return .number
    case .awake: return waiters.isEmpty ? nil : waiters[Int32(index)].map(QueuedMember.future)
    case .unborn, .gone: return nil
    }
  }

  /// Wakes member `index`, waiting as a number: `fut.set_result(True)` on the waiter future it
  /// is made with now, which the semaphore puts in its queue in the member's place.
  func wake(_ index: Int) -> Acquire {
    let (_, waiter) = makeWaiting(index)
    waiter.setResult(nil)
    return waiter
  }

  /// Makes member `index` with `coroutine`, awaiting `waiter`'s frame when it waits.
  private func make(_ index: Int, coroutine: Coroutine, waitingOn waiter: (Future & Coroutine)?) -> Task {
    let task = Task(
      coroutine: coroutine, loop: loop, name: nil, serial: firstSerial + index,
      defaultNameNumber: firstNumber + index)
    task.ancestors = ancestors
    task.family = self
    if let doneCallback { task.addDoneCallback(doneCallback) }
    if let waiter { task.resumeWaiting(awaiting: waiter) }
    members[index] = .awake(task)
    awakeCount += 1
    if awakeCount > mostTasksAtOnce { mostTasksAtOnce = awakeCount }
    return task
  }

  /// The first step of member `index` (`Task.__step` of a task not yet an object).
  func firstStep(_ index: Int) {
    if case .unborn = members[index], let semaphore = shape.semaphoreOfFirstStep(index), semaphore.isLocked,
      self.semaphore == nil || self.semaphore === semaphore
    {
      self.semaphore = semaphore
      members[index] = .waiting
      semaphore.enqueue(member: index, of: self)
      return
    }
    guard let task = task(index) else { return }
    task.step(.value(nil))
  }

  /// The member's task is done: the family lets it go.
  func finished(_ task: Task) {
    let index = task.serial - firstSerial
    members[index] = .gone
    awakeCount -= 1
    if !waiters.isEmpty { waiters[Int32(index)] = nil }
    liveCount -= 1
    // Gather's callback holds its future, which holds the family; the semaphore holds the
    // family while members wait in it.
    if liveCount == 0 {
      doneCallback = nil
      semaphore = nil
    }
  }

  /// The index of a member's task.
  public func index(of task: Task) -> Int { task.serial - firstSerial }

  /// Drops every member: the loop is closed.
  func abandon() {
    for index in members.indices {
      if case .awake(let task) = members[index], !task.isDone { task.abandon() }
      members[index] = .gone
    }
    awakeCount = 0
    waiters = [:]
    liveCount = 0
    doneCallback = nil
    semaphore = nil
  }
}

/// A member of a family in a semaphore's queue.
enum QueuedMember {
  /// Waiting, not an object.
  case number
  /// Made: its waiter future.
  case future(Acquire)
}

/// What the members of a ``TaskFamily`` run, and where their first step waits.
public protocol TaskFamilyShape: AnyObject {
  /// The coroutine of member `index`, not started.
  func coroutine(_ index: Int) -> Coroutine
  /// The semaphore member `index`'s first step waits for when it is locked, having done nothing
  /// else (`async with semaphore` at the top of the coroutine); `nil` when the first step does
  /// more. (The members waiting as numbers wait for one semaphore: the first that any does.)
  func semaphoreOfFirstStep(_ index: Int) -> Semaphore?
  /// The coroutine of member `index` as its first step left it: awaiting `waiter`, the frame of
  /// the semaphore's `acquire()`.
  func coroutineWaiting(_ index: Int, on waiter: Coroutine) -> Coroutine
}
