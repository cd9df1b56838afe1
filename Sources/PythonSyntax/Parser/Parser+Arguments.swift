import AsyncioModel

extension Parser {
  /// A call's arguments up to (not including) `)`: positional, `*iterable`, `name=value`, `**mapping`,
  /// or a lone generator expression without its own parentheses.
  mutating func parseCallArguments() throws(PythonSyntaxError) -> ([Expr], [Keyword]) {
    var args: [Expr] = []
    var keywords: [Keyword] = []
    var sawKeywordUnpacking = false
    // CPython reports a positional argument after keywords at the call's closing parenthesis.
    var misplaced: String?
    let argumentsStart = index
    while kind != .rpar {
      let start = token
      if kind == .star {
        _ = try advance()
        if kind == .rpar || kind == .comma {
          throw version >= .v3_13 ? error("Invalid star expression", at: token) : invalidSyntax()
        }
        let value = try parseExpression()
        if sawKeywordUnpacking {
          throw error("iterable argument unpacking follows keyword argument unpacking", at: start)
        }
        args.append(Expr(.starred(value: value, ctx: .load), range(from: start)))
      } else if kind == .doubleStar {
        _ = try advance()
        let value = try parseExpression()
        keywords.append(Keyword(arg: nil, value: value, range: range(from: start)))
        sawKeywordUnpacking = true
      } else if kind == .name && kind(at: 1) == .equal {
        let name = text(try advance())
        _ = try advance()
        let value = try parseExpression()
        keywords.append(Keyword(arg: name, value: value, range: range(from: start)))
      } else {
        var value = try parseNamedExpression()
        if kind == .equal {
          if case .constant(let c, _) = value.kind, c == .none || c == .bool(true) || c == .bool(false) {
            throw error("cannot assign to \(Parser.expressionName(value))", at: value.range.start)
          }
          throw error("expression cannot contain assignment, perhaps you meant \"==\"?", at: value.range.start)
        }
        if kind == .kwFor || (kind == .kwAsync && kind(at: 1) == .kwFor) {
          let generators = try parseComprehensions()
          if !(args.isEmpty && keywords.isEmpty && kind == .rpar) {
            throw error("Generator expression must be parenthesized", at: start)
          }
          // The call's parentheses are the generator's own: CPython's range includes them.
          let open = lexer.tokens[argumentsStart - 1]
          value = Expr(
            .generatorExp(elt: value, generators: generators),
            SourceRange(open.startLocation, token.endLocation))
        }
        if !keywords.isEmpty && misplaced == nil {
          misplaced =
            sawKeywordUnpacking
            ? "positional argument follows keyword argument unpacking"
            : "positional argument follows keyword argument"
        }
        args.append(value)
      }
      if try !accept(.comma) {
        if kind != .rpar { throw missingCommaOrInvalid() }
        break
      }
    }
    if let misplaced { throw error(misplaced, at: token) }
    return (args, keywords)
  }

  /// Parameters up to (not including) `closing`: `)` for `def`, `:` for `lambda` (no annotations).
  mutating func parseParameters(closing: TokenKind, annotations: Bool) throws(PythonSyntaxError) -> Arguments {
    var result = Arguments()
    var sawDefault = false
    var sawStar = false
    var sawSlash = false
    func parameter(_ parser: inout Parser, starred: Bool) throws(PythonSyntaxError) -> Arg {
      let start = try parser.expect(.name)
      var annotation: Expr?
      if annotations, try parser.accept(.colon) {
        if starred && parser.kind == .star && parser.version >= .v3_11 {
          annotation = try parser.parseStarExpression()
        } else {
          annotation = try parser.parseExpression()
        }
      }
      return Arg(arg: parser.text(start), annotation: annotation, range: parser.range(from: start))
    }
    while kind != closing {
      let start = token
      switch kind {
      case .slash:
        if sawSlash { throw error("/ may appear only once", at: start) }
        if sawStar { throw error("/ must be ahead of *", at: start) }
        if result.args.isEmpty { throw error("at least one argument must precede /", at: start) }
        _ = try advance()
        sawSlash = true
        result.posonlyargs = result.args
        result.args = []
      case .star:
        if sawStar { throw error("* argument may appear only once", at: start) }
        _ = try advance()
        sawStar = true
        if kind == .comma || kind == closing {
          if kind == closing || kind(at: 1) == closing || kind(at: 1) == .doubleStar {
            throw error("named arguments must follow bare *", at: start)
          }
        } else {
          result.vararg = try parameter(&self, starred: true)
        }
      case .doubleStar:
        _ = try advance()
        result.kwarg = try parameter(&self, starred: false)
        if kind == .comma { _ = try advance() }
        if kind != closing {
          if version < .v3_11 { throw invalidSyntax() }
          throw error("arguments cannot follow var-keyword argument", at: token)
        }
        return result
      default:
        if kind == .lpar && version >= .v3_11 {
          throw error(
            annotations
              ? "Function parameters cannot be parenthesized" : "Lambda expression parameters cannot be parenthesized",
            at: token)
        }
        let arg = try parameter(&self, starred: false)
        if try accept(.equal) {
          let value = try parseExpression()
          if sawStar {
            result.kwDefaults.append(value)
          } else {
            result.defaults.append(value)
            sawDefault = true
          }
        } else if sawStar {
          result.kwDefaults.append(nil)
        } else if sawDefault {
          throw error(
            version >= .v3_12
              ? "parameter without a default follows parameter with a default"
              : "non-default argument follows default argument", at: start)
        }
        if sawStar { result.kwonlyargs.append(arg) } else { result.args.append(arg) }
      }
      if try !accept(.comma) { break }
    }
    return result
  }
}
