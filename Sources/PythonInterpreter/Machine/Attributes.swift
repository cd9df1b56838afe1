extension Machine {
  /// The type's name as CPython's messages give it (`tp_name`).
  func typeName(_ o: PyObject) -> String { o.type.messageName ?? o.type.name }

  /// `type(o)`, as a program asks for it: a built-in iterator's own type (`list_iterator`,
  /// `dict_keyiterator`, ...) is not one lesson has, so asking for it is refused.
  func typeOf(_ o: PyObject) throws -> TypeObject {
    if let it = o as? IteratorObject {
      throw refuse(
        "the type of a built-in iterator (\(it.kind))",
        "Python has a type for each kind of iterator, named by version, which lesson does not reproduce")
    }
    if let b = o as? BuiltinFunctionObject, b.isAsyncioFunction { throw refuseAsyncioFunctionType(b) }
    return o.type
  }

  /// The class of one of asyncio's functions: CPython writes them in Python (`function`, and a
  /// coroutine function for `async def sleep`), lesson builds them in.
  func refuseAsyncioFunctionType(_ b: BuiltinFunctionObject) -> Halt {
    refuse(
      "the type of asyncio.\(b.name)",
      "CPython's asyncio.\(b.name) is a function written in Python, lesson's is built in; call it rather than inspect it")
  }

  /// `getattr(o, name)`.
  func getAttribute(_ o: PyObject, _ name: StrObject) throws -> PyObject {
    if let v = try findAttribute(o, name) { return v }
    try refuseMissingStandardName(o, name.value)
    if let m = o as? ModuleObject, cpythonNames(of: m) == nil, let h = missingModuleName(m, name.value) { throw h }
    try refuseMissingAsyncioAttribute(o, name.value)
    throw noAttribute(o, name.value)
  }

  /// The traceback object of an exception that passed through asyncio's code where lesson does
  /// not know its lines: its frames would be missing.
  func refuseTracebackThroughLibrary() -> Halt {
    Halt.refused(
      line: learnerLine, column: learnerColumn, construct: "__traceback__ through asyncio's own code",
      why: "Python's traceback holds frames inside asyncio's library, which lesson does not reproduce; "
        + "use str(error) or type(error).__name__ instead")
  }

  /// A name the sandbox keeps (`__subclasses__`, `__globals__`, frames…) is refused.
  func reachingIn(_ name: String) -> Halt {
    Sandbox.refuse(
      self, construct: name, why: "reaching into the interpreter through '\(name)' is outside an exercise run")
  }

  /// Setting an attribute lesson's asyncio object has no place for: CPython's loops, queues and
  /// locks are Python classes, whose `__dict__` takes one of the program's own.
  func refuseSettingAsyncioAttribute(_ o: PyObject, _ name: String) throws {
    if let asyncio = AsyncioAttributes.cpython(o),
      asyncio.hasDict || AsyncioAttributes.has(name, in: asyncio.names, minor: version.minor)
    {
      throw refuse(
        "setting \(asyncio.kind).\(name)", "lesson's \(asyncio.kind) has no place for attributes of the program's own")
    }
  }

  /// An attribute CPython's asyncio object has (in this version) and lesson's lacks is refused.
  func refuseMissingAsyncioAttribute(_ o: PyObject, _ name: String) throws {
    if let asyncio = AsyncioAttributes.cpython(o), AsyncioAttributes.has(name, in: asyncio.names, minor: version.minor)
    {
      throw refuse("\(asyncio.kind).\(name)", "this part of asyncio's \(asyncio.kind) is not run by lesson yet")
    }
  }

  func getAttribute(_ o: PyObject, _ name: String) throws -> PyObject {
    try getAttribute(o, StrObject(name))
  }

  /// A module of lesson's standard library that lacks a name CPython's has: refused, never an
  /// `AttributeError` CPython would not raise.
  func missingModuleName(_ m: ModuleObject, _ name: String) -> Halt? {
    if m.name == "__main__" { return nil }
    if m.name == "asyncio" {
      guard let range = AsyncioNames.versions[name], range.contains(version.minor) else { return nil }
    } else if name.hasPrefix("__") {
      return nil
    }
    return Halt.refused(
      line: learnerLine, column: learnerColumn, construct: "\(m.name).\(name)",
      why: Sandbox.missingName(m.name, name))
  }

  /// The attributes instances of `t` may have, when `__slots__` restrict them: only when every
  /// class of its MRO written in Python declares them (and none names `__dict__`); nil otherwise.
  func slotNames(_ t: TypeObject) -> [String]? {
    let pythonClasses = t.mro.filter { !$0.isBuiltin }
    guard !pythonClasses.isEmpty, pythonClasses.allSatisfy({ $0.dict.getStr("__slots__") != nil }) else { return nil }
    var names: [String] = []
    for c in pythonClasses {
      let slots = c.dict.getStr("__slots__")!
      let items: [PyObject] = slots is StrObject ? [slots] : ((try? iterate(slots)) ?? [])
      names += items.compactMap { ($0 as? StrObject)?.value }
    }
    return names.contains("__dict__") ? nil : names
  }

  /// Setting an attribute an object has no place for (no `__dict__`, not in `__slots__`).
  func cannotSetNewAttribute(_ o: PyObject, _ name: String) -> ExceptionObject {
    attributeError(
      "'\(typeName(o))' object has no attribute '\(name)'"
        + (version.minor >= 13 ? " and no __dict__ for setting new attributes" : ""))
  }

  func noAttribute(_ o: PyObject, _ name: String) -> ExceptionObject {
    let e: ExceptionObject
    if let m = o as? ModuleObject {
      e = attributeError("module '\(m.name)' has no attribute '\(name)'")
    } else if let t = o as? TypeObject {
      e = attributeError("type object '\(t.messageName ?? t.name)' has no attribute '\(name)'")
    } else {
      // A type of C has its module in its name: '_asyncio.Task'.
      let type = o.type.module == "_asyncio" ? "_asyncio." + typeName(o) : typeName(o)
      e = attributeError("'\(type)' object has no attribute '\(name)'")
    }
    e.dict.setStr("name", StrObject(name))
    e.dict.setStr("obj", o)
    return e
  }

  /// Methods of built-in types that Python 3.11 added: `BaseException.add_note`,
  /// `Task.cancelling` and `Task.uncancel`. Under 3.10 they are not there.
  static let builtinMethodsSince311: Set<String> = ["add_note", "cancelling", "uncancel"]

  /// Whether a method of a built-in type is missing under this version: those of
  /// ``builtinMethodsSince311`` before 3.11, and `Task.get_context` and `int.is_integer` (3.12)
  /// before 3.12. `owner` is the type that defines it (`float.is_integer` is older).
  func builtinMethodMissing(_ name: String, owner: TypeObject? = nil) -> Bool {
    version.minor < 11 && Self.builtinMethodsSince311.contains(name) || version.minor < 12 && name == "get_context"
      || version.minor < 12 && name == "is_integer" && owner === Types.int
  }

  /// The attribute, or nil when there is none (AttributeError raised by a property propagates).
  func findAttribute(_ o: PyObject, _ name: StrObject) throws -> PyObject? {
    let n = name.value
    if Sandbox.forbiddenAttributes.contains(n) {
      // A class of the program's own lists the classes made from it (a registry); the built-in
      // types' lists are the classic way out of a sandbox, and stay refused.
      if n == "__subclasses__", let t = o as? TypeObject, !t.isBuiltin {
        return BuiltinFunctionObject("__subclasses__") { _, a in
          if a.count > 0 || !a.keywords.isEmpty {
            throw typeError("\(t.name).__subclasses__() takes no arguments (\(a.count) given)")
          }
          return ListObject(t.subclasses.compactMap(\.type))
        }
      }
      throw reachingIn(n)
    }
    if let t = o as? TypeObject { return try classAttribute(t, name) }
    if let s = o as? SuperObject { return try superAttribute(s, name) }
    if let m = o as? ModuleObject, absentInThisVersion(m, n) { return nil }
    let t = o.type
    let descr = t.lookup(name)
    // An AttributeError from a property or a descriptor's __get__ goes on to the class's
    // __getattr__, as any AttributeError of the usual lookup does (`slot_tp_getattr_hook`).
    func orGetattr(_ get: () throws -> PyObject) throws -> PyObject {
      do {
        return try get()
      } catch let e as ExceptionObject where e.isInstance(of: Types.AttributeError) {
        guard let ga = t.lookup("__getattr__"), !(ga is BuiltinFunctionObject) else { throw e }
        return try call(ga, Args([o, name]))
      }
    }
    if let d = descr as? DescriptorObject, d.kind == .property {
      return try orGetattr {
        // `property()` with no getter: an AttributeError, in each version's words.
        if d.function is NoneObject {
          throw attributeError(
            version.minor >= 11
              ? "property '\(n)' of '\(typeName(o))' object has no getter" : "unreadable attribute '\(n)'")
        }
        return try call(d.function, Args([o]))
      }
    }
    // A descriptor written in Python: a data descriptor (with __set__ or __delete__) comes before
    // the instance's dict, one with only __get__ after it.
    let userGet = descr.flatMap { userDescriptor($0, "__get__") }
    if let get = userGet, let d = descr, userDescriptor(d, "__set__") != nil || userDescriptor(d, "__delete__") != nil {
      return try orGetattr { try call(get, Args([d, o, t])) }
    }
    if let dict = o.instanceDict, let v = dict.getStr(name) { return v }
    if let get = userGet, let d = descr { return try orGetattr { try call(get, Args([d, o, t])) } }
    if let special = try specialAttribute(o, n) { return special }
    if let b = descr as? BuiltinFunctionObject, builtinMethodMissing(n, owner: b.owner) { return nil }
    if let d = descr {
      return bindDescriptor(d, to: o, type: t)
    }
    if let ga = t.lookup("__getattr__"), !(ga is BuiltinFunctionObject) {
      do {
        return try call(ga, Args([o, name]))
      } catch let e as ExceptionObject where e.isInstance(of: Types.AttributeError) {
        throw e
      }
    }
    return nil
  }

  /// The method `name` (`__get__`, `__set__`, `__delete__`) of a descriptor object written in
  /// Python, or nil.
  func userDescriptor(_ d: PyObject, _ name: String) -> PyObject? {
    guard d is InstanceObject, !d.type.isBuiltin, let m = d.type.lookup(name), m is FunctionObject else { return nil }
    return m
  }

  func bindDescriptor(_ d: PyObject, to o: PyObject, type t: TypeObject) -> PyObject {
    switch d {
    case let f as FunctionObject: return MethodObject(f, o)
    case let b as BuiltinFunctionObject:
      if b.isClassMethod { return b.bind(t) }
      return b.boundSelf == nil ? b.bind(o) : b
    case let desc as DescriptorObject:
      switch desc.kind {
      case .staticMethod: return desc.function
      case .classMethod: return MethodObject(desc.function, t)
      case .property: return desc
      }
    default: return d
    }
  }

  func classAttribute(_ t: TypeObject, _ name: StrObject) throws -> PyObject? {
    let n = name.value
    for c in t.mro {
      if let v = c.dict.getStr(name) {
        if c.isBuiltin, let b = v as? BuiltinFunctionObject, builtinMethodMissing(n, owner: b.owner) { return nil }
        switch v {
        case let desc as DescriptorObject:
          switch desc.kind {
          case .staticMethod: return desc.function
          case .classMethod: return MethodObject(desc.function, t)
          case .property: return desc
          }
        case let b as BuiltinFunctionObject where b.isClassMethod: return b.bind(t)
        default:
          if let get = userDescriptor(v, "__get__") { return try call(get, Args([v, NoneObject.shared, t])) }
          return v
        }
      }
    }
    switch n {
    case "__name__": return StrObject(t.name)
    case "__qualname__": return StrObject(t.qualname)
    case "__module__": return StrObject(t.module)
    case "__mro__": return TupleObject(t.mro)
    case "__bases__": return TupleObject(t.bases)
    case "__base__": return t.bases.first ?? NoneObject.shared
    case "__dict__":
      // The program's own look at a class's namespace: CPython's is a read-only mappingproxy
      // holding entries it adds itself (`__dict__`, `__weakref__`, `__doc__`, and by version
      // `__firstlineno__` and `__static_attributes__`), which lesson's does not.
      if frames.last?.code.filename == filename {
        throw refuse(
          "a class's __dict__ (vars() of a class)",
          "Python's holds entries it adds itself, by version (__dict__, __weakref__, __doc__, __firstlineno__...), "
            + "which lesson does not reproduce; read the attribute itself (getattr(cls, name)) instead")
      }
      return t.dict
    case "__doc__":
      if let doc = t.dict.getStr("__doc__") { return doc }
      if t.isBuiltin || t.isShared { throw refuseLibraryDocstring(t.name) }
      return NoneObject.shared
    case "__class__": return Types.type
    case "mro":
      return BuiltinFunctionObject("mro") { m, a in
        // `cls.mro()`, or `type.mro(cls)` (the method taken from `type` itself).
        if a.count == 0, t !== Types.type { return ListObject(t.mro) }
        if a.count == 1, t === Types.type, let cls = a[0] as? TypeObject { return ListObject(cls.mro) }
        throw m.refuse("\(t.name).mro() with these arguments", "lesson does not reproduce the TypeError Python gives here")
      }
    default: break
    }
    // Methods of `type` itself.
    if let v = Types.type.lookup(name), let b = v as? BuiltinFunctionObject { return b.bind(t) }
    return nil
  }

  func superAttribute(_ s: SuperObject, _ name: StrObject) throws -> PyObject? {
    let objType = (s.object as? TypeObject) ?? s.object.type
    let mro = objType.mro
    guard let i = mro.firstIndex(where: { $0 === s.start }) else { return nil }
    for c in mro[(i + 1)...] {
      if let v = c.dict.getStr(name) {
        if s.object is TypeObject {
          if let desc = v as? DescriptorObject, desc.kind == .classMethod {
            return MethodObject(desc.function, s.object)
          }
          if let b = v as? BuiltinFunctionObject, b.isClassMethod { return b.bind(s.object) }
          return v
        }
        if let desc = v as? DescriptorObject, desc.kind == .property {
          return try call(desc.function, Args([s.object]))
        }
        return bindDescriptor(v, to: s.object, type: objType)
      }
    }
    if name.value == "__init__" {
      return BuiltinFunctionObject("__init__") { _, _ in NoneObject.shared }
    }
    return nil
  }

  /// Attributes that built-in objects compute.
  func specialAttribute(_ o: PyObject, _ n: String) throws -> PyObject? {
    if n == "__class__" { return try typeOf(o) }
    switch o {
    case let u as UnionObject where n == "__args__":
      return TupleObject(u.members)
    case let g as GenericAlias where n == "__origin__":
      return g.origin
    case let g as GenericAlias where n == "__args__":
      return g.args as? TupleObject ?? TupleObject([g.args])
    case let g as GenericAlias where n == "__parameters__":
      // `list[int]` names no type variable; `list[T]` does, which lesson does not collect here.
      func plain(_ o: PyObject) -> Bool {
        switch o {
        case is TypeObject, is NoneObject: return true
        case let inner as GenericAlias: return ((inner.args as? TupleObject)?.items ?? [inner.args]).allSatisfy(plain)
        case let union as UnionObject: return union.members.allSatisfy(plain)
        default: return o.type.name == "ellipsis"
        }
      }
      guard plain(g) else {
        throw refuse("__parameters__ of a built-in generic alias", "lesson collects type variables for typing's forms only")
      }
      return TupleObject.empty
    case let e as ExceptionObject
    where (e.cls.isSubtype(of: Types.UnicodeEncodeError) || e.cls.isSubtype(of: Types.UnicodeDecodeError))
      && e.args.count == 5
      && ["encoding", "object", "start", "end", "reason"].contains(n):
      return e.args[["encoding", "object", "start", "end", "reason"].firstIndex(of: n)!]
    case let e as ExceptionObject
    where e.cls.isSubtype(of: Types.UnicodeTranslateError) && e.args.count == 4
      && ["object", "start", "end", "reason"].contains(n):
      return e.args[["object", "start", "end", "reason"].firstIndex(of: n)!]
    case let stream as StreamObject where n == "name":
      return StrObject(stream.toStderr ? "<stderr>" : "<stdout>")
    case let tb as TracebackObject:
      if tb.incomplete, n.hasPrefix("tb_") { throw refuseTracebackThroughLibrary() }
      switch n {
      case "tb_lineno": return IntObject.make(tb.entries[tb.index].line)
      case "tb_next": return TracebackObject.make(tb.entries, at: tb.index + 1)
      case "tb_frame": return TraceEntryView(tb.entries[tb.index], code: false)
      case "tb_lasti":
        throw Halt.refused(
          line: learnerLine, column: learnerColumn, construct: "traceback.\(n)",
          why: "the offset of an instruction is CPython's own bytecode; use tb_lineno")
      default: return nil
      }
    case is WaitersView:
      if !n.hasPrefix("__") {
        throw refuse("Semaphore._waiters.\(n)", "lesson gives the length of a semaphore's waiters, not the deque itself")
      }
      return nil
    case let view as TraceEntryView:
      switch (view.isCode, n) {
      case (false, "f_lineno"): return IntObject.make(view.entry.line)
      case (false, "f_code"): return TraceEntryView(view.entry, code: true)
      case (true, "co_name"): return StrObject(view.entry.function)
      case (true, "co_filename"): return StrObject(view.entry.file)
      case (true, "co_qualname") where version.minor >= 11, (true, "co_firstlineno"), (true, "co_varnames"),
        (true, "co_argcount"):
        throw refuse("code.\(n)", "lesson's traceback keeps a frame's name, file and line only")
      default:
        // A frame's other parts (its locals, globals, the frame that called it) are the
        // interpreter's insides.
        throw reachingIn(n)
      }
    case let e as ExceptionObject:
      switch n {
      case "args": return TupleObject(e.args)
      case "errno", "strerror", "filename", "filename2":
        // Each pattern needs its own `where`: these are OSError's alone.
        guard e.cls.isSubtype(of: Types.OSError) else { return nil }
        return e.dict.getStr(n) ?? NoneObject.shared
      case "__cause__": return e.causeException ?? NoneObject.shared
      case "__context__": return e.contextException ?? NoneObject.shared
      case "__suppress_context__": return BoolObject.of(e.suppressContext)
      case "__traceback__":
        let tb = TracebackObject.make(e.traceback.reversed(), at: 0)
        (tb as? TracebackObject)?.incomplete = e.throughLibrary
        return tb
      case "__notes__": return e.notes.isEmpty ? nil : ListObject(e.notes)
      case "__dict__":
        // The attributes a program set; CPython keeps `__notes__` there too, lesson beside it.
        guard e.notes.isEmpty else {
          throw refuse("the __dict__ of an exception with notes", "lesson keeps an exception's notes apart from its attributes")
        }
        return e.dict
      case "exceptions" where e.cls.isSubtype(of: Types.BaseExceptionGroup): return TupleObject(e.members)
      case "message" where e.cls.isSubtype(of: Types.BaseExceptionGroup): return e.args.first ?? StrObject.empty
      case "value" where e.cls.isSubtype(of: Types.StopIteration): return e.args.first ?? NoneObject.shared
      case "code" where e.cls.isSubtype(of: Types.SystemExit):
        return e.args.isEmpty ? NoneObject.shared : (e.args.count == 1 ? e.args[0] : TupleObject(e.args))
      default: return nil
      }
    case let f as FunctionObject:
      switch n {
      case "__name__": return StrObject(f.name)
      case "__qualname__": return StrObject(f.qualname)
      case "__doc__": return f.doc
      case "__module__": return f.globals.getStr("__name__") ?? NoneObject.shared
      case "__defaults__": return f.defaults.isEmpty ? NoneObject.shared : TupleObject(f.defaults)
      case "__get__":
        // `f.__get__(obj)`: the method bound to obj (f itself for None).
        return BuiltinFunctionObject("__get__") { _, a in
          guard let obj = a.positional.first else { throw typeError("__get__ expected at least 1 argument, got 0") }
          guard obj is NoneObject else { return MethodObject(f, obj) }
          if a.positional.count < 2 || a.positional[1] is NoneObject {
            throw typeError("__get__(None, None) is invalid")
          }
          return f
        }
      case "__annotations__":
        if f.annotations == nil { f.annotations = DictObject() }
        return f.annotations
      case "__dict__": return f.dict
      case "__wrapped__": return f.dict.getStr("__wrapped__")
      default: return nil
      }
    case let b as BuiltinFunctionObject:
      switch n {
      case "__name__": return StrObject(b.name)
      case "__qualname__": return StrObject(b.owner.map { "\($0.name).\(b.name)" } ?? b.name)
      case "__self__": return b.boundSelf ?? NoneObject.shared
      case "__doc__": throw refuseLibraryDocstring(b.name)
      default: return nil
      }
    case let m as MethodObject:
      switch n {
      case "__self__": return m.receiver
      case "__func__": return m.function
      case "__name__", "__qualname__", "__doc__", "__module__": return try getAttribute(m.function, n)
      default: return try findAttribute(m.function, StrObject(n))
      }
    case let m as ModuleObject:
      if n == "__dict__" { return m.dict }
      return nil
    case let g as GeneratorObject:
      switch n {
      case "__name__": return StrObject(g.function.name)
      case "__qualname__": return StrObject(g.function.qualname)
      case "cr_running" where g.isCoroutine, "gi_running" where !g.isCoroutine && !g.isAsyncGenerator,
        "ag_running" where g.isAsyncGenerator:
        return BoolObject.of(g.running)
      case "gi_yieldfrom" where !g.isCoroutine && !g.isAsyncGenerator:
        return g.frame.finished ? NoneObject.shared : (g.frame.delegate ?? NoneObject.shared)
      case "cr_await" where g.isCoroutine, "ag_await" where g.isAsyncGenerator:
        // What it waits on is None before it starts and after it ends; in between it is an object
        // of asyncio's that lesson does not make.
        if !g.frame.started || g.frame.finished { return NoneObject.shared }
        throw refuse(
          "\(n) of a suspended coroutine", "the object it waits on is one of asyncio's own, which lesson does not make")
      case "cr_suspended" where g.isCoroutine && version.minor >= 11,
        "gi_suspended" where !g.isCoroutine && !g.isAsyncGenerator && version.minor >= 11:
        return BoolObject.of(g.frame.started && !g.frame.finished && !g.running)
      default: return nil
      }
    case let s as SemaphoreObject:
      if n == "_value" { return IntObject.make(s.value) }
      if n == "_waiters" {
        // None until a task first had to wait, then a deque of waiter futures: lesson shows its
        // length and truth, not the futures.
        guard let sem = s.bound.current, sem.everWaited else { return NoneObject.shared }
        return WaitersView(count: sem.queued)
      }
      if n == "_bound_value", s.isBounded { return IntObject.make(s.initial) }
      return nil
    case let i as InstanceObject:
      // A fully slotted instance has no __dict__.
      if n == "__dict__" { return slotNames(i.type) == nil ? i.dict : nil }
      return nil
    case let o as ListObject where n == "__dict__" && !o.type.isBuiltin:
      // A subclass's attributes (the list's items are the list's own).
      return o.instanceDict
    case let o as DictObject where n == "__dict__" && !o.type.isBuiltin:
      return o.instanceDict
    case let d as DescriptorObject:
      switch n {
      case "fget", "__func__": return d.function
      case "fset": return d.setter ?? NoneObject.shared
      case "__doc__": return (d.function as? FunctionObject)?.doc ?? NoneObject.shared
      case "__isabstractmethod__":
        // Abstract when what it wraps is (a property: any of its getter, setter and deleter), as
        // `@property @abstractmethod` makes it.
        for part in [d.function, d.setter, d.deleter].compactMap({ $0 }) where !(part is NoneObject) {
          if let flag = try? getAttribute(part, "__isabstractmethod__"), try truthy(flag) { return BoolObject.true }
        }
        return BoolObject.false
      default: return nil
      }
    case let s as SliceObject:
      switch n {
      case "start": return s.start
      case "stop": return s.stop
      case "step": return s.step
      default: return nil
      }
    case let r as RangeObject:
      switch n {
      case "start": return IntObject.make(r.start)
      case "stop": return IntObject.make(r.stop)
      case "step": return IntObject.make(r.step)
      default: return nil
      }
    case let i as IntObject where !(i is BoolObject) || true:
      switch n {
      case "real", "numerator": return IntObject.make(i.value)
      case "imag": return IntObject.make(0)
      case "denominator": return IntObject.make(1)
      default: return nil
      }
    case let f as FloatObject:
      switch n {
      case "real": return f
      case "imag": return FloatObject(0)
      default: return nil
      }
    default:
      return nil
    }
  }

  /// `setattr(o, name, v)`.
  func setAttribute(_ o: PyObject, _ name: String, _ v: PyObject) throws {
    let t = o.type
    if try setProperty(o, name, v) { return }
    if let sa = t.lookup("__setattr__"), sa is FunctionObject {
      _ = try call(sa, Args([o, StrObject(name), v]))
      return
    }
    if !(o is TypeObject), let d = t.lookup(name), let set = userDescriptor(d, "__set__") {
      _ = try call(set, Args([d, o, v]))
      return
    }
    if name == "__mro__", o is TypeObject {
      throw attributeError(version.minor >= 12 ? "attribute '__mro__' of 'type' objects is not writable" : "readonly attribute")
    }
    if name == "__bases__", o is TypeObject {
      throw refuse("assigning a class's __bases__", "changing a class's bases after it is made is not run by lesson")
    }
    if let frozen = t.lookup("__dataclass_frozen__"), frozen === BoolObject.true, o is InstanceObject {
      throw ExceptionObject(Dataclasses.frozenInstanceError, "cannot assign to field '\(name)'")
    }
    if let tt = o as? TypeObject {
      try typeSetAttribute(tt, name, v)
      return
    }
    if let e = o as? ExceptionObject, try setExceptionAttribute(e, name, v) { return }
    if let f = o as? FunctionObject {
      switch name {
      case "__name__":
        f.name = (v as? StrObject)?.value ?? f.name
        return
      case "__qualname__":
        f.qualname = (v as? StrObject)?.value ?? f.qualname
        return
      case "__doc__":
        f.doc = v
        return
      case "__defaults__":
        f.defaults = (v as? TupleObject)?.items ?? []
        return
      default: break
      }
    }
    if let b = o as? BuiltinFunctionObject { throw refuseChangingLibraryFunction(b, name) }
    guard t !== Types.object, let dict = o.instanceDict else {
      try refuseSettingAsyncioAttribute(o, name)
      if o.type.isBuiltin { throw cannotSetNewAttribute(o, name) }
      if o is TupleObject {
        // A named tuple's class declares `__slots__ = ()`: no place for a new attribute.
        if slotNames(t) != nil { throw cannotSetNewAttribute(o, name) }
        throw refuse(
          "an attribute on an instance of a tuple subclass", "lesson gives a tuple subclass's instances no __dict__ yet")
      }
      throw attributeError("'\(typeName(o))' object attribute '\(name)' is read-only")
    }
    if !(o is NativeObject), let names = slotNames(t), !names.contains(name), t.lookup(name) == nil {
      throw cannotSetNewAttribute(o, name)
    }
    dict.setStr(name, v)
  }

  /// The first steps of setting an attribute: a name the sandbox keeps is refused, and a
  /// property of the class sets it (true) or says it cannot.
  private func setProperty(_ o: PyObject, _ name: String, _ v: PyObject) throws -> Bool {
    if Sandbox.forbiddenAttributes.contains(name) { throw reachingIn(name) }
    if name == "__class__" || name == "__dict__" {
      throw refuse("assigning \(name)", "changing an object's class or replacing its __dict__ is not run by lesson")
    }
    let t = o.type
    guard let d = t.lookup(name) as? DescriptorObject, d.kind == .property else { return false }
    guard let setter = d.setter else {
      if version.minor >= 11 { throw attributeError("property '\(name)' of '\(t.qualname)' object has no setter") }
      throw attributeError("can't set attribute '\(name)'")
    }
    _ = try call(setter, Args([o, v]))
    return true
  }

  /// The attributes of an exception that are not in its `__dict__`: true when `name` is one.
  func setExceptionAttribute(_ e: ExceptionObject, _ name: String, _ v: PyObject) throws -> Bool {
    switch name {
    case "__cause__":
      guard v is NoneObject || v is ExceptionObject else {
        throw typeError("exception cause must be None or derive from BaseException")
      }
      e.causeException = v as? ExceptionObject
      e.suppressContext = true
    case "__context__":
      guard v is NoneObject || v is ExceptionObject else {
        throw typeError("exception context must be None or derive from BaseException")
      }
      e.contextException = v as? ExceptionObject
    case "__suppress_context__":
      e.suppressContext = try truthy(v)
    case "args":
      e.args = try iterate(v)
    default:
      return false
    }
    return true
  }

  /// `type.__setattr__(t, name, v)`: a class of the program's own takes the attribute; a built-in
  /// type is immutable.
  func typeSetAttribute(_ t: TypeObject, _ name: String, _ v: PyObject) throws {
    if Sandbox.forbiddenAttributes.contains(name) { throw reachingIn(name) }
    try mayChange(t, name)
    if name == "__name__" || name == "__qualname__" {
      guard let text = v as? StrObject else {
        throw typeError("can only assign string to \(t.name).\(name), not '\(typeName(v))'")
      }
      if name == "__name__" { t.name = text.value } else { t.qualname = text.value }
      return
    }
    // The module a class names in its repr and in a traceback's last line.
    if name == "__module__", let text = v as? StrObject { t.module = text.value }
    // A subclass of list, dict or str runs as the built-in does for the dunder methods it did not
    // write: one given later would be passed by.
    if t.behavesAsBuiltin, name.hasPrefix("__"), name.hasSuffix("__"), name != "__doc__", name != "__module__" {
      throw refuse(
        "giving \(t.name) a \(name) after the class statement",
        "a subclass of a built-in gets its dunder methods in its class statement here")
    }
    t.dict.setStr(name, v)
  }

  /// Whether the program may set or delete `name` on the class `t`.
  ///
  /// Built-in types and the classes of lesson's library are made once and shared by every
  /// program the process runs (a grading worker runs thousands), so none of them may change: a
  /// program that deleted `str.endswith` would change the runs of every learner after it.
  /// - A type of `builtins`, or one CPython writes in C (`collections.deque`), is immutable there
  ///   too: CPython's TypeError, the same for a deletion.
  /// - A class CPython writes in Python (asyncio's `Semaphore`, `enum.Enum`) would change there,
  ///   for the rest of the program: refused, since here it cannot change for this program alone.
  func mayChange(_ t: TypeObject, _ name: String) throws {
    guard t.isBuiltin || t.isShared || t.messageName != nil else { return }
    if (t.isBuiltin && t.module == "builtins") || t.messageName != nil {
      throw typeError("cannot set '\(name)' attribute of immutable type '\(t.messageName ?? t.name)'")
    }
    let qualified = t.module == "builtins" ? t.name : "\(t.module).\(t.name)"
    throw refuse(
      "changing the class \(qualified) (its attribute \(name))",
      "lesson's library classes are shared by every program it runs, so one program cannot change them for itself alone; subclass it (class My\(t.name)(\(t.name)): ...) and change the subclass")
  }

  /// `object.__setattr__(o, name, v)`: a data descriptor of the class, else the instance's own
  /// attributes (its slots, when the class has them); never the class's own `__setattr__`.
  func objectSetAttribute(_ o: PyObject, _ name: String, _ v: PyObject) throws {
    // A class's attributes are set through `type.__setattr__`, never this one (CPython's
    // `hackcheck`); a bare `object()` has nowhere to keep one.
    if o is TypeObject { throw typeError("can't apply this __setattr__ to type object") }
    let t = o.type
    if t === Types.object { throw cannotSetNewAttribute(o, name) }
    if let e = o as? ExceptionObject, try setExceptionAttribute(e, name, v) { return }
    if try setProperty(o, name, v) { return }
    if !(o is TypeObject), let d = t.lookup(name), let set = userDescriptor(d, "__set__") {
      _ = try call(set, Args([d, o, v]))
      return
    }
    guard let dict = o.instanceDict else {
      try refuseSettingAsyncioAttribute(o, name)
      throw cannotSetNewAttribute(o, name)
    }
    if !(o is NativeObject), let names = slotNames(t), !names.contains(name), t.lookup(name) == nil {
      throw cannotSetNewAttribute(o, name)
    }
    dict.setStr(name, v)
  }

  /// `__doc__` of one of Python's own functions or classes: CPython's text, which lesson does not keep.
  func refuseLibraryDocstring(_ name: String) -> Halt {
    refuse("the docstring of \(name) (__doc__)", "Python's own functions and classes carry CPython's documentation, which lesson does not keep; print a text of your own")
  }

  /// Setting or deleting an attribute of one of lesson's library functions (`asyncio.sleep.x = 1`):
  /// in CPython a built-in refuses it and a function written in Python takes it; here every one is
  /// shared by every program the process runs, so neither is reproduced.
  func refuseChangingLibraryFunction(_ b: BuiltinFunctionObject, _ name: String) -> Halt {
    refuse(
      "changing the function \(b.name) (its attribute \(name))",
      "lesson's library functions are shared by every program it runs, so one program cannot change them; wrap it in a function of your own and change that")
  }

  func deleteAttribute(_ o: PyObject, _ name: String) throws {
    if let b = o as? BuiltinFunctionObject { throw refuseChangingLibraryFunction(b, name) }
    if !(o is TypeObject), let d = o.type.lookup(name), let delete = userDescriptor(d, "__delete__") {
      _ = try call(delete, Args([d, o]))
      return
    }
    if let d = o.type.lookup(name) as? DescriptorObject, d.kind == .property {
      guard let del = d.deleter else {
        throw attributeError(
          version.minor >= 11
            ? "property '\(name)' of '\(o.type.qualname)' object has no deleter" : "can't delete attribute '\(name)'")
      }
      _ = try call(del, Args([o]))
      return
    }
    if let t = o as? TypeObject { try mayChange(t, name) }
    guard let dict = o.instanceDict, dict.removeStr(name) != nil else {
      // 3.10's message is the name alone.
      if version.minor < 11, !(o is TypeObject), !(o is ModuleObject) { throw attributeError(name) }
      throw noAttribute(o, name)
    }
  }

  /// `del o.name` and `delattr(o, name)`: the class's own `__delattr__` when it has one.
  func deleteAttributeStatement(_ o: PyObject, _ name: String) throws {
    if !(o is TypeObject), let custom = o.type.lookup("__delattr__"), !(custom is BuiltinFunctionObject) {
      _ = try call(custom, Args([o, StrObject(name)]))
      return
    }
    try deleteAttribute(o, name)
  }

  /// A special method looked up on the class (`__enter__`, `__exit__`…), bound to the object.
  func lookupSpecial(_ o: PyObject, _ name: String, missing protocolName: String) throws -> PyObject {
    guard let d = o.type.lookup(name) else {
      if version.minor >= 11 {
        throw typeError("'\(typeName(o))' object does not support \(protocolName)")
      }
      throw attributeError(name)
    }
    return bindDescriptor(d, to: o, type: o.type)
  }
}
