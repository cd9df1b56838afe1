extension Parser {
  /// `star_targets` where a list of them ends at a keyword (`for a, *b in ...`): one target, or a tuple.
  mutating func parseTargetList(ctx: ExprContext) throws(PythonSyntaxError) -> Expr {
    let start = token
    let first = try parseStarTarget()
    var result = first
    if kind == .comma {
      var elts = [first]
      while try accept(.comma) {
        if !isExpressionStart(kind) || kind == .kwNot || kind == .kwLambda { break }
        elts.append(try parseStarTarget())
      }
      result = Expr(.tuple(elts: elts, ctx: .load), range(from: start))
    }
    return try toTarget(result, ctx: ctx)
  }

  /// `'*' target | target`, a target being anything up to `bitwise_or` (checked by ``toTarget``).
  mutating func parseStarTarget() throws(PythonSyntaxError) -> Expr {
    if kind == .star {
      let start = try advance()
      let value = try parseBinary(0)
      return Expr(.starred(value: value, ctx: .load), range(from: start))
    }
    return try parseBinary(0)
  }

  /// Gives an expression the context of a target (`Store` or `Del`), or fails with CPython's message.
  func toTarget(_ expr: Expr, ctx: ExprContext, assignment: Bool = false) throws(PythonSyntaxError) -> Expr {
    var result = expr
    switch expr.kind {
    case .name(let id, _):
      if id == "__debug__" { throw error("cannot assign to __debug__", at: expr.range.start) }
      result.kind = .name(id: id, ctx: ctx)
    case .attribute(let value, let attr, _):
      result.kind = .attribute(value: value, attr: attr, ctx: ctx)
    case .subscript(let value, let slice, _):
      result.kind = .subscript(value: value, slice: slice, ctx: ctx)
    case .starred(let value, _):
      if ctx == .del { throw error("cannot delete starred", at: expr.range.start) }
      result.kind = .starred(value: try toTarget(value, ctx: ctx), ctx: ctx)
    case .tuple(let elts, _):
      // The elements of a tuple without parentheses keep the assignment's hint; bracketed ones do not.
      let bare = elts.first.map { $0.range.start == expr.range.start } ?? false
      var converted: [Expr] = []
      for e in elts { converted.append(try toTarget(e, ctx: ctx, assignment: assignment && bare)) }
      result.kind = .tuple(elts: converted, ctx: ctx)
    case .list(let elts, _):
      var converted: [Expr] = []
      for e in elts { converted.append(try toTarget(e, ctx: ctx)) }
      result.kind = .list(elts: converted, ctx: ctx)
    default:
      let name = Parser.expressionName(expr)
      if ctx == .del { throw error("cannot delete \(name)", at: expr.range.start) }
      if assignment {
        switch expr.kind {
        case .constant(.none, _), .constant(.bool, _), .constant(.ellipsis, _), .namedExpr, .yield, .yieldFrom,
          .await, .lambda, .starred, .ifExp, .compare, .boolOp, .unaryOp(.not, _):
          break
        default:
          throw error("cannot assign to \(name) here. Maybe you meant '==' instead of '='?", at: expr.range.start)
        }
      }
      throw error("cannot assign to \(name)", at: expr.range.start)
    }
    return result
  }

  /// How CPython names an expression in messages (`_PyPegen_get_expr_name`).
  static func expressionName(_ expr: Expr) -> String {
    switch expr.kind {
    case .attribute: "attribute"
    case .subscript: "subscript"
    case .starred: "starred"
    case .name: "name"
    case .list: "list"
    case .tuple: "tuple"
    case .lambda: "lambda"
    case .call: "function call"
    case .boolOp, .binOp, .unaryOp: "expression"
    case .generatorExp: "generator expression"
    case .yield, .yieldFrom: "yield expression"
    case .await: "await expression"
    case .listComp: "list comprehension"
    case .setComp: "set comprehension"
    case .dictComp: "dict comprehension"
    case .dict: "dict literal"
    case .set: "set display"
    case .joinedStr, .formattedValue: "f-string expression"
    case .constant(let value, _):
      switch value {
      case .none: "None"
      case .bool(true): "True"
      case .bool(false): "False"
      case .ellipsis: "ellipsis"
      default: "literal"
      }
    case .compare: "comparison"
    case .ifExp: "conditional expression"
    case .namedExpr: "named expression"
    case .slice: "slice"
    }
  }
}
