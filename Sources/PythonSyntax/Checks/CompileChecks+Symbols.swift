/// The symbol table's checks: declarations against bindings, scope by scope.
struct SymbolPass {
  let checks: CompileChecks

  /// One function, class, lambda, comprehension or the module.
  struct Scope {
    var isFunction: Bool
    var isModule: Bool
    var parent: Int?
    var parameters: Set<String> = []
    var bound: Set<String> = []
    var used: Set<String> = []
    /// Names declared `global`, with where (CPython points a conflict at the `global`).
    var globals: [String: SourceLocation] = [:]
    var nonlocals: [(name: String, at: SourceLocation)] = []
  }

  var scopes: [Scope] = [Scope(isFunction: false, isModule: true, parent: nil)]
  /// The kind of comprehension being visited (for `'yield' inside list comprehension`).
  var comprehension: String?

  init(checks: CompileChecks) {
    self.checks = checks
  }

  mutating func newScope(function: Bool, parent: Int) -> Int {
    scopes.append(Scope(isFunction: function, isModule: false, parent: parent))
    return scopes.count - 1
  }

  mutating func bind(_ name: String, _ scope: Int) {
    scopes[scope].bound.insert(name)
  }

  mutating func visitBody(_ body: [Stmt], scope: Int) throws(PythonSyntaxError) {
    for s in body { try visit(s, scope: scope) }
  }

  mutating func declare(_ names: [String], global: Bool, at location: SourceLocation, scope: Int)
    throws(PythonSyntaxError)
  {
    for name in names {
      let s = scopes[scope]
      if global {
        if s.parameters.contains(name) { throw checks.error("name '\(name)' is parameter and global", at: location) }
        if s.nonlocals.contains(where: { $0.name == name }) {
          throw checks.error("name '\(name)' is nonlocal and global", at: location)
        }
        if s.bound.contains(name) {
          throw checks.error("name '\(name)' is assigned to before global declaration", at: location)
        }
        if s.used.contains(name) {
          throw checks.error("name '\(name)' is used prior to global declaration", at: location)
        }
        scopes[scope].globals[name] = location
      } else {
        if s.isModule { throw checks.error("nonlocal declaration not allowed at module level", at: location) }
        if s.parameters.contains(name) { throw checks.error("name '\(name)' is parameter and nonlocal", at: location) }
        if let first = s.globals[name] { throw checks.error("name '\(name)' is nonlocal and global", at: first) }
        if s.bound.contains(name) {
          throw checks.error("name '\(name)' is assigned to before nonlocal declaration", at: location)
        }
        if s.used.contains(name) {
          throw checks.error("name '\(name)' is used prior to nonlocal declaration", at: location)
        }
        scopes[scope].nonlocals.append((name, location))
      }
    }
  }

  mutating func visit(_ s: Stmt, scope: Int) throws(PythonSyntaxError) {
    switch s.kind {
    case .functionDef(let f), .asyncFunctionDef(let f):
      for d in f.decoratorList { try expr(d, scope: scope) }
      try defaults(f.args, scope: scope)
      try annotations(f.args, returns: f.returns, scope: scope)
      bind(f.name, scope)
      let inner = newScope(function: true, parent: scope)
      try parameters(f.args, scope: inner)
      try visitBody(f.body, scope: inner)
    case .classDef(let c):
      for d in c.decoratorList { try expr(d, scope: scope) }
      for b in c.bases { try expr(b, scope: scope) }
      for k in c.keywords { try expr(k.value, scope: scope) }
      bind(c.name, scope)
      let inner = newScope(function: false, parent: scope)
      try visitBody(c.body, scope: inner)
    case .return(let value):
      if let value { try expr(value, scope: scope) }
    case .delete(let targets):
      for t in targets { try target(t, scope: scope) }
    case .assign(let targets, let value):
      try expr(value, scope: scope)
      for t in targets { try target(t, scope: scope) }
    case .typeAlias(let name, _, let value):
      try target(name, scope: scope)
      try expr(value, scope: scope)
    case .augAssign(let t, _, let value):
      try expr(value, scope: scope)
      try target(t, scope: scope)
    case .annAssign(let t, let annotation, let value, _):
      try expr(annotation, scope: scope)
      if let value { try expr(value, scope: scope) }
      try target(t, scope: scope)
    case .for(let t, let iter, let body, let orelse), .asyncFor(let t, let iter, let body, let orelse):
      try expr(iter, scope: scope)
      try target(t, scope: scope)
      try visitBody(body, scope: scope)
      try visitBody(orelse, scope: scope)
    case .while(let test, let body, let orelse), .if(let test, let body, let orelse):
      try expr(test, scope: scope)
      try visitBody(body, scope: scope)
      try visitBody(orelse, scope: scope)
    case .with(let items, let body), .asyncWith(let items, let body):
      for item in items {
        try expr(item.contextExpr, scope: scope)
        if let v = item.optionalVars { try target(v, scope: scope) }
      }
      try visitBody(body, scope: scope)
    case .match(let subject, let cases):
      try expr(subject, scope: scope)
      for c in cases {
        try pattern(c.pattern, scope: scope)
        if let g = c.guardExpr { try expr(g, scope: scope) }
        try visitBody(c.body, scope: scope)
      }
    case .raise(let exc, let cause):
      if let exc { try expr(exc, scope: scope) }
      if let cause { try expr(cause, scope: scope) }
    case .try(let body, let handlers, let orelse, let finalbody),
      .tryStar(let body, let handlers, let orelse, let finalbody):
      try visitBody(body, scope: scope)
      for h in handlers {
        if let t = h.type { try expr(t, scope: scope) }
        if let n = h.name { bind(n, scope) }
        try visitBody(h.body, scope: scope)
      }
      try visitBody(orelse, scope: scope)
      try visitBody(finalbody, scope: scope)
    case .assert(let test, let msg):
      try expr(test, scope: scope)
      if let msg { try expr(msg, scope: scope) }
    case .import(let names):
      for a in names { bind(a.asname ?? String(a.name.split(separator: ".").first ?? ""), scope) }
    case .importFrom(_, let names, _):
      for a in names where a.name != "*" { bind(a.asname ?? a.name, scope) }
      if let star = names.first(where: { $0.name == "*" }), scopes[scope].isFunction {
        throw checks.error("import * only allowed at module level", at: star.range.start)
      }
    case .global(let names):
      try declare(names, global: true, at: s.range.start, scope: scope)
    case .nonlocal(let names):
      try declare(names, global: false, at: s.range.start, scope: scope)
    case .expr(let value):
      try expr(value, scope: scope)
    case .pass, .break, .continue:
      break
    }
  }

  mutating func defaults(_ a: Arguments, scope: Int) throws(PythonSyntaxError) {
    for d in a.defaults { try expr(d, scope: scope) }
    for case let d? in a.kwDefaults { try expr(d, scope: scope) }
  }

  mutating func annotations(_ a: Arguments, returns: Expr?, scope: Int) throws(PythonSyntaxError) {
    for arg in a.posonlyargs + a.args + a.kwonlyargs + [a.vararg, a.kwarg].compactMap({ $0 }) {
      if let annotation = arg.annotation { try expr(annotation, scope: scope) }
    }
    if let returns { try expr(returns, scope: scope) }
  }

  /// Parameters, in CPython's order, each bound once.
  mutating func parameters(_ a: Arguments, scope: Int) throws(PythonSyntaxError) {
    for arg in a.posonlyargs + a.args + [a.vararg].compactMap({ $0 }) + a.kwonlyargs + [a.kwarg].compactMap({ $0 }) {
      if scopes[scope].parameters.contains(arg.arg) {
        throw checks.error("duplicate argument '\(arg.arg)' in function definition", at: arg.range.start)
      }
      scopes[scope].parameters.insert(arg.arg)
      bind(arg.arg, scope)
    }
  }

  mutating func target(_ e: Expr, scope: Int) throws(PythonSyntaxError) {
    switch e.kind {
    case .name(let id, _): bind(id, scope)
    case .tuple(let elts, _), .list(let elts, _): for x in elts { try target(x, scope: scope) }
    case .starred(let value, _): try target(value, scope: scope)
    default: try expr(e, scope: scope)
    }
  }

  mutating func pattern(_ p: Pattern, scope: Int) throws(PythonSyntaxError) {
    switch p.kind {
    case .matchValue(let value): try expr(value, scope: scope)
    case .matchSingleton: break
    case .matchSequence(let patterns), .matchOr(let patterns): for x in patterns { try pattern(x, scope: scope) }
    case .matchMapping(let keys, let patterns, let rest):
      for k in keys { try expr(k, scope: scope) }
      for x in patterns { try pattern(x, scope: scope) }
      if let rest { bind(rest, scope) }
    case .matchClass(let cls, let patterns, _, let kwdPatterns):
      try expr(cls, scope: scope)
      for x in patterns + kwdPatterns { try pattern(x, scope: scope) }
    case .matchStar(let name): if let name { bind(name, scope) }
    case .matchAs(let inner, let name):
      if let inner { try pattern(inner, scope: scope) }
      if let name { bind(name, scope) }
    }
  }

  mutating func expr(_ e: Expr, scope: Int) throws(PythonSyntaxError) {
    switch e.kind {
    case .name(let id, _):
      scopes[scope].used.insert(id)
    case .namedExpr(let t, let value):
      try expr(value, scope: scope)
      // A walrus in a comprehension binds in the enclosing function or module.
      var s = scope
      while comprehensionScopes.contains(s), let parent = scopes[s].parent { s = parent }
      try target(t, scope: s)
    case .lambda(let args, let body):
      try defaults(args, scope: scope)
      let inner = newScope(function: true, parent: scope)
      try parameters(args, scope: inner)
      let saved = comprehension
      comprehension = nil
      try expr(body, scope: inner)
      comprehension = saved
    case .listComp(let elt, let generators): try comp("list comprehension", [elt], generators, scope: scope)
    case .setComp(let elt, let generators): try comp("set comprehension", [elt], generators, scope: scope)
    case .generatorExp(let elt, let generators): try comp("generator expression", [elt], generators, scope: scope)
    case .dictComp(let k, let v, let generators): try comp("dict comprehension", [k, v], generators, scope: scope)
    case .yield, .yieldFrom:
      if let comprehension { throw checks.error("'yield' inside \(comprehension)", at: e.range.start) }
      if case .yield(let value?) = e.kind { try expr(value, scope: scope) }
      if case .yieldFrom(let value) = e.kind { try expr(value, scope: scope) }
    default:
      for child in e.children { try expr(child, scope: scope) }
    }
  }

  var comprehensionScopes: Set<Int> = []

  mutating func comp(_ kind: String, _ elts: [Expr], _ generators: [Comprehension], scope: Int)
    throws(PythonSyntaxError)
  {
    // The first iterable is evaluated in the enclosing scope.
    try expr(generators[0].iter, scope: scope)
    let inner = newScope(function: false, parent: scope)
    comprehensionScopes.insert(inner)
    let saved = comprehension
    comprehension = kind
    for (i, g) in generators.enumerated() {
      if i > 0 { try expr(g.iter, scope: inner) }
      try target(g.target, scope: inner)
      for c in g.ifs { try expr(c, scope: inner) }
    }
    for elt in elts { try expr(elt, scope: inner) }
    comprehension = saved
  }

  /// `nonlocal x` needs an `x` bound in an enclosing function (CPython's analysis, after the visit).
  func resolveNonlocals() throws(PythonSyntaxError) {
    var pending: [(name: String, at: SourceLocation)] = []
    for scope in scopes {
      for declaration in scope.nonlocals {
        var found = false
        var parent = scope.parent
        while let p = parent {
          let s = scopes[p]
          if s.isModule { break }
          if s.isFunction && !comprehensionScopes.contains(p)
            && (s.bound.contains(declaration.name) || s.nonlocals.contains(where: { $0.name == declaration.name }))
          {
            found = s.globals[declaration.name] == nil
            break
          }
          parent = s.parent
        }
        if !found { pending.append(declaration) }
      }
    }
    if let first = pending.min(by: { $0.at < $1.at }) {
      throw checks.error("no binding for nonlocal '\(first.name)' found", at: first.at)
    }
  }
}

extension Expr {
  /// The expressions directly inside this one, in evaluation order (not into lambdas' or
  /// comprehensions' own scopes: callers handle those).
  public var children: [Expr] {
    switch kind {
    case .boolOp(_, let values): values
    case .namedExpr(let target, let value): [value, target]
    case .binOp(let left, _, let right): [left, right]
    case .unaryOp(_, let operand): [operand]
    case .lambda: []
    case .ifExp(let test, let body, let orelse): [test, body, orelse]
    case .dict(let keys, let values): zip(keys, values).flatMap { [$0.0, $0.1].compactMap { $0 } }
    case .set(let elts), .list(let elts, _), .tuple(let elts, _), .joinedStr(let elts): elts
    case .listComp, .setComp, .dictComp, .generatorExp: []
    case .await(let value), .yieldFrom(let value), .starred(let value, _), .attribute(let value, _, _): [value]
    case .yield(let value): value.map { [$0] } ?? []
    case .compare(let left, _, let comparators): [left] + comparators
    case .call(let f, let args, let keywords): [f] + args + keywords.map(\.value)
    case .formattedValue(let value, _, let spec): [value] + (spec.map { [$0] } ?? [])
    case .constant, .name: []
    case .subscript(let value, let slice, _): [value, slice]
    case .slice(let lower, let upper, let step): [lower, upper, step].compactMap { $0 }
    }
  }
}
