import PythonValues
import Synchronization

/// The `builtins` module and the methods of the built-in types.
enum Builtins {
  /// Installs the methods of the built-in types, once per process.
  static let installed: Void = {
    TypeMethods.install()
  }()

  /// The builtins of each Python version, made once per process: nothing a program can do
  /// changes them (the `builtins` module and `__builtins__` are refused), so every run shares them.
  static func shared(for m: Machine) -> DictObject {
    cache.withLock { dicts in
      if let d = dicts[m.version.minor] { return d }
      let d = makeModuleDict(m)
      // Named here, once, under the lock: a module made around it later never writes to it.
      d.setStr("__name__", StrObject("builtins"))
      dicts[m.version.minor] = d
      return d
    }
  }
  static let cache = Locked<[Int: DictObject]>([:])

  static func makeModuleDict(_ m: Machine) -> DictObject {
    let d = DictObject()
    func fn(_ name: String, _ body: @escaping BuiltinFunctionObject.Body) {
      guard let count = PositionalCount.ofBuiltin[name] else {
        d.setStr(name, BuiltinFunctionObject(name, body))
        return
      }
      d.setStr(
        name,
        BuiltinFunctionObject(name) { m, a in
          // With keywords, CPython's first words may be about them: the body's to say.
          if a.hasNoKeywords { try count.check(a.count, name) }
          return try body(m, a)
        })
    }
    for t in [
      Types.object, Types.type, Types.int, Types.bool, Types.float, Types.str, Types.bytes, Types.list, Types.tuple,
      Types.dict, Types.set, Types.frozenset, Types.range, Types.slice, Types.staticmethod, Types.classmethod,
      Types.property, Types.superType,
    ] {
      d.setStr(t.name, t)
    }
    for t in Types.builtinExceptions { d.setStr(t.name, t) }
    // Old names of OSError, kept by every version.
    d.setStr("EnvironmentError", Types.OSError)
    d.setStr("IOError", Types.OSError)
    if m.version.minor >= 11 {
      d.setStr("ExceptionGroup", Types.ExceptionGroup)
      d.setStr("BaseExceptionGroup", Types.BaseExceptionGroup)
    }
    d.setStr("None", NoneObject.shared)
    d.setStr("True", BoolObject.true)
    d.setStr("False", BoolObject.false)
    d.setStr("NotImplemented", SentinelObject.notImplemented)
    d.setStr("Ellipsis", SentinelObject.ellipsis)
    d.setStr("__name__", StrObject("builtins"))
    d.setStr("__debug__", BoolObject.true)

    fn("print") { m, a in
      var sep = " "
      var end = "\n"
      var toStderr = false
      var target: PyObject?
      var flush = false
      for (k, v) in a.keywords {
        switch k {
        case "sep":
          if !(v is NoneObject) {
            guard let s = v as? StrObject else { throw typeError("sep must be None or a string, not \(m.typeName(v))") }
            sep = s.value
          }
        case "end":
          if !(v is NoneObject) {
            guard let s = v as? StrObject else { throw typeError("end must be None or a string, not \(m.typeName(v))") }
            end = s.value
          }
        case "file":
          if let s = v as? StreamObject { toStderr = s.toStderr } else if !(v is NoneObject) { target = v }
        case "flush": flush = try m.truthy(v)
        default: throw typeError("'\(k)' is an invalid keyword argument for print()")
        }
      }
      // Without a file, print writes to whatever sys.stdout is now (a program may have replaced
      // it); to nothing when that is None.
      if target == nil, !toStderr, a.keyword("file") == nil || a.keyword("file") is NoneObject,
        let current = m.modules["sys"]?.dict.getStr("stdout")
      {
        switch current {
        case let s as StreamObject: toStderr = s.toStderr
        case is NoneObject: return NoneObject.shared
        default: target = current
        }
      }
      if let target {
        // A file of the program's own gets each piece by its write(), as CPython's print writes
        // them: every argument, every separator, then the end.
        func put(_ text: String) throws { _ = try m.callMethod(target, StrObject("write"), Args([StrObject(text)])) }
        for (i, v) in a.positional.enumerated() {
          if i > 0 { try put(sep) }
          try put(try m.str(v))
        }
        try put(end)
        if flush { _ = try m.callMethod(target, StrObject("flush"), Args([])) }
        return NoneObject.shared
      }
      var out = ""
      for (i, v) in a.positional.enumerated() {
        if i > 0 { out += sep }
        do {
          out += try m.str(v)
        } catch {
          // What was written before the argument that failed stays written.
          try m.write(out, toStderr: toStderr)
          throw error
        }
      }
      out += end
      try m.write(out, toStderr: toStderr)
      return NoneObject.shared
    }
    fn("len") { m, a in
      try ArgCheck.positional(a, "len", min: 1, max: 1)
      return IntObject.make(try m.length(a[0]))
    }
    fn("repr") { m, a in StrObject(try m.repr(a[0])) }
    fn("ascii") { m, a in StrObject(PyPercent.ascii(try m.repr(a[0]))) }
    fn("format") { m, a in StrObject(try m.format(a[0], a.count > 1 ? try m.str(a[1]) : "")) }
    fn("isinstance") { m, a in
      guard a.count == 2 else { throw typeError("isinstance expected 2 arguments, got \(a.count)") }
      // Only the two function types answer differently for asyncio's functions (CPython's are `function`).
      if let b = a[0] as? BuiltinFunctionObject, b.isAsyncioFunction {
        let classes = (a[1] as? TupleObject)?.items ?? [a[1]]
        if classes.contains(where: { $0 === Types.function || $0 === Types.builtinFunction }) {
          throw m.refuseAsyncioFunctionType(b)
        }
      }
      return BoolObject.of(try m.isInstance(a[0], a[1]))
    }
    fn("issubclass") { m, a in
      guard let t = a[0] as? TypeObject else { throw typeError("issubclass() arg 1 must be a class") }
      return BoolObject.of(try m.isSubclass(t, a[1]))
    }
    fn("hasattr") { m, a in
      guard let n = a[1] as? StrObject else { throw typeError("hasattr(): attribute name must be string") }
      do {
        if try m.findAttribute(a[0], n) != nil { return BoolObject.true }
        try m.refuseMissingStandardName(a[0], n.value)
        try m.refuseMissingAsyncioAttribute(a[0], n.value)
        return BoolObject.false
      } catch let e as ExceptionObject where e.isInstance(of: Types.AttributeError) {
        return BoolObject.false
      }
    }
    fn("getattr") { m, a in
      guard let n = a[1] as? StrObject else {
        throw typeError("attribute name must be string, not '\(m.typeName(a[1]))'")
      }
      do {
        if let v = try m.findAttribute(a[0], n) { return v }
        try m.refuseMissingStandardName(a[0], n.value)
        try m.refuseMissingAsyncioAttribute(a[0], n.value)
        if a.count > 2 { return a[2] }
        throw m.noAttribute(a[0], n.value)
      } catch let e as ExceptionObject where e.isInstance(of: Types.AttributeError) && a.count > 2 {
        return a[2]
      }
    }
    fn("setattr") { m, a in
      guard let n = a[1] as? StrObject else {
        throw typeError("attribute name must be string, not '\(m.typeName(a[1]))'")
      }
      try m.setAttribute(a[0], n.value, a[2])
      return NoneObject.shared
    }
    fn("delattr") { m, a in
      try m.deleteAttributeStatement(a[0], try m.str(a[1]))
      return NoneObject.shared
    }
    fn("callable") { m, a in
      let o = a[0]
      return BoolObject.of(
        o is FunctionObject || o is BuiltinFunctionObject || o is MethodObject || o is TypeObject
          || o.type.lookup("__call__") != nil)
    }
    fn("id") { m, a in
      IntObject.make(Int(bitPattern: UInt(bitPattern: ObjectIdentifier(a[0]).hashValue)) & 0xFFFF_FFFF_FFFF)
    }
    fn("hash") { m, a in IntObject.make(try m.printableHash(a[0])) }
    fn("abs") { m, a in
      switch a[0] {
      case let i as IntObject: return IntObject.make(i.value.absoluteValue)
      case let f as FloatObject: return FloatObject(Swift.abs(f.value))
      default:
        if let f = a[0].type.lookup("__abs__") { return try m.call(f, Args([a[0]])) }
        throw typeError("bad operand type for abs(): '\(m.typeName(a[0]))'")
      }
    }
    fn("round") { m, a in try m.round(a) }
    fn("divmod") { m, a in
      // A float divided by zero: divmod's own message, not floor division's.
      if a.count == 2, a[0] is FloatObject || a[1] is FloatObject, a[0] is FloatObject || a[0] is IntObject,
        (a[1] as? FloatObject)?.value == 0 || (a[1] as? IntObject)?.value.signum == 0
      {
        throw pyError(Types.ZeroDivisionError, "float divmod()")
      }
      return TupleObject([try m.binaryOp(a[0], a[1], .floorDiv), try m.binaryOp(a[0], a[1], .mod)])
    }
    fn("pow") { m, a in
      if a.count == 3 {
        guard let b = a[0] as? IntObject, let e = a[1] as? IntObject, let md = a[2] as? IntObject else {
          throw typeError("pow() 3rd argument not allowed unless all arguments are integers")
        }
        return IntObject.make(
          try values { () throws(PythonValuesError) in try b.value.power(e.value, modulus: md.value) })
      }
      return try m.binaryOp(a[0], a[1], .pow)
    }
    fn("sum") { m, a in try m.sum(a) }
    fn("min") { m, a in try m.minMax(a, isMax: false) }
    fn("max") { m, a in try m.minMax(a, isMax: true) }
    fn("sorted") { m, a in
      guard a.count == 1 else { throw typeError("sorted expected 1 argument, got \(a.count)") }
      // Over a set in any order (`sorted(<pure genexp over a set>)`): an exception on the way
      // would depend on that order.
      if m.unorderedSorts.last == true {
        do {
          return try m.sortedList(a)
        } catch let e as ExceptionObject {
          throw m.orderFreeRaised(e, by: "sorted")
        }
      }
      return try m.sortedList(a)
    }
    fn("reversed") { m, a in
      let o = a[0]
      if let l = o as? ListObject {
        var i = l.items.count - 1
        return IteratorObject("list_reverseiterator") {
          guard i >= 0, i < l.items.count else { return nil }
          defer { i -= 1 }
          return l.items[i]
        }
      }
      if let r = o.type.lookup("__reversed__"), !o.type.isBuiltin { return try m.call(r, Args([o])) }
      if o is TupleObject || o is StrObject || o is RangeObject {
        let items = try m.iterate(o).reversed()
        var it = items.makeIterator()
        return IteratorObject("reversed") { it.next() }
      }
      if let d = o as? DictObject {
        var it = d.keys.reversed().makeIterator()
        return IteratorObject("dict_reversekeyiterator") { it.next() }
      }
      if let v = o as? DictViewObject {
        var it = try m.iterate(v).reversed().makeIterator()
        let name =
          v.kind == .keys
          ? "dict_reversekeyiterator" : v.kind == .values ? "dict_reversevalueiterator" : "dict_reverseitemiterator"
        return IteratorObject(name) { it.next() }
      }
      throw typeError("'\(m.typeName(o))' object is not reversible")
    }
    fn("enumerate") { m, a in
      guard let src = a.get(0, "iterable") else {
        throw typeError("enumerate() missing required argument 'iterable'\(m.version.minor < 11 ? " (pos 1)" : "")")
      }
      let it = try m.getIterator(src)
      var i: BigInt = BigInt(0)
      if let s = a.get(1, "start") {
        guard let si = s as? IntObject else {
          throw typeError("'\(m.typeName(s))' object cannot be interpreted as an integer")
        }
        i = si.value
      }
      return IteratorObject("enumerate") {
        guard let v = try m.next(it) else { return nil }
        defer { i = i + BigInt(1) }
        return TupleObject([IntObject.make(i), v])
      }
    }
    fn("zip") { m, a in
      let its = try a.positional.map { try m.getIterator($0) }
      let strict = try a.keyword("strict").map { try m.truthy($0) } ?? false
      if its.isEmpty { return IteratorObject("zip") { nil } }
      return IteratorObject("zip") {
        var out: [PyObject] = []
        for (n, it) in its.enumerated() {
          guard let v = try m.next(it) else {
            if strict {
              if n > 0 {
                throw valueError("zip() argument \(n + 1) is shorter than argument\(n > 1 ? "s 1-\(n)" : " 1")")
              }
              for (k, other) in its.enumerated().dropFirst() where try m.next(other) != nil {
                throw valueError("zip() argument \(k + 1) is longer than argument\(k > 1 ? "s 1-\(k)" : " 1")")
              }
            }
            return nil
          }
          out.append(v)
        }
        return TupleObject(out)
      }
    }
    fn("map") { m, a in
      guard a.count >= 2 else { throw typeError("map() must have at least two arguments.") }
      let f = a[0]
      let its = try a.positional.dropFirst().map { try m.getIterator($0) }
      return IteratorObject("map") {
        var args: [PyObject] = []
        for it in its {
          guard let v = try m.next(it) else { return nil }
          args.append(v)
        }
        return try m.call(f, Args(args))
      }
    }
    fn("filter") { m, a in
      let f = a[0]
      let it = try m.getIterator(a[1])
      return IteratorObject("filter") {
        while let v = try m.next(it) {
          let keep = f is NoneObject ? try m.truthy(v) : try m.truthy(try m.call(f, Args([v])))
          if keep { return v }
        }
        return nil
      }
    }
    fn("any") { m, a in
      let it = try m.getIterator(a[0])
      while let v = try m.next(it) { if try m.truthy(v) { return BoolObject.true } }
      return BoolObject.false
    }
    fn("all") { m, a in
      let it = try m.getIterator(a[0])
      while let v = try m.next(it) { if try !m.truthy(v) { return BoolObject.false } }
      return BoolObject.true
    }
    fn("iter") { m, a in
      guard a.count == 1 else {
        throw Halt.refused(
          line: m.learnerLine, column: m.learnerColumn, construct: "iter(callable, sentinel)",
          why: "not run by lesson yet")
      }
      return try m.getIterator(a[0])
    }
    fn("next") { m, a in
      if let v = try m.next(a[0]) { return v }
      if a.count > 1 { return a[1] }
      if let g = a[0] as? GeneratorObject, !(g.returnValue is NoneObject) {
        throw ExceptionObject(Types.StopIteration, [g.returnValue])
      }
      throw ExceptionObject(Types.StopIteration, [])
    }
    fn("aiter") { m, a in
      guard a.count == 1 else { throw typeError("aiter expected 1 argument, got \(a.count)") }
      if let g = a[0] as? GeneratorObject, g.isAsyncGenerator { return g }
      guard let f = a[0].type.lookup("__aiter__") else {
        throw typeError("'\(m.typeName(a[0]))' object is not an async iterable")
      }
      return try m.call(f, Args([a[0]]))
    }
    // anext(it[, default]): it.__anext__(), and with a default, StopAsyncIteration becomes it.
    fn("anext") { m, a in
      guard a.count == 1 || a.count == 2 else { throw typeError("anext expected 1 or 2 arguments, got \(a.count)") }
      guard let f = a[0].type.lookup("__anext__") else {
        throw typeError("'\(m.typeName(a[0]))' object is not an async iterator")
      }
      let step = try m.call(f, Args([a[0]]))
      guard a.count == 2 else { return step }
      let inner = try m.awaitable(step, for: "anext")
      let fallback = a[1]
      return AwaitableObject("anext", coroutine: DefaultOnStopAsync(inner, default: fallback))
    }
    fn("chr") { m, a in
      guard let i = (a[0] as? IntObject)?.intValue else {
        throw typeError("an integer is required (got type \(m.typeName(a[0])))")
      }
      guard let u = Unicode.Scalar(UInt32(clamping: max(0, i))), i >= 0, i < 0x110000 else {
        throw valueError("chr() arg not in range(0x110000)")
      }
      return StrObject(String(u))
    }
    fn("ord") { m, a in
      guard let s = a[0] as? StrObject else {
        throw typeError("ord() expected string of length 1, but \(m.typeName(a[0])) found")
      }
      guard s.count == 1 else { throw typeError("ord() expected a character, but string of length \(s.count) found") }
      return IntObject.make(Int(s.scalars[0].value))
    }
    fn("bin") { m, a in StrObject(try ArgCheck.int(m, a[0]).binaryString) }
    fn("hex") { m, a in StrObject(try ArgCheck.int(m, a[0]).hexString) }
    fn("oct") { m, a in StrObject(try ArgCheck.int(m, a[0]).octalString) }
    fn("vars") { m, a in
      guard let o = a.positional.first else {
        return m.frames.last?.namespace ?? m.frames.last?.globals ?? DictObject()
      }
      if o is TypeObject { return try m.getAttribute(o, StrObject("__dict__")) }
      guard let d = o.instanceDict else { throw typeError("vars() argument must have __dict__ attribute") }
      return d
    }
    fn("globals") { m, _ in m.frames.last?.globals ?? DictObject() }
    fn("locals") { m, _ in
      guard let f = m.frames.last else { return DictObject() }
      if let ns = f.namespace { return ns }
      if f.code.flags.contains(.module) { return f.globals }
      let d = DictObject()
      for (i, n) in f.code.varnames.enumerated() { if let v = f.locals[i] { d.setStr(n, v) } }
      return d
    }
    fn("dir") { m, a in
      guard let o = a.positional.first else { return ListObject() }
      var names = Set<String>()
      if let d = o.instanceDict { for k in d.keys { if let s = k as? StrObject { names.insert(s.value) } } }
      for t in o.type.mro { for k in t.dict.keys { if let s = k as? StrObject { names.insert(s.value) } } }
      return ListObject(names.sorted().map { StrObject($0) })
    }
    fn("super") { m, a in try m.makeSuper(a) }
    for (name, why) in [
      ("open", "it reads and writes the machine's files"),
      ("input", "an exercise run has no keyboard; put the values in the program"),
      ("eval", "it runs code from text, which an exercise run does not do"),
      ("exec", "it runs code from text, which an exercise run does not do"),
      ("compile", "it makes code from text, which an exercise run does not do"),
      ("__import__", "it loads modules behind the import statement's back"),
      ("breakpoint", "an exercise run has no debugger"), ("help", "an exercise run has no help system"),
      ("memoryview", "it reaches raw memory"),
      ("complex", "complex numbers are not something an exercise run needs"),
      ("bytearray", "mutable byte buffers are not run by lesson yet; use bytes"),
    ] {
      fn(name) { m, _ in
        throw Halt.refused(line: m.learnerLine, column: m.learnerColumn, construct: "\(name)()", why: why)
      }
    }
    fn("exit") { _, a in throw ExceptionObject(Types.SystemExit, a.count > 0 ? [a[0]] : []) }
    fn("quit") { _, a in throw ExceptionObject(Types.SystemExit, a.count > 0 ? [a[0]] : []) }
    return d
  }
}
