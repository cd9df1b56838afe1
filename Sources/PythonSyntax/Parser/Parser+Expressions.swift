import AsyncioModel

extension Parser {
  /// `star_expressions`: one expression, or a tuple without parentheses (`1, *rest`).
  mutating func parseStarExpressions() throws(PythonSyntaxError) -> Expr {
    let start = token
    let first = try parseStarExpression()
    guard kind == .comma else { return first }
    var elts = [first]
    while try accept(.comma) {
      if !isExpressionStart(kind) { break }
      elts.append(try parseStarExpression())
    }
    return Expr(.tuple(elts: elts, ctx: .load), range(from: start))
  }

  /// `'*' bitwise_or | expression`.
  mutating func parseStarExpression() throws(PythonSyntaxError) -> Expr {
    if kind == .star {
      let start = try advance()
      let value = try parseBinary(0)
      return Expr(.starred(value: value, ctx: .load), range(from: start))
    }
    return try parseExpression()
  }

  /// `'*' bitwise_or | named_expression`: list, set and tuple elements.
  mutating func parseStarNamedExpression() throws(PythonSyntaxError) -> Expr {
    if kind == .star {
      let start = try advance()
      let value = try parseBinary(0)
      return Expr(.starred(value: value, ctx: .load), range(from: start))
    }
    return try parseNamedExpression()
  }

  /// `NAME ':=' expression | expression`.
  mutating func parseNamedExpression() throws(PythonSyntaxError) -> Expr {
    if kind == .name && kind(at: 1) == .colonEqual {
      let start = try advance()
      _ = try advance()
      let value = try parseExpression()
      let target = Expr(.name(id: text(start), ctx: .store), SourceRange(start.startLocation, start.endLocation))
      return Expr(.namedExpr(target: target, value: value), range(from: start))
    }
    let expr = try parseExpression()
    if kind == .colonEqual {
      throw error("cannot use assignment expressions with \(Parser.expressionName(expr))", at: expr.range.start)
    }
    return expr
  }

  /// `disjunction 'if' disjunction 'else' expression | disjunction | lambdef`.
  mutating func parseExpression() throws(PythonSyntaxError) -> Expr {
    try enter()
    defer { leave() }
    if kind == .kwLambda { return try parseLambda() }
    let start = token
    let body = try parseDisjunction()
    guard kind == .kwIf else { return body }
    _ = try advance()
    let test = try parseDisjunction()
    if kind != .kwElse {
      throw error("expected 'else' after 'if' expression", at: body.range.start)
    }
    _ = try advance()
    let orelse = try parseExpression()
    return Expr(.ifExp(test: test, body: body, orelse: orelse), range(from: start))
  }

  /// `lambda params: body`.
  mutating func parseLambda() throws(PythonSyntaxError) -> Expr {
    let start = try advance()
    let args = try parseParameters(closing: .colon, annotations: false)
    try expect(.colon)
    let body = try parseExpression()
    return Expr(.lambda(args: args, body: body), range(from: start))
  }

  mutating func parseDisjunction() throws(PythonSyntaxError) -> Expr {
    let start = token
    let first = try parseConjunction()
    guard kind == .kwOr else { return first }
    var values = [first]
    while try accept(.kwOr) {
      try checkChain(values.count)
      values.append(try parseConjunction())
    }
    return Expr(.boolOp(op: .or, values: values), range(from: start))
  }

  mutating func parseConjunction() throws(PythonSyntaxError) -> Expr {
    let start = token
    let first = try parseInversion()
    guard kind == .kwAnd else { return first }
    var values = [first]
    while try accept(.kwAnd) { values.append(try parseInversion()) }
    return Expr(.boolOp(op: .and, values: values), range(from: start))
  }

  mutating func parseInversion() throws(PythonSyntaxError) -> Expr {
    if kind == .kwNot {
      try enter()
      defer { leave() }
      let start = try advance()
      let operand = try parseInversion()
      return Expr(.unaryOp(op: .not, operand: operand), range(from: start))
    }
    return try parseComparison()
  }

  mutating func parseComparison() throws(PythonSyntaxError) -> Expr {
    let start = token
    let left = try parseBinary(0)
    var ops: [CompareOperator] = []
    var comparators: [Expr] = []
    while true {
      let op: CompareOperator
      switch kind {
      case .eqEqual: op = .eq
      case .notEqual:
        if source.bytes[token.start] == UInt8(ascii: "<") { throw invalidSyntax() }
        op = .notEq
      case .less: op = .lt
      case .lessEqual: op = .ltE
      case .greater: op = .gt
      case .greaterEqual: op = .gtE
      case .kwIn: op = .in
      case .kwIs:
        if kind(at: 1) == .kwNot {
          _ = try advance()
          op = .isNot
        } else {
          op = .is
        }
      case .kwNot where kind(at: 1) == .kwIn:
        _ = try advance()
        op = .notIn
      default:
        if ops.isEmpty { return left }
        return Expr(.compare(left: left, ops: ops, comparators: comparators), range(from: start))
      }
      _ = try advance()
      ops.append(op)
      comparators.append(try parseBinary(0))
    }
  }

  /// The binary operators from `|` to `*`, by precedence climbing. Level 0 is `bitwise_or`.
  mutating func parseBinary(_ minLevel: Int) throws(PythonSyntaxError) -> Expr {
    let start = token
    var left = try parseFactor()
    var chain = 0
    while true {
      let op: BinaryOperator
      let level: Int
      switch kind {
      case .vbar: (op, level) = (.bitOr, 0)
      case .circumflex: (op, level) = (.bitXor, 1)
      case .amper: (op, level) = (.bitAnd, 2)
      case .leftShift: (op, level) = (.lShift, 3)
      case .rightShift: (op, level) = (.rShift, 3)
      case .plus: (op, level) = (.add, 4)
      case .minus: (op, level) = (.sub, 4)
      case .star: (op, level) = (.mult, 5)
      case .slash: (op, level) = (.div, 5)
      case .doubleSlash: (op, level) = (.floorDiv, 5)
      case .percent: (op, level) = (.mod, 5)
      case .at: (op, level) = (.matMult, 5)
      default: return left
      }
      if level < minLevel { return left }
      chain += 1
      try checkChain(chain)
      _ = try advance()
      let right = try parseBinary(level + 1)
      left = Expr(.binOp(left: left, op: op, right: right), range(from: start))
    }
  }

  /// `'+' factor | '-' factor | '~' factor | power`.
  mutating func parseFactor() throws(PythonSyntaxError) -> Expr {
    let op: UnaryOperator
    switch kind {
    case .plus: op = .uAdd
    case .minus: op = .uSub
    case .tilde: op = .invert
    default: return try parsePower()
    }
    try enter()
    defer { leave() }
    let start = try advance()
    let operand = try parseFactor()
    return Expr(.unaryOp(op: op, operand: operand), range(from: start))
  }

  /// `await_primary '**' factor | await_primary`.
  mutating func parsePower() throws(PythonSyntaxError) -> Expr {
    let start = token
    let base = try parseAwaitPrimary()
    guard kind == .doubleStar else { return base }
    try enter()
    defer { leave() }
    _ = try advance()
    let exponent = try parseFactor()
    return Expr(.binOp(left: base, op: .pow, right: exponent), range(from: start))
  }

  mutating func parseAwaitPrimary() throws(PythonSyntaxError) -> Expr {
    if kind == .kwAwait {
      try enter()
      defer { leave() }
      let start = try advance()
      let value = try parsePrimary()
      return Expr(.await(value: value), range(from: start))
    }
    return try parsePrimary()
  }

  /// An atom followed by `.name`, `(arguments)` and `[slices]`.
  mutating func parsePrimary() throws(PythonSyntaxError) -> Expr {
    let start = token
    var expr = try parseAtom()
    var chain = 0
    while true {
      chain += 1
      try checkChain(chain)
      switch kind {
      case .dot:
        _ = try advance()
        let name = text(try expect(.name))
        expr = Expr(.attribute(value: expr, attr: name, ctx: .load), range(from: start))
      case .lpar:
        _ = try advance()
        let (args, keywords) = try parseCallArguments()
        try expect(.rpar)
        expr = Expr(.call(func: expr, args: args, keywords: keywords), range(from: start))
      case .lsqb:
        _ = try advance()
        let slice = try parseSlices()
        try expect(.rsqb)
        expr = Expr(.subscript(value: expr, slice: slice, ctx: .load), range(from: start))
      default:
        return expr
      }
    }
  }

  /// What goes between `[` and `]` of a subscript: one slice, or a tuple of them.
  mutating func parseSlices() throws(PythonSyntaxError) -> Expr {
    let start = token
    let first = try parseSlice()
    guard kind == .comma else {
      if case .starred = first.kind {
        return Expr(.tuple(elts: [first], ctx: .load), range(from: start))
      }
      return first
    }
    var elts = [first]
    while try accept(.comma) {
      if kind == .rsqb { break }
      elts.append(try parseSlice())
    }
    return Expr(.tuple(elts: elts, ctx: .load), range(from: start))
  }

  /// `[expression] ':' [expression] [':' [expression]] | named_expression | '*' bitwise_or` (3.11).
  mutating func parseSlice() throws(PythonSyntaxError) -> Expr {
    let start = token
    if kind == .star {
      if version < .v3_11 { throw invalidSyntax() }
      return try parseStarNamedExpression()
    }
    var lower: Expr?
    if kind != .colon {
      let expr = try parseNamedExpression()
      if kind != .colon { return expr }
      lower = expr
    }
    try expect(.colon)
    var upper: Expr?
    var step: Expr?
    if kind != .colon && kind != .rsqb && kind != .comma { upper = try parseExpression() }
    if try accept(.colon) {
      if kind != .rsqb && kind != .comma { step = try parseExpression() }
    }
    return Expr(.slice(lower: lower, upper: upper, step: step), range(from: start))
  }

  /// Names, literals, strings, and the bracketed forms: tuples, groups, lists, dicts, sets and
  /// their comprehensions.
  mutating func parseAtom() throws(PythonSyntaxError) -> Expr {
    let start = token
    switch kind {
    case .name:
      _ = try advance()
      return Expr(.name(id: text(start), ctx: .load), range(from: start))
    case .kwTrue:
      _ = try advance()
      return Expr(.constant(value: .bool(true), kind: nil), range(from: start))
    case .kwFalse:
      _ = try advance()
      return Expr(.constant(value: .bool(false), kind: nil), range(from: start))
    case .kwNone:
      _ = try advance()
      return Expr(.constant(value: .none, kind: nil), range(from: start))
    case .ellipsis:
      _ = try advance()
      return Expr(.constant(value: .ellipsis, kind: nil), range(from: start))
    case .number:
      _ = try advance()
      return Expr(.constant(value: try numberConstant(start), kind: nil), range(from: start))
    case .string:
      return try parseStrings()
    case .lpar:
      return try parseParenthesized()
    case .lsqb:
      return try parseListDisplay()
    case .lbrace:
      return try parseBraceDisplay()
    default:
      throw invalidSyntax()
    }
  }

  /// `()`, `(yield)`, `(x)`, `(x,)`, `(x for x in y)`.
  mutating func parseParenthesized() throws(PythonSyntaxError) -> Expr {
    let start = try advance()
    if try accept(.rpar) { return Expr(.tuple(elts: [], ctx: .load), range(from: start)) }
    if kind == .kwYield {
      let value = try parseYield()
      try expect(.rpar)
      return value
    }
    let first = try parseStarNamedExpression()
    if kind == .kwFor || (kind == .kwAsync && kind(at: 1) == .kwFor) {
      try checkComprehensionElement(first)
      let generators = try parseComprehensions()
      try expect(.rpar)
      return Expr(.generatorExp(elt: first, generators: generators), range(from: start))
    }
    if try accept(.rpar) {
      if case .starred = first.kind { throw error("cannot use starred expression here", at: first.range.start) }
      return first
    }
    var elts = [first]
    while try accept(.comma) {
      if kind == .rpar { break }
      elts.append(try parseStarNamedExpression())
    }
    if kind != .rpar { throw missingCommaOrInvalid() }
    _ = try advance()
    return Expr(.tuple(elts: elts, ctx: .load), range(from: start))
  }

  /// After an element where `,` or a closing bracket was due.
  func missingCommaOrInvalid() -> PythonSyntaxError {
    // CPython makes no suggestion for a name followed by a string (`ff"..."`, a bad prefix).
    if kind == .string && previous.kind == .name { return invalidSyntax() }
    if isExpressionStart(kind) && kind != .star && kind != .minus && kind != .plus && kind != .kwNot {
      let p = previous.kind
      if p == .name || p == .number || p == .string || p == .rpar || p == .rsqb || p == .rbrace
        || p == .kwNone || p == .kwTrue || p == .kwFalse
      {
        // CPython points at the start of the element before the missing comma.
        var i = index - 1
        var level = 0
        while i > 0 {
          let k = lexer.tokens[i].kind
          if k == .rpar || k == .rsqb || k == .rbrace { level += 1 }
          if k == .lpar || k == .lsqb || k == .lbrace {
            if level == 0 { break }
            level -= 1
          }
          if level == 0
            && (k == .comma || k == .equal || k == .colon || k == .kwFor || k == .kwIn || k == .kwIf || k == .kwElse)
          {
            break
          }
          i -= 1
        }
        return error("invalid syntax. Perhaps you forgot a comma?", at: lexer.tokens[i + 1])
      }
    }
    return invalidSyntax()
  }

  /// `[]`, `[a, *b]`, `[x for x in y]`.
  mutating func parseListDisplay() throws(PythonSyntaxError) -> Expr {
    let start = try advance()
    if try accept(.rsqb) { return Expr(.list(elts: [], ctx: .load), range(from: start)) }
    let first = try parseStarNamedExpression()
    if kind == .kwFor || (kind == .kwAsync && kind(at: 1) == .kwFor) {
      try checkComprehensionElement(first)
      let generators = try parseComprehensions()
      try expect(.rsqb)
      return Expr(.listComp(elt: first, generators: generators), range(from: start))
    }
    var elts = [first]
    while try accept(.comma) {
      if kind == .rsqb { break }
      elts.append(try parseStarNamedExpression())
    }
    if kind != .rsqb { throw missingCommaOrInvalid() }
    _ = try advance()
    return Expr(.list(elts: elts, ctx: .load), range(from: start))
  }

  /// `{}`, dicts with `**`, sets, and dict and set comprehensions.
  mutating func parseBraceDisplay() throws(PythonSyntaxError) -> Expr {
    let start = try advance()
    if try accept(.rbrace) { return Expr(.dict(keys: [], values: []), range(from: start)) }
    var keys: [Expr?] = []
    var values: [Expr] = []
    if kind == .doubleStar {
      _ = try advance()
      keys.append(nil)
      values.append(try parseBinary(0))
    } else {
      let first = try parseStarNamedExpression()
      if case .starred = first.kind, kind == .colon { throw invalidSyntax() }
      if kind == .colon {
        let colon = try advance()
        if !isExpressionStart(kind) || kind == .star {
          throw error("expression expected after dictionary key and ':'", at: colon)
        }
        let value = try parseExpression()
        if kind == .kwFor || (kind == .kwAsync && kind(at: 1) == .kwFor) {
          let generators = try parseComprehensions()
          try expect(.rbrace)
          return Expr(.dictComp(key: first, value: value, generators: generators), range(from: start))
        }
        keys.append(first)
        values.append(value)
      } else {
        // A set.
        if kind == .kwFor || (kind == .kwAsync && kind(at: 1) == .kwFor) {
          try checkComprehensionElement(first)
          let generators = try parseComprehensions()
          try expect(.rbrace)
          return Expr(.setComp(elt: first, generators: generators), range(from: start))
        }
        var elts = [first]
        while try accept(.comma) {
          if kind == .rbrace { break }
          elts.append(try parseStarNamedExpression())
        }
        if kind != .rbrace { throw missingCommaOrInvalid() }
        _ = try advance()
        return Expr(.set(elts: elts), range(from: start))
      }
    }
    while try accept(.comma) {
      if kind == .rbrace { break }
      if try accept(.doubleStar) {
        keys.append(nil)
        values.append(try parseBinary(0))
      } else {
        let key = try parseExpression()
        keys.append(key)
        if kind != .colon {
          // CPython points at the key's last character.
          let last = SourceLocation(line: key.range.end.line, column: max(0, key.range.end.column - 1))
          throw error("':' expected after dictionary key", at: last)
        }
        let colon = try expect(.colon)
        if !isExpressionStart(kind) || kind == .star {
          throw error("expression expected after dictionary key and ':'", at: colon)
        }
        values.append(try parseExpression())
      }
    }
    if kind != .rbrace { throw missingCommaOrInvalid() }
    _ = try advance()
    return Expr(.dict(keys: keys, values: values), range(from: start))
  }

  /// `('async'? 'for' targets 'in' disjunction ('if' disjunction)*)+`.
  /// `[*a for a in b]`: CPython's message, at the starred element.
  func checkComprehensionElement(_ elt: Expr) throws(PythonSyntaxError) {
    if case .starred = elt.kind {
      throw error("iterable unpacking cannot be used in comprehension", at: elt.range.start)
    }
  }

  mutating func parseComprehensions() throws(PythonSyntaxError) -> [Comprehension] {
    var generators: [Comprehension] = []
    while kind == .kwFor || (kind == .kwAsync && kind(at: 1) == .kwFor) {
      let isAsync = try accept(.kwAsync)
      _ = try advance()
      let target = try parseTargetList(ctx: .store)
      if kind != .kwIn && kind != .newline && kind != .endMarker {
        if version >= .v3_13 { throw error("'in' expected after for-loop variables", at: token) }
        throw missingCommaOrInvalid()
      }
      try expect(.kwIn)
      let iter = try parseDisjunction()
      var ifs: [Expr] = []
      while try accept(.kwIf) { ifs.append(try parseDisjunction()) }
      generators.append(Comprehension(target: target, iter: iter, ifs: ifs, isAsync: isAsync))
    }
    return generators
  }

  /// `'yield' 'from' expression | 'yield' [star_expressions]`.
  mutating func parseYield() throws(PythonSyntaxError) -> Expr {
    let start = try advance()
    if try accept(.kwFrom) {
      let value = try parseExpression()
      return Expr(.yieldFrom(value: value), range(from: start))
    }
    var value: Expr?
    if isExpressionStart(kind) { value = try parseStarExpressions() }
    return Expr(.yield(value: value), range(from: start))
  }
}
