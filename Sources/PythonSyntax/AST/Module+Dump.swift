import AsyncioModel

extension Module {
  /// The tree in exactly the text of CPython's `ast.dump(tree)` under `version` (no attributes).
  ///
  /// What changes between versions: 3.12 adds `type_params` to functions and classes; 3.13 leaves
  /// out empty lists as well as absent optional fields.
  public func dump(version: PythonVersion) -> String {
    dump(version: version, includeAttributes: false)
  }

  /// The tree as `ast.dump(tree, include_attributes=True)` prints it: with each node's `lineno`,
  /// `col_offset`, `end_lineno` and `end_col_offset`.
  public func dump(version: PythonVersion, includeAttributes: Bool) -> String {
    var writer = DumpWriter(version: version)
    writer.includeAttributes = includeAttributes
    writer.open("Module")
    writer.stmts("body", body)
    writer.emptyList("type_ignores")
    writer.close()
    return writer.out
  }
}

/// Writes nodes as `Name(field=value, ...)`, dropping what `ast.dump` drops.
struct DumpWriter {
  var out = ""
  /// Whether a field has been written in each open node.
  var started: [Bool] = []
  /// 3.13: empty lists are left out.
  let omitEmpty: Bool
  /// 3.12: functions, classes and aliases have `type_params`.
  let hasTypeParams: Bool

  /// Whether nodes end with their positions.
  var includeAttributes = false
  /// The position of the node about to be opened (nodes without attributes have none).
  var nextRange: SourceRange?
  var ranges: [SourceRange?] = []

  init(version: PythonVersion) {
    omitEmpty = version >= .v3_13
    hasTypeParams = version >= .v3_12
    out.reserveCapacity(1024)
  }

  mutating func open(_ name: String) {
    out += name
    out += "("
    started.append(false)
    ranges.append(nextRange)
    nextRange = nil
  }

  mutating func close() {
    if includeAttributes, let range = ranges[ranges.count - 1] {
      raw("lineno", String(range.start.line))
      raw("col_offset", String(range.start.column))
      raw("end_lineno", String(range.end.line))
      raw("end_col_offset", String(range.end.column))
    }
    out += ")"
    started.removeLast()
    ranges.removeLast()
  }

  mutating func key(_ name: String) {
    if started[started.count - 1] { out += ", " }
    started[started.count - 1] = true
    out += name
    out += "="
  }

  /// A node with no fields: `Load()`, `Add()`, `Pass()`.
  mutating func leaf(_ name: String) {
    if nextRange != nil {
      open(name)
      close()
      return
    }
    out += name
    out += "()"
  }

  mutating func raw(_ name: String, _ value: String) {
    key(name)
    out += value
  }

  mutating func string(_ name: String, _ value: String?) {
    guard let value else { return }
    key(name)
    out += PythonRepr.string(value)
  }

  mutating func emptyList(_ name: String) {
    if omitEmpty { return }
    key(name)
    out += "[]"
  }

  mutating func list<T>(_ name: String, _ items: [T], _ each: (inout DumpWriter, T) -> Void) {
    if items.isEmpty && omitEmpty { return }
    key(name)
    out += "["
    var first = true
    for item in items {
      if !first { out += ", " }
      first = false
      each(&self, item)
    }
    out += "]"
  }

  mutating func strings(_ name: String, _ items: [String]) {
    list(name, items) { w, s in w.out += PythonRepr.string(s) }
  }

  mutating func stmts(_ name: String, _ items: [Stmt]) {
    list(name, items) { w, s in w.stmt(s) }
  }

  mutating func exprs(_ name: String, _ items: [Expr]) {
    list(name, items) { w, e in w.expr(e) }
  }

  mutating func expr(_ name: String, _ value: Expr?) {
    guard let value else { return }
    key(name)
    expr(value)
  }

  mutating func ctx(_ c: ExprContext) {
    key("ctx")
    leaf(c == .load ? "Load" : c == .store ? "Store" : "Del")
  }

  mutating func op(_ name: String, _ value: String) {
    key(name)
    leaf(value)
  }

  // MARK: Statements

  mutating func stmt(_ s: Stmt) {
    nextRange = s.range
    switch s.kind {
    case .functionDef(let f): function("FunctionDef", f)
    case .asyncFunctionDef(let f): function("AsyncFunctionDef", f)
    case .classDef(let c):
      open("ClassDef")
      string("name", c.name)
      exprs("bases", c.bases)
      list("keywords", c.keywords) { w, k in w.keyword(k) }
      stmts("body", c.body)
      exprs("decorator_list", c.decoratorList)
      if hasTypeParams { list("type_params", c.typeParams) { w, t in w.typeParam(t) } }
      close()
    case .return(let value):
      open("Return")
      expr("value", value)
      close()
    case .delete(let targets):
      open("Delete")
      exprs("targets", targets)
      close()
    case .assign(let targets, let value):
      open("Assign")
      exprs("targets", targets)
      expr("value", value)
      close()
    case .typeAlias(let name, let params, let value):
      open("TypeAlias")
      expr("name", name)
      list("type_params", params) { w, t in w.typeParam(t) }
      expr("value", value)
      close()
    case .augAssign(let target, let o, let value):
      open("AugAssign")
      expr("target", target)
      op("op", o.rawValue)
      expr("value", value)
      close()
    case .annAssign(let target, let annotation, let value, let simple):
      open("AnnAssign")
      expr("target", target)
      expr("annotation", annotation)
      expr("value", value)
      raw("simple", simple ? "1" : "0")
      close()
    case .for(let target, let iter, let body, let orelse), .asyncFor(let target, let iter, let body, let orelse):
      if case .for = s.kind { open("For") } else { open("AsyncFor") }
      expr("target", target)
      expr("iter", iter)
      stmts("body", body)
      stmts("orelse", orelse)
      close()
    case .while(let test, let body, let orelse):
      open("While")
      expr("test", test)
      stmts("body", body)
      stmts("orelse", orelse)
      close()
    case .if(let test, let body, let orelse):
      open("If")
      expr("test", test)
      stmts("body", body)
      stmts("orelse", orelse)
      close()
    case .with(let items, let body), .asyncWith(let items, let body):
      if case .with = s.kind { open("With") } else { open("AsyncWith") }
      list("items", items) { w, item in
        w.open("withitem")
        w.expr("context_expr", item.contextExpr)
        w.expr("optional_vars", item.optionalVars)
        w.close()
      }
      stmts("body", body)
      close()
    case .match(let subject, let cases):
      open("Match")
      expr("subject", subject)
      list("cases", cases) { w, c in
        w.open("match_case")
        w.key("pattern")
        w.pattern(c.pattern)
        w.expr("guard", c.guardExpr)
        w.stmts("body", c.body)
        w.close()
      }
      close()
    case .raise(let exc, let cause):
      open("Raise")
      expr("exc", exc)
      expr("cause", cause)
      close()
    case .try(let body, let handlers, let orelse, let finalbody),
      .tryStar(let body, let handlers, let orelse, let finalbody):
      if case .try = s.kind { open("Try") } else { open("TryStar") }
      stmts("body", body)
      list("handlers", handlers) { w, h in
        w.nextRange = h.range
        w.open("ExceptHandler")
        w.expr("type", h.type)
        w.string("name", h.name)
        w.stmts("body", h.body)
        w.close()
      }
      stmts("orelse", orelse)
      stmts("finalbody", finalbody)
      close()
    case .assert(let test, let msg):
      open("Assert")
      expr("test", test)
      expr("msg", msg)
      close()
    case .import(let names):
      open("Import")
      list("names", names) { w, a in w.alias(a) }
      close()
    case .importFrom(let module, let names, let level):
      open("ImportFrom")
      string("module", module)
      list("names", names) { w, a in w.alias(a) }
      raw("level", String(level))
      close()
    case .global(let names):
      open("Global")
      strings("names", names)
      close()
    case .nonlocal(let names):
      open("Nonlocal")
      strings("names", names)
      close()
    case .expr(let value):
      open("Expr")
      expr("value", value)
      close()
    case .pass: leaf("Pass")
    case .break: leaf("Break")
    case .continue: leaf("Continue")
    }
  }

  mutating func function(_ name: String, _ f: FunctionDef) {
    open(name)
    string("name", f.name)
    key("args")
    arguments(f.args)
    stmts("body", f.body)
    exprs("decorator_list", f.decoratorList)
    expr("returns", f.returns)
    if hasTypeParams { list("type_params", f.typeParams) { w, t in w.typeParam(t) } }
    close()
  }

  mutating func arguments(_ a: Arguments) {
    open("arguments")
    list("posonlyargs", a.posonlyargs) { w, x in w.arg(x) }
    list("args", a.args) { w, x in w.arg(x) }
    if let v = a.vararg {
      key("vararg")
      arg(v)
    }
    list("kwonlyargs", a.kwonlyargs) { w, x in w.arg(x) }
    list("kw_defaults", a.kwDefaults) { w, x in
      if let x { w.expr(x) } else { w.out += "None" }
    }
    if let k = a.kwarg {
      key("kwarg")
      arg(k)
    }
    exprs("defaults", a.defaults)
    close()
  }

  mutating func arg(_ a: Arg) {
    nextRange = a.range
    open("arg")
    string("arg", a.arg)
    expr("annotation", a.annotation)
    close()
  }

  mutating func keyword(_ k: Keyword) {
    nextRange = k.range
    open("keyword")
    string("arg", k.arg)
    expr("value", k.value)
    close()
  }

  mutating func alias(_ a: Alias) {
    nextRange = a.range
    open("alias")
    string("name", a.name)
    string("asname", a.asname)
    close()
  }

  mutating func typeParam(_ t: TypeParam) {
    nextRange = t.range
    switch t.kind {
    case .typeVar(let bound):
      open("TypeVar")
      string("name", t.name)
      expr("bound", bound)
    case .typeVarTuple:
      open("TypeVarTuple")
      string("name", t.name)
    case .paramSpec:
      open("ParamSpec")
      string("name", t.name)
    }
    expr("default_value", t.defaultValue)
    close()
  }

  mutating func comprehension(_ c: Comprehension) {
    open("comprehension")
    expr("target", c.target)
    expr("iter", c.iter)
    exprs("ifs", c.ifs)
    raw("is_async", c.isAsync ? "1" : "0")
    close()
  }

  // MARK: Expressions

  mutating func expr(_ e: Expr) {
    nextRange = e.range
    switch e.kind {
    case .boolOp(let o, let values):
      open("BoolOp")
      op("op", o.rawValue)
      exprs("values", values)
      close()
    case .namedExpr(let target, let value):
      open("NamedExpr")
      expr("target", target)
      expr("value", value)
      close()
    case .binOp(let left, let o, let right):
      open("BinOp")
      expr("left", left)
      op("op", o.rawValue)
      expr("right", right)
      close()
    case .unaryOp(let o, let operand):
      open("UnaryOp")
      op("op", o.rawValue)
      expr("operand", operand)
      close()
    case .lambda(let args, let body):
      open("Lambda")
      key("args")
      arguments(args)
      expr("body", body)
      close()
    case .ifExp(let test, let body, let orelse):
      open("IfExp")
      expr("test", test)
      expr("body", body)
      expr("orelse", orelse)
      close()
    case .dict(let keys, let values):
      open("Dict")
      list("keys", keys) { w, k in
        if let k { w.expr(k) } else { w.out += "None" }
      }
      exprs("values", values)
      close()
    case .set(let elts):
      open("Set")
      exprs("elts", elts)
      close()
    case .listComp(let elt, let generators), .setComp(let elt, let generators), .generatorExp(let elt, let generators):
      switch e.kind {
      case .listComp: open("ListComp")
      case .setComp: open("SetComp")
      default: open("GeneratorExp")
      }
      expr("elt", elt)
      list("generators", generators) { w, c in w.comprehension(c) }
      close()
    case .dictComp(let k, let v, let generators):
      open("DictComp")
      expr("key", k)
      expr("value", v)
      list("generators", generators) { w, c in w.comprehension(c) }
      close()
    case .await(let value):
      open("Await")
      expr("value", value)
      close()
    case .yield(let value):
      open("Yield")
      expr("value", value)
      close()
    case .yieldFrom(let value):
      open("YieldFrom")
      expr("value", value)
      close()
    case .compare(let left, let ops, let comparators):
      open("Compare")
      expr("left", left)
      list("ops", ops) { w, o in w.leaf(o.rawValue) }
      exprs("comparators", comparators)
      close()
    case .call(let f, let args, let keywords):
      open("Call")
      expr("func", f)
      exprs("args", args)
      list("keywords", keywords) { w, k in w.keyword(k) }
      close()
    case .formattedValue(let value, let conversion, let spec):
      open("FormattedValue")
      expr("value", value)
      raw("conversion", String(conversion))
      expr("format_spec", spec)
      close()
    case .joinedStr(let values):
      open("JoinedStr")
      exprs("values", values)
      close()
    case .constant(let value, let kind):
      open("Constant")
      raw("value", PythonRepr.constant(value))
      string("kind", kind)
      close()
    case .attribute(let value, let attr, let c):
      open("Attribute")
      expr("value", value)
      string("attr", attr)
      ctx(c)
      close()
    case .subscript(let value, let slice, let c):
      open("Subscript")
      expr("value", value)
      expr("slice", slice)
      ctx(c)
      close()
    case .starred(let value, let c):
      open("Starred")
      expr("value", value)
      ctx(c)
      close()
    case .name(let id, let c):
      open("Name")
      string("id", id)
      ctx(c)
      close()
    case .list(let elts, let c):
      open("List")
      exprs("elts", elts)
      ctx(c)
      close()
    case .tuple(let elts, let c):
      open("Tuple")
      exprs("elts", elts)
      ctx(c)
      close()
    case .slice(let lower, let upper, let step):
      open("Slice")
      expr("lower", lower)
      expr("upper", upper)
      expr("step", step)
      close()
    }
  }

  // MARK: Patterns

  mutating func pattern(_ p: Pattern) {
    nextRange = p.range
    switch p.kind {
    case .matchValue(let value):
      open("MatchValue")
      expr("value", value)
    case .matchSingleton(let value):
      open("MatchSingleton")
      raw("value", PythonRepr.constant(value))
    case .matchSequence(let patterns):
      open("MatchSequence")
      list("patterns", patterns) { w, x in w.pattern(x) }
    case .matchMapping(let keys, let patterns, let rest):
      open("MatchMapping")
      exprs("keys", keys)
      list("patterns", patterns) { w, x in w.pattern(x) }
      string("rest", rest)
    case .matchClass(let cls, let patterns, let kwdAttrs, let kwdPatterns):
      open("MatchClass")
      expr("cls", cls)
      list("patterns", patterns) { w, x in w.pattern(x) }
      strings("kwd_attrs", kwdAttrs)
      list("kwd_patterns", kwdPatterns) { w, x in w.pattern(x) }
    case .matchStar(let name):
      open("MatchStar")
      string("name", name)
    case .matchAs(let inner, let name):
      open("MatchAs")
      if let inner {
        key("pattern")
        pattern(inner)
      }
      string("name", name)
    case .matchOr(let patterns):
      open("MatchOr")
      list("patterns", patterns) { w, x in w.pattern(x) }
    }
    close()
  }
}
