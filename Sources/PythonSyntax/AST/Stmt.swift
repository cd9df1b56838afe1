/// A statement node: what it is (``StmtKind``, CPython's `ast.stmt` subclasses) and where it is.
public struct Stmt: Sendable, Hashable {
  /// The node, with CPython's field names.
  public var kind: StmtKind
  /// Where the statement starts and ends in the source.
  public var range: SourceRange

  public init(_ kind: StmtKind, _ range: SourceRange) {
    self.kind = kind
    self.range = range
  }
}

/// A parsed file: CPython's `ast.Module`.
public struct Module: Sendable, Hashable {
  public var body: [Stmt]
  /// Each string literal (or f-string part) with a backslash that starts no escape (`"C:\\data"`),
  /// by its first such escape: CPython 3.12+ warns of them as it compiles (SyntaxWarning).
  public var invalidEscapes: [InvalidEscape] = []

  public init(body: [Stmt]) {
    self.body = body
  }
}

/// A backslash in a literal that starts no escape: the literal's line and the escape (`\\d`).
public struct InvalidEscape: Sendable, Hashable {
  public let line: Int
  public let escape: String
}

/// What a parse notes without failing, shared by the parsers of f-string fields.
final class ParseNotes: @unchecked Sendable {
  var invalidEscapes: [InvalidEscape] = []
}

/// CPython's `ast.stmt` node kinds, one case each, with the fields of CPython's `ast` module in its order.
public indirect enum StmtKind: Sendable, Hashable {
  case functionDef(FunctionDef)
  case asyncFunctionDef(FunctionDef)
  case classDef(ClassDef)
  case `return`(value: Expr?)
  case delete(targets: [Expr])
  case assign(targets: [Expr], value: Expr)
  /// PEP 695 (3.12): `type Name[params] = value`.
  case typeAlias(name: Expr, typeParams: [TypeParam], value: Expr)
  case augAssign(target: Expr, op: BinaryOperator, value: Expr)
  /// `simple` is true for a bare name target not in parentheses.
  case annAssign(target: Expr, annotation: Expr, value: Expr?, simple: Bool)
  case `for`(target: Expr, iter: Expr, body: [Stmt], orelse: [Stmt])
  case asyncFor(target: Expr, iter: Expr, body: [Stmt], orelse: [Stmt])
  case `while`(test: Expr, body: [Stmt], orelse: [Stmt])
  case `if`(test: Expr, body: [Stmt], orelse: [Stmt])
  case with(items: [WithItem], body: [Stmt])
  case asyncWith(items: [WithItem], body: [Stmt])
  case match(subject: Expr, cases: [MatchCase])
  case raise(exc: Expr?, cause: Expr?)
  case `try`(body: [Stmt], handlers: [ExceptHandler], orelse: [Stmt], finalbody: [Stmt])
  /// `except*` (3.11).
  case tryStar(body: [Stmt], handlers: [ExceptHandler], orelse: [Stmt], finalbody: [Stmt])
  case assert(test: Expr, msg: Expr?)
  case `import`(names: [Alias])
  /// `module` is `nil` for `from . import x`; `level` counts the leading dots.
  case importFrom(module: String?, names: [Alias], level: Int)
  case global(names: [String])
  case nonlocal(names: [String])
  case expr(value: Expr)
  case pass
  case `break`
  case `continue`
}

/// The fields `FunctionDef` and `AsyncFunctionDef` share.
public struct FunctionDef: Sendable, Hashable {
  public var name: String
  public var args: Arguments
  public var body: [Stmt]
  public var decoratorList: [Expr]
  public var returns: Expr?
  /// PEP 695 (3.12) type parameters: `def f[T]()`.
  public var typeParams: [TypeParam]
}

/// `ClassDef`'s fields.
public struct ClassDef: Sendable, Hashable {
  public var name: String
  public var bases: [Expr]
  public var keywords: [Keyword]
  public var body: [Stmt]
  public var decoratorList: [Expr]
  public var typeParams: [TypeParam]
}

/// A function's parameters: CPython's `ast.arguments`.
public struct Arguments: Sendable, Hashable {
  public var posonlyargs: [Arg] = []
  public var args: [Arg] = []
  public var vararg: Arg?
  public var kwonlyargs: [Arg] = []
  /// One per keyword-only parameter, `nil` where it has no default.
  public var kwDefaults: [Expr?] = []
  public var kwarg: Arg?
  /// The defaults of the last `defaults.count` positional parameters.
  public var defaults: [Expr] = []

  public init() {}
}

/// One parameter: CPython's `ast.arg`.
public struct Arg: Sendable, Hashable {
  public var arg: String
  public var annotation: Expr?
  public var range: SourceRange
}

/// `name=value` in a call or class bases, or `**value` (`arg` is `nil`): CPython's `ast.keyword`.
public struct Keyword: Sendable, Hashable {
  public var arg: String?
  public var value: Expr
  public var range: SourceRange
}

/// `name as asname` in an import: CPython's `ast.alias`.
public struct Alias: Sendable, Hashable {
  public var name: String
  public var asname: String?
  public var range: SourceRange
}

/// One context manager of a `with`: CPython's `ast.withitem`.
public struct WithItem: Sendable, Hashable {
  public var contextExpr: Expr
  public var optionalVars: Expr?
}

/// One `for ... in ... if ...` clause of a comprehension: CPython's `ast.comprehension`.
public struct Comprehension: Sendable, Hashable {
  public var target: Expr
  public var iter: Expr
  public var ifs: [Expr]
  public var isAsync: Bool
}

/// One `except` clause: CPython's `ast.ExceptHandler`.
public struct ExceptHandler: Sendable, Hashable {
  public var type: Expr?
  public var name: String?
  public var body: [Stmt]
  public var range: SourceRange
}

/// One `case` of a `match`: CPython's `ast.match_case`.
public struct MatchCase: Sendable, Hashable {
  public var pattern: Pattern
  public var guardExpr: Expr?
  public var body: [Stmt]
}

/// A PEP 695 type parameter (3.12): `T`, `T: bound`, `*Ts`, `**P`.
public struct TypeParam: Sendable, Hashable {
  public enum Kind: Sendable, Hashable {
    case typeVar(bound: Expr?)
    case typeVarTuple
    case paramSpec
  }
  public var name: String
  public var kind: Kind
  /// PEP 696 (3.13): `T = int`.
  public var defaultValue: Expr?
  public var range: SourceRange
}
