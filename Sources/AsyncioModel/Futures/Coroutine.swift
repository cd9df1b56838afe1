/// A coroutine frame the loop can drive: an `async def` in progress.
///
/// A coroutine runs synchronously, inside the task step that resumes it, until it awaits
/// something that is not ready, returns or raises: exactly the stretch of work CPython does in one
/// `coro.send()` or `coro.throw()`. Awaiting another coroutine is `yield from`: the awaited one
/// runs in the same task, on top of the awaiting one (``CoroutineStep/awaitCoroutine(_:)``).
public protocol Coroutine: AnyObject {
  /// Runs the frame from where it stopped, given what its last await produced.
  ///
  /// The first call gets `.value(nil)` (`send(None)`).
  func resume(_ input: Resumption, in task: Task) -> CoroutineStep
}

/// Where a coroutine stopped.
public enum CoroutineStep {
  /// `await future`: the task suspends until the future is done (at once if it already is).
  case awaitFuture(Future)
  /// `await coroutine`: the coroutine runs now, in this task, and its result comes back here.
  case awaitCoroutine(Coroutine)
  /// A bare `yield` (`asyncio.sleep(0)`): the task runs again on the next loop iteration.
  case yield
  /// `return value`.
  case returned(LoopValue)
  /// An exception escaped the frame.
  case raised(LoopError)
}
