/// A Python exception raised by a value algorithm: its CPython type name and message.
///
/// The value layer never throws Swift errors through the interpreter at random depths; each
/// operation that can fail throws one of these, and the VM turns it into the Python exception
/// of the same name. ``resourceLimit(_:)`` is the sandbox's own refusal (a budget), not a
/// Python exception.
public enum PythonValuesError: Error, Sendable, Equatable, CustomStringConvertible {
  case valueError(String)
  case typeError(String)
  case overflowError(String)
  case zeroDivisionError(String)
  /// A computation refused because its result would exceed the caller's budget.
  case resourceLimit(String)

  /// The name of the Python exception type (`ValueError`, ...); `ResourceLimit` for a budget.
  public var pythonType: String {
    switch self {
    case .valueError: "ValueError"
    case .typeError: "TypeError"
    case .overflowError: "OverflowError"
    case .zeroDivisionError: "ZeroDivisionError"
    case .resourceLimit: "ResourceLimit"
    }
  }

  /// The message, as CPython prints it after the type name.
  public var message: String {
    switch self {
    case .valueError(let m), .typeError(let m), .overflowError(let m), .zeroDivisionError(let m),
      .resourceLimit(let m):
      m
    }
  }

  /// The last line of a CPython traceback: `ValueError: message`.
  public var description: String { "\(pythonType): \(message)" }
}
