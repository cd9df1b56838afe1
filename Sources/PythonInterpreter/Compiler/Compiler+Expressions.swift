import PythonSyntax
import PythonValues

extension Compiler {
  /// A literal as CPython's compiler sees it after folding constants: not None, True, False or
  /// `...`, but a number, a string, bytes, `-1`, or a tuple of such.
  static func isFoldedLiteral(_ e: Expr) -> Bool {
    switch e.kind {
    case .constant(let c, _):
      switch c {
      case .none, .bool, .ellipsis: return false
      default: return true
      }
    case .unaryOp(_, let operand): return isFoldedLiteral(operand)
    case .tuple(let items, _):
      return items.allSatisfy { if case .constant = $0.kind { true } else { isFoldedLiteral($0) } }
    default: return false
    }
  }

  func expr(_ e: Expr) throws {
    let savedLine = line
    let savedColumn = column
    let savedEnd = (endLine, endColumn)
    at(e.range)
    defer {
      line = savedLine
      column = savedColumn
      (endLine, endColumn) = savedEnd
    }
    switch e.kind {
    case .constant(let c, _):
      emit(.loadConst(const(try constant(c, e.range))))
    case .name(let id, _):
      load(id)
    case .attribute(let v, let attr, _):
      try expr(v)
      at(e.range)
      emit(.loadAttr(name(mangle(attr))))
    case .subscript(let v, let s, _):
      checkSubscript(v, s)
      try expr(v)
      try expr(s)
      at(e.range)
      emit(.binarySubscr)
    case .slice(let a, let b, let c):
      for p in [a, b] {
        if let p { try expr(p) } else { emit(.loadConst(const(NoneObject.shared))) }
      }
      if let c {
        try expr(c)
        emit(.buildSlice(3))
      } else {
        emit(.buildSlice(2))
      }
    case .binOp(let l, let op, let r):
      try expr(l)
      try expr(r)
      at(e.range)
      emit(.binary(op))
    case .unaryOp(let op, let o):
      try expr(o)
      at(e.range)
      emit(.unary(op))
    case .boolOp(let op, let values):
      var jumps: [Int] = []
      for (i, v) in values.enumerated() {
        try expr(v)
        if i < values.count - 1 {
          jumps.append(emit(op == .and ? .jumpIfFalseOrPop(0) : .jumpIfTrueOrPop(0)))
        }
      }
      for j in jumps { patch(j) }
    case .compare(let l, let ops, let cs):
      // `x is "timeout"`: CPython warns at compile time and the answer depends on what it caches.
      for (i, op) in ops.enumerated() where op == .is || op == .isNot {
        for side in [i == 0 ? l : cs[i - 1], cs[i]] where Self.isFoldedLiteral(side) {
          throw refuse(
            "'\(op == .is ? "is" : "is not")' with a literal",
            "Python warns (SyntaxWarning: \"is\" with a literal) and whether it is true depends on which values CPython "
              + "happens to reuse; compare values with == (or != )", at: e.range)
        }
      }
      try expr(l)
      if ops.count == 1 {
        try expr(cs[0])
        at(e.range)
        emit(.compare(ops[0]))
      } else {
        var cleanups: [Int] = []
        for (i, op) in ops.enumerated() {
          try expr(cs[i])
          at(e.range)
          if i < ops.count - 1 {
            emit(.dup)
            emit(.rot3)
            emit(.compare(op))
            cleanups.append(emit(.jumpIfFalseOrPop(0)))
          } else {
            emit(.compare(op))
          }
        }
        let end = emit(.jump(0))
        for c in cleanups { patch(c) }
        emit(.rot2)
        emit(.pop)
        patch(end)
      }
    case .ifExp(let t, let b, let o):
      try expr(t)
      let j = emit(.popJumpIfFalse(0))
      try expr(b)
      let end = emit(.jump(0))
      patch(j)
      try expr(o)
      patch(end)
    case .namedExpr(let t, let v):
      try expr(v)
      emit(.dup)
      if case .name(let id, _) = t.kind { store(id) }
    case .tuple(let es, _):
      if hasStar(es) {
        try starredSequence(es)
        emit(.listToTuple)
      } else {
        for x in es { try expr(x) }
        emit(.buildTuple(es.count))
      }
    case .list(let es, _):
      if hasStar(es) {
        try starredSequence(es)
      } else {
        for x in es { try expr(x) }
        emit(.buildList(es.count))
      }
    case .set(let es):
      if hasStar(es) {
        emit(.buildSet(0))
        for x in es {
          if case .starred(let v, _) = x.kind {
            try expr(v)
            emit(.setUpdate(1))
          } else {
            try expr(x)
            emit(.setAdd(1))
          }
        }
      } else {
        for x in es { try expr(x) }
        emit(es.count > 2 && es.allSatisfy(isFoldable) ? .buildConstantSet(es.count) : .buildSet(es.count))
      }
    case .dict(let ks, let vs):
      if ks.contains(where: { $0 == nil }) {
        emit(.buildMap(0))
        for (k, v) in zip(ks, vs) {
          if let k {
            try expr(k)
            try expr(v)
            emit(.mapAdd(1))
          } else {
            try expr(v)
            emit(.dictUpdate(1))
          }
        }
      } else {
        for (k, v) in zip(ks, vs) {
          try expr(k!)
          try expr(v)
        }
        emit(.buildMap(ks.count))
      }
    case .joinedStr(let parts):
      for p in parts { try fstringPart(p) }
      if parts.isEmpty {
        emit(.loadConst(const(StrObject.empty)))
      } else if parts.count > 1 {
        emit(.buildString(parts.count))
      }
    case .formattedValue:
      try fstringPart(e)
    case .call(let f, let args, let kws):
      try call(f, args, kws, range: e.range)
    case .lambda(let args, let body):
      let child = childScope(e.range, "lambda")
      let flags = try functionPrelude(args, returns: nil, annotations: false, child: child)
      let c = newCode("<lambda>", child, firstLine: e.range.start.line)
      try fillArguments(c, args)
      if child.isGenerator { c.flags.insert(.generator) }
      let sub = Compiler(
        code: c, scope: child, version: version, source: lines, futureAnnotations: futureAnnotations, notes: notes)
      sub.line = e.range.start.line
      try sub.expr(body)
      sub.emit(.returnValue)
      sub.finish()
      code.codes.append(c)
      at(e.range)
      emit(.makeFunction(code: code.codes.count - 1, flags: flags))
    case .listComp(let elt, let gens):
      try comprehension(e.range, "<listcomp>", gens, kind: .list(elt))
    case .setComp(let elt, let gens):
      try comprehension(e.range, "<setcomp>", gens, kind: .set(elt))
    case .dictComp(let k, let v, let gens):
      try comprehension(e.range, "<dictcomp>", gens, kind: .dict(k, v))
    case .generatorExp(let elt, let gens):
      try comprehension(e.range, "<genexpr>", gens, kind: .generator(elt))
    case .await(let v):
      try expr(v)
      at(e.range)
      emit(.awaitValue)
    case .yield(let v):
      if let v { try expr(v) } else { emit(.loadConst(const(NoneObject.shared))) }
      emit(.yieldValue)
    case .yieldFrom(let v):
      try expr(v)
      emit(.yieldFrom)
    case .starred:
      throw refuse("*", "a starred expression is not allowed here", at: e.range)
    }
  }

  /// Whether CPython's AST optimizer may fold the expression into a constant (literals and
  /// operators on them): generous on purpose, since a false "yes" only makes lesson more careful.
  func isFoldable(_ e: Expr) -> Bool {
    switch e.kind {
    case .constant: return true
    case .unaryOp(_, let o): return isFoldable(o)
    case .binOp(let l, _, let r): return isFoldable(l) && isFoldable(r)
    case .tuple(let es, _): return es.allSatisfy(isFoldable)
    default: return false
    }
  }

  func hasStar(_ es: [Expr]) -> Bool {
    es.contains { if case .starred = $0.kind { return true } else { return false } }
  }

  /// Builds a list from elements some of which are `*iterable`.
  func starredSequence(_ es: [Expr]) throws {
    var pending = 0
    var built = false
    for x in es {
      if case .starred(let v, _) = x.kind {
        if !built {
          emit(.buildList(pending))
          built = true
        } else if pending > 0 {
          emit(.buildList(pending))
          emit(.listExtend(1))
        }
        pending = 0
        try expr(v)
        emit(.listExtend(1))
      } else {
        try expr(x)
        if built {
          emit(.listAppend(1))
        } else {
          pending += 1
        }
      }
    }
    if !built { emit(.buildList(pending)) }
  }

  func constant(_ c: Constant, _ r: SourceRange) throws -> PyObject {
    switch c {
    case .none: return NoneObject.shared
    case .bool(let b): return BoolObject.of(b)
    case .ellipsis: return SentinelObject.ellipsis
    case .int(let digits):
      if let v = Int(digits) { return IntObject.make(v) }
      guard let b = try? BigInt(parsing: digits, limit: 0) else {
        throw refuse("int literal", "this integer literal is not one lesson can read", at: r)
      }
      return IntObject.make(b)
    case .float(let d): return FloatObject(d)
    case .complex: throw refuse("complex", "complex numbers are not something an exercise run needs", at: r)
    case .str(let s): return StrObject(s)
    case .bytes(let b): return BytesObject(b)
    }
  }

  func fstringPart(_ p: Expr) throws {
    switch p.kind {
    case .constant(.str(let s), _):
      emit(.loadConst(const(StrObject(s))))
    case .formattedValue(let v, let conversion, let spec):
      try expr(v)
      if let spec { try expr(spec) }
      at(p.range)
      emit(.formatValue(conversion: conversion, hasSpec: spec != nil))
    case .joinedStr:
      try expr(p)
    default:
      try expr(p)
    }
  }

  // MARK: Calls

  /// The type a literal makes (CPython's `infer_type`), or nil.
  static func literalType(_ e: Expr) -> String? {
    switch e.kind {
    case .constant(let c, _):
      switch c {
      case .none: return "NoneType"
      case .bool: return "bool"
      case .ellipsis: return "ellipsis"
      case .int: return "int"
      case .float: return "float"
      case .complex: return "complex"
      case .str: return "str"
      case .bytes: return "bytes"
      }
    case .tuple: return "tuple"
    case .list, .listComp: return "list"
    case .dict, .dictComp: return "dict"
    case .set, .setComp: return "set"
    case .generatorExp: return "generator"
    case .lambda: return "function"
    case .joinedStr, .formattedValue: return "str"
    case .slice: return "slice"
    default: return nil
    }
  }

  /// CPython's `check_caller`: calling a literal (`[("a", 1) ("b", 2)]`) is a missed comma.
  func checkCaller(_ f: Expr) {
    switch f.kind {
    case .constant, .tuple, .list, .listComp, .dict, .dictComp, .set, .setComp, .generatorExp, .joinedStr,
      .formattedValue:
      notes.warnings.append(
        (f.range.start.line, "'\(Self.literalType(f)!)' object is not callable; perhaps you missed a comma?"))
    default:
      break
    }
  }

  /// CPython's `check_subscripter` and `check_index`: subscripting a literal that cannot be, or
  /// with an index of the wrong type.
  func checkSubscript(_ value: Expr, _ index: Expr) {
    var notSubscriptable = false
    switch value.kind {
    case .constant(let c, _):
      switch c {
      case .none, .ellipsis, .int, .float, .complex: notSubscriptable = true
      default: break
      }
    case .set, .setComp, .generatorExp, .lambda: notSubscriptable = true
    default: break
    }
    if notSubscriptable {
      notes.warnings.append(
        (
          value.range.start.line,
          "'\(Self.literalType(value)!)' object is not subscriptable; perhaps you missed a comma?"
        ))
      return
    }
    guard let indexType = Self.literalType(index), !["int", "bool", "slice"].contains(indexType) else { return }
    var indexable = false
    switch value.kind {
    case .constant(let c, _):
      if case .str = c { indexable = true }
      if case .bytes = c { indexable = true }
    case .tuple, .list, .listComp, .joinedStr, .formattedValue: indexable = true
    default: break
    }
    if indexable {
      notes.warnings.append(
        (
          value.range.start.line,
          "\(Self.literalType(value)!) indices must be integers or slices, not \(indexType); perhaps you missed a comma?"
        ))
    }
  }

  /// `sorted(EXPR for NAME in ITER if COND)` whose EXPR and COND only read (names, attributes,
  /// arithmetic, comparisons, a few methods that cannot fail or change anything): what it gives
  /// does not depend on the order ITER goes in.
  /// The built-in a call is to, when it is one that does not care about the order of its
  /// argument's values and that argument is a pure comprehension with one loop:
  /// `sorted(<genexp>)`, `sum(<genexp>)`, `max(<genexp>)`, `min(<genexp>)`,
  /// `len(<list or set comprehension>)`. Whether the name
  /// really is the built-in is checked when it runs.
  static func orderFreeConsumer(_ f: Expr, _ args: [Expr], _ kws: [Keyword]) -> OrderFreeConsumer? {
    guard case .name(let name, _) = f.kind, args.count == 1 else { return nil }
    let elt: Expr
    let gens: [Comprehension]
    let consumer: OrderFreeConsumer
    switch (name, args[0].kind) {
    case ("sorted", .generatorExp(let e, let g)) where kws.allSatisfy({ $0.arg == "reverse" }):
      (elt, gens, consumer) = (e, g, .sorted)
    case ("sum", .generatorExp(let e, let g)) where kws.isEmpty: (elt, gens, consumer) = (e, g, .sum)
    case ("max", .generatorExp(let e, let g)) where kws.isEmpty: (elt, gens, consumer) = (e, g, .max)
    case ("min", .generatorExp(let e, let g)) where kws.isEmpty: (elt, gens, consumer) = (e, g, .min)
    case ("len", .listComp(let e, let g)) where kws.isEmpty, ("len", .setComp(let e, let g)) where kws.isEmpty:
      (elt, gens, consumer) = (e, g, .len)
    default: return nil
    }
    guard gens.count == 1, !gens[0].isAsync, isReadOnly(elt), gens[0].ifs.allSatisfy(isReadOnly) else { return nil }
    return consumer
  }

  /// Whether `e` (a read-only generator expression) calls a method named `name` anywhere.
  static func callsMethod(_ name: String, _ e: Expr) -> Bool {
    func any(_ es: [Expr]) -> Bool { es.contains { callsMethod(name, $0) } }
    switch e.kind {
    case .generatorExp(let elt, let gens), .listComp(let elt, let gens), .setComp(let elt, let gens):
      return callsMethod(name, elt) || gens.contains { any($0.ifs) }
    case .attribute(let v, _, _): return callsMethod(name, v)
    case .subscript(let v, let s, _): return any([v, s])
    case .compare(let l, _, let cs): return any([l] + cs)
    case .boolOp(_, let vs), .joinedStr(let vs), .tuple(let vs, _): return any(vs)
    case .binOp(let l, _, let r): return any([l, r])
    case .unaryOp(_, let v): return callsMethod(name, v)
    case .ifExp(let t, let b, let o): return any([t, b, o])
    case .formattedValue(let v, _, let spec): return any([v] + (spec.map { [$0] } ?? []))
    case .call(let fn, let args, _):
      if case .attribute(_, name, _) = fn.kind { return true }
      return callsMethod(name, fn) || any(args)
    default: return false
    }
  }

  static let readOnlyMethods: Set<String> = [
    "result", "exception", "get_name", "done", "cancelled", "lower", "upper", "strip", "title", "startswith",
    "endswith",
  ]
  static let readOnlyFunctions: Set<String> = ["str", "int", "float", "len", "round", "abs", "isinstance"]

  static func isReadOnly(_ e: Expr) -> Bool {
    switch e.kind {
    case .name, .constant: return true
    case .attribute(let v, _, _): return isReadOnly(v)
    case .subscript(let v, let s, _): return isReadOnly(v) && isReadOnly(s)
    case .compare(let l, _, let cs): return isReadOnly(l) && cs.allSatisfy(isReadOnly)
    case .boolOp(_, let vs): return vs.allSatisfy(isReadOnly)
    case .binOp(let l, _, let r): return isReadOnly(l) && isReadOnly(r)
    case .unaryOp(_, let v): return isReadOnly(v)
    case .tuple(let items, _): return items.allSatisfy(isReadOnly)
    case .ifExp(let t, let b, let o): return isReadOnly(t) && isReadOnly(b) && isReadOnly(o)
    case .joinedStr(let vs): return vs.allSatisfy(isReadOnly)
    case .formattedValue(let v, _, let spec): return isReadOnly(v) && (spec.map(isReadOnly) ?? true)
    case .call(let fn, let args, let kws):
      guard kws.isEmpty, args.allSatisfy(isReadOnly) else { return false }
      if case .attribute(let v, let name, _) = fn.kind { return readOnlyMethods.contains(name) && isReadOnly(v) }
      if case .name(let name, _) = fn.kind { return readOnlyFunctions.contains(name) }
      return false
    default: return false
    }
  }

  func call(_ f: Expr, _ args: [Expr], _ kws: [Keyword], range: SourceRange) throws {
    checkCaller(f)
    if let consumer = Self.orderFreeConsumer(f, args, kws) {
      unorderedConsumer = consumer
      unorderedReads = []
      if Self.callsMethod("result", args[0]) { unorderedReads.insert(.results) }
      if Self.callsMethod("exception", args[0]) { unorderedReads.insert(.exceptions) }
      defer { unorderedConsumer = nil }
      try plainCall(f, args, kws, range: range)
      switch consumer {
      case .sorted: emit(.checkSortedTies)
      case .sum, .max, .min: emit(.checkOrderFree)
      case .len: break
      }
      return
    }
    try plainCall(f, args, kws, range: range)
  }

  func plainCall(_ f: Expr, _ args: [Expr], _ kws: [Keyword], range: SourceRange) throws {
    let starred = hasStar(args) || kws.contains { $0.arg == nil }
    if !starred, case .attribute(let obj, let attr, _) = f.kind {
      try expr(obj)
      at(f.range)
      emit(.loadMethod(name(mangle(attr))))
      for a in args { try expr(a) }
      for k in kws { try expr(k.value) }
      at(range)
      let kw = kws.isEmpty ? -1 : const(TupleObject(kws.map { StrObject($0.arg!) }))
      emit(.callMethod(argc: args.count + kws.count, kwNames: kw))
      return
    }
    try expr(f)
    if !starred {
      for a in args { try expr(a) }
      for k in kws { try expr(k.value) }
      at(range)
      let kw = kws.isEmpty ? -1 : const(TupleObject(kws.map { StrObject($0.arg!) }))
      emit(.call(argc: args.count + kws.count, kwNames: kw))
      return
    }
    if args.count == 1, case .starred(let v, _) = args[0].kind {
      // One `*iterable` alone goes to the call as it is (CALL_FUNCTION_EX checks it).
      try expr(v)
      emit(discardedGather ? .starArgsOfDiscardedGather : .starArgs)
    } else {
      try starredSequence(args)
      emit(.listToTuple)
    }
    if kws.isEmpty {
      at(range)
      emit(.callEx(hasKwargs: false))
      return
    }
    emit(.buildMap(0))
    for k in kws {
      if let n = k.arg {
        emit(.loadConst(const(StrObject(n))))
        try expr(k.value)
        emit(.buildMap(1))
        emit(.dictMerge(1))
      } else {
        try expr(k.value)
        emit(.dictMerge(1))
      }
    }
    at(range)
    emit(.callEx(hasKwargs: true))
  }

  // MARK: Comprehensions

  enum ComprehensionKind {
    case list(Expr)
    case set(Expr)
    case dict(Expr, Expr)
    case generator(Expr)
  }

  func comprehension(_ r: SourceRange, _ tag: String, _ gens: [Comprehension], kind: ComprehensionKind) throws {
    let child = childScope(r, tag)
    let isGen: Bool
    if case .generator = kind { isGen = true } else { isGen = false }
    let flags = try functionPrelude(Arguments(), returns: nil, annotations: false, child: child)
    let c = newCode(tag, child, firstLine: r.start.line)
    c.argcount = 1
    c.flags.insert(.comprehension)
    // A generator expression with `async for` or `await` in it is an asynchronous generator.
    if isGen { c.flags.insert(child.isAsync ? .asyncGenerator : .generator) } else if child.isAsync {
      c.flags.insert(.coroutine)
    }
    let sub = Compiler(
      code: c, scope: child, version: version, source: lines, futureAnnotations: futureAnnotations, notes: notes)
    sub.at(r)
    switch kind {
    case .list: sub.emit(.buildList(0))
    case .set: sub.emit(.buildSet(0))
    case .dict: sub.emit(.buildMap(0))
    case .generator: break
    }
    try sub.comprehensionLoop(gens, 0, kind: kind, depth: 1)
    if isGen { sub.emit(.loadConst(sub.const(NoneObject.shared))) }
    sub.emit(.returnValue)
    sub.finish()
    code.codes.append(c)
    at(r)
    emit(.makeFunction(code: code.codes.count - 1, flags: flags))
    // The outer iterable is the caller's own expression: a comprehension in it is not the one
    // the order-free built-in consumes.
    let consumer = unorderedConsumer
    unorderedConsumer = nil
    try expr(gens[0].iter)
    unorderedConsumer = consumer
    at(r)
    if gens[0].isAsync {
      emit(.getAIter)
    } else if let consumer {
      emit(.getIterUnordered(consumer: consumer, reads: unorderedReads))
    } else {
      emit(.getIter)
    }
    emit(.call(argc: 1, kwNames: -1))
    if child.isAsync, !isGen { emitImplicit(.awaitValue) }
  }

  func comprehensionLoop(_ gens: [Comprehension], _ i: Int, kind: ComprehensionKind, depth: Int) throws {
    let g = gens[i]
    if i == 0 {
      emit(.loadFast(0))
    } else {
      try expr(g.iter)
      emit(g.isAsync ? .getAIter : .getIter)
    }
    let start = here
    let loop: Int
    if g.isAsync {
      loop = emit(.setupFinally(0))
      emit(.getANext)
      emitImplicit(.awaitValue)
      emit(.popBlock)
    } else {
      loop = emit(.forIter(0))
    }
    try storeTarget(g.target)
    var skips: [Int] = []
    for cond in g.ifs {
      try expr(cond)
      skips.append(emit(.popJumpIfFalse(0)))
    }
    if i + 1 < gens.count {
      try comprehensionLoop(gens, i + 1, kind: kind, depth: depth + 1)
    } else {
      switch kind {
      case .list(let elt):
        try expr(elt)
        emit(.listAppend(depth + 1))
      case .set(let elt):
        try expr(elt)
        emit(.setAdd(depth + 1))
      case .dict(let k, let v):
        try expr(k)
        try expr(v)
        emit(.mapAdd(depth + 1))
      case .generator(let elt):
        try expr(elt)
        emit(.yieldValue)
        emit(.pop)
      }
    }
    for s in skips { patch(s, start) }
    emit(.jump(start))
    patch(loop)
    if g.isAsync { emit(.endAsyncFor) }
  }
}
