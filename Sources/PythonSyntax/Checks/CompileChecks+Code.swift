/// The code generator's checks, in source order: what may appear where.
struct CodePass {
  let checks: CompileChecks
  /// The innermost function-like block: `nil` at module level or in a class body.
  var function: (isAsync: Bool, isLambda: Bool, isAsyncGenerator: Bool)?
  var inClass = false
  var loops = 0
  /// Inside a list, set or dict comprehension (not a generator expression), and where it starts.
  var comprehension: SourceLocation?

  init(checks: CompileChecks) {
    self.checks = checks
  }

  mutating func body(_ statements: [Stmt]) throws(PythonSyntaxError) {
    for s in statements { try stmt(s) }
  }

  mutating func stmt(_ s: Stmt) throws(PythonSyntaxError) {
    let at = s.range.start
    switch s.kind {
    case .functionDef(let f), .asyncFunctionDef(let f):
      for d in f.decoratorList { try expr(d) }
      try arguments(f.args)
      if let r = f.returns { try expr(r) }
      var inner = self
      let isAsync: Bool
      if case .asyncFunctionDef = s.kind { isAsync = true } else { isAsync = false }
      inner.function = (isAsync, false, isAsync && CodePass.containsYield(f.body))
      inner.inClass = false
      inner.loops = 0
      inner.comprehension = nil
      try inner.body(f.body)
    case .classDef(let c):
      for d in c.decoratorList { try expr(d) }
      for b in c.bases { try expr(b) }
      try keywords(c.keywords)
      var inner = self
      inner.function = nil
      inner.inClass = true
      inner.loops = 0
      inner.comprehension = nil
      try inner.body(c.body)
    case .return(let value):
      guard let function, !function.isLambda else { throw checks.error("'return' outside function", at: at) }
      if function.isAsyncGenerator && value != nil {
        throw checks.error("'return' with value in async generator", at: at)
      }
      if let value { try expr(value) }
    case .delete(let targets):
      for t in targets { try expr(t) }
    case .assign(let targets, let value):
      try notStarred(value)
      try expr(value)
      for t in targets { try target(t) }
    case .typeAlias(_, _, let value):
      try expr(value)
    case .augAssign(let t, _, let value):
      try notStarred(value)
      try expr(value)
      try expr(t)
    case .annAssign(let t, let annotation, let value, _):
      if let value {
        try notStarred(value)
        try expr(value)
      }
      try target(t)
      try expr(annotation)
    case .for(let t, let iter, let b, let orelse), .asyncFor(let t, let iter, let b, let orelse):
      if case .asyncFor = s.kind, function?.isAsync != true {
        throw checks.error("'async for' outside async function", at: at)
      }
      try expr(iter)
      try target(t)
      loops += 1
      try body(b)
      loops -= 1
      try body(orelse)
    case .while(let test, let b, let orelse):
      try expr(test)
      loops += 1
      try body(b)
      loops -= 1
      try body(orelse)
    case .if(let test, let b, let orelse):
      try expr(test)
      try body(b)
      try body(orelse)
    case .with(let items, let b), .asyncWith(let items, let b):
      if case .asyncWith = s.kind, function?.isAsync != true {
        throw checks.error("'async with' outside async function", at: at)
      }
      for item in items {
        try expr(item.contextExpr)
        if let v = item.optionalVars { try target(v) }
      }
      try body(b)
    case .match(let subject, let cases):
      try expr(subject)
      for (i, c) in cases.enumerated() {
        try alternatives(c.pattern)
        if i < cases.count - 1 && c.guardExpr == nil, let message = CodePass.irrefutable(c.pattern) {
          throw checks.error(message, at: c.pattern.range.start)
        }
        if let g = c.guardExpr { try expr(g) }
        try body(c.body)
      }
    case .raise(let exc, let cause):
      if let exc { try expr(exc) }
      if let cause { try expr(cause) }
    case .try(let b, let handlers, let orelse, let finalbody), .tryStar(let b, let handlers, let orelse, let finalbody):
      try body(b)
      for h in handlers {
        if let t = h.type { try expr(t) }
        try body(h.body)
      }
      try body(orelse)
      try body(finalbody)
    case .assert(let test, let msg):
      try expr(test)
      if let msg { try expr(msg) }
    case .expr(let value):
      try notStarred(value)
      try expr(value)
    case .break:
      if loops == 0 { throw checks.error("'break' outside loop", at: at) }
    case .continue:
      if loops == 0 { throw checks.error("'continue' not properly in loop", at: at) }
    case .import, .importFrom, .global, .nonlocal, .pass:
      break
    }
  }

  func notStarred(_ value: Expr) throws(PythonSyntaxError) {
    if case .starred = value.kind { throw checks.error("can't use starred expression here", at: value.range.start) }
  }

  /// An assignment target: a starred target must sit in a list or tuple, and only one per level.
  mutating func target(_ t: Expr) throws(PythonSyntaxError) {
    switch t.kind {
    case .starred:
      throw checks.error("starred assignment target must be in a list or tuple", at: t.range.start)
    case .tuple(let elts, _), .list(let elts, _):
      var sawStar = false
      for e in elts {
        if case .starred(let inner, _) = e.kind {
          if sawStar { throw checks.error("multiple starred expressions in assignment", at: t.range.start) }
          sawStar = true
          try target(inner)
        } else {
          try target(e)
        }
      }
    default:
      try expr(t)
    }
  }

  mutating func arguments(_ a: Arguments) throws(PythonSyntaxError) {
    for d in a.defaults { try expr(d) }
    for case let d? in a.kwDefaults { try expr(d) }
    for arg in a.posonlyargs + a.args + a.kwonlyargs + [a.vararg, a.kwarg].compactMap({ $0 }) {
      if let annotation = arg.annotation { try expr(annotation) }
    }
  }

  func keywords(_ keywords: [Keyword]) throws(PythonSyntaxError) {
    var seen: Set<String> = []
    for k in keywords {
      guard let name = k.arg else { continue }
      if !seen.insert(name).inserted { throw checks.error("keyword argument repeated: \(name)", at: k.range.start) }
    }
  }

  mutating func expr(_ e: Expr) throws(PythonSyntaxError) {
    switch e.kind {
    case .await(let value):
      if let comprehension, function?.isAsync != true {
        throw checks.error("asynchronous comprehension outside of an asynchronous function", at: comprehension)
      }
      guard let function else {
        if comprehension == nil && !inGenerator { throw checks.error("'await' outside function", at: e.range.start) }
        return try expr(value)
      }
      if !function.isAsync && !inGenerator { throw checks.error("'await' outside async function", at: e.range.start) }
      try expr(value)
    case .yield, .yieldFrom:
      guard let function else { throw checks.error("'yield' outside function", at: e.range.start) }
      if case .yieldFrom = e.kind, function.isAsync {
        throw checks.error("'yield from' inside async function", at: e.range.start)
      }
      for child in e.children { try expr(child) }
    case .lambda(let args, let body):
      try arguments(args)
      var inner = self
      inner.function = (false, true, false)
      inner.comprehension = nil
      inner.inGenerator = false
      try inner.expr(body)
    case .listComp(let elt, let generators), .setComp(let elt, let generators):
      try comprehension([elt], generators, at: e.range.start, isGenerator: false)
    case .dictComp(let k, let v, let generators):
      try comprehension([k, v], generators, at: e.range.start, isGenerator: false)
    case .generatorExp(let elt, let generators):
      try comprehension([elt], generators, at: e.range.start, isGenerator: true)
    case .call(let f, let args, let kws):
      try expr(f)
      for a in args { try expr(a) }
      try keywords(kws)
      for k in kws { try expr(k.value) }
    default:
      for child in e.children { try expr(child) }
    }
  }

  /// Inside a generator expression, where `await` and `async for` make an asynchronous generator.
  var inGenerator = false

  mutating func comprehension(
    _ elts: [Expr], _ generators: [Comprehension], at start: SourceLocation, isGenerator: Bool
  ) throws(PythonSyntaxError) {
    try expr(generators[0].iter)
    var inner = self
    if isGenerator {
      inner.inGenerator = true
      inner.comprehension = nil
    } else {
      inner.inGenerator = false
      inner.comprehension = start
    }
    for (i, g) in generators.enumerated() {
      if g.isAsync && !isGenerator && function?.isAsync != true {
        throw checks.error("asynchronous comprehension outside of an asynchronous function", at: start)
      }
      if i > 0 { try inner.expr(g.iter) }
      try inner.target(g.target)
      for c in g.ifs { try inner.expr(c) }
    }
    for elt in elts { try inner.expr(elt) }
  }

  /// An alternative of an or-pattern that matches everything must be the last one.
  func alternatives(_ p: Pattern) throws(PythonSyntaxError) {
    switch p.kind {
    case .matchOr(let patterns):
      for (i, x) in patterns.enumerated() {
        if i < patterns.count - 1, let message = CodePass.irrefutable(x) {
          throw checks.error(message, at: x.range.start)
        }
        try alternatives(x)
      }
    case .matchSequence(let patterns): for x in patterns { try alternatives(x) }
    case .matchMapping(_, let patterns, _): for x in patterns { try alternatives(x) }
    case .matchClass(_, let patterns, _, let kwdPatterns): for x in patterns + kwdPatterns { try alternatives(x) }
    case .matchAs(let inner?, _): try alternatives(inner)
    default: break
    }
  }

  /// The message for a `case` pattern that matches everything, or `nil`.
  static func irrefutable(_ p: Pattern) -> String? {
    switch p.kind {
    case .matchAs(nil, let name):
      return name.map { "name capture '\($0)' makes remaining patterns unreachable" }
        ?? "wildcard makes remaining patterns unreachable"
    case .matchAs(let inner?, _):
      return irrefutable(inner)
    case .matchOr(let patterns):
      for x in patterns { if let message = irrefutable(x) { return message } }
      return nil
    default:
      return nil
    }
  }

  /// Whether a function body yields (not counting nested functions, classes and lambdas).
  static func containsYield(_ body: [Stmt]) -> Bool {
    var finder = YieldFinder()
    for s in body { finder.stmt(s) }
    return finder.found
  }
}

/// Looks for `yield` in one function's own code.
struct YieldFinder {
  var found = false

  mutating func stmt(_ s: Stmt) {
    switch s.kind {
    case .functionDef, .asyncFunctionDef, .classDef: return
    case .return(let v): if let v { expr(v) }
    case .expr(let v): expr(v)
    case .assign(let ts, let v):
      for x in ts { expr(x) }
      expr(v)
    case .augAssign(let t, _, let v):
      expr(t)
      expr(v)
    case .annAssign(_, _, let v, _): if let v { expr(v) }
    case .for(_, let iter, let b, let o), .asyncFor(_, let iter, let b, let o):
      expr(iter)
      for x in b + o { stmt(x) }
    case .while(let t, let b, let o), .if(let t, let b, let o):
      expr(t)
      for x in b + o { stmt(x) }
    case .with(let items, let b), .asyncWith(let items, let b):
      for x in items { expr(x.contextExpr) }
      for x in b { stmt(x) }
    case .try(let b, let h, let o, let f), .tryStar(let b, let h, let o, let f):
      for x in b + o + f + h.flatMap(\.body) { stmt(x) }
    case .match(let subject, let cases):
      expr(subject)
      for x in cases.flatMap(\.body) { stmt(x) }
    case .raise(let e, let c):
      if let e { expr(e) }
      if let c { expr(c) }
    case .assert(let t, let m):
      expr(t)
      if let m { expr(m) }
    default: return
    }
  }

  mutating func expr(_ e: Expr) {
    if found { return }
    switch e.kind {
    case .yield, .yieldFrom: found = true
    case .lambda, .listComp, .setComp, .dictComp, .generatorExp: return
    default: for x in e.children { expr(x) }
    }
  }
}
