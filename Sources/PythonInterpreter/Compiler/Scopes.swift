import PythonSyntax

/// The symbol table: which names of each scope are local, cells, free, or global.
final class Scope {
  enum Kind { case module, function, classBody }
  let kind: Kind
  let name: String
  weak var parent: Scope?
  var children: [String: Scope] = [:]
  var params: [String] = []
  var assigned: Set<String> = []
  /// How many times each name is read in this scope (its keys: the names read).
  var useCounts: [String: Int] = [:]
  var declaredGlobal: Set<String> = []
  var declaredNonlocal: Set<String> = []
  var isGenerator = false
  var isAsync = false
  var usesSuper = false
  var isComprehension = false

  // Results.
  var locals: [String] = [] { didSet { localIndex = Dictionary(locals.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a }) } }
  /// Where each of ``locals`` is.
  private(set) var localIndex: [String: Int] = [:]
  var cells: [String] = []
  var frees: [String] = []

  init(_ kind: Kind, name: String, parent: Scope?) {
    self.kind = kind
    self.name = name
    self.parent = parent
  }

  func isLocal(_ n: String) -> Bool {
    kind == .function && (assigned.contains(n) || params.contains(n)) && !declaredGlobal.contains(n) && !declaredNonlocal.contains(n)
  }

  /// How the code of this scope reaches a name.
  enum Access { case fast(Int), deref(Int), global, name, classDeref(Int) }

  func access(_ n: String) -> Access {
    if let i = cells.firstIndex(of: n) {
      if kind == .classBody { return n == "__class__" ? .deref(i) : .name }
      return .deref(i)
    }
    if let i = frees.firstIndex(of: n) {
      if kind == .classBody {
        return assigned.contains(n) ? .name : .classDeref(cells.count + i)
      }
      return .deref(cells.count + i)
    }
    switch kind {
    case .module: return .global
    case .classBody: return declaredGlobal.contains(n) ? .global : .name
    case .function:
      if let i = localIndex[n] { return .fast(i) }
      return .global
    }
  }
}

/// Builds the scopes of a module: a first pass over the syntax tree, as CPython's `symtable`.
struct ScopeBuilder {
  static func key(_ r: SourceRange, _ tag: String) -> String { "\(r.start.line):\(r.start.column):\(tag)" }

  var current: Scope

  static func build(_ module: Module) -> Scope {
    let top = Scope(.module, name: "<module>", parent: nil)
    var b = ScopeBuilder(current: top)
    for s in module.body { b.stmt(s) }
    resolve(top)
    return top
  }

  mutating func enter(_ kind: Scope.Kind, _ name: String, key: String, _ body: (inout ScopeBuilder) -> Void) {
    let s = Scope(kind, name: name, parent: current)
    current.children[key] = s
    let saved = current
    current = s
    body(&self)
    current = saved
  }

  mutating func assign(_ n: String) { current.assigned.insert(n) }
  mutating func use(_ n: String) {
    current.useCounts[n, default: 0] += 1
  }

  mutating func arguments(_ a: Arguments) {
    for x in a.posonlyargs + a.args { current.params.append(x.arg) }
    for x in a.kwonlyargs { current.params.append(x.arg) }
    if let v = a.vararg { current.params.append(v.arg) }
    if let k = a.kwarg { current.params.append(k.arg) }
  }

  /// Defaults and annotations are evaluated in the enclosing scope.
  mutating func argumentOuterParts(_ a: Arguments, annotations: Bool) {
    for d in a.defaults { expr(d) }
    for d in a.kwDefaults { if let d { expr(d) } }
    if annotations {
      for x in a.posonlyargs + a.args + a.kwonlyargs { if let an = x.annotation { expr(an) } }
      if let an = a.vararg?.annotation { expr(an) }
      if let an = a.kwarg?.annotation { expr(an) }
    }
  }

  mutating func function(_ f: FunctionDef, isAsync: Bool, range: SourceRange) {
    for d in f.decoratorList { expr(d) }
    argumentOuterParts(f.args, annotations: true)
    if let r = f.returns { expr(r) }
    assign(f.name)
    enter(.function, f.name, key: ScopeBuilder.key(range, "def")) { b in
      b.current.isAsync = isAsync
      b.arguments(f.args)
      for s in f.body { b.stmt(s) }
    }
  }

  mutating func stmts(_ body: [Stmt]) { for s in body { stmt(s) } }

  mutating func stmt(_ s: Stmt) {
    switch s.kind {
    case .functionDef(let f): function(f, isAsync: false, range: s.range)
    case .asyncFunctionDef(let f): function(f, isAsync: true, range: s.range)
    case .classDef(let c):
      for d in c.decoratorList { expr(d) }
      for b in c.bases { expr(b) }
      for k in c.keywords { expr(k.value) }
      assign(c.name)
      enter(.classBody, c.name, key: ScopeBuilder.key(s.range, "class")) { b in
        for s in c.body { b.stmt(s) }
      }
    case .return(let v): if let v { expr(v) }
    case .delete(let ts): for t in ts { target(t) }
    case .assign(let ts, let v):
      expr(v)
      for t in ts { target(t) }
    case .typeAlias(let n, _, let v):
      target(n)
      expr(v)
    case .augAssign(let t, _, let v):
      expr(v)
      if case .name(let id, _) = t.kind { use(id) }
      target(t)
    case .annAssign(let t, let an, let v, let simple):
      if let v { expr(v) }
      if simple, current.kind != .function { expr(an) } else if current.kind != .function { expr(an) }
      if v != nil || !simple { target(t) } else if case .name(let id, _) = t.kind, current.kind == .function {
        assign(id)
      } else {
        target(t)
      }
    case .for(let t, let it, let body, let orelse), .asyncFor(let t, let it, let body, let orelse):
      expr(it)
      target(t)
      stmts(body)
      stmts(orelse)
    case .while(let t, let body, let orelse):
      expr(t)
      stmts(body)
      stmts(orelse)
    case .if(let t, let body, let orelse):
      expr(t)
      stmts(body)
      stmts(orelse)
    case .with(let items, let body), .asyncWith(let items, let body):
      for i in items {
        expr(i.contextExpr)
        if let v = i.optionalVars { target(v) }
      }
      stmts(body)
    case .match(let subject, let cases):
      expr(subject)
      for c in cases {
        pattern(c.pattern)
        if let g = c.guardExpr { expr(g) }
        stmts(c.body)
      }
    case .raise(let e, let c):
      if let e { expr(e) }
      if let c { expr(c) }
    case .try(let body, let handlers, let orelse, let fin), .tryStar(let body, let handlers, let orelse, let fin):
      stmts(body)
      for h in handlers {
        if let t = h.type { expr(t) }
        if let n = h.name { assign(n) }
        stmts(h.body)
      }
      stmts(orelse)
      stmts(fin)
    case .assert(let t, let m):
      expr(t)
      if let m { expr(m) }
    case .import(let names):
      for a in names { assign(a.asname ?? String(a.name.split(separator: ".")[0])) }
    case .importFrom(_, let names, _):
      for a in names where a.name != "*" { assign(a.asname ?? a.name) }
    case .global(let names): for n in names { current.declaredGlobal.insert(n) }
    case .nonlocal(let names): for n in names { current.declaredNonlocal.insert(n) }
    case .expr(let v): expr(v)
    case .pass, .break, .continue: break
    }
  }

  mutating func pattern(_ p: Pattern) {
    switch p.kind {
    case .matchValue(let v): expr(v)
    case .matchSingleton: break
    case .matchSequence(let ps): for q in ps { pattern(q) }
    case .matchMapping(let keys, let ps, let rest):
      for k in keys { expr(k) }
      for q in ps { pattern(q) }
      if let rest { assign(rest) }
    case .matchClass(let cls, let ps, _, let kps):
      expr(cls)
      for q in ps + kps { pattern(q) }
    case .matchStar(let n): if let n { assign(n) }
    case .matchAs(let q, let n):
      if let q { pattern(q) }
      if let n { assign(n) }
    case .matchOr(let ps): for q in ps { pattern(q) }
    }
  }

  mutating func target(_ t: Expr) {
    switch t.kind {
    case .name(let id, _): assign(id)
    case .tuple(let es, _), .list(let es, _): for e in es { target(e) }
    case .starred(let v, _): target(v)
    case .attribute(let v, _, _): expr(v)
    case .subscript(let v, let s, _):
      expr(v)
      expr(s)
    default: expr(t)
    }
  }

  mutating func comprehension(_ gens: [Comprehension], range: SourceRange, tag: String, parts: [Expr]) {
    // The first iterable is evaluated outside.
    expr(gens[0].iter)
    enter(.function, tag, key: ScopeBuilder.key(range, tag)) { b in
      b.current.isComprehension = true
      b.current.params = [".0"]
      for (i, g) in gens.enumerated() {
        if i > 0 { b.expr(g.iter) }
        b.target(g.target)
        for c in g.ifs { b.expr(c) }
        if g.isAsync { b.current.isAsync = true }
      }
      for p in parts { b.expr(p) }
      if tag == "<genexpr>" { b.current.isGenerator = true }
    }
  }

  mutating func expr(_ e: Expr) {
    switch e.kind {
    case .boolOp(_, let vs): for v in vs { expr(v) }
    case .namedExpr(let t, let v):
      expr(v)
      if case .name(let id, _) = t.kind {
        // In a comprehension, the name binds in the enclosing function.
        var s: Scope? = current
        while let sc = s, sc.isComprehension { s = sc.parent }
        if let s, s !== current {
          current.declaredNonlocal.insert(id)
          if s.kind == .module { current.declaredNonlocal.remove(id); current.declaredGlobal.insert(id) }
          s.assigned.insert(id)
        } else {
          assign(id)
        }
      }
    case .binOp(let l, _, let r):
      expr(l)
      expr(r)
    case .unaryOp(_, let o): expr(o)
    case .lambda(let args, let body):
      argumentOuterParts(args, annotations: false)
      enter(.function, "<lambda>", key: ScopeBuilder.key(e.range, "lambda")) { b in
        b.arguments(args)
        b.expr(body)
      }
    case .ifExp(let t, let b, let o):
      expr(t)
      expr(b)
      expr(o)
    case .dict(let ks, let vs):
      for k in ks { if let k { expr(k) } }
      for v in vs { expr(v) }
    case .set(let es): for x in es { expr(x) }
    case .listComp(let elt, let gens): comprehension(gens, range: e.range, tag: "<listcomp>", parts: [elt])
    case .setComp(let elt, let gens): comprehension(gens, range: e.range, tag: "<setcomp>", parts: [elt])
    case .dictComp(let k, let v, let gens): comprehension(gens, range: e.range, tag: "<dictcomp>", parts: [k, v])
    case .generatorExp(let elt, let gens): comprehension(gens, range: e.range, tag: "<genexpr>", parts: [elt])
    case .await(let v):
      current.isAsync = current.isAsync || current.isComprehension
      expr(v)
    case .yield(let v):
      current.isGenerator = true
      if let v { expr(v) }
    case .yieldFrom(let v):
      current.isGenerator = true
      expr(v)
    case .compare(let l, _, let cs):
      expr(l)
      for c in cs { expr(c) }
    case .call(let f, let args, let kws):
      expr(f)
      for a in args { expr(a) }
      for k in kws { expr(k.value) }
    case .formattedValue(let v, _, let spec):
      expr(v)
      if let spec { expr(spec) }
    case .joinedStr(let vs): for v in vs { expr(v) }
    case .constant: break
    case .attribute(let v, _, _): expr(v)
    case .subscript(let v, let s, _):
      expr(v)
      expr(s)
    case .starred(let v, _): expr(v)
    case .name(let id, let ctx):
      if ctx == .load {
        use(id)
        if id == "super" { current.usesSuper = true }
      } else {
        assign(id)
      }
    case .list(let es, _), .tuple(let es, _): for x in es { expr(x) }
    case .slice(let a, let b, let c):
      if let a { expr(a) }
      if let b { expr(b) }
      if let c { expr(c) }
    }
  }

  // MARK: Resolution

  /// Decides local, cell and free names for every scope, innermost first.
  static func resolve(_ s: Scope) {
    if s.kind == .function {
      var locals: [String] = []
      var seen = Set<String>()
      for p in s.params where seen.insert(p).inserted { locals.append(p) }
      for n in s.assigned.sorted() where !seen.contains(n) && !s.declaredGlobal.contains(n) && !s.declaredNonlocal.contains(n) {
        seen.insert(n)
        locals.append(n)
      }
      s.locals = locals
    }
    if s.usesSuper, s.kind == .function, enclosingClass(of: s) != nil {
      s.useCounts["__class__", default: 0] += 0
    }
    for c in s.children.values.sorted(by: { $0.name < $1.name }) { resolve(c) }
    // Names this scope needs from outside: its own free uses, and its children's.
    var wanted = s.declaredNonlocal.union(s.useCounts.keys)
    for c in s.children.values { wanted.formUnion(c.frees) }
    var frees: [String] = []
    for n in wanted.sorted() {
      if s.kind == .function, s.isLocal(n) { continue }
      if s.declaredGlobal.contains(n) { continue }
      if s.kind == .classBody, s.assigned.contains(n), !s.children.values.contains(where: { $0.frees.contains(n) }) { continue }
      if n == "__class__", s.kind == .classBody { continue }
      if definedInEnclosingFunction(n, from: s) { frees.append(n) }
    }
    s.frees = frees
    // Cells: own locals that a child needs.
    var cells: [String] = []
    for c in s.children.values.sorted(by: { $0.name < $1.name }) {
      for n in c.frees where !cells.contains(n) {
        if s.kind == .function, s.isLocal(n) { cells.append(n) }
        if s.kind == .classBody, n == "__class__" { cells.append(n) }
      }
    }
    s.cells = cells.sorted()
  }

  static func enclosingClass(of s: Scope) -> Scope? {
    var p = s.parent
    while let q = p {
      if q.kind == .classBody { return q }
      if q.kind == .module { return nil }
      p = q.parent
    }
    return nil
  }

  static func definedInEnclosingFunction(_ n: String, from s: Scope) -> Bool {
    var p = s.parent
    while let q = p {
      if q.kind == .function {
        if q.isLocal(n) { return true }
        if q.declaredNonlocal.contains(n) { return true }
        if q.declaredGlobal.contains(n) { return false }
      }
      if q.kind == .classBody, n == "__class__" { return true }
      if q.kind == .module { return false }
      p = q.parent
    }
    return false
  }
}
