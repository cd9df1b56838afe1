import AsyncioModel
import PythonSyntax

/// Turns a checked syntax tree into code objects for the machine.
final class Compiler {
  struct Refusal: Error {
    let line: Int, column: Int, construct: String, why: String
  }

  enum FBlock {
    case forLoop(start: Int, breaks: Box)
    case whileLoop(start: Int, breaks: Box)
    case tryFinally([Stmt])
    /// A `with` item, left where CPython places its exit (``withPlace(_:_:)``).
    case with(isAsync: Bool, place: SourceRange)
    case handler
    /// The body of a `try` that has `except` clauses: leaving it pops the handler's block.
    case tryBody
    /// The body of `except E as name:`: leaving it clears the name.
    case namedHandler(String)
    case finallyExceptional
    /// A `finally` body run on the way out of a `return`, above the value being returned: leaving
    /// it another way (its own `return`, `break` or `continue`) drops that value, as CPython's
    /// POP_VALUE block does.
    case popValue
  }
  final class Box { var jumps: [Int] = [] }

  let code: CodeObject
  let scope: Scope
  let version: PythonVersion
  let lines: SourceLines
  /// The program's lines, split when first needed (the text of a postponed annotation).
  var source: [Substring] { lines.lines }
  var fblocks: [FBlock] = []
  var line = 1
  var column = 0
  /// Where the expression or statement being compiled ends: 0 when not known.
  var endLine = 0
  var endColumn = 0
  var futureAnnotations: Bool
  var tempCount = 0
  /// The body of the function being compiled (empty for a module or class body).
  var functionBody: [Stmt] = []
  /// The statement being compiled is `await asyncio.gather(*tasks, return_exceptions=True)`,
  /// its value unused (see ``isDiscardedGather(_:)``).
  var discardedGather = false

  /// The warnings CPython's compiler gives (shared with the compilers of nested code).
  let notes: CompileNotes
  /// The comprehension being compiled is the whole argument of a built-in that does not care
  /// about order (``OrderFreeConsumer``), and pure: its outer iterable may be a set in any order.
  var unorderedConsumer: OrderFreeConsumer?
  /// What that comprehension asks of the tasks it goes through.
  var unorderedReads: UnorderedReads = []

  init(
    code: CodeObject, scope: Scope, version: PythonVersion, source: SourceLines, futureAnnotations: Bool,
    notes: CompileNotes = CompileNotes()
  ) {
    self.code = code
    self.scope = scope
    self.version = version
    self.lines = source
    self.futureAnnotations = futureAnnotations
    self.notes = notes
  }

  /// Compiles a module.
  static func compile(_ module: Module, filename: String, text: String, version: PythonVersion) throws(Refusal) -> CodeObject {
    let scope = ScopeBuilder.build(module)
    let code = CodeObject(name: "<module>", qualname: "<module>", filename: filename, firstLine: 1)
    code.flags.insert(.module)
    let future = module.body.contains {
      if case .importFrom(let m, let names, _) = $0.kind, m == "__future__" { return names.contains { $0.name == "annotations" } }
      return false
    }
    let c = Compiler(code: code, scope: scope, version: version, source: SourceLines(text), futureAnnotations: future)
    c.docstring(module.body)
    if module.body.contains(where: { if case .annAssign = $0.kind { return true } else { return false } }) {
      c.emit(.setupAnnotations)
    }
    do {
      try c.body(module.body)
    } catch let r as Refusal {
      throw r
    } catch {
      fatalError("unexpected \(error)")
    }
    c.emit(.loadConst(c.const(NoneObject.shared)))
    c.emit(.returnValue)
    c.finish()
    code.compileWarnings = c.notes.warnings
    return code
  }

  func refuse(_ construct: String, _ why: String, at r: SourceRange? = nil) -> Refusal {
    Refusal(line: r?.start.line ?? line, column: (r?.start.column ?? column) + 1, construct: construct, why: why)
  }

  func finish() {
    code.nameObjects = code.names.map { StrObject($0) }
  }

  // MARK: Emitting

  @discardableResult
  func emit(_ i: Instr) -> Int {
    code.instrs.append(i)
    code.lines.append(Int32(line))
    code.columns.append(Int32(column))
    code.endLines.append(Int32(endLine))
    code.endColumns.append(Int32(endColumn))
    return code.instrs.count - 1
  }
  var here: Int { code.instrs.count }

  /// Emits an instruction a statement runs implicitly (the `await` of an `async with` or an
  /// `async for`, a decorator's call, `assert`'s raise, a pattern's test), which CPython places
  /// otherwise than the syntax tree, version by version: a traceback knows its line, not its span.
  @discardableResult
  func emitImplicit(_ i: Instr) -> Int {
    let saved = endLine
    endLine = 0
    defer { endLine = saved }
    return emit(i)
  }

  func patch(_ at: Int, _ target: Int? = nil) {
    let t = target ?? here
    switch code.instrs[at] {
    case .jump: code.instrs[at] = .jump(t)
    case .popJumpIfFalse: code.instrs[at] = .popJumpIfFalse(t)
    case .popJumpIfTrue: code.instrs[at] = .popJumpIfTrue(t)
    case .jumpIfFalseOrPop: code.instrs[at] = .jumpIfFalseOrPop(t)
    case .jumpIfTrueOrPop: code.instrs[at] = .jumpIfTrueOrPop(t)
    case .forIter: code.instrs[at] = .forIter(t)
    case .exceptStarMatch: code.instrs[at] = .exceptStarMatch(t)
    case .matchClass(let p, let k, _): code.instrs[at] = .matchClass(positional: p, keywords: k, fail: t)
    case .setupFinally: code.instrs[at] = .setupFinally(t)
    case .setupWith: code.instrs[at] = .setupWith(t)
    case .setupAsyncWith: code.instrs[at] = .setupAsyncWith(t)
    default: fatalError("not a jump")
    }
  }

  func const(_ o: PyObject) -> Int {
    code.consts.append(o)
    return code.consts.count - 1
  }

  func name(_ n: String) -> Int {
    if let i = code.nameIndex[n] { return i }
    code.names.append(n)
    code.nameIndex[n] = code.names.count - 1
    return code.names.count - 1
  }

  func at(_ r: SourceRange) {
    line = r.start.line
    column = r.start.column
    endLine = r.end.line
    endColumn = r.end.column
  }

  func docstring(_ body: [Stmt]) {
    if case .expr(let e)? = body.first?.kind, case .constant(.str(let s), _) = e.kind {
      code.docstring = s
    }
  }

  // MARK: Names

  func load(_ n: String) {
    switch scope.access(n) {
    case .fast(let i): emit(.loadFast(i))
    case .deref(let i): emit(.loadDeref(i))
    case .classDeref(let i): emit(.loadClassDeref(i))
    case .global: emit(.loadGlobal(name(mangle(n))))
    case .name: emit(.loadName(name(mangle(n))))
    }
  }

  func store(_ n: String) {
    switch scope.access(n) {
    case .fast(let i): emit(.storeFast(i))
    case .deref(let i), .classDeref(let i): emit(.storeDeref(i))
    case .global: emit(.storeGlobal(name(mangle(n))))
    case .name: emit(.storeName(name(mangle(n))))
    }
  }

  func delete(_ n: String) {
    switch scope.access(n) {
    case .fast(let i): emit(.deleteFast(i))
    case .deref(let i), .classDeref(let i): emit(.deleteDeref(i))
    case .global: emit(.deleteGlobal(name(mangle(n))))
    case .name: emit(.deleteName(name(mangle(n))))
    }
  }

  // MARK: Statements

  func body(_ stmts: [Stmt]) throws {
    for s in stmts { try stmt(s) }
  }

  func stmt(_ s: Stmt) throws {
    at(s.range)
    switch s.kind {
    case .expr(let e):
      if case .constant = e.kind { return }
      if isDiscardedGather(e) {
        discardedGather = true
        defer { discardedGather = false }
        try expr(e)
      } else {
        try expr(e)
      }
      emit(.pop)
    case .assign(let targets, let value):
      try expr(value)
      for (i, t) in targets.enumerated() {
        if i < targets.count - 1 { emit(.dup) }
        try storeTarget(t)
      }
    case .augAssign(let t, let op, let v):
      try augAssign(t, op, v)
    case .annAssign(let t, let ann, let value, let simple):
      if let value {
        try expr(value)
        try storeTarget(t)
      }
      if scope.kind != .function {
        if simple, case .name(let id, _) = t.kind {
          try annotation(ann)
          emit(.loadName(name("__annotations__")))
          emit(.loadConst(const(StrObject(mangle(id)))))
          emit(.storeSubscr)
        } else if !futureAnnotations {
          try annotation(ann)
          emit(.pop)
        }
      }
    case .pass: break
    case .return(let v):
      if let v { try expr(v) } else { emit(.loadConst(const(NoneObject.shared))) }
      try unwindAll(preserveTop: true)
      emit(.returnValue)
    case .if(let test, let b, let orelse):
      try expr(test)
      let j = emit(.popJumpIfFalse(0))
      try body(b)
      if orelse.isEmpty {
        patch(j)
      } else {
        let e = emit(.jump(0))
        patch(j)
        try body(orelse)
        patch(e)
      }
    case .while(let test, let b, let orelse):
      let start = here
      try expr(test)
      let exit = emit(.popJumpIfFalse(0))
      try loopBody(b, .whileLoop(start: start, breaks: Box()), start: start, exit: exit, orelse: orelse)
    case .for(let t, let iter, let b, let orelse):
      try expr(iter)
      emit(isCancelLoop(t, b, orelse, at: s.range) ? .getIterCancelling : .getIter)
      let start = here
      let loop = emit(.forIter(0))
      try storeTarget(t)
      try loopBody(b, .forLoop(start: start, breaks: Box()), start: start, exit: loop, orelse: orelse)
    case .asyncFor(let t, let iter, let b, let orelse):
      try expr(iter)
      emit(.getAIter)
      let start = here
      let handler = emit(.setupFinally(0))
      // 3.11+ place `__anext__` and its await at the whole statement, body included.
      let saved = (line, column, endLine, endColumn)
      at(s.range)
      emit(.getANext)
      emit(.awaitValue)
      (line, column, endLine, endColumn) = saved
      emit(.popBlock)
      try storeTarget(t)
      try loopBody(b, .forLoop(start: start, breaks: Box()), start: start, exit: handler, orelse: orelse, atExit: .endAsyncFor)
    case .break:
      try loopExit(isBreak: true)
    case .continue:
      try loopExit(isBreak: false)
    case .functionDef(let f):
      try functionDef(f, isAsync: false, range: s.range)
    case .asyncFunctionDef(let f):
      try functionDef(f, isAsync: true, range: s.range)
    case .classDef(let c):
      try classDef(c, range: s.range)
    case .raise(let e, let cause):
      if let e {
        try expr(e)
        if let cause {
          try expr(cause)
          emit(.raise(2))
        } else {
          emit(.raise(1))
        }
      } else {
        emit(.raise(0))
      }
    case .try(let b, let handlers, let orelse, let fin):
      if fin.isEmpty {
        try tryExcept(b, handlers, orelse, star: false)
      } else {
        try tryFinally(fin) {
          if handlers.isEmpty { try self.body(b) } else { try self.tryExcept(b, handlers, orelse, star: false) }
        }
      }
    case .tryStar(let b, let handlers, let orelse, let fin):
      if fin.isEmpty {
        try tryExcept(b, handlers, orelse, star: true)
      } else {
        try tryFinally(fin) { try self.tryExcept(b, handlers, orelse, star: true) }
      }
    case .with(let items, let b):
      try with(items[...], b, isAsync: false, range: s.range)
    case .asyncWith(let items, let b):
      try with(items[...], b, isAsync: true, range: s.range)
    case .assert(let test, let msg):
      try expr(test)
      let j = emit(.popJumpIfTrue(0))
      emit(.loadAssertionError)
      if let msg {
        try expr(msg)
        emitImplicit(.call(argc: 1, kwNames: -1))
      }
      emitImplicit(.raise(1))
      patch(j)
    case .import(let names):
      for a in names {
        at(a.range)
        if let asname = a.asname {
          emit(.importName(name: name(a.name), fromList: a.name.contains(".") ? -2 : -1, level: 0))
          store(asname)
        } else {
          emit(.importName(name: name(a.name), fromList: -1, level: 0))
          store(String(a.name.split(separator: ".")[0]))
        }
      }
    case .importFrom(let module, let names, let level):
      if level > 0 { throw refuse("relative import", "a relative import needs a package; an exercise is one file", at: s.range) }
      let m = module ?? ""
      if m == "__future__" { return }
      let list = TupleObject(names.map { StrObject($0.name) })
      emit(.importName(name: name(m), fromList: const(list), level: 0))
      if names.count == 1, names[0].name == "*" {
        emit(.importStar)
        return
      }
      for a in names {
        at(a.range)
        emit(.importFrom(name(a.name)))
        store(a.asname ?? a.name)
      }
      emit(.pop)
    case .global, .nonlocal: break
    case .delete(let targets):
      for t in targets { try deleteTarget(t) }
    case .match(let subject, let cases):
      try match(subject, cases)
    case .typeAlias:
      throw refuse("type", "a 'type' statement (PEP 695) is not something an exercise run needs", at: s.range)
    }
  }

  /// The class whose private names (`__key`) this code mangles: the innermost class around it,
  /// through the methods and functions in it, as CPython's compiler carries `c_private`.
  var privateClass: String? {
    var current: Scope? = scope
    while let s = current {
      if s.kind == .classBody { return s.name }
      current = s.parent
    }
    return nil
  }

  /// `__key` inside `class Client` is `_Client__key`: a name with two leading underscores and not
  /// two trailing ones, in a class whose name is not all underscores.
  func mangle(_ n: String) -> String {
    guard n.hasPrefix("__"), !n.hasSuffix("__"), !n.contains("."), let owner = privateClass else { return n }
    let stripped = owner.drop { $0 == "_" }
    return stripped.isEmpty ? n : "_\(stripped)\(n)"
  }

  /// A loop's body under its block, the jump back, the exit (`exit` is the jump that leaves when
  /// the loop is over, patched here), the `else` clause, then the `break`s.
  func loopBody(_ b: [Stmt], _ block: FBlock, start: Int, exit: Int, orelse: [Stmt], atExit: Instr? = nil) throws {
    fblocks.append(block)
    try body(b)
    fblocks.removeLast()
    emit(.jump(start))
    patch(exit)
    if let atExit { emit(atExit) }
    try body(orelse)
    switch block {
    case .forLoop(_, let breaks), .whileLoop(_, let breaks):
      for j in breaks.jumps { patch(j) }
    default: break
    }
  }

  func annotation(_ e: Expr) throws {
    if futureAnnotations {
      emit(.loadConst(const(StrObject(sourceText(e.range)))))
    } else {
      try expr(e)
    }
  }

  func sourceText(_ r: SourceRange) -> String {
    guard r.start.line >= 1, r.end.line <= source.count else { return "" }
    if r.start.line == r.end.line {
      let l = Array(source[r.start.line - 1].utf8)
      guard r.start.column <= r.end.column, r.end.column <= l.count else { return "" }
      return String(decoding: l[r.start.column..<r.end.column], as: UTF8.self)
    }
    var parts: [String] = []
    for ln in r.start.line...r.end.line {
      let l = Array(source[ln - 1].utf8)
      let a = ln == r.start.line ? min(r.start.column, l.count) : 0
      let b = ln == r.end.line ? min(r.end.column, l.count) : l.count
      parts.append(String(decoding: l[a..<max(a, b)], as: UTF8.self))
    }
    return parts.joined(separator: "\n")
  }

  // MARK: Unwinding for return, break, continue

  func unwind(_ b: FBlock, preserveTop: Bool) throws {
    switch b {
    case .forLoop:
      if preserveTop { emit(.rot2) }
      emit(.pop)
    case .whileLoop: break
    case .tryFinally(let fin):
      emit(.popBlock)
      if preserveTop { fblocks.append(.popValue) }
      try body(fin)
      if preserveTop { fblocks.removeLast() }
    case .popValue:
      if preserveTop { emit(.rot2) }
      emit(.pop)
    case .with(let isAsync, let place):
      let saved = (line, column, endLine, endColumn)
      at(place)
      emit(.popBlock)
      if preserveTop { emit(.rot2) }
      if isAsync {
        emit(.asyncWithExitNormal)
        emit(.awaitValue)
        emit(.pop)
      } else {
        emit(.withExitNormal)
      }
      (line, column, endLine, endColumn) = saved
    case .handler:
      emit(.popExcept)
    case .tryBody:
      emit(.popBlock)
    case .namedHandler(let n):
      emit(.popBlock)
      emit(.popExcept)
      emitNameCleanup(n)
    case .finallyExceptional:
      if preserveTop { emit(.rot2) }
      emit(.pop)
      emit(.popExcept)
    }
  }

  func unwindAll(preserveTop: Bool) throws {
    let saved = fblocks
    while let b = fblocks.popLast() {
      try unwind(b, preserveTop: preserveTop)
    }
    fblocks = saved
  }

  func loopExit(isBreak: Bool) throws {
    let saved = fblocks
    defer { fblocks = saved }
    while let b = fblocks.popLast() {
      switch b {
      case .forLoop(let start, let breaks):
        if isBreak {
          emit(.pop)
          breaks.jumps.append(emit(.jump(0)))
        } else {
          emit(.jump(start))
        }
        return
      case .whileLoop(let start, let breaks):
        if isBreak { breaks.jumps.append(emit(.jump(0))) } else { emit(.jump(start)) }
        return
      default:
        try unwind(b, preserveTop: false)
      }
    }
  }

  // MARK: try

  func tryFinally(_ fin: [Stmt], _ inner: () throws -> Void) throws {
    let setup = emit(.setupFinally(0))
    fblocks.append(.tryFinally(fin))
    try inner()
    fblocks.removeLast()
    emit(.popBlock)
    try body(fin)
    let end = emit(.jump(0))
    patch(setup)
    fblocks.append(.finallyExceptional)
    try body(fin)
    fblocks.removeLast()
    emit(.reraise)
    patch(end)
  }

  func tryExcept(_ b: [Stmt], _ handlers: [ExceptHandler], _ orelse: [Stmt], star: Bool) throws {
    let setup = emit(.setupFinally(0))
    fblocks.append(.tryBody)
    try body(b)
    fblocks.removeLast()
    emit(.popBlock)
    try body(orelse)
    var ends = [emit(.jump(0))]
    patch(setup)
    if star {
      emit(.exceptStarBegin)
      for h in handlers {
        at(h.range)
        try expr(h.type!)
        let noMatch = emit(.exceptStarMatch(0))
        if let n = h.name { store(n) } else { emit(.pop) }
        let catchSetup = emit(.setupFinally(0))
        fblocks.append(.handler)
        try body(h.body)
        fblocks.removeLast()
        emit(.popBlock)
        if let n = h.name { emitNameCleanup(n) }
        let next = emit(.jump(0))
        patch(catchSetup)
        emit(.exceptStarCollect)
        emit(.popExcept)
        if let n = h.name { emitNameCleanup(n) }
        patch(next)
        patch(noMatch)
      }
      emit(.exceptStarEnd)
      emit(.popExcept)
      for e in ends { patch(e) }
      return
    }
    for h in handlers {
      at(h.range)
      var next: Int?
      if let t = h.type {
        try expr(t)
        emit(.exceptionMatch)
        next = emit(.popJumpIfFalse(0))
      }
      if let n = h.name {
        store(n)
        let cleanupSetup = emit(.setupFinally(0))
        fblocks.append(.namedHandler(n))
        try body(h.body)
        fblocks.removeLast()
        emit(.popBlock)
        emit(.popExcept)
        emitNameCleanup(n)
        ends.append(emit(.jump(0)))
        patch(cleanupSetup)
        emitNameCleanup(n)
        emit(.reraise)
      } else {
        emit(.pop)
        fblocks.append(.handler)
        try body(h.body)
        fblocks.removeLast()
        emit(.popExcept)
        ends.append(emit(.jump(0)))
      }
      if let next { patch(next) }
    }
    emit(.reraise)
    for e in ends { patch(e) }
  }

  func emitNameCleanup(_ n: String) {
    emit(.loadConst(const(NoneObject.shared)))
    store(n)
    delete(n)
  }

  // MARK: with

  /// Where CPython places the instructions that enter and leave a `with` item (`__enter__`,
  /// `__exit__` and their awaits): at the whole statement, body included, before 3.13 (a span of
  /// several lines, under which no markers are drawn); at the item's context expression from 3.13.
  func withPlace(_ item: WithItem, _ range: SourceRange) -> SourceRange {
    version.minor >= 13 ? item.contextExpr.range : range
  }

  func with(_ items: ArraySlice<WithItem>, _ b: [Stmt], isAsync: Bool, range: SourceRange) throws {
    guard let item = items.first else {
      try body(b)
      return
    }
    try expr(item.contextExpr)
    let place = withPlace(item, range)
    let saved = (line, column, endLine, endColumn)
    at(place)
    let setup: Int
    if isAsync {
      emit(.beforeAsyncWith)
      emit(.awaitValue)
      setup = emit(.setupAsyncWith(0))
    } else {
      setup = emit(.setupWith(0))
    }
    (line, column, endLine, endColumn) = saved
    if let v = item.optionalVars { try storeTarget(v) } else { emit(.pop) }
    fblocks.append(.with(isAsync: isAsync, place: place))
    try with(items.dropFirst(), b, isAsync: isAsync, range: range)
    fblocks.removeLast()
    at(place)
    emit(.popBlock)
    if isAsync {
      emit(.asyncWithExitNormal)
      emit(.awaitValue)
      emit(.pop)
    } else {
      emit(.withExitNormal)
    }
    let end = emit(.jump(0))
    patch(setup)
    emit(.withExceptStart)
    if isAsync { emit(.awaitValue) }
    let swallow = emit(.popJumpIfTrue(0))
    emit(.reraise)
    patch(swallow)
    emit(.pop)
    emit(.popExcept)
    emit(.pop)
    patch(end)
  }

  // MARK: Assignment targets

  func storeTarget(_ t: Expr) throws {
    at(t.range)
    switch t.kind {
    case .name(let id, _): store(id)
    case .attribute(let v, let attr, _):
      try expr(v)
      emit(.storeAttr(name(mangle(attr))))
    case .subscript(let v, let s, _):
      try expr(v)
      try expr(s)
      emit(.storeSubscr)
    case .tuple(let es, _), .list(let es, _):
      if let star = es.firstIndex(where: { if case .starred = $0.kind { return true } else { return false } }) {
        emit(.unpackEx(before: star, after: es.count - star - 1))
      } else {
        emit(.unpackSequence(es.count))
      }
      for e in es {
        if case .starred(let v, _) = e.kind { try storeTarget(v) } else { try storeTarget(e) }
      }
    case .starred(let v, _): try storeTarget(v)
    default: throw refuse("assignment", "cannot assign to this expression", at: t.range)
    }
  }

  func deleteTarget(_ t: Expr) throws {
    at(t.range)
    switch t.kind {
    case .name(let id, _): delete(id)
    case .attribute(let v, let attr, _):
      try expr(v)
      emit(.deleteAttr(name(mangle(attr))))
    case .subscript(let v, let s, _):
      try expr(v)
      try expr(s)
      emit(.deleteSubscr)
    case .tuple(let es, _), .list(let es, _):
      for e in es { try deleteTarget(e) }
    default: throw refuse("del", "cannot delete this expression", at: t.range)
    }
  }

  func augAssign(_ t: Expr, _ op: BinaryOperator, _ v: Expr) throws {
    // The target is read where it stands, as CPython places that read.
    at(t.range)
    switch t.kind {
    case .name(let id, _):
      load(id)
      try expr(v)
      at(t.range)
      emit(.inplace(op))
      store(id)
    case .attribute(let o, let attr, _):
      try expr(o)
      emit(.dup)
      emit(.loadAttr(name(mangle(attr))))
      try expr(v)
      at(t.range)
      emit(.inplace(op))
      emit(.rot2)
      emit(.storeAttr(name(mangle(attr))))
    case .subscript(let o, let s, _):
      try expr(o)
      try expr(s)
      emit(.dup2)
      emit(.binarySubscr)
      try expr(v)
      at(t.range)
      emit(.inplace(op))
      emit(.rot3)
      emit(.storeSubscr)
    default: throw refuse("augmented assignment", "cannot assign to this expression", at: t.range)
    }
  }

  // MARK: Functions and classes

  func childScope(_ r: SourceRange, _ tag: String) -> Scope {
    scope.children[ScopeBuilder.key(r, tag)]!
  }

  func qualname(_ n: String) -> String {
    if scope.kind == .module { return n }
    if scope.kind == .function { return code.qualname + ".<locals>." + n }
    return code.qualname + "." + n
  }

  /// Pushes defaults, keyword defaults, annotations and the closure; returns the flags.
  func functionPrelude(_ args: Arguments, returns: Expr?, annotations: Bool, child: Scope) throws -> Int {
    var flags = 0
    if !args.defaults.isEmpty {
      for d in args.defaults { try expr(d) }
      emit(.buildTuple(args.defaults.count))
      flags |= 1
    }
    let kw = zip(args.kwonlyargs, args.kwDefaults).compactMap { a, d in d.map { (a.arg, $0) } }
    if !kw.isEmpty {
      for (n, d) in kw {
        emit(.loadConst(const(StrObject(n))))
        try expr(d)
      }
      emit(.buildMap(kw.count))
      flags |= 2
    }
    if annotations {
      var n = 0
      let all = args.posonlyargs + args.args + (args.vararg.map { [$0] } ?? []) + args.kwonlyargs + (args.kwarg.map { [$0] } ?? [])
      for a in all {
        if let an = a.annotation {
          emit(.loadConst(const(StrObject(a.arg))))
          try annotation(an)
          n += 1
        }
      }
      if let r = returns {
        emit(.loadConst(const(StrObject("return"))))
        try annotation(r)
        n += 1
      }
      if n > 0 {
        emit(.buildMap(n))
        flags |= 4
      }
    }
    if !child.frees.isEmpty {
      for f in child.frees {
        switch scope.access(f) {
        case .deref(let i), .classDeref(let i): emit(.loadClosure(i))
        default:
          // A class body's own cell for __class__.
          if let i = scope.cells.firstIndex(of: f) { emit(.loadClosure(i)) } else { emit(.loadClosure(0)) }
        }
      }
      emit(.buildTuple(child.frees.count))
      flags |= 8
    }
    return flags
  }

  func newCode(_ name: String, _ child: Scope, firstLine: Int) -> CodeObject {
    let c = CodeObject(name: name, qualname: qualname(name), filename: code.filename, firstLine: firstLine)
    c.varnames = child.locals
    c.cellvars = child.cells
    c.freevars = child.frees
    for (ci, n) in child.cells.enumerated() {
      if let li = child.locals.firstIndex(of: n), child.params.contains(n) { c.cellParameters.append((ci, li)) }
    }
    return c
  }

  func functionDef(_ f: FunctionDef, isAsync: Bool, range: SourceRange) throws {
    if !f.typeParams.isEmpty { throw refuse("type parameters", "generic functions (PEP 695) are not something an exercise run needs", at: range) }
    for d in f.decoratorList { try expr(d) }
    at(range)
    let child = childScope(range, "def")
    let flags = try functionPrelude(f.args, returns: f.returns, annotations: true, child: child)
    let c = newCode(f.name, child, firstLine: range.start.line)
    try fillArguments(c, f.args)
    if isAsync { c.flags.insert(child.isGenerator ? .asyncGenerator : .coroutine) } else if child.isGenerator { c.flags.insert(.generator) }
    let sub = Compiler(code: c, scope: child, version: version, source: lines, futureAnnotations: futureAnnotations, notes: notes)
    sub.line = range.start.line
    sub.functionBody = f.body
    sub.docstring(f.body)
    try sub.body(f.body)
    sub.emit(.loadConst(sub.const(NoneObject.shared)))
    sub.emit(.returnValue)
    sub.finish()
    code.codes.append(c)
    at(range)
    emit(.makeFunction(code: code.codes.count - 1, flags: flags))
    for _ in f.decoratorList { emitImplicit(.call(argc: 1, kwNames: -1)) }
    store(f.name)
  }

  func fillArguments(_ c: CodeObject, _ a: Arguments) throws {
    c.posonlyargcount = a.posonlyargs.count
    c.argcount = a.posonlyargs.count + a.args.count
    c.kwonlyargcount = a.kwonlyargs.count
    if a.vararg != nil { c.flags.insert(.varargs) }
    if a.kwarg != nil { c.flags.insert(.varkw) }
  }

  func classDef(_ cd: ClassDef, range: SourceRange) throws {
    if !cd.typeParams.isEmpty { throw refuse("type parameters", "generic classes (PEP 695) are not something an exercise run needs", at: range) }
    for d in cd.decoratorList { try expr(d) }
    at(range)
    let child = childScope(range, "class")
    let c = CodeObject(name: cd.name, qualname: qualname(cd.name), filename: code.filename, firstLine: range.start.line)
    c.flags.insert(.classBody)
    c.cellvars = child.cells
    c.freevars = child.frees
    let sub = Compiler(code: c, scope: child, version: version, source: lines, futureAnnotations: futureAnnotations, notes: notes)
    sub.line = range.start.line
    sub.docstring(cd.body)
    if cd.body.contains(where: { if case .annAssign = $0.kind { return true } else { return false } }) {
      sub.emit(.setupAnnotations)
    }
    try sub.body(cd.body)
    if let i = child.cells.firstIndex(of: "__class__") {
      sub.emit(.loadClosure(i))
    } else {
      sub.emit(.loadConst(sub.const(NoneObject.shared)))
    }
    sub.emit(.returnValue)
    sub.finish()
    code.codes.append(c)
    // Closure tuple, then bases, then keyword values.
    for f in child.frees {
      switch scope.access(f) {
      case .deref(let i), .classDeref(let i): emit(.loadClosure(i))
      default: emit(.loadClosure(0))
      }
    }
    emit(.buildTuple(child.frees.count))
    if cd.bases.contains(where: { if case .starred = $0.kind { return true } else { return false } }) {
      throw refuse("*bases", "starred base classes are not something an exercise run needs", at: range)
    }
    for b in cd.bases { try expr(b) }
    var kwNames: [PyObject] = []
    for k in cd.keywords {
      guard let n = k.arg else { throw refuse("**kwargs", "a class statement with **kwargs is not something an exercise run needs", at: range) }
      try expr(k.value)
      kwNames.append(StrObject(n))
    }
    at(range)
    emit(.buildClass(code: code.codes.count - 1, name: const(StrObject(cd.name)), bases: cd.bases.count, kwNames: const(TupleObject(kwNames))))
    for _ in cd.decoratorList { emitImplicit(.call(argc: 1, kwNames: -1)) }
    store(cd.name)
  }

  // MARK: match

  func match(_ subject: Expr, _ cases: [MatchCase]) throws {
    try expr(subject)
    let s = newTemp()
    storeTemp(s)
    var ends: [Int] = []
    for c in cases {
      var fails: [Int] = []
      try pattern(c.pattern, s, &fails)
      if let g = c.guardExpr {
        try expr(g)
        fails.append(emit(.popJumpIfFalse(0)))
      }
      try body(c.body)
      ends.append(emit(.jump(0)))
      for f in fails { patch(f) }
    }
    for e in ends { patch(e) }
  }

  // MARK: Pattern temporaries

  /// A hidden variable for a match subject (a fast local in a function, a name elsewhere).
  func newTemp() -> Int {
    let name = "$match\(tempCount)"
    tempCount += 1
    if scope.kind == .function {
      code.varnames.append(name)
      return code.varnames.count - 1
    }
    return self.name(name)
  }

  func storeTemp(_ t: Int) { emit(scope.kind == .function ? .storeFast(t) : .storeName(t)) }
  func loadTemp(_ t: Int) { emit(scope.kind == .function ? .loadFast(t) : .loadName(t)) }

  /// Tests the subject in temp `s` against `p`, binding names; a failure jumps to one of `fails`.
  func pattern(_ p: Pattern, _ s: Int, _ fails: inout [Int]) throws {
    at(p.range)
    switch p.kind {
    case .matchValue(let v):
      loadTemp(s)
      try expr(v)
      emitImplicit(.compare(.eq))
      fails.append(emit(.popJumpIfFalse(0)))
    case .matchSingleton(let c):
      loadTemp(s)
      emit(.loadConst(const(try constant(c, p.range))))
      emitImplicit(.compare(.is))
      fails.append(emit(.popJumpIfFalse(0)))
    case .matchAs(let sub, let name):
      if let sub { try pattern(sub, s, &fails) }
      if let name {
        loadTemp(s)
        store(name)
      }
    case .matchOr(let alternatives):
      var oks: [Int] = []
      for (i, alt) in alternatives.enumerated() {
        if i == alternatives.count - 1 {
          try pattern(alt, s, &fails)
        } else {
          var local: [Int] = []
          try pattern(alt, s, &local)
          oks.append(emit(.jump(0)))
          for f in local { patch(f) }
        }
      }
      for o in oks { patch(o) }
    case .matchSequence(let ps):
      let star = ps.firstIndex { if case .matchStar = $0.kind { return true } else { return false } }
      loadTemp(s)
      emit(.matchSequence(count: star == nil ? ps.count : ps.count - 1, star: star != nil))
      fails.append(emit(.popJumpIfFalse(0)))
      for (i, sub) in ps.enumerated() {
        if case .matchStar(let name) = sub.kind {
          guard let name else { continue }
          loadTemp(s)
          emit(.matchStar(before: i, after: ps.count - i - 1))
          store(name)
          continue
        }
        let t = newTemp()
        loadTemp(s)
        if let star, i > star {
          emit(.loadConst(const(IntObject.make(i - ps.count))))
        } else {
          emit(.loadConst(const(IntObject.make(i))))
        }
        emitImplicit(.binarySubscr)
        storeTemp(t)
        try pattern(sub, t, &fails)
      }
    case .matchMapping(let keys, let ps, let rest):
      loadTemp(s)
      emit(.matchMapping)
      fails.append(emit(.popJumpIfFalse(0)))
      for (k, sub) in zip(keys, ps) {
        try expr(k)
        loadTemp(s)
        emitImplicit(.compare(.in))
        fails.append(emit(.popJumpIfFalse(0)))
        let t = newTemp()
        loadTemp(s)
        try expr(k)
        emitImplicit(.binarySubscr)
        storeTemp(t)
        try pattern(sub, t, &fails)
      }
      if let rest {
        loadTemp(s)
        for k in keys { try expr(k) }
        emit(.copyDictWithoutKeys(count: keys.count))
        store(rest)
      }
    case .matchClass(let cls, let ps, let kwdAttrs, let kwdPatterns):
      loadTemp(s)
      try expr(cls)
      fails.append(emit(.matchClass(positional: ps.count, keywords: const(TupleObject(kwdAttrs.map { StrObject($0) })), fail: 0)))
      let values = newTemp()
      storeTemp(values)
      for (i, sub) in (ps + kwdPatterns).enumerated() {
        if case .matchAs(nil, nil) = sub.kind { continue }
        let t = newTemp()
        loadTemp(values)
        emit(.loadConst(const(IntObject.make(i))))
        emitImplicit(.binarySubscr)
        storeTemp(t)
        try pattern(sub, t, &fails)
      }
    case .matchStar:
      break
    }
  }
}
