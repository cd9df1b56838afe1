/// A syntax error as CPython reports it: the exception class, its message, and where it points.
///
/// `line` is 1-based; `offset` is CPython's `SyntaxError.offset`, a 1-based column in characters.
public struct PythonSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The exception class CPython raises.
  public enum Kind: String, Sendable, Hashable {
    case syntaxError = "SyntaxError"
    case indentationError = "IndentationError"
    case tabError = "TabError"
    /// A program nested too deeply for the parser (CPython 3.12+ says the same).
    case memoryError = "MemoryError"
    /// A chain of operations too long to build (CPython 3.12+ says the same).
    case recursionError = "RecursionError"
  }

  public var kind: Kind
  public var message: String
  public var line: Int
  public var offset: Int

  public init(_ kind: Kind = .syntaxError, _ message: String, line: Int, offset: Int) {
    self.kind = kind
    self.message = message
    self.line = line
    self.offset = offset
  }

  public var description: String { "\(kind.rawValue): \(message) (line \(line), offset \(offset))" }
}
