/// `asyncio.wait_for(aw, timeout)`, as each version implements it.
///
/// The two implementations behave differently where it shows: 3.10 and 3.11 run the awaitable
/// in a new task (it starts one loop iteration later) and wait on a separate future; 3.12 and
/// later run it in the caller's own task under `asyncio.timeout()`.
public enum WaitFor {
  /// The coroutine `asyncio.wait_for(awaitable, timeout)` for the loop's version.
  public static func make(_ awaitable: Awaitable, timeout: Double?, version: PythonVersion) -> Coroutine {
    version.waitForRunsInItsOwnTask ? V310(awaitable, timeout: timeout) : V312(awaitable, timeout: timeout)
  }

  /// 3.10 and 3.11.
  ///
  /// ```python
  /// async def wait_for(fut, timeout):
  ///     if timeout is None:
  ///         return await fut
  ///     if timeout <= 0:
  ///         fut = ensure_future(fut)
  ///         if fut.done():
  ///             return fut.result()
  ///         await _cancel_and_wait(fut)
  ///         try:
  ///             return fut.result()
  ///         except exceptions.CancelledError as exc:
  ///             raise exceptions.TimeoutError() from exc
  ///     waiter = loop.create_future()
  ///     timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
  ///     cb = functools.partial(_release_waiter, waiter)
  ///     fut = ensure_future(fut)
  ///     fut.add_done_callback(cb)
  ///     try:
  ///         try:
  ///             await waiter
  ///         except exceptions.CancelledError:
  ///             if fut.done():
  ///                 return fut.result()
  ///             else:
  ///                 fut.remove_done_callback(cb)
  ///                 await _cancel_and_wait(fut)
  ///                 raise
  ///         if fut.done():
  ///             return fut.result()
  ///         else:
  ///             fut.remove_done_callback(cb)
  ///             await _cancel_and_wait(fut)
  ///             try:
  ///                 return fut.result()
  ///             except exceptions.CancelledError as exc:
  ///                 raise exceptions.TimeoutError() from exc
  ///     finally:
  ///         timeout_handle.cancel()
  /// ```
  final class V310: Coroutine {
    private enum Stage { case start, awaitingPlain, awaitingWaiter, cancelledWhileWaiting, timedOut }
    let awaitable: Awaitable
    let timeout: Double?
    private var stage = Stage.start
    private var future: Future?
    private var callback: ReleaseWaiter?
    private var timeoutHandle: TimerHandle?
    private var caught: LoopError?

    init(_ awaitable: Awaitable, timeout: Double?) {
      self.awaitable = awaitable
      self.timeout = timeout
    }

    func resume(_ input: Resumption, in task: Task) -> CoroutineStep {
      let loop = task.loop
      switch stage {
      case .start:
        guard let timeout else {
          stage = .awaitingPlain
          return awaitable.awaitStep
        }
        let future = loop.ensureFuture(awaitable)
        self.future = future
        if timeout <= 0 {
          if future.isDone { return Self.finish(future.outcome()) }
          stage = .timedOut
          return .awaitCoroutine(CancelAndWait(future))
        }
        let waiter = Future(loop: loop)
        timeoutHandle = loop.schedule(after: timeout, .releaseWaiter(waiter))
        let callback = ReleaseWaiter(waiter)
        self.callback = callback
        future.addDoneCallback(callback)
        stage = .awaitingWaiter
        return .awaitFuture(waiter)
      case .awaitingPlain:
        return Self.finish(input)
      case .awaitingWaiter:
        let future = future!
        if case .error(let error) = input {
          guard error.category == .cancelled else {
            timeoutHandle?.cancel()
            return .raised(error)
          }
          if future.isDone {
            timeoutHandle?.cancel()
            return Self.finish(future.outcome())
          }
          future.removeDoneCallback(callback!)
          caught = error
          stage = .cancelledWhileWaiting
          return .awaitCoroutine(CancelAndWait(future))
        }
        if future.isDone {
          timeoutHandle?.cancel()
          return Self.finish(future.outcome())
        }
        future.removeDoneCallback(callback!)
        stage = .timedOut
        return .awaitCoroutine(CancelAndWait(future))
      case .cancelledWhileWaiting:
        timeoutHandle?.cancel()
        if case .error(let error) = input {
          error.context = error.context ?? caught
          return .raised(error)
        }
        return .raised(caught!)
      case .timedOut:
        timeoutHandle?.cancel()
        if case .error(let error) = input { return .raised(error) }
        return Self.timeoutFromCancellation(future!.outcome(), loop: loop)
      }
    }

    /// `return fut.result()`.
    static func finish(_ outcome: Resumption) -> CoroutineStep {
      switch outcome {
      case .value(let value): .returned(value)
      case .error(let error): .raised(error)
      }
    }

    /// `try: return fut.result() except CancelledError as exc: raise TimeoutError() from exc`.
    static func timeoutFromCancellation(_ outcome: Resumption, loop: EventLoop) -> CoroutineStep {
      switch outcome {
      case .value(let value): return .returned(value)
      case .error(let error) where error.category == .cancelled:
        let timeout = loop.host.timeoutError()
        timeout.cause = error
        timeout.context = error
        return .raised(timeout)
      case .error(let error): return .raised(error)
      }
    }
  }

  /// 3.12 and later.
  ///
  /// ```python
  /// async def wait_for(fut, timeout):
  ///     if timeout is not None and timeout <= 0:
  ///         fut = ensure_future(fut)
  ///         if fut.done():
  ///             return fut.result()
  ///         await _cancel_and_wait(fut)
  ///         try:
  ///             return fut.result()
  ///         except exceptions.CancelledError as exc:
  ///             raise TimeoutError from exc
  ///     async with timeouts.timeout(timeout):
  ///         return await fut
  /// ```
  ///
  /// The coroutine is also its `asyncio.timeout()` scope, which nothing else sees.
  final class V312: TimeoutScope, Coroutine {
    private enum Stage { case start, cancelled, inside }
    let awaitable: Awaitable
    let timeout: Double?
    private var stage = Stage.start
    private var future: Future?

    init(_ awaitable: Awaitable, timeout: Double?) {
      self.awaitable = awaitable
      self.timeout = timeout
      super.init(when: nil)
    }

    func resume(_ input: Resumption, in task: Task) -> CoroutineStep {
      let loop = task.loop
      switch stage {
      case .start:
        if let timeout, timeout <= 0 {
          let future = loop.ensureFuture(awaitable)
          self.future = future
          if future.isDone { return V310.finish(future.outcome()) }
          stage = .cancelled
          return .awaitCoroutine(CancelAndWait(future))
        }
        _ = enter(in: task, after: timeout)  // a new scope: never entered before
        stage = .inside
        return awaitable.awaitStep
      case .cancelled:
        if case .error(let error) = input { return .raised(error) }
        return V310.timeoutFromCancellation(future!.outcome(), loop: loop)
      case .inside:
        switch input {
        case .value(let value):
          if let error = exit(with: nil) { return .raised(error) }
          return .returned(value)
        case .error(let error):
          return .raised(exit(with: error) ?? error)
        }
      }
    }
  }
}
