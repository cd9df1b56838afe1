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
}

/// The results of a gather, in argument order: each a value or, with `return_exceptions`, the
/// exception (a `CancelledError` for a cancelled child).
public final class GatheredValues {
  public let items: [Resumption]
  public init(items: [Resumption]) { self.items = items }
}

/// `_GatheringFuture`: cancelling it cancels its children.
public final class GatheringFuture: Future {
  public let children: [Future]
  var cancelRequested = false

  init(children: [Future], loop: EventLoop) {
    self.children = children
    super.init(loop: loop)
  }

  @discardableResult
  public override func cancel(message: LoopValue = nil) -> Bool {
    guard !isDone else { return false }
    var cancelledAny = false
    for child in children where child.cancel(message: message) { cancelledAny = true }
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
    guard finished == count else { return }
    var items: [Resumption] = []
    items.reserveCapacity(outer.children.count)
    let loop = outer.loop
    for child in outer.children {
      if child.isCancelled {
        items.append(.error(loop.host.cancelledError(message: child.cancelMessage ?? LoopString(""))))
      } else if let error = child.exception {
        items.append(.error(error))
      } else {
        items.append(.value(child.value))
      }
    }
    if outer.cancelRequested {
      outer.setException(future.makeCancelledError())
    } else {
      outer.setResult(GatheredValues(items: items))
    }
  }
}
