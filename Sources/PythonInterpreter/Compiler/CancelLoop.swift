import PythonSyntax

/// `for t in pending: t.cancel()`, where `pending` may be a set whose order CPython does not fix
/// (`asyncio.wait`'s): the loop cancels every task whatever the order, and the model follows what
/// the tasks do next as it follows a TaskGroup's abort. What the order still decides is the value
/// `t` keeps after the loop (the set's last task): the loop is order-free only when nothing reads
/// that value, that is when every other read of `t` in the function comes after a `for` of its own
/// has bound `t` again.
extension Compiler {
  func isCancelLoop(_ target: Expr, _ body: [Stmt], _ orelse: [Stmt], at loop: SourceRange) -> Bool {
    guard case .name(let n, _) = target.kind, orelse.isEmpty, body.count == 1, case .expr(let e) = body[0].kind,
      case .call(let f, let args, let keywords) = e.kind, args.isEmpty, keywords.isEmpty,
      case .attribute(let receiver, "cancel", _) = f.kind, case .name(n, _) = receiver.kind,
      scope.kind == .function, case .fast = scope.access(n)
    else { return false }
    if scope.useCounts[n] == 1 { return true }
    var reads = RebindingReads(name: n, cancelLoop: loop)
    return reads.allRebound(functionBody)
  }
}

/// Walks a function's body for reads of `name` outside the cancel loop, each of which must be in
/// the body of another `for` that binds `name` (and does not hold the cancel loop).
struct RebindingReads {
  let name: String
  let cancelLoop: SourceRange
  /// Whether the walk is inside such a `for`.
  private var rebound = false

  init(name: String, cancelLoop: SourceRange) {
    self.name = name
    self.cancelLoop = cancelLoop
  }

  mutating func allRebound(_ body: [Stmt]) -> Bool { body.allSatisfy { statement($0) } }

  private func holdsCancelLoop(_ range: SourceRange) -> Bool {
    range.start <= cancelLoop.start && cancelLoop.end <= range.end
  }

  private func binds(_ target: Expr) -> Bool {
    switch target.kind {
    case .name(let id, _): id == name
    case .tuple(let elts, _), .list(let elts, _): elts.contains(where: binds)
    case .starred(let value, _): binds(value)
    default: false
    }
  }

  private mutating func statement(_ s: Stmt) -> Bool {
    switch s.kind {
    case .functionDef(let f), .asyncFunctionDef(let f):
      return expressions(f.decoratorList + f.args.defaults + f.args.kwDefaults.compactMap { $0 })
    case .classDef(let c): return expressions(c.decoratorList + c.bases + c.keywords.map(\.value))
    case .for(let target, let iter, let body, let orelse), .asyncFor(let target, let iter, let body, let orelse):
      if s.range == cancelLoop { return true }
      guard expression(iter), expression(target) else { return false }
      let saved = rebound
      if binds(target) && !holdsCancelLoop(s.range) { rebound = true }
      let inBody = allRebound(body)
      rebound = saved
      return inBody && allRebound(orelse)
    case .while(let test, let body, let orelse), .if(let test, let body, let orelse):
      return expression(test) && allRebound(body) && allRebound(orelse)
    case .with(let items, let body), .asyncWith(let items, let body):
      return expressions(items.flatMap { [$0.contextExpr] + ($0.optionalVars.map { [$0] } ?? []) }) && allRebound(body)
    case .try(let body, let handlers, let orelse, let finalbody),
      .tryStar(let body, let handlers, let orelse, let finalbody):
      return allRebound(body) && handlers.allSatisfy { expressions($0.type.map { [$0] } ?? []) && allRebound($0.body) }
        && allRebound(orelse) && allRebound(finalbody)
    case .match: return false  // patterns read names too: not followed here
    case .return(let value): return expressions(value.map { [$0] } ?? [])
    case .delete(let targets): return expressions(targets)
    case .assign(let targets, let value): return expressions(targets + [value])
    case .typeAlias(_, _, let value): return expression(value)
    case .augAssign(let target, _, let value):
      if case .name(name, _) = target.kind, !rebound { return false }
      return expressions([target, value])
    case .annAssign(let target, let annotation, let value, _):
      return expressions([target, annotation] + (value.map { [$0] } ?? []))
    case .raise(let exc, let cause): return expressions([exc, cause].compactMap { $0 })
    case .assert(let test, let msg): return expressions([test] + (msg.map { [$0] } ?? []))
    case .expr(let value): return expression(value)
    case .import, .importFrom, .global, .nonlocal, .pass, .break, .continue: return true
    }
  }

  private mutating func expressions(_ es: [Expr]) -> Bool { es.allSatisfy { expression($0) } }

  private mutating func expression(_ e: Expr) -> Bool {
    switch e.kind {
    case .name(let id, let ctx): return id != name || ctx != .load || rebound
    // The first iterable of a comprehension is read here; the rest is the comprehension's own scope.
    case .listComp(_, let generators), .setComp(_, let generators), .dictComp(_, _, let generators),
      .generatorExp(_, let generators):
      return generators.first.map { expression($0.iter) } ?? true
    case .lambda(let args, _): return expressions(args.defaults + args.kwDefaults.compactMap { $0 })
    default: return expressions(e.children)
    }
  }
}

extension Compiler {
  /// `await asyncio.gather(*name, return_exceptions=True)` (or `gather` imported by name) as a
  /// statement of its own: its value is not used, and it raises nothing the tasks raise.
  func isDiscardedGather(_ e: Expr) -> Bool {
    guard case .await(let call) = e.kind, case .call(let f, let args, let keywords) = call.kind, args.count == 1,
      case .starred(let value, _) = args[0].kind, case .name = value.kind, keywords.count == 1,
      keywords[0].arg == "return_exceptions", case .constant(.bool(true), _) = keywords[0].value.kind
    else { return false }
    switch f.kind {
    case .attribute(let module, "gather", _):
      if case .name("asyncio", _) = module.kind { return true }
      return false
    case .name("gather", _): return true
    default: return false
    }
  }
}
