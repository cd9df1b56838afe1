/// An exception as the loop model sees it: a Python exception object raised through tasks and
/// futures.
///
/// The model needs to know only whether an exception is a `CancelledError`, a `TimeoutError`,
/// one of the exits that escape the loop (`SystemExit`, `KeyboardInterrupt`), or anything else;
/// and it sets `__cause__` and `__context__` where CPython's asyncio does. The interpreter's
/// exception objects conform, and so does ``BasicLoopError`` for programs built in Swift.
public protocol LoopError: AnyObject {
  /// What kind of exception this is, as far as asyncio is concerned.
  var category: LoopErrorCategory { get }
  /// `True` when the exception's class is exactly `asyncio.CancelledError` (not a subclass).
  var isExactlyCancelledError: Bool { get }
  /// `__cause__`: the exception named by `raise ... from`.
  var cause: LoopError? { get set }
  /// `__context__`: the exception being handled when this one was raised.
  var context: LoopError? { get set }
}

/// The kinds of exception asyncio treats differently.
public enum LoopErrorCategory: Sendable, Hashable {
  /// `asyncio.CancelledError` (a `BaseException` from 3.8).
  case cancelled
  /// `TimeoutError` (3.11+) or `asyncio.TimeoutError` (3.10).
  case timeout
  /// `SystemExit` or `KeyboardInterrupt`: they escape the loop itself.
  case exit
  /// `BaseExceptionGroup` or `ExceptionGroup`, as `TaskGroup` raises.
  case group
  /// Any other exception.
  case other
}

/// What the host language provides to the model: the exceptions that asyncio itself raises, as
/// the host's objects, and the `True` that `acquire()` and `wait()` return.
public protocol LoopHost: AnyObject {
  /// Python's `True`.
  var trueValue: LoopValue { get }
  /// `asyncio.CancelledError(message)`, or `CancelledError()` when `message` is `nil`.
  func cancelledError(message: LoopValue) -> LoopError
  /// `TimeoutError()` in 3.11+, `asyncio.TimeoutError()` in 3.10.
  func timeoutError() -> LoopError
  /// `RuntimeError(message)`.
  func runtimeError(_ message: String) -> LoopError
  /// `asyncio.InvalidStateError(message)`.
  func invalidStateError(_ message: String) -> LoopError
  /// `BaseExceptionGroup(message, errors)`: an `ExceptionGroup` when every error is an `Exception`.
  func exceptionGroup(_ message: String, _ errors: [LoopError]) -> LoopError
  /// The message a `CancelledError` was made with, for `Future._make_cancelled_error`.
  func cancelMessage(of error: LoopError) -> LoopValue
  /// `ValueError(message)`.
  func valueError(_ message: String) -> LoopError
  /// `asyncio.QueueEmpty()`, `asyncio.QueueFull()` or `asyncio.QueueShutDown()` (3.13).
  func queueError(_ kind: QueueErrorKind) -> LoopError
  /// `RuntimeError(f'Task cannot await on itself: {task!r}')`: the task's repr is the host's.
  func taskAwaitsItself(_ task: Task) -> LoopError
}

extension LoopHost {
  public func taskAwaitsItself(_ task: Task) -> LoopError {
    runtimeError("Task cannot await on itself: <Task pending name='\(task.name)'>")
  }
}

/// The exceptions of `asyncio.Queue`.
public enum QueueErrorKind: String, Sendable {
  case empty = "QueueEmpty"
  case full = "QueueFull"
  case shutDown = "QueueShutDown"
}

/// A value travelling through futures: a result, or a cancel message. Opaque to the model.
public typealias LoopValue = AnyObject?

/// An exception of programs written directly in Swift (a configuration's canonical program).
public final class BasicLoopError: LoopError, CustomStringConvertible {
  public let category: LoopErrorCategory
  /// The text of the exception (`str(e)`).
  public let message: String
  /// The group's members, for ``LoopErrorCategory/group``.
  public let members: [LoopError]
  /// A payload for the program that raised it (which call failed, say).
  public let payload: AnyObject?
  public var cause: LoopError?
  public var context: LoopError?
  public var isExactlyCancelledError: Bool { category == .cancelled }

  /// Creates an exception.
  public init(
    _ category: LoopErrorCategory, _ message: String = "", members: [LoopError] = [], payload: AnyObject? = nil
  ) {
    self.category = category
    self.message = message
    self.members = members
    self.payload = payload
  }

  public var description: String { message }
}

/// A string boxed as a ``LoopValue`` (a cancel message, say).
public final class LoopString: CustomStringConvertible {
  public let text: String
  public init(_ text: String) { self.text = text }
  public var description: String { text }
}

/// The host of programs written in Swift: ``BasicLoopError`` exceptions, and no `True` object.
public final class BasicLoopHost: LoopHost, @unchecked Sendable {
  /// The one instance; it has no state.
  public static let shared = BasicLoopHost()

  public init() {}

  public var trueValue: LoopValue { nil }

  public func cancelledError(message: LoopValue) -> LoopError {
    BasicLoopError(.cancelled, (message as? LoopString)?.text ?? "", payload: message)
  }
  public func timeoutError() -> LoopError { BasicLoopError(.timeout) }
  public func runtimeError(_ message: String) -> LoopError { BasicLoopError(.other, message) }
  public func invalidStateError(_ message: String) -> LoopError { BasicLoopError(.other, message) }
  public func exceptionGroup(_ message: String, _ errors: [LoopError]) -> LoopError {
    BasicLoopError(.group, message, members: errors)
  }
  public func cancelMessage(of error: LoopError) -> LoopValue { (error as? BasicLoopError)?.payload }
  public func valueError(_ message: String) -> LoopError { BasicLoopError(.other, message) }
  public func queueError(_ kind: QueueErrorKind) -> LoopError { BasicLoopError(.other, kind.rawValue) }
}
