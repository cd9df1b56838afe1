extension Parser {
  /// `match subject: case ...`, if the soft keyword `match` starts one here; otherwise `nil` and
  /// nothing consumed (the line is an ordinary statement that uses the name `match`).
  mutating func parseMatchIfPresent() throws(PythonSyntaxError) -> Stmt? {
    let start = token
    let save = index
    let saveDepth = depth
    var subject: Expr
    do throws(PythonSyntaxError) {
      _ = try advance()
      guard isExpressionStart(kind) else { throw invalidSyntax() }
      let first = try parseStarNamedExpression()
      if kind == .comma {
        var elts = [first]
        while try accept(.comma) {
          if kind == .colon { break }
          elts.append(try parseStarNamedExpression())
        }
        subject = Expr(.tuple(elts: elts, ctx: .load), range(from: first.range.start))
      } else {
        subject = first
      }
      guard kind == .colon else { throw invalidSyntax() }
    } catch {
      index = save
      depth = saveDepth
      return nil
    }
    try enter()
    defer { leave() }
    _ = try advance()
    guard try accept(.newline) else { throw invalidSyntax() }
    guard try accept(.indent) else {
      throw error(
        "expected an indented block after 'match' statement on line \(start.line)", at: token, kind: .indentationError)
    }
    var cases: [MatchCase] = []
    while isName("case") {
      let caseToken = try advance()
      let pattern = try parsePatterns()
      var guardExpr: Expr?
      if try accept(.kwIf) { guardExpr = try parseNamedExpression() }
      let body = try parseBlock(after: "'case' statement", line: caseToken.line)
      cases.append(MatchCase(pattern: pattern, guardExpr: guardExpr, body: body))
    }
    if cases.isEmpty { throw invalidSyntax() }
    if kind != .dedent && kind != .endMarker { throw invalidSyntax() }
    _ = try accept(.dedent)
    return Stmt(.match(subject: subject, cases: cases), range(from: start))
  }

  /// `open_sequence_pattern | pattern`: `case a, *b:` is a sequence without brackets.
  mutating func parsePatterns() throws(PythonSyntaxError) -> Pattern {
    let start = token
    let first = try parseMaybeStarPattern()
    guard kind == .comma else {
      if case .matchStar = first.kind { return Pattern(.matchSequence(patterns: [first]), range(from: start)) }
      return first
    }
    var patterns = [first]
    while try accept(.comma) {
      if kind == .colon || kind == .kwIf { break }
      patterns.append(try parseMaybeStarPattern())
    }
    return Pattern(.matchSequence(patterns: patterns), range(from: start))
  }

  mutating func parseMaybeStarPattern() throws(PythonSyntaxError) -> Pattern {
    if kind == .star {
      let start = try advance()
      let name = text(try expect(.name))
      return Pattern(.matchStar(name: name == "_" ? nil : name), range(from: start))
    }
    return try parsePattern()
  }

  /// `or_pattern 'as' NAME | or_pattern`.
  mutating func parsePattern() throws(PythonSyntaxError) -> Pattern {
    try enter()
    defer { leave() }
    let start = token
    let pattern = try parseOrPattern()
    if try accept(.kwAs) {
      let nameToken = try expect(.name)
      let name = text(nameToken)
      if name == "_" { throw error("cannot use '_' as a target", at: nameToken) }
      return Pattern(.matchAs(pattern: pattern, name: name), range(from: start))
    }
    return pattern
  }

  mutating func parseOrPattern() throws(PythonSyntaxError) -> Pattern {
    let start = token
    let first = try parseClosedPattern()
    guard kind == .vbar else { return first }
    var patterns = [first]
    while try accept(.vbar) { patterns.append(try parseClosedPattern()) }
    return Pattern(.matchOr(patterns: patterns), range(from: start))
  }

  /// Literals, captures, `_`, dotted values, groups, sequences, mappings and class patterns.
  mutating func parseClosedPattern() throws(PythonSyntaxError) -> Pattern {
    let start = token
    switch kind {
    case .kwNone:
      _ = try advance()
      return Pattern(.matchSingleton(value: .none), range(from: start))
    case .kwTrue, .kwFalse:
      _ = try advance()
      return Pattern(.matchSingleton(value: .bool(start.kind == .kwTrue)), range(from: start))
    case .number, .minus, .string:
      let value = try parseLiteralPatternValue()
      return Pattern(.matchValue(value: value), range(from: start))
    case .name:
      _ = try advance()
      var nameExpr = Expr(.name(id: text(start), ctx: .load), range(from: start))
      var dotted = false
      while try accept(.dot) {
        let attr = text(try expect(.name))
        nameExpr = Expr(.attribute(value: nameExpr, attr: attr, ctx: .load), range(from: start))
        dotted = true
      }
      if kind == .lpar { return try parseClassPattern(nameExpr, start: start) }
      if dotted { return Pattern(.matchValue(value: nameExpr), range(from: start)) }
      let name = text(start)
      return Pattern(.matchAs(pattern: nil, name: name == "_" ? nil : name), range(from: start))
    case .lpar, .lsqb:
      let open = try advance()
      let close: TokenKind = open.kind == .lpar ? .rpar : .rsqb
      if try accept(close) { return Pattern(.matchSequence(patterns: []), range(from: start)) }
      let first = try parseMaybeStarPattern()
      if open.kind == .lpar, try accept(.rpar) {
        if case .matchStar = first.kind { return Pattern(.matchSequence(patterns: [first]), range(from: start)) }
        return first
      }
      var patterns = [first]
      while try accept(.comma) {
        if kind == close { break }
        patterns.append(try parseMaybeStarPattern())
      }
      try expect(close)
      return Pattern(.matchSequence(patterns: patterns), range(from: start))
    case .lbrace:
      return try parseMappingPattern()
    default:
      throw invalidSyntax()
    }
  }

  /// A literal in a pattern: numbers (signed, and `a + bj`), strings, or a dotted value as a key.
  mutating func parseLiteralPatternValue() throws(PythonSyntaxError) -> Expr {
    let start = token
    if kind == .string {
      return try parseStrings()
    }
    if kind == .kwNone || kind == .kwTrue || kind == .kwFalse {
      return try parseAtom()
    }
    if kind == .name {
      var expr = try parseAtom()
      guard kind == .dot else { throw invalidSyntax() }
      while try accept(.dot) {
        let attr = text(try expect(.name))
        expr = Expr(.attribute(value: expr, attr: attr, ctx: .load), range(from: start))
      }
      return expr
    }
    var value: Expr
    if try accept(.minus) {
      let number = try expect(.number)
      let operand = Expr(.constant(value: try numberConstant(number), kind: nil), range(from: number))
      value = Expr(.unaryOp(op: .uSub, operand: operand), range(from: start))
    } else {
      let number = try expect(.number)
      value = Expr(.constant(value: try numberConstant(number), kind: nil), range(from: number))
    }
    if kind == .plus || kind == .minus {
      let op: BinaryOperator = try advance().kind == .plus ? .add : .sub
      let number = try expect(.number)
      let imag = Expr(.constant(value: try numberConstant(number), kind: nil), range(from: number))
      value = Expr(.binOp(left: value, op: op, right: imag), range(from: start))
    }
    return value
  }

  /// `Name(positional, keyword=pattern)`.
  mutating func parseClassPattern(_ cls: Expr, start: Token) throws(PythonSyntaxError) -> Pattern {
    try expect(.lpar)
    var patterns: [Pattern] = []
    var kwdAttrs: [String] = []
    var kwdPatterns: [Pattern] = []
    while kind != .rpar {
      if kind == .name && kind(at: 1) == .equal {
        kwdAttrs.append(text(try advance()))
        _ = try advance()
        kwdPatterns.append(try parsePattern())
      } else {
        let p = try parsePattern()
        if !kwdAttrs.isEmpty { throw error("positional patterns follow keyword patterns", at: p.range.start) }
        patterns.append(p)
      }
      if try !accept(.comma) { break }
    }
    try expect(.rpar)
    return Pattern(
      .matchClass(cls: cls, patterns: patterns, kwdAttrs: kwdAttrs, kwdPatterns: kwdPatterns), range(from: start))
  }

  /// `{key: pattern, **rest}`.
  mutating func parseMappingPattern() throws(PythonSyntaxError) -> Pattern {
    let start = try advance()
    var keys: [Expr] = []
    var patterns: [Pattern] = []
    var rest: String?
    while kind != .rbrace {
      if try accept(.doubleStar) {
        rest = text(try expect(.name))
        _ = try accept(.comma)
        break
      }
      keys.append(try parseLiteralPatternValue())
      try expect(.colon)
      patterns.append(try parsePattern())
      if try !accept(.comma) { break }
    }
    try expect(.rbrace)
    return Pattern(.matchMapping(keys: keys, patterns: patterns, rest: rest), range(from: start))
  }
}
