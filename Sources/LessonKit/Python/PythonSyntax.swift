/// The part of Python's syntax tree that `lesson` reads.
indirect enum PyExpr: Sendable {
  case name(String, SourcePosition)
  case number(Double, text: String, SourcePosition)
  case string(String, SourcePosition)
  case fstring([FPart], SourcePosition)
  case none(SourcePosition)
  case bool(Bool, SourcePosition)
  case attribute(PyExpr, String, SourcePosition)
  case call(PyExpr, [PyArgument], SourcePosition)
  case tuple([PyExpr], SourcePosition)
  case list([PyExpr], SourcePosition)
  case dict(SourcePosition)
  case comprehension(element: PyExpr, targets: [PyTarget], iterable: PyExpr, conditions: [PyExpr], SourcePosition)
  case await(PyExpr, SourcePosition)
  case unary(String, PyExpr, SourcePosition)
  case binary(String, PyExpr, PyExpr, SourcePosition)
  case `subscript`(PyExpr, PyExpr, SourcePosition)
  case conditional(PyExpr, test: PyExpr, orElse: PyExpr, SourcePosition)
  case starred(PyExpr, SourcePosition)

  enum FPart: Sendable {
    case text(String)
    case value(PyExpr)
  }

  var position: SourcePosition {
    switch self {
    case .name(_, let p), .number(_, _, let p), .string(_, let p), .fstring(_, let p), .none(let p), .bool(_, let p),
      .attribute(_, _, let p), .call(_, _, let p), .tuple(_, let p), .list(_, let p), .dict(let p),
      .comprehension(_, _, _, _, let p), .await(_, let p), .unary(_, _, let p), .binary(_, _, _, let p),
      .subscript(_, _, let p), .conditional(_, _, _, let p), .starred(_, let p):
      p
    }
  }

  /// `asyncio.gather` → "asyncio.gather"; a plain name → its name.
  var dottedName: String? {
    switch self {
    case .name(let name, _): name
    case .attribute(let base, let name, _): base.dottedName.map { "\($0).\(name)" }
    default: nil
    }
  }
}

/// What a `for` binds: a name, or a parenthesised group to unpack.
indirect enum PyTarget: Sendable {
  case name(String)
  case group([PyTarget])
}

enum PyArgument: Sendable {
  case positional(PyExpr)
  case starred(PyExpr)
  case keyword(String, PyExpr)
}

struct PyParameter: Sendable {
  var name: String
  var defaultValue: PyExpr?
}

struct PyHandler: Sendable {
  var type: PyExpr?
  var name: String?
  var body: [PyStmt]
  var position: SourcePosition
}

indirect enum PyStmt: Sendable {
  case expression(PyExpr, SourcePosition)
  case assign(targets: [[String]], PyExpr, SourcePosition)
  case augmentedAssign(String, op: String, PyExpr, SourcePosition)
  case function(name: String, parameters: [PyParameter], body: [PyStmt], isAsync: Bool, SourcePosition)
  case with(items: [(PyExpr, String?)], body: [PyStmt], isAsync: Bool, SourcePosition)
  case tryStatement(body: [PyStmt], handlers: [PyHandler], orElse: [PyStmt], finally: [PyStmt], SourcePosition)
  case returnStatement(PyExpr?, SourcePosition)
  case ifStatement(PyExpr, body: [PyStmt], orElse: [PyStmt], SourcePosition)
  case forStatement(targets: [PyTarget], PyExpr, body: [PyStmt], isAsync: Bool, SourcePosition)
  case raise(PyExpr?, SourcePosition)
  case pass(SourcePosition)
  case importStatement(modules: [String], SourcePosition)

  var position: SourcePosition {
    switch self {
    case .expression(_, let p), .assign(_, _, let p), .augmentedAssign(_, _, _, let p), .function(_, _, _, _, let p),
      .with(_, _, _, let p), .tryStatement(_, _, _, _, let p), .returnStatement(_, let p), .ifStatement(_, _, _, let p),
      .forStatement(_, _, _, _, let p), .raise(_, let p), .pass(let p), .importStatement(_, let p):
      p
    }
  }
}
