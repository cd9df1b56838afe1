import AsyncioModel

/// `contextvars.Context`: the values of context variables one piece of code sees. Each task runs in
/// its own, copied from the code that created it (``EventLoop/contextOfNewTask``); `var.set` in
/// a task is not seen by the code that created it.
final class ContextObject: NativeObject {
  /// The variables set in this context, with their values, in the order they were first set.
  var values: [(variable: ContextVarObject, value: PyObject)] = []
  /// Inside `ctx.run(...)` now.
  var entered = false

  init(copying other: ContextObject? = nil) {
    values = other?.values ?? []
    super.init(type: ContextvarsModule.contextType)
  }

  func index(of v: ContextVarObject) -> Int? { values.firstIndex { $0.variable === v } }
  func value(of v: ContextVarObject) -> PyObject? { index(of: v).map { values[$0].value } }
  func set(_ v: ContextVarObject, _ value: PyObject?) {
    if let i = index(of: v) {
      if let value { values[i].value = value } else { values.remove(at: i) }
    } else if let value {
      values.append((v, value))
    }
  }
}

final class ContextVarObject: NativeObject {
  let name: String
  let defaultValue: PyObject?
  init(name: String, defaultValue: PyObject?) {
    self.name = name
    self.defaultValue = defaultValue
    super.init(type: ContextvarsModule.contextVarType)
  }
}

/// What `var.set(value)` returns, to undo it with `var.reset(token)`.
final class TokenObject: NativeObject {
  let context: ContextObject
  let variable: ContextVarObject
  /// The value before, or nil for `Token.MISSING`.
  let oldValue: PyObject?
  var used = false
  init(context: ContextObject, variable: ContextVarObject, oldValue: PyObject?) {
    self.context = context
    self.variable = variable
    self.oldValue = oldValue
    super.init(type: ContextvarsModule.tokenType)
  }
}

extension Machine {
  /// The context the running code sees: the one `ctx.run` entered, else the running task's, else
  /// the program's own (outside `asyncio.run`).
  func currentContext(_ what: String) throws -> ContextObject {
    if let c = enteredContexts.last { return c }
    if inWorker > 0 {
      throw refuse("\(what) in a worker thread", "Python runs it in a copy of the caller's context, which lesson does not keep yet")
    }
    if let l = openLoop {
      guard let t = l.currentTask else {
        throw refuse("\(what) in a loop callback", "Python runs a callback in the context it was registered in, which lesson does not keep yet")
      }
      if let c = t.context as? ContextObject { return c }
      let c = ContextObject(copying: topContext)
      t.context = c
      return c
    }
    return topContext
  }

  /// What a new task runs in: a copy of the context creating it (`contextvars.copy_context()`).
  func contextForNewTask() -> AnyObject? {
    if let c = enteredContexts.last { return ContextObject(copying: c) }
    if let l = openLoop, let t = l.currentTask {
      return ContextObject(copying: (t.context as? ContextObject) ?? topContext)
    }
    return ContextObject(copying: topContext)
  }
}

/// `contextvars`: `ContextVar`, `Token`, `Context` and `copy_context`, as CPython's `_contextvars`.
enum ContextvarsModule {
  static func make(_ m: Machine) -> ModuleObject {
    let mod = ModuleObject("contextvars")
    mod.set("ContextVar", contextVarType)
    mod.set("Token", tokenType)
    mod.set("Context", contextType)
    mod.set(
      "copy_context",
      BuiltinFunctionObject("copy_context") { m, a in
        try ArgCheck.positional(a, "copy_context", min: 0, max: 0)
        return ContextObject(copying: try m.currentContext("contextvars.copy_context()"))
      })
    return mod
  }

  static func variable(_ m: Machine, _ o: PyObject) throws -> ContextVarObject {
    guard let v = o as? ContextVarObject else {
      throw typeError("descriptor requires a '_contextvars.ContextVar' object but received a '\(m.typeName(o))'")
    }
    return v
  }

  static func context(_ m: Machine, _ o: PyObject) throws -> ContextObject {
    guard let c = o as? ContextObject else {
      throw typeError("descriptor requires a '_contextvars.Context' object but received a '\(m.typeName(o))'")
    }
    return c
  }

  static func key(_ m: Machine, _ o: PyObject) throws -> ContextVarObject {
    guard let v = o as? ContextVarObject else {
      throw typeError("a ContextVar key was expected, got \(try m.repr(o))")
    }
    return v
  }

  static let contextVarType: TypeObject = {
    let t = AsyncioModule.nativeType("ContextVar", module: "_contextvars", [
      ("get", { m, a in
        let v = try variable(m, a[0])
        if a.count > 2 { throw typeError("get expected at most 1 argument, got \(a.count - 1)") }
        if !a.keywords.isEmpty { throw typeError("ContextVar.get() takes no keyword arguments") }
        if let value = try m.currentContext("ContextVar.get()").value(of: v) { return value }
        if a.count == 2 { return a[1] }
        if let d = v.defaultValue { return d }
        throw ExceptionObject(Types.LookupError, [v])
      }),
      ("set", { m, a in
        let v = try variable(m, a[0])
        if a.count != 2 || !a.keywords.isEmpty {
          throw typeError("ContextVar.set() takes exactly one argument (\(a.count - 1) given)")
        }
        let c = try m.currentContext("ContextVar.set()")
        let token = TokenObject(context: c, variable: v, oldValue: c.value(of: v))
        c.set(v, a[1])
        return token
      }),
      ("reset", { m, a in
        let v = try variable(m, a[0])
        if a.count != 2 || !a.keywords.isEmpty {
          throw typeError("ContextVar.reset() takes exactly one argument (\(a.count - 1) given)")
        }
        guard let token = a[1] as? TokenObject else {
          throw typeError("expected an instance of Token, got \(try m.repr(a[1]))")
        }
        if token.used { throw runtimeError("\(try m.repr(token)) has already been used once") }
        if token.variable !== v { throw valueError("\(try m.repr(token)) was created by a different ContextVar") }
        let c = try m.currentContext("ContextVar.reset()")
        if token.context !== c { throw valueError("\(try m.repr(token)) was created in a different Context") }
        token.used = true
        c.set(v, token.oldValue)
        return NoneObject.shared
      }),
      ("__repr__", { m, a in
        let v = try variable(m, a[0])
        let d = try v.defaultValue.map { " default=\(try m.repr($0))" } ?? ""
        return StrObject("<ContextVar name=\(try m.repr(StrObject(v.name)))\(d) at \(m.address(v))>")
      }),
    ])
    t.dict.setStr("name", DescriptorObject(.property, BuiltinFunctionObject("name") { m, a in StrObject(try variable(m, a[0]).name) }))
    t.construct = { m, cls, a in
      guard cls === t else { throw m.refuse("a subclass of ContextVar", "Python does not allow one (type 'ContextVar' is not an acceptable base type)") }
      if a.count != 1 { throw typeError("ContextVar() takes exactly 1 positional argument (\(a.count) given)") }
      for (k, _) in a.keywords where k != "default" {
        throw typeError("ContextVar() got an unexpected keyword argument '\(k)'")
      }
      guard let name = a[0] as? StrObject else { throw typeError("context variable name must be a str") }
      return ContextVarObject(name: name.value, defaultValue: a.keyword("default"))
    }
    return t
  }()

  /// `Token.MISSING`, the old value of a variable that had none.
  static let missing: PyObject = {
    let t = AsyncioModule.nativeType("Token.MISSING", module: "_contextvars", [
      ("__repr__", { _, _ in StrObject("<Token.MISSING>") })
    ])
    return NativeObject(type: t)
  }()

  static let tokenType: TypeObject = {
    func token(_ m: Machine, _ o: PyObject) throws -> TokenObject {
      guard let t = o as? TokenObject else {
        throw typeError("descriptor requires a '_contextvars.Token' object but received a '\(m.typeName(o))'")
      }
      return t
    }
    let t = AsyncioModule.nativeType("Token", module: "_contextvars", [
      ("__repr__", { m, a in
        let t = try token(m, a[0])
        return StrObject("<Token\(t.used ? " used" : "") var=\(try m.repr(t.variable)) at \(m.address(t))>")
      })
    ])
    t.dict.setStr("var", DescriptorObject(.property, BuiltinFunctionObject("var") { m, a in try token(m, a[0]).variable }))
    t.dict.setStr("old_value", DescriptorObject(.property, BuiltinFunctionObject("old_value") { m, a in try token(m, a[0]).oldValue ?? missing }))
    t.dict.setStr("MISSING", missing)
    return t
  }()

  static let contextType: TypeObject = {
    func unordered(_ m: Machine, _ c: ContextObject, _ what: String) throws {
      if c.values.count > 1 {
        throw m.refuse("\(what) of a Context with several variables", "Python's order follows its hash table of variables (memory addresses)")
      }
    }
    let t = AsyncioModule.nativeType("Context", module: "_contextvars", [
      ("run", { m, a in
        let c = try context(m, a[0])
        guard a.count >= 2 else { throw typeError("run() missing 1 required positional argument") }
        if c.entered { throw runtimeError("cannot enter context: \(try m.repr(c)) is already entered") }
        c.entered = true
        m.enteredContexts.append(c)
        defer {
          m.enteredContexts.removeLast()
          c.entered = false
        }
        return try m.call(a[1], Args(Array(a.positional.dropFirst(2)), keywords: a.keywords))
      }),
      ("copy", { m, a in ContextObject(copying: try context(m, a[0])) }),
      ("get", { m, a in
        let c = try context(m, a[0])
        guard a.count >= 2 else { throw typeError("get expected at least 1 argument, got 0") }
        return c.value(of: try key(m, a[1])) ?? (a.count > 2 ? a[2] : NoneObject.shared)
      }),
      ("__getitem__", { m, a in
        let v = try key(m, a[1])
        guard let value = try context(m, a[0]).value(of: v) else { throw ExceptionObject(Types.KeyError, [v]) }
        return value
      }),
      ("__contains__", { m, a in
        BoolObject.of(try context(m, a[0]).value(of: try key(m, a[1])) != nil)
      }),
      ("__len__", { m, a in IntObject.make(try context(m, a[0]).values.count) }),
      ("__iter__", { m, a in
        let c = try context(m, a[0])
        try unordered(m, c, "iterating")
        return try m.getIterator(ListObject(c.values.map { $0.variable }))
      }),
      ("keys", { m, a in
        let c = try context(m, a[0])
        try unordered(m, c, "keys()")
        return ListObject(c.values.map { $0.variable })
      }),
      ("values", { m, a in
        let c = try context(m, a[0])
        try unordered(m, c, "values()")
        return ListObject(c.values.map { $0.value })
      }),
      ("items", { m, a in
        let c = try context(m, a[0])
        try unordered(m, c, "items()")
        return ListObject(c.values.map { TupleObject([$0.variable, $0.value]) })
      }),
    ])
    t.construct = { m, cls, a in
      guard cls === t else { throw m.refuse("a subclass of Context", "Python does not allow one") }
      if a.count > 0 || !a.keywords.isEmpty { throw typeError("Context() does not accept any arguments") }
      return ContextObject()
    }
    return t
  }()
}
