/// A `match` pattern: what it is (``PatternKind``, CPython's `ast.pattern` subclasses) and where it is.
public struct Pattern: Sendable, Hashable {
  public var kind: PatternKind
  public var range: SourceRange

  public init(_ kind: PatternKind, _ range: SourceRange) {
    self.kind = kind
    self.range = range
  }
}

/// CPython's pattern node kinds, with its field names.
public indirect enum PatternKind: Sendable, Hashable {
  case matchValue(value: Expr)
  /// `None`, `True` or `False`.
  case matchSingleton(value: Constant)
  case matchSequence(patterns: [Pattern])
  case matchMapping(keys: [Expr], patterns: [Pattern], rest: String?)
  case matchClass(cls: Expr, patterns: [Pattern], kwdAttrs: [String], kwdPatterns: [Pattern])
  /// `*name`, or `*_` (`name` is `nil`).
  case matchStar(name: String?)
  /// `pattern as name`, a capture (`pattern` is `nil`), or the wildcard `_` (both `nil`).
  case matchAs(pattern: Pattern?, name: String?)
  case matchOr(patterns: [Pattern])
}
