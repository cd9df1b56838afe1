/// `asyncio.Future`: a result that is not there yet, with callbacks to run when it is.
///
/// As in CPython, callbacks never run inside `set_result`: finishing a future schedules each of
/// them on the loop (`call_soon`), in the order they were added.
open class Future {
  /// The three states of a future.
  public enum State: Sendable { case pending, cancelled, finished }

  public internal(set) var state: State = .pending
  /// Whether anything asked for the outcome (`result()`, `exception()`, an `await`): CPython's
  /// `_log_traceback` the other way round. A task that failed and was never asked is reported
  /// ("Task exception was never retrieved") when it is collected. (Beside the state, in the
  /// padding before the next reference: a future is a word smaller.)
  public internal(set) var exceptionRetrieved = false
  /// The loop the future belongs to.
  public let loop: EventLoop
  var resultValue: LoopValue = nil
  var exceptionValue: LoopError?
  private var firstCallback: DoneCallback?
  /// What few futures ever have (a cancellation's message and error, a second callback), kept
  /// apart so that a future is small and quick to free: a million calls make millions of them.
  private final class Rare {
    var cancelMessage: LoopValue = nil
    var cancelledError: LoopError?
    var moreCallbacks: [DoneCallback] = []
  }
  private var rare: Rare?
  private var rareMade: Rare {
    if let rare { return rare }
    let made = Rare()
    rare = made
    return made
  }

  /// The message given to `cancel(msg)`.
  var cancelMessage: LoopValue {
    get { rare?.cancelMessage }
    set { if newValue != nil || rare != nil { rareMade.cancelMessage = newValue } }
  }
  /// `_cancelled_exc`: the `CancelledError` that ended a task, kept for whoever awaits it.
  var cancelledError: LoopError? {
    get { rare?.cancelledError }
    set { if newValue != nil || rare != nil { rareMade.cancelledError = newValue } }
  }
  private var moreCallbacks: [DoneCallback] {
    get { rare?.moreCallbacks ?? [] }
    set { if !newValue.isEmpty || rare != nil { rareMade.moreCallbacks = newValue } }
  }
  private var hasMoreCallbacks: Bool { !(rare?.moreCallbacks.isEmpty ?? true) }

  /// Creates a pending future on `loop` (`loop.create_future()`).
  public init(loop: EventLoop) { self.loop = loop }

  /// `done()`: finished or cancelled.
  public var isDone: Bool { state != .pending }
  /// `cancelled()`.
  public var isCancelled: Bool { state == .cancelled }

  /// `result()` as a resumption: the value, or the exception it raises (for a cancelled future,
  /// the `CancelledError` that `_make_cancelled_error` makes, as CPython's `result()` does).
  ///
  /// - Precondition: the future is done.
  public func outcome() -> Resumption {
    exceptionRetrieved = true
    switch state {
    case .finished: return exceptionValue.map(Resumption.error) ?? .value(resultValue)
    case .cancelled: return .error(makeCancelledError())
    case .pending: return .error(loop.host.invalidStateError("Result is not ready."))
    }
  }

  /// `exception()`: `nil` when the future finished with a value.
  public var exception: LoopError? {
    exceptionRetrieved = true
    return state == .finished ? exceptionValue : nil
  }


  /// The exception, without counting as retrieving it.
  public var unretrievedException: LoopError? { state == .finished && !exceptionRetrieved ? exceptionValue : nil }
  /// The exception it finished with, read without retrieving it (as `repr` reads `_exception`).
  public var exceptionUnretrieved: LoopError? { state == .finished ? exceptionValue : nil }
  /// Whether it finished with an exception, asked without retrieving it (an observer must not
  /// change what the loop later reports as never retrieved).
  public var finishedWithException: Bool { state == .finished && exceptionValue != nil }

  /// The value of a future that finished without an exception.
  public var value: LoopValue { resultValue }

  /// `set_result(value)`.
  public func setResult(_ value: LoopValue) {
    precondition(state == .pending, "set_result on a future that is done")
    resultValue = value
    state = .finished
    scheduleCallbacks()
  }

  /// `set_exception(error)`.
  public func setException(_ error: LoopError) {
    precondition(state == .pending, "set_exception on a future that is done")
    exceptionValue = error
    state = .finished
    scheduleCallbacks()
  }

  /// `cancel(msg)`: returns whether the future was pending (and is now cancelled).
  @discardableResult
  open func cancel(message: LoopValue = nil) -> Bool {
    cancelFuture(message: message)
  }

  /// `Future.cancel` itself, which subclasses that override ``cancel(message:)`` still reach.
  final func cancelFuture(message: LoopValue) -> Bool {
    guard state == .pending else { return false }
    state = .cancelled
    cancelMessage = message
    scheduleCallbacks()
    return true
  }

  /// `_make_cancelled_error()`: the exception that awaiting a cancelled future raises.
  func makeCancelledError() -> LoopError {
    if loop.version.reraisesTheCancelledErrorItself, let error = cancelledError {
      cancelledError = nil
      return error
    }
    let error = loop.host.cancelledError(message: cancelMessage)
    error.context = cancelledError
    cancelledError = nil
    return error
  }

  /// `add_done_callback(callback)`: scheduled at once when the future is already done.
  public func addDoneCallback(_ callback: DoneCallback) {
    if state != .pending {
      loop.callSoon(.doneCallback(callback, self))
    } else if firstCallback == nil && !hasMoreCallbacks {
      firstCallback = callback
    } else {
      rareMade.moreCallbacks.append(callback)
    }
  }

  /// `add_done_callback(fn)` with a closure.
  public func addDoneCallback(_ body: @escaping (Future) -> Void) {
    addDoneCallback(ClosureCallback(body))
  }

  /// `remove_done_callback(callback)`: removes every registration of it and says how many.
  @discardableResult
  public func removeDoneCallback(_ callback: DoneCallback) -> Int {
    var removed = 0
    if let first = firstCallback, first === callback {
      firstCallback = nil
      removed += 1
    }
    let before = moreCallbacks.count
    moreCallbacks.removeAll { $0 === callback }
    removed += before - moreCallbacks.count
    if firstCallback == nil, !moreCallbacks.isEmpty { firstCallback = moreCallbacks.removeFirst() }
    return removed
  }

  /// Whether any done-callback CPython would have is registered (and not yet scheduled): a
  /// host's observers (``addObserver(_:)``) are not.
  public var hasCallbacks: Bool {
    (firstCallback.map { !($0 is ObserverCallback) } ?? false) || moreCallbacks.contains { !($0 is ObserverCallback) }
  }

  /// A done-callback of the host's own, to watch the future (not one of Python's): it runs as
  /// any callback does, but ``hasCallbacks`` does not count it.
  public func addObserver(_ body: @escaping (Future) -> Void) {
    addDoneCallback(ObserverCallback(body))
  }

  /// Forgets every callback (the loop is closed: none will ever run).
  func dropCallbacks() {
    firstCallback = nil
    moreCallbacks = []
  }

  private func scheduleCallbacks() {
    if let first = firstCallback.take() {
      loop.callSoon(.doneCallback(first, self))
    }
    guard hasMoreCallbacks else { return }
    let callbacks = moreCallbacks
    moreCallbacks = []
    for callback in callbacks { loop.callSoon(.doneCallback(callback, self)) }
  }
}

/// Something a future calls when it is done (`add_done_callback`), compared by identity.
public protocol DoneCallback: AnyObject {
  /// Runs the callback, on the loop, for `future`.
  func futureDone(_ future: Future)
}

/// A host's done-callback, which Python would not list (``Future/addObserver(_:)``).
public final class ObserverCallback: DoneCallback {
  let body: (Future) -> Void
  public init(_ body: @escaping (Future) -> Void) { self.body = body }
  public func futureDone(_ future: Future) { body(future) }
}

/// A done-callback made of a closure.
public final class ClosureCallback: DoneCallback {
  let body: (Future) -> Void
  public init(_ body: @escaping (Future) -> Void) { self.body = body }
  public func futureDone(_ future: Future) { body(future) }
}

/// What a coroutine is resumed with: the value sent in, or the exception thrown in.
public enum Resumption {
  case value(LoopValue)
  case error(LoopError)
}
