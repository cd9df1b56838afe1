import AsyncioModel
import PythonSyntax
import PythonValues

extension Machine {
  /// The machine's own stack: however deep Python is allowed to go, the thread's stack is not
  /// exceeded (a debug build uses far more of it per call than a release build), whether the
  /// calls go through Python frames or built-in functions that call back.
  @inline(__always)
  func checkStack() throws {
    if stackBase != 0, stackBase &- currentStackAddress() > stackAllowance {
      throw Halt.budget("recursion: the program went deeper than lesson's stack allows (\(depth) calls)")
    }
  }

  /// Runs a frame until it returns, yields or awaits. An exception that no block of the frame
  /// handles is thrown, with this frame added to its traceback.
  func run(_ f: Frame, throwing pending: ExceptionObject? = nil) throws -> FrameExit {
    // The machine's own stack: however deep Python is allowed to go, the thread's stack is not
    // exceeded (a debug build uses far more of it per call than a release build).
    try checkStack()
    frames.append(f)
    defer { frames.removeLast() }
    var pendingError = pending
    while true {
      do {
        if let e = pendingError {
          pendingError = nil
          // Thrown into a suspended generator or coroutine (`_PyErr_ChainStackItem`): its context
          // is what that frame is handling, if anything.
          if let top = f.handled.last, top !== e { setContext(of: e, to: top) }
          throw e
        }
        return try execute(f)
      } catch let exc as ExceptionObject {
        // The machine's own stop, delivered through the loop: no handler of the program runs.
        if exc.cls === Types.Halt { throw halt ?? Halt.budget("the program was stopped") }
        if exc.raisedByProgram { noteFailure(exc) }
        // Where it starts (an operation failing, not a raise statement, which sets it itself):
        // its context is what is being handled now, as _PyErr_SetObject sets it.
        if exc.lastFrame == nil, exc.contextException == nil, let current = currentHandled(excluding: exc) {
          setContext(of: exc, to: current)
        }
        if exc.lastFrame !== f {
          if let last = exc.traceback.last, last.inlined {
            // Out of a comprehension 3.12+ runs inline: its line is this frame's.
            exc.traceback[exc.traceback.count - 1].function = f.code.name
            exc.traceback[exc.traceback.count - 1].inlined = false
          } else {
            let inlined = version.minor >= 12 && f.code.flags.contains(.comprehension) && !f.code.isGeneratorLike
            exc.traceback.append(
              TraceEntry(file: f.code.filename, line: f.line, function: f.code.name, span: f.span, inlined: inlined))
          }
          exc.lastFrame = f
        }
        if !unwind(f, to: exc) {
          f.handled.removeAll()
          // Unwinding empties the value stack; the traceback keeps the frame and its locals.
          f.stack.removeAll()
          exc.keptFrames.append(f)
          throw exc
        }
        // Caught here: the frames it left stay with it until it is let go (the end of the
        // except block), as CPython's traceback keeps them; this frame, which holds it, does not.
        exc.keptFrames.removeAll { $0 === f }
      } catch let h as Halt {
        if haltLine == nil { haltLine = f.line }
        throw h
      }
    }
  }

  /// Finds the frame's handler for `exc`; false when there is none.
  func unwind(_ f: Frame, to exc: ExceptionObject) -> Bool {
    while let b = f.blocks.popLast() {
      switch b {
      case .handling(let level):
        f.handled.removeLast()
        if f.stack.count > level { f.stack.removeSubrange(level...) }
      case .setup(let handler, let level):
        if f.stack.count > level { f.stack.removeSubrange(level...) }
        if exc.contextException == nil, let current = currentHandled(excluding: exc) {
          setContext(of: exc, to: current)
        }
        f.blocks.append(.handling(level: f.stack.count))
        f.handled.append(exc)
        f.stack.append(exc)
        f.pc = handler
        return true
      }
    }
    return false
  }

  /// The exception being handled now (`sys.exception()`), innermost frame first: the running
  /// frames, then, in a task, the coroutines awaiting the running one (CPython links each
  /// coroutine's exception state to the one that resumed it), then the frames below the loop.
  func currentHandled(excluding e: ExceptionObject? = nil) -> ExceptionObject? {
    let split = loop != nil ? min(max(framesBelowLoop, 0), frames.count) : 0
    for fr in frames[split...].reversed() {
      if let h = fr.handled.last, h !== e { return h }
    }
    if split > 0 || loop != nil, let task = loop?.currentTask {
      for coroutine in task.awaitChain.dropFirst() {
        let frame = (coroutine as? GeneratorObject)?.frame ?? (coroutine as? AsyncGeneratorStep)?.generator.frame
        if let h = frame?.handled.last, h !== e { return h }
      }
    }
    for fr in frames[..<split].reversed() {
      if let h = fr.handled.last, h !== e { return h }
    }
    return nil
  }

  /// Raises `exc` as a `raise` statement does: sets its context from what is being handled.
  func raising(_ exc: ExceptionObject) -> ExceptionObject {
    if let current = currentHandled(), current !== exc, exc.contextException == nil {
      setContext(of: exc, to: current)
    }
    return exc
  }

  /// `exc.__context__ = current`, as `_PyErr_SetObject` sets it: a link back to `exc` in the
  /// chain of `current` is cut first (no new cycle), and a cycle already there is not followed
  /// for ever.
  func setContext(of exc: ExceptionObject, to current: ExceptionObject) {
    var o = current
    var seen: Set<ObjectIdentifier> = [ObjectIdentifier(o)]
    while let c = o.contextException {
      if c === exc {
        o.contextException = nil
        break
      }
      if !seen.insert(ObjectIdentifier(c)).inserted { break }
      o = c
    }
    exc.contextException = current
  }

  /// One step of work a built-in does on the program's behalf (a long loop in Swift), on the
  /// same budget as the program's own steps.
  func countStep() throws {
    steps &+= 1
    if steps > budgets.steps {
      throw Halt.budget("steps: the program ran more than \(budgets.steps) steps (an endless loop?)")
    }
    if steps & 0xFFFF == 0 { try checkMemory() }
  }

  /// The steps of one operation on large integers of `a` and `b` 64-bit words, by the work it
  /// takes: `a * b` word operations when one is short (schoolbook), about `2 * max^1.5` when both
  /// are long (Karatsuba); a step per 16. (`pow(3, 10**8)` runs for minutes in CPython too; a
  /// loop multiplying a huge number by 3 a million times, seconds: here the step budget stops
  /// both.)
  func countIntegerWork(words a: Int, _ b: Int) throws {
    let longer = Double(max(a, b))
    let work = min(a, b) <= 32 ? Double(a) * Double(b) : 2 * longer * longer.squareRoot()
    let cost = work >= Double(budgets.steps) * 16 ? budgets.steps &+ 1 : Int(work) >> 4
    guard cost > 0 else { return }
    steps &+= cost
    if steps > budgets.steps {
      throw Halt.budget("steps: the program ran more than \(budgets.steps) steps (an endless loop?)")
    }
  }

  private func execute(_ f: Frame) throws -> FrameExit {
    let code = f.code
    let instrs = code.instrs
    while true {
      steps &+= 1
      if steps > budgets.steps {
        throw Halt.budget("steps: the program ran more than \(budgets.steps) steps (an endless loop?)")
      }
      if steps & 0xFFFF == 0 { try checkMemory() }
      let instr = instrs[f.pc]
      f.pc += 1
      switch instr {
      case .nop: break
      case .loadConst(let i): f.stack.append(code.consts[i])
      case .loadFast(let i):
        guard let v = f.locals[i] else { throw unboundLocal(code.varnames[i]) }
        f.stack.append(v)
      case .storeFast(let i): f.locals[i] = f.stack.removeLast()
      case .deleteFast(let i):
        guard f.locals[i] != nil else { throw unboundLocal(code.varnames[i]) }
        f.locals[i] = nil
      case .loadDeref(let i):
        guard let v = f.cells[i].value else { throw unboundDeref(f, i) }
        if inWorker > 0, workerSlept { try workerReads(v, binding: true) }
        f.stack.append(v)
      case .loadClassDeref(let i):
        let n = i < code.cellvars.count ? code.cellvars[i] : code.freevars[i - code.cellvars.count]
        if let ns = f.namespace, let v = ns.getStr(n) {
          f.stack.append(v)
        } else {
          guard let v = f.cells[i].value else { throw unboundDeref(f, i) }
          f.stack.append(v)
        }
      case .storeDeref(let i):
        if inWorker > 0 { try workerEffect("changes a shared variable") }
        f.cells[i].value = f.stack.removeLast()
      case .deleteDeref(let i):
        guard f.cells[i].value != nil else { throw unboundDeref(f, i) }
        f.cells[i].value = nil
      case .loadClosure(let i): f.stack.append(f.cells[i])
      case .loadGlobal(let i):
        let n = code.nameObjects[i]
        if let v = f.globals.getStr(n) ?? builtins.getStr(n) {
          if inWorker > 0, workerSlept { try workerReads(v, binding: globalsRebound.contains(n.value)) }
          f.stack.append(v)
        } else {
          throw nameError(n.value)
        }
      case .storeGlobal(let i):
        if inWorker > 0 { try workerEffect("changes a global") }
        f.globals.setStr(code.nameObjects[i], f.stack.removeLast())
      case .deleteGlobal(let i):
        guard f.globals.removeStr(code.names[i]) != nil else { throw nameError(code.names[i]) }
      case .loadName(let i):
        let n = code.nameObjects[i]
        if let v = f.namespace?.getStr(n) ?? f.globals.getStr(n) ?? builtins.getStr(n) {
          f.stack.append(v)
        } else {
          throw nameError(n.value)
        }
      case .storeName(let i): (f.namespace ?? f.globals).setStr(code.nameObjects[i], f.stack.removeLast())
      case .deleteName(let i):
        guard (f.namespace ?? f.globals).removeStr(code.names[i]) != nil else { throw nameError(code.names[i]) }
      case .loadAttr(let i):
        let o = f.stack.removeLast()
        if inWorker > 0, workerSlept { try workerReads(o) }
        f.stack.append(try getAttribute(o, code.nameObjects[i]))
      case .storeAttr(let i):
        let o = f.stack.removeLast()
        if inWorker > 0, loopCanReach(o) { try workerEffect("changes an attribute") }
        let v = f.stack.removeLast()
        try setAttribute(o, code.names[i], v)
      case .deleteAttr(let i):
        try deleteAttributeStatement(f.stack.removeLast(), code.names[i])
      case .loadMethod(let nameIndex):
        let receiver = f.stack.removeLast()
        if let fn = try plainMethod(receiver, code.nameObjects[nameIndex]) {
          f.stack.append(fn)
          f.stack.append(receiver)
        } else {
          f.stack.append(try getAttribute(receiver, code.nameObjects[nameIndex]))
          f.stack.append(NoReceiver.shared)
        }
      case .callMethod(let argc, let kwNames):
        var args = popArgs(f, argc: argc, kwNames: kwNames)
        let receiver = f.stack.removeLast()
        if inWorker > 0, workerSlept, receiver is ListObject || receiver is DictObject || receiver is SetObject,
          loopCanReach(receiver)
        {
          try workerEffect("changes a list, dict or set")
        }
        let callee = f.stack.removeLast()
        if receiver !== NoReceiver.shared { args = args.prepending(receiver) }
        f.stack.append(try call(callee, args))
      case .binarySubscr:
        let k = f.stack.removeLast()
        let o = f.stack.removeLast()
        if inWorker > 0, workerSlept { try workerReads(o) }
        f.stack.append(try getItem(o, k))
      case .storeSubscr:
        let k = f.stack.removeLast()
        let o = f.stack.removeLast()
        if inWorker > 0, loopCanReach(o) { try workerEffect("changes a list or dict") }
        let v = f.stack.removeLast()
        try setItem(o, k, v)
      case .deleteSubscr:
        let k = f.stack.removeLast()
        let o = f.stack.removeLast()
        try deleteItem(o, k)
      case .pop: f.stack.removeLast()
      case .dup: f.stack.append(f.stack[f.stack.count - 1])
      case .dup2:
        let n = f.stack.count
        f.stack.append(f.stack[n - 2])
        f.stack.append(f.stack[n - 1])
      case .rot2:
        f.stack.swapAt(f.stack.count - 1, f.stack.count - 2)
      case .rot3:
        let v = f.stack.removeLast()
        f.stack.insert(v, at: f.stack.count - 2)
      case .rot4:
        let v = f.stack.removeLast()
        f.stack.insert(v, at: f.stack.count - 3)
      case .binary(let op):
        let r = f.stack.removeLast()
        let l = f.stack.removeLast()
        f.stack.append(try binaryOp(l, r, op))
      case .inplace(let op):
        let r = f.stack.removeLast()
        let l = f.stack.removeLast()
        f.stack.append(try inplaceOp(l, r, op))
      case .unary(let op):
        let v = f.stack.removeLast()
        f.stack.append(try unaryOp(v, op))
      case .compare(let op):
        let r = f.stack.removeLast()
        let l = f.stack.removeLast()
        f.stack.append(try compareOp(l, r, op))
      case .buildList(let n):
        let items = Array(f.stack[(f.stack.count - n)...])
        f.stack.removeLast(n)
        f.stack.append(ListObject(items))
      case .buildTuple(let n):
        let items = Array(f.stack[(f.stack.count - n)...])
        f.stack.removeLast(n)
        f.stack.append(n == 0 ? TupleObject.empty : TupleObject(items))
      case .buildSet(let n):
        let s = SetObject()
        for v in f.stack[(f.stack.count - n)...] { try s.add(v, self) }
        f.stack.removeLast(n)
        f.stack.append(s)
      case .buildConstantSet(let n):
        let s = SetObject()
        for v in f.stack[(f.stack.count - n)...] { try s.add(v, self) }
        f.stack.removeLast(n)
        if !s.order.everyElementAtHome { s.order.exact = false }
        f.stack.append(s)
      case .buildMap(let n):
        let d = DictObject()
        var i = f.stack.count - 2 * n
        while i < f.stack.count {
          try d.set(f.stack[i], f.stack[i + 1], self)
          i += 2
        }
        f.stack.removeLast(2 * n)
        f.stack.append(d)
      case .buildSlice(let n):
        let step = n == 3 ? f.stack.removeLast() : NoneObject.shared
        let stop = f.stack.removeLast()
        let start = f.stack.removeLast()
        f.stack.append(SliceObject(start, stop, step))
      case .buildString(let n):
        var s = ""
        for v in f.stack[(f.stack.count - n)...] { s += (v as! StrObject).value }
        f.stack.removeLast(n)
        f.stack.append(StrObject(s))
      case .listAppend(let i):
        let v = f.stack.removeLast()
        (f.stack[f.stack.count - i] as! ListObject).items.append(v)
      case .setAdd(let i):
        let v = f.stack.removeLast()
        try (f.stack[f.stack.count - i] as! SetObject).add(v, self)
      case .mapAdd(let i):
        let v = f.stack.removeLast()
        let k = f.stack.removeLast()
        try (f.stack[f.stack.count - i] as! DictObject).set(k, v, self)
      case .listExtend(let i):
        let v = f.stack.removeLast()
        let l = f.stack[f.stack.count - i] as! ListObject
        let new = try rephrasingNotIterable(v, as: "Value after * must be an iterable, not \(typeName(v))") {
          try iterate(v)
        }
        l.items.append(contentsOf: new)
        try checkElements(l.items.count, added: new.count)
      case .setUpdate(let i):
        let v = f.stack.removeLast()
        let s = f.stack[f.stack.count - i] as! SetObject
        for x in try iterate(v) { try s.add(x, self) }
      case .dictUpdate(let i), .dictMerge(let i):
        let v = f.stack.removeLast()
        let d = f.stack[f.stack.count - i] as! DictObject
        if case .dictMerge = instr {
          // Under the dict: the positional arguments, then the function called.
          try mergeMapping(
            into: d, v, isCall: true, callee: f.stack.count - i - 2 >= 0 ? f.stack[f.stack.count - i - 2] : nil)
        } else {
          try mergeMapping(into: d, v, isCall: false)
        }
      case .listToTuple:
        let l = f.stack.removeLast() as! ListObject
        f.stack.append(TupleObject(l.items))
      case .starArgsOfDiscardedGather:
        if let items = discardedGatherArguments(f.stack[f.stack.count - 1], callee: f.stack[f.stack.count - 2]) {
          f.stack[f.stack.count - 1] = TupleObject(items)
          continue
        }
        fallthrough
      case .starArgs:
        let v = f.stack.removeLast()
        if let t = v as? TupleObject, t.type === Types.tuple {
          f.stack.append(t)
        } else {
          let callee = f.stack.last
          let items = try rephrasingNotIterable(
            v, as: "\(functionString(callee)) argument after * must be an iterable, not \(typeName(v))"
          ) { try iterate(v) }
          f.stack.append(TupleObject(items))
        }
      case .formatValue(let conversion, let hasSpec):
        let spec = hasSpec ? (f.stack.removeLast() as! StrObject).value : ""
        var v = f.stack.removeLast()
        switch conversion {
        case 115: v = StrObject(try str(v))
        case 114: v = StrObject(try repr(v))
        case 97: v = StrObject(PyPercent.ascii(try repr(v)))
        default: break
        }
        if spec.isEmpty, let s = v as? StrObject, s.type === Types.str {
          f.stack.append(s)
        } else {
          f.stack.append(StrObject(try format(v, spec)))
        }
      case .unpackSequence(let n):
        let v = f.stack.removeLast()
        let items: [PyObject]
        if let t = v as? TupleObject {
          items = t.items
        } else if let l = v as? ListObject {
          items = l.items
        } else {
          items = try rephrasingNotIterable(v, as: "cannot unpack non-iterable \(typeName(v)) object") {
            try iterate(v, limit: n + 1)
          }
        }
        if items.count != n {
          if items.count < n {
            throw valueError("not enough values to unpack (expected \(n), got \(items.count))")
          }
          throw valueError("too many values to unpack (expected \(n))")
        }
        f.stack.append(contentsOf: items.reversed())
      case .unpackEx(let before, let after):
        let v = f.stack.removeLast()
        let items = try rephrasingNotIterable(v, as: "cannot unpack non-iterable \(typeName(v)) object") {
          try iterate(v)
        }
        if items.count < before + after {
          throw valueError("not enough values to unpack (expected at least \(before + after), got \(items.count))")
        }
        f.stack.append(contentsOf: items[(items.count - after)...].reversed())
        f.stack.append(ListObject(Array(items[before..<(items.count - after)])))
        f.stack.append(contentsOf: items[..<before].reversed())
      case .jump(let t): f.pc = t
      case .popJumpIfFalse(let t):
        if try !truthy(f.stack.removeLast()) { f.pc = t }
      case .popJumpIfTrue(let t):
        if try truthy(f.stack.removeLast()) { f.pc = t }
      case .jumpIfFalseOrPop(let t):
        if try !truthy(f.stack[f.stack.count - 1]) { f.pc = t } else { f.stack.removeLast() }
      case .jumpIfTrueOrPop(let t):
        if try truthy(f.stack[f.stack.count - 1]) { f.pc = t } else { f.stack.removeLast() }
      case .getIter:
        if inWorker > 0, workerSlept { try workerReads(f.stack[f.stack.count - 1]) }
        f.stack.append(try getIterator(f.stack.removeLast()))
      case .getIterCancelling:
        f.stack.append(try cancellingIterator(f.stack.removeLast()))
      case .getIterUnordered(let consumer, let reads):
        let iterable = f.stack.removeLast()
        f.stack.append(try unorderedIterator(iterable, in: f, consumer: consumer, reads: reads))
      case .checkSortedTies:
        try checkSortedTies(f.stack[f.stack.count - 1])
      case .checkOrderFree:
        try checkOrderFree()
      case .forIter(let t):
        if let v = try next(f.stack[f.stack.count - 1]) {
          f.stack.append(v)
        } else {
          f.stack.removeLast()
          f.pc = t
        }
      case .getAIter:
        let o = f.stack.removeLast()
        if let g = o as? GeneratorObject, g.isAsyncGenerator {
          f.stack.append(g)
        } else if let ai = o.type.lookup("__aiter__"), !o.type.isBuiltin {
          f.stack.append(try call(ai, Args([o])))
        } else if let it = o as? IteratorObject, it.asyncNext != nil {
          f.stack.append(it)
        } else if let it = o as? IteratorObject, it.kind == "as_completed" {
          // Before 3.13 it is a plain generator.
          throw typeError("'async for' requires an object with __aiter__ method, got generator")
        } else {
          throw typeError("'async for' requires an object with __aiter__ method, got \(typeName(o))")
        }
      case .getANext:
        let it = f.stack[f.stack.count - 1]
        if let g = it as? GeneratorObject, g.isAsyncGenerator {
          f.stack.append(AwaitableObject("__anext__", coroutine: AsyncGeneratorStep(g, send: NoneObject.shared), library: .inC))
        } else if let an = it.type.lookup("__anext__"), !it.type.isBuiltin {
          f.stack.append(try call(an, Args([it])))
        } else if let it = it as? IteratorObject, let next = it.asyncNext {
          f.stack.append(
            try next()
              ?? AwaitableObject(
                "__anext__", coroutine: OneShotCoroutine { _ in .raised(ExceptionObject(Types.StopAsyncIteration, [])) }))
        } else {
          throw typeError("'async for' received an invalid object from __aiter__: \(typeName(it))")
        }
      case .endAsyncFor:
        let e = f.stack.removeLast() as! ExceptionObject
        guard e.isInstance(of: Types.StopAsyncIteration) else { throw e }
        if case .handling = f.blocks.last {
          f.blocks.removeLast()
          f.handled.removeLast()
        }
        f.stack.removeLast()
      case .call(let argc, let kwNames):
        let args = popArgs(f, argc: argc, kwNames: kwNames)
        if inWorker > 0, workerSlept { for a in args.positional { try workerReads(a) } }
        let callee = f.stack.removeLast()
        f.stack.append(try call(callee, args))
      case .callEx(let hasKwargs):
        var keywords: [(String, PyObject)] = []
        if hasKwargs {
          let d = f.stack.removeLast() as! DictObject
          for (k, v) in d.pairs {
            // A mapping of the program's own may give keys that are not strings.
            guard let name = k as? StrObject else { throw typeError("keywords must be strings") }
            keywords.append((name.value, v))
          }
        }
        let t = f.stack.removeLast() as! TupleObject
        let callee = f.stack.removeLast()
        f.stack.append(try call(callee, Args(t.items, keywords: keywords)))
      case .makeFunction(let ci, let flags):
        let child = code.codes[ci]
        var closure: [CellObject] = []
        var annotations: DictObject?
        var kwDefaults: [String: PyObject] = [:]
        var defaults: [PyObject] = []
        if flags & 8 != 0 { closure = (f.stack.removeLast() as! TupleObject).items.map { $0 as! CellObject } }
        if flags & 4 != 0 { annotations = f.stack.removeLast() as? DictObject }
        if flags & 2 != 0 {
          for (k, v) in (f.stack.removeLast() as! DictObject).pairs { kwDefaults[(k as! StrObject).value] = v }
        }
        if flags & 1 != 0 { defaults = (f.stack.removeLast() as! TupleObject).items }
        let fn = FunctionObject(
          code: child, globals: f.globals, defaults: defaults, kwDefaults: kwDefaults, closure: closure,
          qualname: child.qualname)
        fn.annotations = annotations
        f.stack.append(fn)
      case .returnValue:
        let v = f.stack.removeLast()
        f.finished = true
        return .returned(v)
      case .yieldValue:
        let v = f.stack.removeLast()
        return .yielded(v)
      case .awaitValue:
        let v = f.stack.removeLast()
        return .awaiting(try awaitStep(v))
      case .yieldFrom:
        let it: PyObject
        // Resumed: the value sent in is on the stack, and goes on to a generator being delegated to.
        var sent: PyObject = NoneObject.shared
        if let d = f.delegate {
          it = d
          sent = f.stack.removeLast()
        } else {
          it = try getIterator(f.stack.removeLast())
          f.delegate = it
        }
        let produced: PyObject?
        if let g = it as? GeneratorObject, !(sent is NoneObject) {
          produced = try g.send(sent)
        } else {
          produced = try next(it)
        }
        if let v = produced {
          f.pc -= 1
          return .yielded(v)
        }
        f.delegate = nil
        f.stack.append((it as? GeneratorObject)?.returnValue ?? NoneObject.shared)
      case .setupFinally(let h):
        f.blocks.append(.setup(handler: h, level: f.stack.count))
      case .popBlock:
        f.blocks.removeLast()
      case .popExcept:
        if case .handling = f.blocks.last {
          f.blocks.removeLast()
          f.handled.removeLast()
        }
      case .reraise:
        let e = f.stack.removeLast() as! ExceptionObject
        throw e
      case .raise(let n):
        switch n {
        case 0:
          guard let e = currentHandled() else { throw raising(runtimeError("No active exception to reraise")) }
          throw e
        case 1:
          let e = try makeException(f.stack.removeLast())
          noteRaised(e)
          throw raising(e)
        default:
          let causeObj = f.stack.removeLast()
          let e = try makeException(f.stack.removeLast())
          if causeObj is NoneObject {
            e.causeException = nil
          } else {
            guard causeObj is ExceptionObject || (causeObj as? TypeObject)?.isSubtype(of: Types.BaseException) == true
            else {
              throw typeError("exception causes must derive from BaseException")
            }
            let c = try makeException(causeObj)
            e.causeException = c
          }
          e.suppressContext = true
          noteRaised(e)
          throw raising(e)
        }
      case .exceptionMatch:
        let t = f.stack.removeLast()
        let e = f.stack[f.stack.count - 1] as! ExceptionObject
        let matches = try exceptionMatches(e, t)
        if matches, e.raisedByProgram { observeHandled(line: f.line) }
        if matches, loop != nil, e.isInstance(of: Types.TimeoutError) || e.isInstance(of: Types.AsyncioTimeoutError310)
        {
          observeTimeoutHandled(line: f.line)
        }
        f.stack.append(BoolObject.of(matches))
      case .exceptStarBegin:
        let e = f.stack.removeLast() as! ExceptionObject
        f.stack.append(StarState(e))
      case .exceptStarMatch(let t):
        let cls = f.stack.removeLast()
        let state = f.stack[f.stack.count - 1] as! StarState
        if let match = try splitForStar(state, cls) {
          f.stack.append(match)
        } else {
          f.pc = t
        }
      case .exceptStarCollect:
        let raised = f.stack.removeLast() as! ExceptionObject
        (f.stack[f.stack.count - 1] as! StarState).raised.append(raised)
      case .exceptStarEnd:
        let state = f.stack.removeLast() as! StarState
        if let e = try state.toRaise(self) { throw e }
      case .setupWith(let h):
        let mgr = f.stack.removeLast()
        // `__enter__` is looked up first, as CPython does (3.10 names the one that is missing).
        let enter = try lookupSpecial(mgr, "__enter__", missing: "the context manager protocol")
        let exit = try lookupSpecial(mgr, "__exit__", missing: "the context manager protocol (missed __exit__ method)")
        f.stack.append(exit)
        let r = try call(enter, Args())
        f.blocks.append(.setup(handler: h, level: f.stack.count))
        f.stack.append(r)
      case .beforeAsyncWith:
        let mgr = f.stack.removeLast()
        let enter = try lookupSpecial(mgr, "__aenter__", missing: "the asynchronous context manager protocol")
        let exit = try lookupSpecial(
          mgr, "__aexit__", missing: "the asynchronous context manager protocol (missed __aexit__ method)")
        f.stack.append(exit)
        f.stack.append(try call(enter, Args()))
      case .setupAsyncWith(let h):
        f.blocks.append(.setup(handler: h, level: f.stack.count - 1))
      case .withExitNormal:
        let exit = f.stack.removeLast()
        _ = try call(exit, Args([NoneObject.shared, NoneObject.shared, NoneObject.shared]))
      case .asyncWithExitNormal:
        let exit = f.stack.removeLast()
        f.stack.append(try call(exit, Args([NoneObject.shared, NoneObject.shared, NoneObject.shared])))
      case .withExceptStart:
        let e = f.stack[f.stack.count - 1] as! ExceptionObject
        let exit = f.stack[f.stack.count - 2]
        f.stack.append(try call(exit, Args([e.type, e, NoneObject.shared])))
      case .importName(let ni, let fromList, _):
        f.stack.append(try importModule(code.names[ni], leaf: fromList != -1, line: f.line))
      case .importFrom(let ni):
        let m = f.stack[f.stack.count - 1]
        let n = code.names[ni]
        if let mod = m as? ModuleObject, let v = mod.dict.getStr(n) {
          f.stack.append(v)
        } else if let mod = m as? ModuleObject,
          let sub = try? importModule(mod.name + "." + n, leaf: true, line: f.line)
        {
          f.stack.append(sub)
        } else {
          let mn = (m as? ModuleObject)?.name ?? "?"
          throw refusedImport(mn + "." + n, line: f.line, name: n, module: mn)
        }
      case .importStar:
        let m = f.stack.removeLast() as! ModuleObject
        for (k, v) in m.dict.pairs {
          let name = (k as! StrObject).value
          if !name.hasPrefix("_") { (f.namespace ?? f.globals).setStr(name, v) }
        }
      case .buildClass(let ci, let nameIndex, let nbases, let kwNames):
        let kwTuple = code.consts[kwNames] as! TupleObject
        var keywords: [(String, PyObject)] = []
        for k in kwTuple.items.reversed() { keywords.insert(((k as! StrObject).value, f.stack.removeLast()), at: 0) }
        let bases = Array(f.stack[(f.stack.count - nbases)...])
        f.stack.removeLast(nbases)
        let closure = (f.stack.removeLast() as! TupleObject).items.map { $0 as! CellObject }
        let cls = try buildClass(
          code.codes[ci], name: (code.consts[nameIndex] as! StrObject).value, bases: bases, keywords: keywords,
          closure: closure, globals: f.globals)
        f.stack.append(cls)
      case .loadBuildClassCell: break
      case .setupAnnotations:
        let ns = f.namespace ?? f.globals
        if ns.getStr("__annotations__") == nil { ns.setStr("__annotations__", DictObject()) }
      case .loadAssertionError:
        f.stack.append(Types.AssertionError)
      case .printExpr: f.stack.removeLast()
      case .matchSequence(let n, let star):
        let s = f.stack.removeLast()
        var ok = false
        if s is ListObject || (s is TupleObject) || s is RangeObject {
          let count = try length(s)
          ok = star ? count >= n : count == n
        }
        f.stack.append(BoolObject.of(ok))
      case .matchStar(let before, let after):
        let items = try iterate(f.stack.removeLast())
        f.stack.append(ListObject(Array(items[before..<(items.count - after)])))
      case .matchMapping:
        let s = f.stack.removeLast()
        f.stack.append(BoolObject.of(s is DictObject))
      case .copyDictWithoutKeys(let count):
        let keys = Array(f.stack.suffix(count))
        f.stack.removeLast(count)
        let rest = (f.stack.removeLast() as! DictObject).copy(type: Types.dict)
        for key in keys { _ = try rest.remove(key, self) }
        f.stack.append(rest)
      case .matchClass(let npos, let kwIndex, let fail):
        let cls = f.stack.removeLast()
        let subject = f.stack.removeLast()
        guard let t = cls as? TypeObject else { throw typeError("called match pattern must be a class") }
        guard subject.type.isSubtype(of: t) else {
          f.pc = fail
          break
        }
        var values: [PyObject] = []
        if npos > 0 {
          let selfMatching: [TypeObject] = [
            Types.bool, Types.bytes, Types.dict, Types.float, Types.frozenset, Types.int, Types.list, Types.set,
            Types.str, Types.tuple,
          ]
          if let args = t.lookup("__match_args__") {
            guard let names = args as? TupleObject else {
              throw typeError("\(t.name).__match_args__ must be a tuple (got \(typeName(args)))")
            }
            guard npos <= names.items.count else {
              throw typeError(
                "\(t.name)() accepts \(names.items.count) positional sub-pattern\(names.items.count == 1 ? "" : "s") (\(npos) given)"
              )
            }
            for n in names.items.prefix(npos) {
              guard let attr = n as? StrObject, let v = try findAttribute(subject, attr) else {
                f.pc = fail
                break
              }
              values.append(v)
            }
            if values.count < npos { break }
          } else if selfMatching.contains(where: { t.isSubtype(of: $0) }) {
            guard npos == 1 else { throw typeError("\(t.name)() accepts 1 positional sub-pattern (\(npos) given)") }
            values.append(subject)
          } else {
            throw typeError("\(t.name)() accepts 0 positional sub-patterns (\(npos) given)")
          }
        }
        var missing = false
        for k in (code.consts[kwIndex] as! TupleObject).items {
          guard let v = try findAttribute(subject, k as! StrObject) else {
            missing = true
            break
          }
          values.append(v)
        }
        if missing {
          f.pc = fail
          break
        }
        f.stack.append(TupleObject(values))
      }
    }
  }

  func popArgs(_ f: Frame, argc: Int, kwNames: Int) -> Args {
    if argc == 0 { return Args() }
    let values = Array(f.stack[(f.stack.count - argc)...])
    f.stack.removeLast(argc)
    if kwNames < 0 { return Args(values) }
    let names = (f.code.consts[kwNames] as! TupleObject).items
    let np = argc - names.count
    var kw: [(String, PyObject)] = []
    kw.reserveCapacity(names.count)
    for (i, n) in names.enumerated() { kw.append(((n as! StrObject).value, values[np + i])) }
    return Args(Array(values[..<np]), keywords: kw)
  }

  func unboundLocal(_ n: String) -> ExceptionObject {
    if version.minor >= 11 {
      return pyError(
        Types.UnboundLocalError, "cannot access local variable '\(n)' where it is not associated with a value")
    }
    return pyError(Types.UnboundLocalError, "local variable '\(n)' referenced before assignment")
  }

  func unboundDeref(_ f: Frame, _ i: Int) -> ExceptionObject {
    let n = i < f.code.cellvars.count ? f.code.cellvars[i] : f.code.freevars[i - f.code.cellvars.count]
    if i < f.code.cellvars.count { return unboundLocal(n) }
    if version.minor >= 11 {
      return pyError(
        Types.NameError, "cannot access free variable '\(n)' where it is not associated with a value in enclosing scope"
      )
    }
    return pyError(Types.NameError, "free variable '\(n)' referenced before assignment in enclosing scope")
  }

  func nameError(_ n: String) -> Error {
    if n == "__builtins__" {
      return reachingIn("__builtins__")
    }
    return nameErrorObject(n)
  }

  func nameErrorObject(_ n: String) -> ExceptionObject {
    let e = pyError(Types.NameError, "name '\(n)' is not defined")
    e.dict.setStr("name", StrObject(n))
    if let f = frames.last {
      var names = f.code.varnames.enumerated().filter { f.locals[$0.offset] != nil }.map(\.element)
      names += (f.namespace ?? f.globals).keys.compactMap { ($0 as? StrObject)?.value }
      if f.namespace != nil { names += f.globals.keys.compactMap { ($0 as? StrObject)?.value } }
      e.nameCandidates = names
      if version.minor >= 12, let i = f.code.varnames.firstIndex(of: "self"), i < f.locals.count, let me = f.locals[i] {
        e.selfHasName = (try? getAttribute(me, StrObject(n))) != nil
      }
    }
    return e
  }

  /// The exception `raise v` raises (or `throw(v)` throws into a generator, whose message names
  /// what it was given).
  func makeException(_ v: PyObject, throwing: Bool = false) throws -> ExceptionObject {
    if let e = v as? ExceptionObject { return e }
    if let t = v as? TypeObject, t.isSubtype(of: Types.BaseException) {
      guard let e = try call(t, Args()) as? ExceptionObject else {
        throw typeError("calling \(try repr(t)) should have returned an instance of BaseException, not \(typeName(v))")
      }
      return e
    }
    if throwing {
      throw typeError("exceptions must be classes or instances deriving from BaseException, not \(typeName(v))")
    }
    throw typeError("exceptions must derive from BaseException")
  }

  func exceptionMatches(_ e: ExceptionObject, _ t: PyObject) throws -> Bool {
    if let c = t as? TypeObject {
      guard c.isSubtype(of: Types.BaseException) else {
        throw typeError("catching classes that do not inherit from BaseException is not allowed")
      }
      return e.cls.isSubtype(of: c)
    }
    if let tuple = t as? TupleObject {
      // Every class of the tuple is checked before any is matched, as CPython does.
      for x in tuple.items where !((x as? TypeObject)?.isSubtype(of: Types.BaseException) ?? false) {
        throw typeError("catching classes that do not inherit from BaseException is not allowed")
      }
      return tuple.items.contains { e.cls.isSubtype(of: $0 as! TypeObject) }
    }
    throw typeError("catching classes that do not inherit from BaseException is not allowed")
  }
}
