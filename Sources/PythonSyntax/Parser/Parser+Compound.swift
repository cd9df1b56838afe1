import AsyncioModel

extension Parser {
  /// `def`, `class`, `if`, `while`, `for`, `with`, `try`, their `async` forms, and decorators.
  mutating func parseCompound() throws(PythonSyntaxError) -> Stmt {
    try enter()
    defer { leave() }
    let start = token
    switch kind {
    case .at:
      var decorators: [Expr] = []
      while try accept(.at) {
        decorators.append(try parseNamedExpression())
        try expect(.newline)
      }
      var stmt: Stmt
      // A decorated definition starts at `def` or `class`, as in CPython (3.8+).
      let definition = token
      switch kind {
      case .kwDef: stmt = try parseFunction(isAsync: false, start: definition, decorators: decorators)
      case .kwClass: stmt = try parseClass(start: definition, decorators: decorators)
      case .kwAsync where kind(at: 1) == .kwDef:
        _ = try advance()
        stmt = try parseFunction(isAsync: true, start: definition, decorators: decorators)
      default: throw invalidSyntax()
      }
      return stmt
    case .kwDef:
      return try parseFunction(isAsync: false, start: start, decorators: [])
    case .kwClass:
      return try parseClass(start: start, decorators: [])
    case .kwIf:
      return try parseIf()
    case .kwWhile:
      _ = try advance()
      let test = try parseNamedExpression()
      let body = try parseBlock(after: "'while' statement", line: start.line)
      var orelse: [Stmt] = []
      if kind == .kwElse {
        let elseToken = try advance()
        orelse = try parseBlock(after: "'else' statement", line: elseToken.line)
      }
      return Stmt(.while(test: test, body: body, orelse: orelse), range(from: start))
    case .kwFor:
      return try parseFor(isAsync: false, start: start)
    case .kwWith:
      return try parseWith(isAsync: false, start: start)
    case .kwTry:
      return try parseTry()
    case .kwAsync:
      _ = try advance()
      switch kind {
      case .kwDef: return try parseFunction(isAsync: true, start: start, decorators: [])
      case .kwFor: return try parseFor(isAsync: true, start: start)
      case .kwWith: return try parseWith(isAsync: true, start: start)
      default: throw invalidSyntax()
      }
    default:
      throw invalidSyntax()
    }
  }

  /// `block: NEWLINE INDENT statements DEDENT | simple_stmts`, with CPython's message when the
  /// indented block is missing.
  mutating func parseBlock(after what: String, line: Int) throws(PythonSyntaxError) -> [Stmt] {
    if kind != .colon {
      // CPython's grammar insists on the colon after `def`, `else`, `try`, `finally` and `with`
      // (`&&':'`); elsewhere it says "expected ':'" only when the line ends there.
      let forced =
        what == "function definition" || what == "'else' statement" || what == "'try' statement"
        || what == "'finally' statement"
      if kind == .errorToken || !(forced || kind == .newline || kind == .indent) { throw invalidSyntax() }
      throw error("expected ':'", at: token)
    }
    _ = try advance()
    var body: [Stmt] = []
    if kind == .newline {
      let newline = try advance()
      guard kind == .indent else {
        if kind == .endMarker || (kind == .dedent && atEndOfFile) {
          // At the end of the file CPython points at the last line break (after any comment lines).
          var last = source.bytes.count - 1
          while last > 0 && source.bytes[last] != UInt8(ascii: "\n") { last -= 1 }
          if last < newline.start { last = newline.start }
          throw errorAt(
            "expected an indented block after \(what) on line \(line)", byte: last, line: lineOf(last),
            kind: .indentationError)
        }
        throw error("expected an indented block after \(what) on line \(line)", at: token, kind: .indentationError)
      }
      _ = try advance()
      while kind != .dedent && kind != .endMarker {
        try parseStatement(into: &body)
      }
      _ = try accept(.dedent)
    } else {
      try parseSimpleStatements(into: &body)
    }
    return body
  }

  /// `def name[T](params) -> returns: block`.
  mutating func parseFunction(isAsync: Bool, start: Token, decorators: [Expr]) throws(PythonSyntaxError) -> Stmt {
    let defToken = try expect(.kwDef)
    let name = text(try expect(.name))
    var typeParams: [TypeParam] = []
    if kind == .lsqb {
      // `def f[...]` that is not a type parameter list (before 3.12, or malformed) leaves CPython
      // at the `[` wanting `(`.
      let bracket = token
      let save = index
      do throws(PythonSyntaxError) {
        typeParams = try parseTypeParams()
      } catch {
        if error.kind != .syntaxError || version < .v3_11 { throw error }
        index = save
        throw errorAt("expected '('", byte: bracket.start, line: bracket.line)
      }
    }
    if kind != .lpar {
      if version >= .v3_11 { throw errorAt("expected '('", byte: token.start, line: token.line) }
      throw invalidSyntax()
    }
    _ = try advance()
    let args = try parseParameters(closing: .rpar, annotations: true)
    try expect(.rpar)
    var returns: Expr?
    if try accept(.rarrow) { returns = try parseExpression() }
    let body = try parseBlock(after: "function definition", line: defToken.line)
    let def = FunctionDef(
      name: name, args: args, body: body, decoratorList: decorators, returns: returns,
      typeParams: typeParams)
    return Stmt(isAsync ? .asyncFunctionDef(def) : .functionDef(def), range(from: start))
  }

  /// `class Name[T](bases, keywords): block`.
  mutating func parseClass(start: Token, decorators: [Expr]) throws(PythonSyntaxError) -> Stmt {
    let classToken = try expect(.kwClass)
    let name = text(try expect(.name))
    let typeParams = kind == .lsqb ? try parseTypeParams() : []
    var bases: [Expr] = []
    var keywords: [Keyword] = []
    if try accept(.lpar) {
      (bases, keywords) = try parseCallArguments()
      try expect(.rpar)
    }
    let body = try parseBlock(after: "class definition", line: classToken.line)
    let def = ClassDef(
      name: name, bases: bases, keywords: keywords, body: body, decoratorList: decorators,
      typeParams: typeParams)
    return Stmt(.classDef(def), range(from: start))
  }

  /// PEP 695 type parameters: `[T, T: bound, *Ts, **P]` (3.12).
  mutating func parseTypeParams() throws(PythonSyntaxError) -> [TypeParam] {
    if version < .v3_12 { throw invalidSyntax() }
    try expect(.lsqb)
    var params: [TypeParam] = []
    repeat {
      if kind == .rsqb { break }
      let start = token
      let paramKind: TypeParam.Kind
      let name: String
      if try accept(.star) {
        name = text(try expect(.name))
        paramKind = .typeVarTuple
      } else if try accept(.doubleStar) {
        name = text(try expect(.name))
        paramKind = .paramSpec
      } else {
        name = text(try expect(.name))
        var bound: Expr?
        if try accept(.colon) { bound = try parseExpression() }
        paramKind = .typeVar(bound: bound)
      }
      var defaultValue: Expr?
      if kind == .equal && version >= .v3_13 {
        _ = try advance()
        if case .typeVarTuple = paramKind {
          defaultValue = try parseStarExpression()
        } else {
          defaultValue = try parseExpression()
        }
      }
      params.append(TypeParam(name: name, kind: paramKind, defaultValue: defaultValue, range: range(from: start)))
    } while try accept(.comma)
    try expect(.rsqb)
    return params
  }

  /// `if`/`elif`/`else`; each `elif` becomes an `If` alone in its parent's `orelse`.
  mutating func parseIf() throws(PythonSyntaxError) -> Stmt {
    let start = try advance()
    let test = try parseNamedExpression()
    if kind == .equal {
      throw error("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", at: test.range.start)
    }
    let body = try parseBlock(after: start.kind == .kwIf ? "'if' statement" : "'elif' statement", line: start.line)
    var orelse: [Stmt] = []
    if kind == .kwElif {
      orelse = [try parseIf()]
    } else if kind == .kwElse {
      let elseToken = try advance()
      orelse = try parseBlock(after: "'else' statement", line: elseToken.line)
    }
    return Stmt(.if(test: test, body: body, orelse: orelse), range(from: start))
  }

  /// `for target in iter: block [else: block]`.
  mutating func parseFor(isAsync: Bool, start: Token) throws(PythonSyntaxError) -> Stmt {
    let forToken = try expect(.kwFor)
    let target = try parseTargetList(ctx: .store)
    try expect(.kwIn)
    let iter = try parseStarExpressions()
    let body = try parseBlock(after: "'for' statement", line: forToken.line)
    var orelse: [Stmt] = []
    if kind == .kwElse {
      let elseToken = try advance()
      orelse = try parseBlock(after: "'else' statement", line: elseToken.line)
    }
    return Stmt(
      isAsync
        ? .asyncFor(target: target, iter: iter, body: body, orelse: orelse)
        : .for(target: target, iter: iter, body: body, orelse: orelse), range(from: start))
  }

  /// `with a as b, c: block`, or the parenthesized form `with (a as b, c,): block`.
  mutating func parseWith(isAsync: Bool, start: Token) throws(PythonSyntaxError) -> Stmt {
    let withToken = try expect(.kwWith)
    var items: [WithItem] = []
    if kind == .lpar {
      let save = index
      let saveDepth = depth
      do throws(PythonSyntaxError) {
        _ = try advance()
        repeat {
          if kind == .rpar { break }
          items.append(try parseWithItem())
        } while try accept(.comma)
        try expect(.rpar)
        if kind != .colon { throw invalidSyntax() }
      } catch {
        index = save
        depth = saveDepth
        items = []
      }
    }
    if items.isEmpty {
      repeat {
        items.append(try parseWithItem())
      } while try accept(.comma)
    }
    let body = try parseBlock(after: "'with' statement", line: withToken.line)
    return Stmt(isAsync ? .asyncWith(items: items, body: body) : .with(items: items, body: body), range(from: start))
  }

  mutating func parseWithItem() throws(PythonSyntaxError) -> WithItem {
    let expr = try parseExpression()
    var vars: Expr?
    if try accept(.kwAs) {
      let target = try parseStarTarget()
      vars = try toTarget(target, ctx: .store)
    }
    return WithItem(contextExpr: expr, optionalVars: vars)
  }

  /// `try` with `except` (or `except*`, 3.11), `else` and `finally` clauses.
  mutating func parseTry() throws(PythonSyntaxError) -> Stmt {
    let start = try advance()
    let body = try parseBlock(after: "'try' statement", line: start.line)
    var handlers: [ExceptHandler] = []
    var sawStar = false
    var sawPlain = false
    while kind == .kwExcept {
      let exceptToken = try advance()
      var isStar = false
      if kind == .star {
        if version < .v3_11 { throw invalidSyntax() }
        _ = try advance()
        isStar = true
      }
      if isStar { sawStar = true } else { sawPlain = true }
      if sawStar && sawPlain {
        throw error("cannot have both 'except' and 'except*' on the same 'try'", at: exceptToken)
      }
      var type: Expr?
      var name: String?
      if kind != .colon {
        type = try parseExpression()
        if kind == .comma {
          throw error("multiple exception types must be parenthesized", at: type!.range.start)
        }
        if try accept(.kwAs) { name = text(try expect(.name)) }
      } else if isStar {
        throw error("expected one or more exception types", at: token)
      }
      let handlerBody = try parseBlock(
        after: isStar ? "'except*' statement" : "'except' statement", line: exceptToken.line)
      handlers.append(ExceptHandler(type: type, name: name, body: handlerBody, range: range(from: exceptToken)))
    }
    var orelse: [Stmt] = []
    var finalbody: [Stmt] = []
    if kind == .kwElse {
      if handlers.isEmpty { throw error("expected 'except' or 'finally' block", at: token) }
      let elseToken = try advance()
      orelse = try parseBlock(after: "'else' statement", line: elseToken.line)
    }
    if kind == .kwFinally {
      let finallyToken = try advance()
      finalbody = try parseBlock(after: "'finally' statement", line: finallyToken.line)
    }
    if handlers.isEmpty && finalbody.isEmpty {
      throw error("expected 'except' or 'finally' block", at: token)
    }
    return Stmt(
      sawStar
        ? .tryStar(body: body, handlers: handlers, orelse: orelse, finalbody: finalbody)
        : .try(body: body, handlers: handlers, orelse: orelse, finalbody: finalbody), range(from: start))
  }
}
