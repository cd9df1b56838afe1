import AsyncioModel

extension Machine {
  /// Calls any callable object.
  func call(_ callee: PyObject, _ args: Args) throws -> PyObject {
    switch callee {
    case let fn as FunctionObject:
      return try callFunction(fn, args)
    case let b as BuiltinFunctionObject:
      try checkStack()
      if let s = b.boundSelf { return try callBuiltin(b, args.prepending(s)) }
      // A method of a built-in type taken from the type (`int.bit_length(x)`): x must be one.
      if let owner = b.owner, !b.isClassMethod {
        guard let first = args.positional.first else {
          throw typeError("unbound method \(owner.name).\(b.name)() needs an argument")
        }
        if !first.type.isSubtype(of: owner) {
          throw typeError(
            "descriptor '\(b.name)' for '\(owner.name)' objects doesn't apply to a '\(typeName(first))' object")
        }
      }
      return try callBuiltin(b, args)
    case let m as MethodObject:
      return try call(m.function, args.prepending(m.receiver))
    case let t as TypeObject:
      return try construct(t, args)
    default:
      if let c = callee.type.lookup("__call__"), !(callee is NativeObject && c is NoneObject) {
        return try call(c, args.prepending(callee))
      }
      throw typeError("'\(typeName(callee))' object is not callable")
    }
  }

  /// Runs a built-in function's body. One that reads an argument it was not given (called with
  /// too few) is refused: lesson does not know the message CPython gives for each.
  ///
  /// One given a keyword argument it never reads (`d.get(k, default=3)`, `round(x, digits=2)`) is
  /// refused too: CPython raises a TypeError for it, which the body, taking what it knows, would
  /// not (a refusal stops the run, so what the body did before does not matter).
  func callBuiltin(_ b: BuiltinFunctionObject, _ args: Args) throws -> PyObject {
    guard b.isAsyncioFunction || b.isAsyncioMethod else { return try callBuiltinBody(b, args) }
    do {
      let result = try callBuiltinBody(b, args)
      if let l = loop, l.eagerEscape != nil {
        throw refuse(
          "SystemExit or KeyboardInterrupt in an eager task's first step",
          "Python raises it out of create_task into the code that made the task, which lesson does not do yet")
      }
      return result
    } catch let e as ExceptionObject {
      // CPython writes asyncio's functions in Python: the frame of one that raised holds its
      // arguments, and the traceback holds the frame (the coroutines of `gather([c1, c2])` die
      // never awaited as the interpreter exits, not where the call failed). One whose arguments
      // did not bind never had a frame: they go at once.
      if b.isAsyncioFunction, !e.raisedBinding {
        e.keptObjects.append(contentsOf: args.positional + args.given.map(\.1))
      }
      // Raised by the function itself: its frame (the line of asyncio's that raised) is in the
      // traceback, where lesson knows it; otherwise the traceback cannot be written.
      if e.traceback.isEmpty, !e.raisedBinding, !e.throughLibrary, !Self.asyncioInC.contains(b.name) {
        if let frame = LibraryFrame.raised(by: b.name, e, version: version) {
          e.traceback.append(frame.entry)
        } else {
          e.throughLibrary = true
        }
      }
      throw e
    }
  }

  /// asyncio's functions CPython writes in C (`_asyncio`): no frame of theirs shows.
  static let asyncioInC: Set<String> = ["get_running_loop", "_get_running_loop", "current_task", "get_event_loop"]

  private func callBuiltinBody(_ b: BuiltinFunctionObject, _ args: Args) throws -> PyObject {
    if b.owner != nil { try checkArity(b, args) }
    var args = args
    let tracker = argumentTracker
    args.tracker = tracker
    let before = tracker.missing
    guard !args.given.isEmpty else {
      let result: PyObject
      do {
        result = try b.body(self, args)
      } catch let e as ExceptionObject where tracker.missing != before {
        _ = e
        throw tooFewArguments(b)
      }
      if tracker.missing != before { throw tooFewArguments(b) }
      return result
    }
    let name = b.owner.map { "\($0.name).\(b.name)" } ?? b.name
    do {
      let result = try withKeywordsChecked(args, name: name) { args in try b.body(self, args) }
      if tracker.missing != before { throw tooFewArguments(b) }
      return result
    } catch let e as ExceptionObject {
      if tracker.missing != before { throw tooFewArguments(b) }
      throw e
    }
  }

  /// Runs a built-in's `body` on `args` and refuses the call when the body left a keyword
  /// argument unread (see ``callBuiltin(_:_:)``), whether it returned or raised.
  func withKeywordsChecked(_ args: Args, name: String, _ body: (Args) throws -> PyObject) throws -> PyObject {
    var args = args
    let tracker = argumentTracker
    args.tracker = tracker
    // The keywords this body reads, apart from those of the calls it makes.
    let outer = (tracker.keywordsRead, tracker.allKeywordsRead)
    tracker.keywordsRead = []
    tracker.allKeywordsRead = false
    defer { (tracker.keywordsRead, tracker.allKeywordsRead) = outer }
    func unread() -> String? {
      tracker.allKeywordsRead ? nil : args.given.first { !tracker.keywordsRead.contains($0.0) }?.0
    }
    let result: PyObject
    do {
      result = try body(args)
    } catch let e as ExceptionObject {
      if let keyword = unread() { throw unexpectedKeyword(name, keyword) }
      throw e
    }
    if let keyword = unread() { throw unexpectedKeyword(name, keyword) }
    return result
  }

  func unexpectedKeyword(_ name: String, _ keyword: String) -> Halt {
    return Halt.refused(
      line: learnerLine, column: learnerColumn, construct: "\(name)() given the keyword argument \(keyword)=",
      why: "Python's \(name)() does not take it and raises a TypeError, whose message lesson does not reproduce; pass it by position, or not at all")
  }

  func tooFewArguments(_ b: BuiltinFunctionObject) -> Halt {
    let name = b.owner.map { "\($0.name).\(b.name)" } ?? b.name
    return Halt.refused(
      line: learnerLine, column: learnerColumn, construct: "\(name)() with these arguments",
      why: "too few, or not of the type it takes; lesson does not reproduce the TypeError Python gives here")
  }

  /// The function of `receiver.name` when calling it needs no bound method: a function or built-in
  /// method of the class that the instance does not shadow.
  func plainMethod(_ receiver: PyObject, _ name: StrObject) throws -> PyObject? {
    if receiver is TypeObject || receiver is ModuleObject || receiver is SuperObject { return nil }
    if Sandbox.forbiddenAttributes.contains(name.value) { return nil }
    guard let attr = receiver.type.lookup(name) else { return nil }
    if let d = receiver.instanceDict, d.getStr(name) != nil { return nil }
    if attr is FunctionObject { return attr }
    if let b = attr as? BuiltinFunctionObject, b.boundSelf == nil, !b.isClassMethod {
      return builtinMethodMissing(name.value, owner: b.owner) ? nil : b
    }
    return nil
  }

  /// `receiver.name(args)` without making a bound method.
  func callMethod(_ receiver: PyObject, _ name: StrObject, _ args: Args) throws -> PyObject {
    if !(receiver is TypeObject) && !(receiver is ModuleObject) && !(receiver is SuperObject) {
      let t = receiver.type
      if let attr = t.lookup(name) {
        let hasOwn = receiver.instanceDict?.getStr(name) != nil
        if !hasOwn {
          if let fn = attr as? FunctionObject { return try callFunction(fn, args.prepending(receiver)) }
          if let b = attr as? BuiltinFunctionObject, b.boundSelf == nil, !b.isClassMethod,
            !builtinMethodMissing(name.value, owner: b.owner)
          {
            return try callBuiltin(b, args.prepending(receiver))
          }
        }
      }
    }
    return try call(try getAttribute(receiver, name), args)
  }

  // MARK: Python functions

  func callFunction(_ fn: FunctionObject, _ args: Args) throws -> PyObject {
    let frame = try bind(fn, args)
    if fn.code.isGeneratorLike {
      if fn.code.flags.contains(.coroutine) {
        liveCoroutines += 1
        if liveCoroutines > budgets.tasks {
          throw Halt.budget("tasks: the program made more than \(budgets.tasks) coroutines and tasks at once")
        }
      }
      let g = GeneratorObject(frame: frame, function: fn, machine: self)
      g.warningMachine = self
      if fn.code.flags.contains(.coroutine) { g.madeAtLine = learnerLine }
      return g
    }
    return try runCall(frame)
  }

  func runCall(_ frame: Frame) throws -> PyObject {
    depth += 1
    defer { depth -= 1 }
    if depth > budgets.recursion {
      throw recursionError("maximum recursion depth exceeded")
    }
    if depth > Budgets.deepestCalls {
      throw Halt.budget("recursion: the program went more than \(Budgets.deepestCalls) calls deep")
    }
    switch try run(frame) {
    case .returned(let v): return v
    case .yielded, .awaiting: throw runtimeError("a plain function cannot yield or await")
    }
  }

  /// Binds a call's arguments to a new frame's parameters, with CPython's messages.
  func bind(_ fn: FunctionObject, _ args: Args) throws -> Frame {
    let code = fn.code
    let frame = Frame(code: code, globals: fn.globals, namespace: nil, function: fn, closure: fn.closure)
    let n = code.argcount
    let name = fn.qualname
    var i = 0
    let positional = args.positional
    while i < min(n, positional.count) {
      frame.locals[i] = positional[i]
      i += 1
    }
    var slot = code.argcount + code.kwonlyargcount
    if code.flags.contains(.varargs) {
      frame.locals[slot] = positional.count > n ? TupleObject(Array(positional[n...])) : TupleObject.empty
      slot += 1
    }
    // Keywords first, as CPython binds them: an unknown one is reported before too many
    // positional arguments.
    var kwargs: DictObject?
    if code.flags.contains(.varkw) {
      kwargs = DictObject()
      frame.locals[slot] = kwargs
    }
    for (k, v) in args.keywords {
      if let idx = code.varnames[code.posonlyargcount..<(code.argcount + code.kwonlyargcount)].firstIndex(of: k) {
        if frame.locals[idx] != nil {
          throw typeError("\(name)() got multiple values for argument '\(k)'")
        }
        frame.locals[idx] = v
      } else if let kwargs {
        kwargs.setStr(k, v)
      } else {
        if code.varnames[..<code.posonlyargcount].contains(k) {
          throw typeError("\(name)() got some positional-only arguments passed as keyword arguments: '\(k)'")
        }
        var message = "\(name)() got an unexpected keyword argument '\(k)'"
        // 3.13 suggests the parameter a misspelt keyword was meant to be.
        if version.minor >= 13,
          let close = Suggestions.closest(
            k, Array(code.varnames[code.posonlyargcount..<(code.argcount + code.kwonlyargcount)]))
        {
          message += ". Did you mean '\(close)'?"
        }
        throw typeError(message)
      }
    }
    if !code.flags.contains(.varargs), positional.count > n {
      let given = positional.count
      let defaultsCount = fn.defaults.count
      let kwGiven = args.keywords.filter { k in
        code.varnames[code.argcount..<(code.argcount + code.kwonlyargcount)].contains(k.0)
      }.count
      let takes: String
      if defaultsCount > 0 {
        takes = "from \(n - defaultsCount) to \(n) positional arguments"
      } else {
        takes = "\(n) positional argument\(n == 1 ? "" : "s")"
      }
      let kwPart =
        kwGiven > 0
        ? " positional argument\(given == 1 ? "" : "s") (and \(kwGiven) keyword-only argument\(kwGiven == 1 ? "" : "s"))"
        : ""
      if kwGiven > 0 {
        throw typeError("\(name)() takes \(takes) but \(given)\(kwPart) were given")
      }
      throw typeError("\(name)() takes \(takes) but \(given) \(given == 1 ? "was" : "were") given")
    }
    // Defaults.
    let firstDefault = n - fn.defaults.count
    var missing: [String] = []
    for j in 0..<n where frame.locals[j] == nil {
      if j >= firstDefault {
        frame.locals[j] = fn.defaults[j - firstDefault]
      } else {
        missing.append(code.varnames[j])
      }
    }
    if !missing.isEmpty { throw missingArguments(name, missing, kind: "positional") }
    var missingKw: [String] = []
    for j in n..<(n + code.kwonlyargcount) where frame.locals[j] == nil {
      if let d = fn.kwDefaults[code.varnames[j]] { frame.locals[j] = d } else { missingKw.append(code.varnames[j]) }
    }
    if !missingKw.isEmpty { throw missingArguments(name, missingKw, kind: "keyword-only") }
    for (cell, local) in code.cellParameters {
      frame.cells[cell].value = frame.locals[local]
    }
    return frame
  }

  func missingArguments(_ name: String, _ missing: [String], kind: String) -> ExceptionObject {
    let quoted = missing.map { "'\($0)'" }
    let list: String
    switch quoted.count {
    case 1: list = quoted[0]
    case 2: list = "\(quoted[0]) and \(quoted[1])"
    default: list = quoted.dropLast().joined(separator: ", ") + ", and " + quoted.last!
    }
    return typeError(
      "\(name)() missing \(missing.count) required \(kind) argument\(missing.count == 1 ? "" : "s"): \(list)")
  }

  // MARK: Classes

  /// `cls(*args)`: a new instance, initialised.
  func construct(_ t: TypeObject, _ args: Args) throws -> PyObject {
    if t.enumMembers != nil { return try EnumModule.lookup(self, t, args) }
    if !t.isBuiltin, let abstract = AbcModule.instantiationError(self, t) { throw abstract }
    if t === Types.type, args.count == 1, args.keywords.isEmpty { return try typeOf(args[0]) }
    // A user-level __new__.
    if let new = t.lookup("__new__"),
      let fn = new as? FunctionObject ?? (new as? DescriptorObject)?.function as? FunctionObject
    {
      let obj = try callFunction(fn, args.prepending(t))
      if obj.type.isSubtype(of: t), let initFn = t.lookup("__init__"), !(initFn is BuiltinFunctionObject) {
        let r = try call(initFn, args.prepending(obj))
        if !(r is NoneObject) { throw typeError("__init__() should return None, not '\(typeName(r))'") }
      }
      return obj
    }
    if t.isBuiltin, args.hasNoKeywords, let count = PositionalCount.of(t) {
      try count.check(args.count, t.name, minor: version.minor)
    }
    if let maker = t.mro.first(where: { $0.construct != nil }), let make = maker.construct {
      // A subclass of asyncio's Semaphore with an `__init__` of its own: the instance is made
      // bare, as `object.__new__` makes it, and its `__init__` sets it up.
      if maker.subclassableNative, !t.isBuiltin, let initFn = t.lookup("__init__"), !(initFn is BuiltinFunctionObject) {
        let obj = try make(self, t, Args())
        (obj as? SemaphoreObject)?.initialized = false
        let r = try call(initFn, args.prepending(obj))
        if !(r is NoneObject) { throw typeError("__init__() should return None, not '\(typeName(r))'") }
        if let s = obj as? SemaphoreObject, !s.initialized {
          throw refuse(
            "\(t.name)() whose __init__ does not call super().__init__()",
            "Python's Semaphore then has no value and fails where it is first used; call super().__init__(value) in __init__")
        }
        return obj
      }
      let obj: PyObject
      do {
        obj =
          t.isBuiltin && !args.given.isEmpty
          ? try withKeywordsChecked(args, name: t.name) { args in try make(self, t, args) }
          : try make(self, t, args)
      } catch let e as ExceptionObject where maker.module.hasPrefix("asyncio.") && e.traceback.isEmpty {
        // Raised by the `__init__` of one of asyncio's classes, written in Python: a frame of
        // its own that lesson does not know.
        if !e.raisedBinding { e.throughLibrary = true }
        throw e
      }
      if !t.isBuiltin, obj.type === t, let initFn = t.lookup("__init__"), !(initFn is BuiltinFunctionObject) {
        let r = try call(initFn, args.prepending(obj))
        if !(r is NoneObject) { throw typeError("__init__() should return None, not '\(typeName(r))'") }
      }
      return obj
    }
    guard !t.isBuiltin || t === Types.object else { throw typeError("cannot create '\(t.name)' instances") }
    let obj: PyObject
    switch t.layout {
    case .exception:
      obj = ExceptionObject(t, args.positional)
    default:
      obj = InstanceObject(type: t)
    }
    if let initFn = t.lookup("__init__"), !(initFn is BuiltinFunctionObject) {
      let r = try call(initFn, args.prepending(obj))
      if !(r is NoneObject) { throw typeError("__init__() should return None, not '\(typeName(r))'") }
    } else if t.layout == .object, !args.positional.isEmpty || !args.keywords.isEmpty {
      if t === Types.object { throw typeError("object() takes no arguments") }
      throw typeError("\(t.name)() takes no arguments")
    }
    return obj
  }

  /// Runs a class body and makes the class.
  func buildClass(
    _ code: CodeObject, name: String, bases basesIn: [PyObject], keywords: [(String, PyObject)], closure: [CellObject],
    globals: DictObject
  ) throws -> PyObject {
    var bases: [TypeObject] = []
    /// Whether a base was an alias that named other classes: the class keeps what was written.
    var resolved = false
    for b in basesIn {
      guard let t = b as? TypeObject else {
        // `class Box(Base[int])`: the alias names the classes it stands for (PEP 560).
        if !(b is NativeObject), let hook = b.type.lookup("__mro_entries__") {
          resolved = true
          let entries = try call(hook, Args([b, TupleObject(basesIn)]))
          guard let list = entries as? TupleObject else { throw typeError("__mro_entries__ must return a tuple") }
          for e in list.items {
            guard let t = e as? TypeObject else { throw typeError("bases must be types") }
            bases.append(t)
          }
          continue
        }
        throw typeError("bases must be types")
      }
      bases.append(t)
    }
    var metaclass: PyObject?
    // The other class keywords go to __init_subclass__.
    var subclassKeywords: [(String, PyObject)] = []
    for (k, v) in keywords {
      if k == "metaclass" { metaclass = v } else { subclassKeywords.append((k, v)) }
    }
    if let m = metaclass, !(m === Types.type), m !== AbcModule.metaType {
      throw Halt.refused(
        line: learnerLine, column: learnerColumn, construct: "metaclass",
        why: "a custom metaclass is not run by lesson yet")
    }
    // The standard library written in Python (`collections.Counter`, `OrderedDict`) may subclass `dict`.
    let inLibrary = SourceModule.isLibraryFile(code.filename)
    let ns = DictObject()
    ns.setStr("__module__", globals.getStr("__name__") ?? StrObject("__main__"))
    ns.setStr("__qualname__", StrObject(code.qualname))
    if let doc = code.docstring { ns.setStr("__doc__", StrObject(doc)) }
    let frame = Frame(code: code, globals: globals, namespace: ns, function: nil, closure: closure)
    let cellObj = try runCall(frame)
    // `__build_class__`: the bases as written, when an alias stood for others.
    if resolved { ns.setStr("__orig_bases__", TupleObject(basesIn)) }
    // A finalizer runs when CPython's reference counting frees the object, which lesson does not
    // follow.
    if !inLibrary, ns.getStr("__del__") != nil {
      throw Halt.refused(
        line: learnerLine, column: learnerColumn, construct: "class \(name) with __del__",
        why: "Python calls __del__ when it frees the object, at a moment lesson does not follow; "
          + "release what the object holds in a method you call, or with a context manager (with ...)")
    }
    // A subclass of list, dict or str runs when the built-in type's own code serves it: it adds
    // methods, not dunder methods the machine's fast paths would pass by (``subclassableDunders``).
    let allowed = Self.subclassableDunders(bases)
    func plain(_ names: [String]) -> Bool {
      names.allSatisfy { !$0.hasPrefix("__") || !$0.hasSuffix("__") || allowed.contains($0) }
    }
    let plainSubclass =
      bases.allSatisfy { b in [Types.list, Types.dict, Types.str, Types.object].contains { $0 === b } || !b.isBuiltin }
      && plain(ns.pairs.compactMap { ($0.0 as? StrObject)?.value })
      && bases.allSatisfy {
        $0.isBuiltin
          || plain($0.mro.filter { !$0.isBuiltin }.flatMap { $0.dict.pairs.compactMap { ($0.0 as? StrObject)?.value } })
      }
    // An enum that mixes in str (`class Status(str, Enum)`): the enum module makes its members.
    let strEnum =
      bases.contains { $0.enumMembers != nil }
      && bases.allSatisfy { !$0.isBuiltin || $0 === Types.str || $0 === Types.int }
    for b in bases
    where b.isBuiltin && ![Types.object, Types.BaseException].contains(where: { $0 === b }) && b.layout != .exception
      && b.layout != .tuple && !(inLibrary && b === Types.dict) && !plainSubclass && !strEnum && !b.subclassableNative
    {
      throw Halt.refused(
        line: learnerLine, column: learnerColumn,
        construct: "class \(name)(\(bases.map(\.name).joined(separator: ", ")))",
        why: [Types.list, Types.dict, Types.str].contains { $0 === b }
          ? "subclassing the built-in '\(b.name)' with dunder methods of its own is not run by lesson yet"
          : "subclassing the built-in '\(b.name)' is not run by lesson yet")
    }
    let cls = try makeClass(
      name: name, qualname: code.qualname, bases: bases.isEmpty ? [Types.object] : bases, namespace: ns,
      keywords: subclassKeywords)
    if AbcModule.applies(to: cls, metaclass: metaclass) { try AbcModule.computeAbstracts(self, cls) }
    if plainSubclass, !strEnum, !inLibrary, [TypeObject.Layout.list, .dict, .str].contains(cls.layout) {
      cls.behavesAsBuiltin = true
    }
    if let cell = cellObj as? CellObject { cell.value = cls }
    return cls
  }

  /// The dunder names a Python subclass of `list`, `dict` or `str` may define and still run here:
  /// the machine calls these, where it reads the built-in value directly for the others.
  static func subclassableDunders(_ bases: [TypeObject]) -> Set<String> {
    var names: Set<String> = [
      "__module__", "__qualname__", "__doc__", "__annotations__", "__slots__", "__init_subclass__", "__class_getitem__",
      "__classcell__", "__orig_bases__",
    ]
    let layouts = Set(bases.map(\.layout))
    if layouts.contains(.list) || layouts.contains(.dict) { names.insert("__init__") }
    if layouts.contains(.dict) { names.insert("__missing__") }
    return names
  }

  func makeClass(
    name: String, qualname: String, bases: [TypeObject], namespace ns: DictObject, keywords: [(String, PyObject)] = []
  ) throws -> TypeObject {
    if ns.getStr("__getattribute__") != nil {
      throw Halt.refused(
        line: learnerLine, column: learnerColumn, construct: "a class with its own __getattribute__",
        why: "lesson looks attributes up itself and does not call a class's __getattribute__ yet; use __getattr__, "
          + "which Python calls only for the attributes it does not find")
    }
    // Two built-in bases whose instances are made differently (a list and an exception): CPython
    // refuses the class before it looks at the method resolution order.
    if Set(bases.map(\.layout)).subtracting([.object]).count > 1 {
      throw typeError("multiple bases have instance lay-out conflict")
    }
    let layout = TypeObject.layout(for: bases)
    let cls = TypeObject(
      name, bases: bases, layout: layout, builtin: false,
      module: (ns.getStr("__module__") as? StrObject)?.value ?? "__main__")
    classesMade.append(cls)
    if let heads = cls.mroConflict {
      // Until 3.13 the message breaks its line where CPython's C source does.
      let start = "Cannot create a consistent method resolution" + (version.minor >= 13 ? " " : "\n")
      throw typeError("\(start)order (MRO) for bases \(heads.map(\.name).joined(separator: ", "))")
    }
    cls.qualname = qualname
    // A class that defines __eq__ and not __hash__ is unhashable (type.__new__ sets __hash__ to None).
    if ns.getStr("__eq__") != nil, ns.getStr("__hash__") == nil { ns.setStr("__hash__", NoneObject.shared) }
    for (k, v) in ns.pairs {
      var v = v
      if let s = k as? StrObject, s.value == "__init_subclass__" || s.value == "__class_getitem__",
        let fn = v as? FunctionObject
      {
        v = DescriptorObject(.classMethod, fn)
      }
      guard let name = k as? StrObject else {
        throw Halt.refused(
          line: learnerLine, column: learnerColumn, construct: "a class namespace with a key that is not a str",
          why: "lesson keeps a class's attributes by name")
      }
      cls.dict.setStr(name, v)
    }
    if cls.dict.getStr("__doc__") == nil { cls.dict.setStr("__doc__", NoneObject.shared) }
    // `Base.__subclasses__()` lists it from now on (kept for the program's own classes only).
    for b in bases where !b.isBuiltin && !b.isShared { b.subclasses.append(WeakType(type: cls)) }
    // __set_name__ and __init_subclass__.
    for (k, v) in cls.dict.pairs {
      if !(v is FunctionObject), !(v is TypeObject), let setName = v.type.lookup("__set_name__"), !(v.type.isBuiltin) {
        _ = try call(setName, Args([v, cls, k]))
      }
    }
    if let enumBase = bases.first(where: { $0.enumMembers != nil }) {
      try EnumModule.makeMembers(self, cls, base: enumBase)
    }
    // `super(cls).__init_subclass__(**keywords)`: the first base's in the new class's MRO.
    if let hook = cls.mro.dropFirst().lazy.compactMap({ $0.dict.getStr("__init_subclass__") }).first,
      let d = hook as? DescriptorObject
    {
      _ = try call(d.function, Args([cls], keywords: keywords))
    } else if !keywords.isEmpty {
      throw typeError("\(qualname).__init_subclass__() takes no keyword arguments")
    }
    return cls
  }
}
