/// A position in the source as CPython reports it: a 1-based line and a 0-based column in UTF-8 bytes.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
  public var line: Int
  public var column: Int

  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
    (a.line, a.column) < (b.line, b.column)
  }

  public var description: String { "\(line):\(column)" }
}

/// Where a node starts and where it ends (CPython's `lineno`, `col_offset`, `end_lineno`, `end_col_offset`).
public struct SourceRange: Sendable, Hashable {
  public var start: SourceLocation
  public var end: SourceLocation

  public init(_ start: SourceLocation, _ end: SourceLocation) {
    self.start = start
    self.end = end
  }
}
