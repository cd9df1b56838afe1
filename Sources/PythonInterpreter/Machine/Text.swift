import PythonValues

extension Machine {
  /// `repr(o)`.
  func repr(_ o: PyObject) throws -> String {
    switch o {
    case let s as StrObject where s.type.behavesAsBuiltin: return PyString.repr(s.value)
    case let b as BoolObject: return b.bool ? "True" : "False"
    case let i as IntObject where i.type === Types.int: return try intText(i.value)
    case let f as FloatObject: return PyFloat.repr(f.value)
    case is NoneObject: return "None"
    // A future or task: its type's own repr (`<Future finished result=1>`).
    case is FutureObject:
      if let r = o.type.lookup("__repr__") as? BuiltinFunctionObject, let s = try call(r, Args([o])) as? StrObject {
        return s.value
      }
    default: break
    }
    reprDepth += 1
    defer { reprDepth -= 1 }
    // However high `sys.setrecursionlimit` goes, the interpreter's own depth stops here (a
    // value nested 600,000 deep took minutes to write out).
    if reprDepth > Budgets.deepestCalls {
      throw Halt.budget("recursion: a value nested more than \(Budgets.deepestCalls) deep")
    }
    if reprDepth > budgets.recursion {
      // 3.12 and later bound a container's repr by the C stack, not the recursion limit.
      if version.minor >= 12 {
        throw refuse(
          "the repr of a value nested more than \(budgets.recursion) deep",
          "from Python 3.12 the C stack bounds it, not the recursion limit, and lesson does not reproduce where that stops")
      }
      throw raising(
        pyError(
          Types.RecursionError,
          version.minor == 11
            ? "maximum recursion depth exceeded while getting the repr of an object"
            : "maximum recursion depth exceeded"))
    }
    if !o.type.isBuiltin || o is NativeObject || o is ExceptionObject, let r = o.type.lookup("__repr__"),
      !(r is BuiltinFunctionObject) || o is NativeObject
        || (!o.type.isBuiltin && r !== Types.object.dict.getStr("__repr__") && !(o is ExceptionObject))
    {
      let v = try call(r, Args([o]))
      guard let s = v as? StrObject else { throw typeError("__repr__ returned non-string (type \(typeName(v)))") }
      return s.value
    }
    switch o {
    case let l as ListObject:
      if l.items.isEmpty { return "[]" }
      if activeReprs.contains(ObjectIdentifier(l)) { return "[...]" }
      activeReprs.insert(ObjectIdentifier(l))
      defer { activeReprs.remove(ObjectIdentifier(l)) }
      return "[" + (try l.items.map { try repr($0) }).joined(separator: ", ") + "]"
    case let t as TupleObject:
      if let fields = namedTupleFields(t.type) {
        let parts = try zip(fields, t.items).map { "\($0)=\(try repr($1))" }
        return "\(t.type.name)(" + parts.joined(separator: ", ") + ")"
      }
      if t.items.count == 1 { return "(" + (try repr(t.items[0])) + ",)" }
      return "(" + (try t.items.map { try repr($0) }).joined(separator: ", ") + ")"
    case let d as DictObject:
      if d.count == 0 { return d.type.behavesAsBuiltin ? "{}" : "\(d.type.name)()" }
      if activeReprs.contains(ObjectIdentifier(d)) { return "{...}" }
      activeReprs.insert(ObjectIdentifier(d))
      defer { activeReprs.remove(ObjectIdentifier(d)) }
      let body = "{" + (try d.pairs.map { "\(try repr($0.0)): \(try repr($0.1))" }).joined(separator: ", ") + "}"
      return body
    case let s as SetObject:
      if s.count == 0 { return s.frozen ? "frozenset()" : "set()" }
      let body = "{" + (try setOrder(s).map { try repr($0) }).joined(separator: ", ") + "}"
      return s.frozen ? "frozenset(\(body))" : body
    case let i as IntObject: return try intText(i.value)
    case let s as StrObject: return PyString.repr(s.value)
    case let g as GenericAlias:
      let args = (g.args as? TupleObject)?.items ?? [g.args]
      return try typeRepr(g.origin) + "[" + (try args.map { try typeRepr($0) }).joined(separator: ", ") + "]"
    case let u as UnionObject:
      return (try u.members.map { $0 === Types.noneType ? "None" : try typeRepr($0) }).joined(separator: " | ")
    case let v as DictViewObject:
      let items: [PyObject]
      switch v.kind {
      case .keys: items = v.dict.keys
      case .values: items = v.dict.values
      case .items: items = v.dict.pairs.map { TupleObject([$0.0, $0.1]) }
      }
      return "\(v.type.name)([" + (try items.map { try repr($0) }).joined(separator: ", ") + "])"
    case let b as BytesObject: return PyBytes.repr(b.value)
    case let r as RangeObject:
      return r.step == 1 ? "range(\(r.start), \(r.stop))" : "range(\(r.start), \(r.stop), \(r.step))"
    case let s as SliceObject: return "slice(\(try repr(s.start)), \(try repr(s.stop)), \(try repr(s.step)))"
    case let e as ExceptionObject:
      let name = e.cls.name
      if e.args.count == 1 { return "\(name)(\(try repr(e.args[0])))" }
      return "\(name)(" + (try e.args.map { try repr($0) }).joined(separator: ", ") + ")"
    case let t as TypeObject:
      if t.enumMembers != nil { return "<enum '\(t.qualname)'>" }
      if t.module == "builtins" { return "<class '\(t.qualname)'>" }
      return "<class '\(t.module).\(t.qualname)'>"
    case let f as FunctionObject: return "<function \(f.qualname) at \(address(f))>"
    case let b as BuiltinFunctionObject:
      if let s = b.boundSelf { return "<built-in method \(b.name) of \(typeName(s)) object at \(address(s))>" }
      return "<built-in function \(b.name)>"
    case let m as MethodObject:
      let fname = (m.function as? FunctionObject)?.qualname ?? "?"
      return "<bound method \(fname) of \(try repr(m.receiver))>"
    case let m as ModuleObject: return "<module '\(m.name)'>"
    case let s as SentinelObject: return s.name
    case let g as GeneratorObject:
      let kind = g.function.code.flags.contains(.coroutine) ? "coroutine" : "generator"
      return "<\(kind) object \(g.function.qualname) at \(address(g))>"
    case let c as AwaitableObject where c.type === Types.coroutine:
      // asyncio's own coroutines, by the name CPython gives them (`wait_for`, `sleep`).
      return "<coroutine object \(c.name) at \(address(c))>"
    default:
      let t = o.type
      let mod = t.module == "builtins" ? "" : "\(t.module)."
      return "<\(mod)\(t.qualname) object at \(address(o))>"
    }
  }

  /// How `list[...]` and `X | Y` name a type: `str`, `module.Name`, `...`.
  func typeRepr(_ o: PyObject) throws -> String {
    if let t = o as? TypeObject { return t.module == "builtins" ? t.qualname : "\(t.module).\(t.qualname)" }
    if o === SentinelObject.ellipsis { return "..." }
    if o is NoneObject { return "None" }
    return try repr(o)
  }

  /// An address-like text for default reprs: stable within a run, never a real address.
  func address(_ o: PyObject) -> String {
    let id = ObjectIdentifier(o)
    if let a = addresses[id] { return a }
    let a = "0x7f" + String(0x1000_0000 + addresses.count * 0x30, radix: 16)
    addresses[id] = a
    return a
  }

  func intText(_ v: BigInt) throws -> String {
    if let s = v.int { return String(s) }
    return try values { () throws(PythonValuesError) in try v.pythonString(release: release) }
  }

  /// `str(o)`.
  func str(_ o: PyObject) throws -> String {
    switch o {
    case let s as StrObject where s.type.enumMembers == nil: return s.value
    case let b as BoolObject: return b.bool ? "True" : "False"
    case let i as IntObject where i.type === Types.int: return try intText(i.value)
    case let f as FloatObject: return PyFloat.repr(f.value)
    case is NoneObject: return "None"
    default: break
    }
    reprDepth += 1
    defer { reprDepth -= 1 }
    if nestingTooDeep(reprDepth, str: true) {
      throw raising(
        pyError(Types.RecursionError, "maximum recursion depth exceeded while getting the str of an object"))
    }
    try checkStack()
    if !o.type.isBuiltin || o is NativeObject || o is ExceptionObject, let s = o.type.lookup("__str__"),
      !(s is BuiltinFunctionObject) || o is NativeObject
        || (!o.type.isBuiltin && s !== Types.object.dict.getStr("__str__") && !(o is ExceptionObject))
    {
      let v = try call(s, Args([o]))
      guard let r = v as? StrObject else { throw typeError("__str__ returned non-string (type \(typeName(v)))") }
      return r.value
    }
    if let e = o as? ExceptionObject {
      if e.cls.isSubtype(of: Types.KeyError), e.args.count == 1 { return try repr(e.args[0]) }
      // OSError(errno, strerror[, filename]): "[Errno 111] Connection refused: 'host'".
      if e.cls.isSubtype(of: Types.OSError), let errno = e.dict.getStr("errno"), !(errno is NoneObject),
        let strerror = e.dict.getStr("strerror")
      {
        var text = "[Errno \(try str(errno))] \(try str(strerror))"
        if let filename = e.dict.getStr("filename"), !(filename is NoneObject) { text += ": \(try repr(filename))" }
        if let filename2 = e.dict.getStr("filename2"), !(filename2 is NoneObject) {
          text += " -> \(try repr(filename2))"
        }
        return text
      }
      // UnicodeDecodeError(encoding, object, start, end, reason) and UnicodeEncodeError: the codec's words.
      if e.cls.isSubtype(of: Types.UnicodeDecodeError) || e.cls.isSubtype(of: Types.UnicodeEncodeError),
        e.args.count == 5,
        let encoding = e.args[0] as? StrObject, let start = (e.args[2] as? IntObject)?.intValue,
        let end = (e.args[3] as? IntObject)?.intValue, let reason = e.args[4] as? StrObject
      {
        if let bytes = e.args[1] as? BytesObject, e.cls.isSubtype(of: Types.UnicodeDecodeError) {
          if end == start + 1, bytes.value.indices.contains(start) {
            let hex = String(bytes.value[start], radix: 16)
            return
              "'\(encoding.value)' codec can't decode byte 0x\(hex.count == 1 ? "0" : "")\(hex) in position \(start): \(reason.value)"
          }
          return "'\(encoding.value)' codec can't decode bytes in position \(start)-\(end - 1): \(reason.value)"
        }
        if let text = e.args[1] as? StrObject, e.cls.isSubtype(of: Types.UnicodeEncodeError) {
          let scalars = Array(text.value.unicodeScalars)
          if end == start + 1, scalars.indices.contains(start) {
            return
              "'\(encoding.value)' codec can't encode character '\(Machine.codecEscape(scalars[start]))' in position \(start): \(reason.value)"
          }
          return "'\(encoding.value)' codec can't encode characters in position \(start)-\(end - 1): \(reason.value)"
        }
      }
      // UnicodeTranslateError(object, start, end, reason).
      if e.cls.isSubtype(of: Types.UnicodeTranslateError), e.args.count == 4, let text = e.args[0] as? StrObject,
        let start = (e.args[1] as? IntObject)?.intValue, let end = (e.args[2] as? IntObject)?.intValue,
        let reason = e.args[3] as? StrObject
      {
        let scalars = Array(text.value.unicodeScalars)
        if end == start + 1, scalars.indices.contains(start) {
          return
            "can't translate character '\(Machine.codecEscape(scalars[start]))' in position \(start): \(reason.value)"
        }
        return "can't translate characters in position \(start)-\(end - 1): \(reason.value)"
      }
      if e.cls.isSubtype(of: Types.BaseExceptionGroup), e.args.count >= 1 {
        let n = e.members.count
        return "\(try str(e.args[0])) (\(n) sub-exception\(n == 1 ? "" : "s"))"
      }
      switch e.args.count {
      case 0: return ""
      case 1: return try str(e.args[0])
      default: return try repr(TupleObject(e.args))
      }
    }
    return try repr(o)
  }

  /// `format(o, spec)`.
  func format(_ o: PyObject, _ spec: String) throws -> String {
    switch o {
    case let b as BoolObject:
      return try values { () throws(PythonValuesError) in try PyFormat.format(b.bool, spec: spec, release: release) }
    case let i as IntObject where i.type === Types.int:
      return try values { () throws(PythonValuesError) in try PyFormat.format(i.value, spec: spec, release: release) }
    case let f as FloatObject:
      return try values { () throws(PythonValuesError) in try PyFormat.format(f.value, spec: spec, release: release) }
    case let s as StrObject where s.type.behavesAsBuiltin:
      return try values { () throws(PythonValuesError) in try PyFormat.format(s.value, spec: spec, release: release) }
    default: break
    }
    if let f = o.type.lookup("__format__"),
      f is FunctionObject || o.type.enumMembers != nil && f !== Types.object.dict.getStr("__format__")
    {
      let v = try call(f, Args([o, StrObject(spec)]))
      guard let s = v as? StrObject else { throw typeError("__format__ must return a str, not \(typeName(v))") }
      return s.value
    }
    if spec.isEmpty { return try str(o) }
    if let i = o as? IntObject {
      return try values { () throws(PythonValuesError) in try PyFormat.format(i.value, spec: spec, release: release) }
    }
    throw typeError("unsupported format string passed to \(typeName(o)).__format__")
  }

  /// `format % args`.
  func percentFormat(_ f: StrObject, _ args: PyObject) throws -> PyObject {
    let a: PyPercent.Arguments<PyObject>
    if let t = args as? TupleObject, t.type === Types.tuple {
      a = .tuple(t.items)
    } else if let d = args as? DictObject {
      a = .single(
        d,
        mapping: { key in
          guard let v = try d.get(StrObject(key), self) else { throw keyError(StrObject(key)) }
          return v
        })
    } else {
      a = .single(args, mapping: nil)
    }
    do {
      return StrObject(
        try PyPercent.format(
          f.value, a, operand: { self.percentOperand($0) }, str: { try self.str($0) }, repr: { try self.repr($0) },
          release: release))
    } catch let e as PythonValuesError {
      if case .resourceLimit(let m) = e { throw Halt.budget("memory: \(m)") }
      throw e.exception
    }
  }

  func percentOperand(_ v: PyObject) -> PercentOperand {
    switch v {
    case let b as BoolObject: return .bool(b.bool)
    // A member of an int enum: its str() for %s, its value for %d.
    case let i as IntObject where i.type.enumMembers != nil:
      return .other(typeName: typeName(v), int: i.value, index: i.value, float: Double(i.value.description))
    case let i as IntObject: return .int(i.value)
    case let f as FloatObject: return .float(f.value)
    // A member of a str enum is printed by its str(): `Status.OK`.
    case let s as StrObject where s.type.enumMembers == nil: return .str(s.value)
    case is NoneObject: return .none
    default: return .other(typeName: typeName(v), int: nil, index: nil, float: nil)
    }
  }

  /// The fields of a named tuple class, or nil.
  func namedTupleFields(_ t: TypeObject) -> [String]? {
    guard t !== Types.tuple, let f = t.lookup("_fields") as? TupleObject else { return nil }
    return f.items.compactMap { ($0 as? StrObject)?.value }
  }
}

extension Machine {
  /// Whether C code recursing `nesting` levels into a value (comparing, `str`) goes past what
  /// this Python allows: before 3.12 it shares the recursion limit with Python calls; 3.12 and
  /// 3.13 count C recursion on its own (1,500 and 10,000 levels, measured).
  func nestingTooDeep(_ nesting: Int, str: Bool = false) -> Bool {
    // `str` of an exception goes one level deeper than a comparison before it fails (from 3.11).
    let extra = str && version.minor >= 11 ? 1 : 0
    switch version.minor {
    case ...11: return nesting + depth > budgets.recursion - 1 + extra
    case 12: return nesting > 1_497 + extra
    default: return nesting > 9_998 + extra
    }
  }
}
