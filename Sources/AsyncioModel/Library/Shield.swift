/// `asyncio.shield(aw)`: a future that follows `aw` but whose cancellation does not reach it.
///
/// ```python
/// def shield(arg):
///     inner = ensure_future(arg)
///     if inner.done():
///         return inner
///     outer = loop.create_future()
///     def _inner_done_callback(inner):
///         if outer.cancelled():
///             if not inner.cancelled():
///                 inner.exception()
///             return
///         if inner.cancelled():
///             outer.cancel()
///         else:
///             exc = inner.exception()
///             if exc is not None: outer.set_exception(exc)
///             else: outer.set_result(inner.result())
///     def _outer_done_callback(outer):
///         if not inner.done():
///             inner.remove_done_callback(_inner_done_callback)
///     inner.add_done_callback(_inner_done_callback)
///     outer.add_done_callback(_outer_done_callback)
///     return outer
/// ```
public enum Shield {
  /// Calls `asyncio.shield(awaitable)`.
  public static func start(_ awaitable: Awaitable, loop: EventLoop) -> Future {
    let inner = loop.ensureFuture(awaitable)
    if inner.isDone { return inner }
    let outer = Future(loop: loop)
    let innerDone = ClosureCallback { inner in
      if outer.isCancelled {
        if !inner.isCancelled { _ = inner.exception }
        return
      }
      if inner.isCancelled {
        outer.cancel()
      } else if let error = inner.exception {
        outer.setException(error)
      } else {
        outer.setResult(inner.value)
      }
    }
    inner.addDoneCallback(innerDone)
    outer.addDoneCallback { _ in
      if !inner.isDone { inner.removeDoneCallback(innerDone) }
    }
    return outer
  }
}
