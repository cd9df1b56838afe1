import AsyncioModel

extension Parser {
  /// `file: [statements] ENDMARKER`.
  mutating func parseModule() throws(PythonSyntaxError) -> Module {
    var body: [Stmt] = []
    while kind != .endMarker {
      if kind == .newline {
        _ = try advance()
        continue
      }
      try parseStatement(into: &body)
    }
    return Module(body: body)
  }

  /// One statement line: a compound statement, or simple statements separated by `;`.
  mutating func parseStatement(into body: inout [Stmt]) throws(PythonSyntaxError) {
    switch kind {
    case .kwDef, .kwIf, .kwClass, .kwWith, .kwFor, .kwTry, .kwWhile, .at, .kwAsync:
      body.append(try parseCompound())
    case .indent:
      throw invalidSyntax()
    case .name where isName("match"):
      if let match = try parseMatchIfPresent() {
        body.append(match)
      } else {
        try parseSimpleStatements(into: &body)
      }
    default:
      try parseSimpleStatements(into: &body)
    }
  }

  /// `simple_stmts: simple_stmt (';' simple_stmt)* [';'] NEWLINE`.
  mutating func parseSimpleStatements(into body: inout [Stmt]) throws(PythonSyntaxError) {
    while true {
      body.append(try parseSimpleStatement())
      if try accept(.semi) {
        if kind == .newline { break }
        continue
      }
      break
    }
    if kind != .newline {
      throw statementEndError()
    }
    _ = try advance()
  }

  /// The error for a statement followed by something that cannot follow it.
  func statementEndError() -> PythonSyntaxError {
    let t = token
    if t.kind == .kwElse || t.kind == .kwElif || t.kind == .kwExcept || t.kind == .kwFinally || t.kind == .kwAs {
      return error("invalid syntax", at: t)
    }
    // `print "x"`: a name followed directly by an expression.
    let first = lexer.tokens[statementStart]
    if first.kind == .name, index == statementStart + 1, text(first) == "print" || text(first) == "exec",
      t.kind == .string || t.kind == .name || t.kind == .number
    {
      return error("Missing parentheses in call to '\(text(first))'. Did you mean \(text(first))(...)?", at: first)
    }
    if isExpressionStart(t.kind), index > 0, previous.kind != .comma {
      let p = previous.kind
      if p == .name || p == .number || p == .string || p == .rpar || p == .rsqb || p == .rbrace
        || p == .kwNone || p == .kwTrue || p == .kwFalse
      {
        return error("invalid syntax", at: t)
      }
    }
    return invalidSyntax()
  }

  /// The index of the first token of the current simple statement (for messages).
  var statementStart: Int {
    var i = index
    while i > 0 {
      let k = lexer.tokens[i - 1].kind
      if k == .newline || k == .semi || k == .indent || k == .dedent || k == .colon { break }
      i -= 1
    }
    return i
  }

  func isExpressionStart(_ k: TokenKind) -> Bool {
    switch k {
    case .name, .number, .string, .lpar, .lsqb, .lbrace, .minus, .plus, .tilde, .kwNot, .kwLambda, .kwAwait,
      .kwNone, .kwTrue, .kwFalse, .ellipsis, .star:
      return true
    default:
      return false
    }
  }

  /// One simple statement.
  mutating func parseSimpleStatement() throws(PythonSyntaxError) -> Stmt {
    let start = token
    switch kind {
    case .kwPass:
      _ = try advance()
      return Stmt(.pass, range(from: start))
    case .kwBreak:
      _ = try advance()
      return Stmt(.break, range(from: start))
    case .kwContinue:
      _ = try advance()
      return Stmt(.continue, range(from: start))
    case .kwReturn:
      _ = try advance()
      var value: Expr?
      if kind != .newline && kind != .semi { value = try parseStarExpressions() }
      return Stmt(.return(value: value), range(from: start))
    case .kwRaise:
      _ = try advance()
      var exc: Expr?
      var cause: Expr?
      if kind != .newline && kind != .semi {
        exc = try parseExpression()
        if try accept(.kwFrom) { cause = try parseExpression() }
      }
      return Stmt(.raise(exc: exc, cause: cause), range(from: start))
    case .kwGlobal, .kwNonlocal:
      let isGlobal = try advance().kind == .kwGlobal
      var names: [String] = []
      repeat {
        names.append(text(try expect(.name)))
      } while try accept(.comma)
      return Stmt(isGlobal ? .global(names: names) : .nonlocal(names: names), range(from: start))
    case .kwDel:
      _ = try advance()
      var targets: [Expr] = []
      repeat {
        if kind == .newline || kind == .semi { break }
        let target = try parseBinary(0)
        targets.append(try toTarget(target, ctx: .del))
      } while try accept(.comma)
      if targets.isEmpty { throw invalidSyntax() }
      return Stmt(.delete(targets: targets), range(from: start))
    case .kwAssert:
      _ = try advance()
      let test = try parseExpression()
      var msg: Expr?
      if try accept(.comma) { msg = try parseExpression() }
      return Stmt(.assert(test: test, msg: msg), range(from: start))
    case .kwImport:
      return try parseImport()
    case .kwFrom:
      return try parseImportFrom()
    case .name
    where version >= .v3_12 && isName("type") && kind(at: 1) == .name
      && (kind(at: 2) == .equal || kind(at: 2) == .lsqb):
      _ = try advance()
      let nameToken = try advance()
      let name = Expr(.name(id: text(nameToken), ctx: .store), range(from: nameToken))
      let params = kind == .lsqb ? try parseTypeParams() : []
      try expect(.equal)
      let value = try parseExpression()
      return Stmt(.typeAlias(name: name, typeParams: params, value: value), range(from: start))
    default:
      return try parseExpressionStatement()
    }
  }

  /// Assignments (plain, augmented, annotated) and expression statements.
  mutating func parseExpressionStatement() throws(PythonSyntaxError) -> Stmt {
    let start = token
    let first = kind == .kwYield ? try parseYield() : try parseStarExpressions()
    switch kind {
    case .equal:
      var targets = [first]
      var value = first
      while try accept(.equal) {
        value = kind == .kwYield ? try parseYield() : try parseStarExpressions()
        targets.append(value)
      }
      targets.removeLast()
      var stored: [Expr] = []
      // CPython hints at `==` only for `target = value` with a single `=`.
      for target in targets { stored.append(try toTarget(target, ctx: .store, assignment: targets.count == 1)) }
      return Stmt(.assign(targets: stored, value: value), range(from: start))
    case .colon:
      _ = try advance()
      switch first.kind {
      case .name, .attribute, .subscript: break
      case .tuple: throw error("only single target (not tuple) can be annotated", at: first.range.start)
      case .list: throw error("only single target (not list) can be annotated", at: first.range.start)
      default: throw error("illegal target for annotation", at: first.range.start)
      }
      let target = try toTarget(first, ctx: .store)
      let annotation = try parseExpression()
      var value: Expr?
      if try accept(.equal) { value = kind == .kwYield ? try parseYield() : try parseStarExpressions() }
      var simple = false
      if case .name = first.kind, start.kind != .lpar { simple = true }
      return Stmt(.annAssign(target: target, annotation: annotation, value: value, simple: simple), range(from: start))
    default:
      if let op = Parser.augmentedOperators[kind] {
        switch first.kind {
        case .name, .attribute, .subscript: break
        default:
          throw error(
            "'\(Parser.expressionName(first))' is an illegal expression for augmented assignment", at: first.range.start
          )
        }
        _ = try advance()
        let target = try toTarget(first, ctx: .store)
        let value = kind == .kwYield ? try parseYield() : try parseStarExpressions()
        return Stmt(.augAssign(target: target, op: op, value: value), range(from: start))
      }
      return Stmt(.expr(value: first), range(from: start))
    }
  }

  static let augmentedOperators: [TokenKind: BinaryOperator] = [
    .plusEqual: .add, .minEqual: .sub, .starEqual: .mult, .atEqual: .matMult, .slashEqual: .div,
    .percentEqual: .mod, .amperEqual: .bitAnd, .vbarEqual: .bitOr, .circumflexEqual: .bitXor,
    .leftShiftEqual: .lShift, .rightShiftEqual: .rShift, .doubleStarEqual: .pow, .doubleSlashEqual: .floorDiv,
  ]

  /// `import a.b as c, d`.
  mutating func parseImport() throws(PythonSyntaxError) -> Stmt {
    let start = try advance()
    if kind == .newline && version >= .v3_13 { throw error("Expected one or more names after 'import'", at: token) }
    var names: [Alias] = []
    repeat {
      let nameStart = token
      let name = try parseDottedName()
      var asname: String?
      if try accept(.kwAs) { asname = text(try expect(.name)) }
      names.append(Alias(name: name, asname: asname, range: range(from: nameStart)))
    } while try accept(.comma)
    return Stmt(.import(names: names), range(from: start))
  }

  mutating func parseDottedName() throws(PythonSyntaxError) -> String {
    var name = text(try expect(.name))
    while try accept(.dot) { name += "." + text(try expect(.name)) }
    return name
  }

  /// `from ..a.b import (c as d, e)` or `from x import *`.
  mutating func parseImportFrom() throws(PythonSyntaxError) -> Stmt {
    let start = try advance()
    var level = 0
    while kind == .dot || kind == .ellipsis {
      level += try advance().kind == .dot ? 1 : 3
    }
    var module: String?
    if kind != .kwImport || level == 0 { module = try parseDottedName() }
    try expect(.kwImport)
    var names: [Alias] = []
    if kind == .star {
      let star = try advance()
      names.append(Alias(name: "*", asname: nil, range: range(from: star)))
    } else {
      let parenthesized = try accept(.lpar)
      repeat {
        if parenthesized && kind == .rpar { break }
        if !parenthesized && !names.isEmpty && kind == .newline {
          throw error("trailing comma not allowed without surrounding parentheses", at: token)
        }
        let nameStart = token
        let name = text(try expect(.name))
        var asname: String?
        if try accept(.kwAs) { asname = text(try expect(.name)) }
        names.append(Alias(name: name, asname: asname, range: range(from: nameStart)))
      } while try accept(.comma)
      if parenthesized {
        try expect(.rpar)
      } else if previous.kind == .comma {
        throw error("trailing comma not allowed without surrounding parentheses", at: previous)
      }
      if names.isEmpty { throw invalidSyntax() }
    }
    return Stmt(.importFrom(module: module, names: names, level: level), range(from: start))
  }
}
