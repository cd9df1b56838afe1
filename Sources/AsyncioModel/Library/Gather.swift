/// `asyncio.gather(*aws, return_exceptions=False)`.
///
/// Each awaitable becomes a future (a coroutine a new task, in argument order); the returned
/// future (``GatheringFuture``) gets the list of results once all are done, or the first
/// exception at once (the others keep running: gather does not cancel them). Cancelling it
/// cancels the children that are not done.
public enum Gather {
  /// Calls `gather(*awaitables, return_exceptions=returnExceptions)` on `loop`.
  ///
  /// The same future passed twice is one child, as the `arg_to_fut` table makes it in CPython.
  public static func start(_ awaitables: [Awaitable], returnExceptions: Bool = false, loop: EventLoop) -> Future {
    guard !awaitables.isEmpty else {
      let outer = Future(loop: loop)
      outer.setResult(GatheredValues(items: []))
      return outer
    }
    var children: [Future] = []
    children.reserveCapacity(awaitables.count)
    // The same future passed twice is one child; coroutines are always new children.
    var seen: [ObjectIdentifier: Future]?
    let state = GatherState(returnExceptions: returnExceptions)
    var alreadyDone: [Future] = []
    for awaitable in awaitables {
      if case .future(let future) = awaitable, let known = seen?[ObjectIdentifier(future)] {
        children.append(known)
        continue
      }
      let future = loop.ensureFuture(awaitable)
      if case .future(let given) = awaitable {
        if seen == nil { seen = [:] }
        seen![ObjectIdentifier(given)] = future
      }
      state.count += 1
      if loop.version.gatherSeesDoneArgumentsAtOnce && future.isDone {
        alreadyDone.append(future)
      } else {
        future.addDoneCallback(state)
      }
      children.append(future)
    }
    let outer = GatheringFuture(children: children, loop: loop)
    state.outer = outer
    for future in alreadyDone { state.futureDone(future) }
    return outer
  }

  /// Calls `gather(*(coroutine(i) for i in range(count)))` on `loop`, with the coroutines of
  /// `shape`: the tasks are a ``TaskFamily``, which costs a word for each task that has not
  /// started or that waits for a semaphore as its first step left it.
  public static func start(
    count: Int, shape: TaskFamilyShape, returnExceptions: Bool = false, loop: EventLoop
  ) -> Future {
    guard count > 0 else { return start([], loop: loop) }
    let family = loop.createTasks(count: count, shape: shape)
    let state = GatherState(returnExceptions: returnExceptions)
    state.count = count
    family.doneCallback = state
    let outer = GatheringFuture(family: family, loop: loop)
    state.outer = outer
    return outer
  }
}

/// The results of a gather, in argument order: each a value or, with `return_exceptions`, the
/// exception (a `CancelledError` for a cancelled child).
public final class GatheredValues {
  /// The results, in argument order (a family's are listed the first time they are asked for:
  /// a million `None`s need not be, when nobody reads them).
  public private(set) lazy var items: [Resumption] = {
    guard let notNone else { return [] }
    var items: [Resumption] = []
    items.reserveCapacity(count)
    for index in 0..<count { items.append(notNone[Int32(index)] ?? .value(nil)) }
    self.notNone = nil
    return items
  }()
  /// How many results there are.
  public let count: Int
  private var notNone: [Int32: Resumption]?

  public init(items: [Resumption]) {
    self.count = items.count
    self.items = items
  }

  /// `count` results, `None` but for those in `notNone`, by index.
  init(count: Int, notNone: [Int32: Resumption]) {
    self.count = count
    self.notNone = notNone
  }
}

/// `_GatheringFuture`: cancelling it cancels its children.
public final class GatheringFuture: Future {
  /// The children, in argument order (none listed for a family's gather: ``family``).
  public let children: [Future]
  /// The children, when they are the members of a family (``Gather/start(count:shape:returnExceptions:loop:)``).
  public let family: TaskFamily?
  var cancelRequested = false
  /// A family's results that are not `None`, by member, kept as each member finishes (the
  /// members are let go then).
  var familyResults: [Int32: Resumption] = [:]

  init(children: [Future], loop: EventLoop) {
    self.children = children
    self.family = nil
    super.init(loop: loop)
  }

  init(family: TaskFamily, loop: EventLoop) {
    self.children = []
    self.family = family
    super.init(loop: loop)
  }

  @discardableResult
  public override func cancel(message: LoopValue = nil) -> Bool {
    guard !isDone else { return false }
    var cancelledAny = false
    if let family {
      for index in 0..<family.count {
        if let child = family.task(index), child.cancel(message: message) { cancelledAny = true }
      }
    } else {
      for child in children where child.cancel(message: message) { cancelledAny = true }
    }
    if cancelledAny { cancelRequested = true }
    return cancelledAny
  }
}

/// gather's `_done_callback`, shared by every child.
final class GatherState: DoneCallback {
  let returnExceptions: Bool
  var count = 0
  var finished = 0
  var outer: GatheringFuture?

  init(returnExceptions: Bool) { self.returnExceptions = returnExceptions }

  func futureDone(_ future: Future) {
    finished += 1
    guard let outer, !outer.isDone else {
      // "Mark exception retrieved."
      if !future.isCancelled { _ = future.exception }
      return
    }
    if !returnExceptions {
      if future.isCancelled {
        outer.setException(future.makeCancelledError())
        return
      }
      if let error = future.exception {
        outer.setException(error)
        return
      }
    }
    let loop = outer.loop
    if let family = outer.family, let task = future as? Task {
      // The member is let go now: what the list below reads of a child is read of it here.
      let item = Self.item(of: task, loop: loop)
      if case .value(nil) = item {} else { outer.familyResults[Int32(family.index(of: task))] = item }
    }
    guard finished == count else { return }
    let values: GatheredValues
    if let family = outer.family {
      values = GatheredValues(count: family.count, notNone: outer.familyResults)
      outer.familyResults = [:]
    } else {
      var items: [Resumption] = []
      items.reserveCapacity(outer.children.count)
      for child in outer.children { items.append(Self.item(of: child, loop: loop)) }
      values = GatheredValues(items: items)
    }
    if outer.cancelRequested {
      outer.setException(future.makeCancelledError())
    } else {
      outer.setResult(values)
    }
  }

  /// A child's entry in the list of results.
  private static func item(of child: Future, loop: EventLoop) -> Resumption {
    if child.isCancelled {
      return .error(loop.host.cancelledError(message: child.cancelMessage ?? LoopString("")))
    } else if let error = child.exception {
      return .error(error)
    } else {
      return .value(child.value)
    }
  }
}
