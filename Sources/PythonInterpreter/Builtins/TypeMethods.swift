import PythonValues

/// The constructors and methods of the built-in types.
enum TypeMethods {
  static func method(_ t: TypeObject, _ name: String, _ body: @escaping BuiltinFunctionObject.Body) {
    t.dict.setStr(name, BuiltinFunctionObject(name, owner: t, body))
  }
  static func classMethod(_ t: TypeObject, _ name: String, _ body: @escaping BuiltinFunctionObject.Body) {
    t.dict.setStr(name, BuiltinFunctionObject(name, classMethod: true, owner: t, body))
  }

  static func install() {
    constructors()
    strMethods()
    bytesMethods()
    bytesAsText()
    listMethods()
    dictMethods()
    setMethods()
    otherMethods()
    exceptionGroupMethods()
    asyncGeneratorMethods()
  }

  static func intArg(_ m: Machine, _ o: PyObject?, _ def: Int) throws -> Int {
    guard let o, !(o is NoneObject) else { return def }
    // An int, or an object with `__index__`.
    guard let v = try ArgCheck.int(m, o).int else {
      throw pyError(Types.OverflowError, "Python int too large to convert to C ssize_t")
    }
    return v
  }

  static func constructors() {
    Types.object.construct = { m, t, a in
      if a.count > 0 || !a.keywords.isEmpty, t === Types.object || (t.layout == .object && !t.isBuiltin) {
        // `object.__new__`: arguments for a class whose `__init__` is object's own (none written,
        // or a typo such as `_init_`).
        let initFn = t.lookup("__init__")
        if t === Types.object || initFn == nil || initFn === Types.object.lookup("__init__") {
          throw typeError("\(t.name)() takes no arguments")
        }
      }
      return t.layout == .exception ? ExceptionObject(t, a.positional) : InstanceObject(type: t)
    }
    Types.int.construct = { m, t, a in
      // `int(x, /, base=10)`: x is positional only.
      if let (name, _) = a.keywords.first(where: { $0.0 != "base" }) {
        guard m.version.minor < 13 else {
          // 3.13 words it as for a Python function, and may suggest a name.
          throw m.refuse(
            "int(\(name)=...)",
            "Python 3.13's message may suggest a keyword it finds close, which lesson does not reproduce; pass the value positionally"
          )
        }
        throw typeError("'\(name)' is an invalid keyword argument for int()")
      }
      guard let x = a.positional.first else { return IntObject.make(0) }
      if let b = a.get(1, "base") {
        guard let s = x as? StrObject else { throw typeError("int() can't convert non-string with explicit base") }
        let base = try intArg(m, b, 10)
        return IntObject.make(
          try values { () throws(PythonValuesError) in try BigInt(parsing: s.value, base: base, release: m.release) })
      }
      switch x {
      case let b as BoolObject: return IntObject.make(b.bool ? 1 : 0)
      case let i as IntObject: return IntObject.make(i.value)
      case let f as FloatObject:
        if f.value.isNaN { throw valueError("cannot convert float NaN to integer") }
        if f.value.isInfinite { throw pyError(Types.OverflowError, "cannot convert float infinity to integer") }
        return IntObject.make(try values { () throws(PythonValuesError) in try BigInt(truncating: f.value) })
      case let s as StrObject:
        return IntObject.make(
          try values { () throws(PythonValuesError) in try BigInt(parsing: s.value, release: m.release) })
      default:
        if !x.type.isBuiltin, let (dunder, f) = x.type.lookup("__int__").map({ ("__int__", $0) })
          ?? x.type.lookup("__index__").map({ ("__index__", $0) })
        {
          // What it returns must be an int; a bool (a subclass) is one with a DeprecationWarning.
          let r = try m.call(f, Args([x]))
          guard let i = r as? IntObject else { throw typeError("\(dunder) returned non-int (type \(m.typeName(r)))") }
          if r is BoolObject || !i.type.isBuiltin {
            throw m.refuse("\(dunder) returning a subclass of int", "Python warns that this is deprecated, which lesson does not print")
          }
          return i
        }
        throw typeError("int() argument must be a string, a bytes-like object or a real number, not '\(m.typeName(x))'")
      }
    }
    Types.bool.construct = { m, _, a in BoolObject.of(a.count > 0 ? try m.truthy(a[0]) : false) }
    Types.float.construct = { m, _, a in
      guard let x = a.positional.first else { return FloatObject(0) }
      switch x {
      case let f as FloatObject: return f
      case let i as IntObject: return FloatObject(try m.asDouble(i)!)
      case let s as StrObject:
        do {
          return FloatObject(try PyFloat.parse(s.value))
        } catch {
          throw valueError("could not convert string to float: \(PyString.repr(s.value))")
        }
      default:
        if let f = x.type.lookup("__float__"), !x.type.isBuiltin {
          let r = try m.call(f, Args([x]))
          guard let v = r as? FloatObject, v.type === Types.float else {
            throw typeError("\(m.typeName(x)).__float__ returned non-float (type \(m.typeName(r)))")
          }
          return v
        }
        throw typeError("float() argument must be a string or a real number, not '\(m.typeName(x))'")
      }
    }
    Types.str.construct = { m, t, a in
      let value: String
      if a.count > 1 {
        // `str(object, encoding, errors)`: the arguments are checked, then the object decoded.
        if !(a[1] is StrObject) { throw typeError("str() argument 'encoding' must be str, not \(m.typeName(a[1]))") }
        if a.count > 2, !(a[2] is StrObject) {
          throw typeError("str() argument 'errors' must be str, not \(m.typeName(a[2]))")
        }
        if a[0] is StrObject { throw typeError("decoding str is not supported") }
        if !(a[0] is BytesObject) { throw typeError("decoding to str: need a bytes-like object, \(m.typeName(a[0])) found") }
      }
      if let x = a.get(0, "object") {
        if let b = x as? BytesObject, a.count > 1 || a.keyword("encoding") != nil {
          value = try m.decode(
            b, encoding: a.get(1, "encoding").map { try m.str($0) } ?? "utf-8",
            errors: a.get(2, "errors").map { try m.str($0) } ?? "strict", construct: "str(bytes, encoding)")
        } else {
          value = try m.str(x)
        }
      } else {
        value = ""
      }
      return t === Types.str ? (value.isEmpty ? StrObject.empty : StrObject(value)) : StrObject(value, subclass: t)
    }
    Types.list.construct = { m, t, a in
      if t === Types.list { return ListObject(a.count > 0 ? try m.iterate(a[0]) : []) }
      // A subclass with its own `__init__` fills itself (list.__new__ takes no items).
      if t.lookup("__init__") is FunctionObject { return ListObject([], subclass: t) }
      return ListObject(a.count > 0 ? try m.iterate(a[0]) : [], subclass: t)
    }
    Types.tuple.construct = { m, t, a in
      let items = a.count > 0 ? try m.iterate(a[0]) : []
      return t === Types.tuple ? (items.isEmpty ? TupleObject.empty : TupleObject(items)) : TupleObject(items, type: t)
    }
    Types.dict.construct = { m, t, a in
      let d = DictObject(type: t === Types.dict ? nil : t)
      // A subclass with its own `__init__` fills itself (dict.__new__ takes no items).
      if t !== Types.dict, t.lookup("__init__") is FunctionObject { return d }
      if let src = a.positional.first { try m.dictUpdate(d, src) }
      for (k, v) in a.keywords { d.setStr(k, v) }
      return d
    }
    Types.set.construct = { m, _, a in
      let s = SetObject()
      if let src = a.positional.first {
        for x in try m.iterateUnordered(src) { try s.add(x, m) }
        if src is SetObject || src is DictObject { s.order.exact = s.count < 2 }
      }
      return s
    }
    Types.frozenset.construct = { m, _, a in
      let s = SetObject(frozen: true)
      if let src = a.positional.first {
        for x in try m.iterateUnordered(src) { try s.add(x, m) }
        if src is SetObject || src is DictObject { s.order.exact = s.count < 2 }
      }
      return s
    }
    Types.range.construct = { m, _, a in
      if !a.keywords.isEmpty { throw typeError("range() takes no keyword arguments") }
      switch a.count {
      case 1: return try m.range(0, try intArg(m, a[0], 0), 1)
      case 2: return try m.range(try intArg(m, a[0], 0), try intArg(m, a[1], 0), 1)
      case 3:
        let step = try intArg(m, a[2], 1)
        if step == 0 { throw valueError("range() arg 3 must not be zero") }
        return try m.range(try intArg(m, a[0], 0), try intArg(m, a[1], 0), step)
      case 0: throw typeError("range expected at least 1 argument, got 0")
      default: throw typeError("range expected at most 3 arguments, got \(a.count)")
      }
    }
    Types.slice.construct = { m, _, a in
      switch a.count {
      case 1: return SliceObject(NoneObject.shared, a[0], NoneObject.shared)
      case 2: return SliceObject(a[0], a[1], NoneObject.shared)
      default: return SliceObject(a[0], a[1], a[2])
      }
    }
    Types.bytes.construct = { m, _, a in
      guard let x = a.get(0, "source") else { return BytesObject([]) }
      if a.count > 1 {
        if !(a[1] is StrObject) { throw typeError("bytes() argument 'encoding' must be str, not \(m.typeName(a[1]))") }
        if a.count > 2, !(a[2] is StrObject) {
          throw typeError("bytes() argument 'errors' must be str, not \(m.typeName(a[2]))")
        }
        if !(x is StrObject) { throw typeError("encoding without a string argument") }
      }
      if let s = x as? StrObject {
        guard let encoding = a.get(1, "encoding") else { throw typeError("string argument without an encoding") }
        guard let name = (encoding as? StrObject)?.value.lowercased().replacingOccurrences(of: "_", with: "-") else {
          throw typeError("bytes() argument 'encoding' must be str, not \(m.typeName(encoding))")
        }
        switch name {
        case "utf-8", "utf8": return BytesObject(Array(s.value.utf8))
        case "ascii" where s.value.utf8.allSatisfy({ $0 < 0x80 }): return BytesObject(Array(s.value.utf8))
        default:
          throw m.refuse("bytes(..., \(try m.repr(encoding)))", "lesson encodes text as UTF-8 (or plain ASCII) only")
        }
      }
      if let n = x as? IntObject {
        guard let count = n.intValue, count >= 0 else { throw valueError("negative count") }
        try m.checkElements(count)
        return BytesObject(Array(repeating: 0, count: count))
      }
      return BytesObject(
        try m.iterate(x).map { item in
          guard let i = item as? IntObject else {
            throw typeError("'\(m.typeName(item))' object cannot be interpreted as an integer")
          }
          guard let v = i.intValue, v >= 0, v < 256 else { throw valueError("bytes must be in range(0, 256)") }
          return UInt8(v)
        })
    }
    Types.staticmethod.construct = { _, _, a in DescriptorObject(.staticMethod, a[0]) }
    Types.classmethod.construct = { _, _, a in DescriptorObject(.classMethod, a[0]) }
    Types.property.construct = { _, _, a in
      let p = DescriptorObject(.property, a.get(0, "fget") ?? NoneObject.shared)
      if let s = a.get(1, "fset"), !(s is NoneObject) { p.setter = s }
      return p
    }
    Types.type.construct = { m, _, a in
      if a.count == 1 { return try m.typeOf(a[0]) }
      guard a.count == 3, let name = a[0] as? StrObject, let bases = a[1] as? TupleObject, let ns = a[2] as? DictObject
      else {
        throw typeError("type() takes 1 or 3 arguments")
      }
      // As a class statement: a class of the program's own, or an exception; a built-in base
      // whose instances lesson makes itself (a list, an int...) is refused the same way.
      let types = bases.items.compactMap { $0 as? TypeObject }
      if types.count != bases.items.count
        || types.contains(where: { $0.isBuiltin && $0 !== Types.object && $0.layout != .exception && $0.layout != .tuple })
      {
        throw m.refuse(
          "type() with the bases \(try m.repr(bases))",
          "lesson makes classes with type() from classes of the program's own, tuples and exceptions only")
      }
      return try m.makeClass(
        name: name.value, qualname: name.value, bases: types.isEmpty ? [Types.object] : types, namespace: ns)
    }
    Types.BaseException.construct = { m, t, a in
      // BaseException.__init__ takes no keywords; a class's own __init__ may. (Read as all of
      // them: this is the error CPython gives, not a keyword left unread.)
      if !a.keywords.isEmpty, !(t.lookup("__init__") is FunctionObject) {
        throw typeError("\(t.name)() takes no keyword arguments")
      }
      // SyntaxError(msg, (filename, lineno, offset, text, ...)) takes its details apart, checks
      // them by version and prints them as `msg (filename, line N)`: not run by lesson.
      if t.isSubtype(of: Types.SyntaxError), a.positional.count == 2 {
        throw m.refuse(
          "\(t.name)(msg, details)",
          "Python reads the details (file, line, offset, text) into attributes and prints them in its own form, which lesson does not reproduce; raise \(t.name)(msg) instead"
        )
      }
      guard t.isSubtype(of: Types.OSError) else { return ExceptionObject(t, a.positional) }
      return try m.makeOSError(t, a.positional)
    }
    Types.superType.construct = { m, _, a in try m.makeSuper(a) }
  }

  /// Argument `i` as a `str`. Another type (or none) is counted on the call's tracker, which
  /// refuses the call once the body returns (rather than the machine failing).
  static func s(_ a: Args, _ i: Int = 0) -> String {
    if let text = a[i] as? StrObject { return text.value }
    a.tracker?.missing += 1
    return ""
  }
  static func optStr(_ m: Machine, _ o: PyObject?) throws -> String? {
    guard let o, !(o is NoneObject) else { return nil }
    guard let s = o as? StrObject else { throw typeError("must be str or None, not \(m.typeName(o))") }
    return s.value
  }

  /// `bytes.decode` (UTF-8 and ASCII, strictly) and `bytes.hex`; the rest is refused by name.
  static func bytesMethods() {
    let t = Types.bytes
    method(t, "decode") { m, a in
      guard let b = a[0] as? BytesObject else { throw typeError("descriptor 'decode' requires a 'bytes' object") }
      return StrObject(
        try m.decode(
          b, encoding: (a.get(1, "encoding") as? StrObject)?.value ?? "utf-8",
          errors: (a.get(2, "errors") as? StrObject)?.value ?? "strict", construct: "bytes.decode"))
    }
    method(t, "hex") { m, a in
      guard let b = a[0] as? BytesObject else { throw typeError("descriptor 'hex' requires a 'bytes' object") }
      try ArgCheck.keywords(a, "hex", ["sep", "bytes_per_sep"])
      try ArgCheck.positional(Args(Array(a.positional.dropFirst())), "hex", min: 0, max: 2)
      // `sep` between groups of `bytes_per_sep` bytes, counted from the right (from the left when negative).
      var separator: UInt8?
      if let sep = a.get(1, "sep"), !(sep is NoneObject) {
        let text: [UInt8]
        if let s = sep as? StrObject { text = Array(s.value.utf8) } else if let s = sep as? BytesObject { text = s.value } else {
          throw typeError("object of type '\(m.typeName(sep))' has no len()")
        }
        if let s = sep as? StrObject, s.value.unicodeScalars.count != 1 { throw valueError("sep must be length 1.") }
        if sep is BytesObject, text.count != 1 { throw valueError("sep must be length 1.") }
        guard text.count == 1, text[0] < 0x80 else { throw valueError("sep must be ASCII.") }
        separator = text[0]
      }
      var group = 1
      if let per = a.get(2, "bytes_per_sep") {
        guard let n = try ArgCheck.int(m, per).int else {
          throw pyError(Types.OverflowError, "Python int too large to convert to C int")
        }
        group = n
      }
      let digits = Array("0123456789abcdef".utf8)
      var out: [UInt8] = []
      out.reserveCapacity(b.value.count * 3)
      let count = b.value.count
      for (index, byte) in b.value.enumerated() {
        if let separator, group != 0, index > 0 {
          let boundary = group > 0 ? (count - index) % group == 0 : index % -group == 0
          if boundary { out.append(separator) }
        }
        out.append(digits[Int(byte >> 4)])
        out.append(digits[Int(byte & 0x0F)])
      }
      return StrObject(String(decoding: out, as: UTF8.self))
    }
  }

  /// `bytes` methods that CPython computes as `str`'s do on the same characters: the bytes are
  /// taken as the characters U+0000–U+00FF, `str`'s method runs, and what it returns becomes
  /// bytes again. Where `bytes` and `str` differ (whitespace and case past ASCII, line breaks
  /// other than `\n` and `\r`), bytes that hold such a byte are refused rather than mistreated.
  static func bytesAsText() {
    let t = Types.bytes
    let text = Types.str
    func latin1(_ b: [UInt8]) -> StrObject {
      var out = ""
      out.unicodeScalars.append(contentsOf: b.map { Unicode.Scalar($0) })
      return StrObject(out)
    }
    func back(_ o: PyObject) -> PyObject {
      switch o {
      case let s as StrObject: return BytesObject(s.value.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) })
      case let l as ListObject: return ListObject(l.items.map(back))
      case let t as TupleObject: return TupleObject(t.items.map(back))
      default: return o
      }
    }
    /// Whether `bytes` and `str` would treat the bytes alike for a method that reads whitespace,
    /// case or line breaks.
    func plain(_ b: [UInt8]) -> Bool { b.allSatisfy { $0 < 0x80 && !(0x1C...0x1F).contains($0) } }
    enum Kind { case separator, chars, sub, prefix, replace, join, none }
    let specs: [(String, Kind, Bool)] = [
      ("split", .separator, true), ("rsplit", .separator, true), ("strip", .chars, true), ("lstrip", .chars, true),
      ("rstrip", .chars, true), ("count", .sub, false), ("find", .sub, false), ("rfind", .sub, false),
      ("index", .sub, false), ("rindex", .sub, false), ("startswith", .prefix, false), ("endswith", .prefix, false),
      ("replace", .replace, false), ("upper", .none, true), ("lower", .none, true), ("join", .join, false),
      ("splitlines", .none, true), ("isdigit", .none, true), ("isalpha", .none, true), ("isspace", .none, true),
    ]
    for (name, kind, readsText) in specs {
      guard let body = (text.dict.getStr(name) as? BuiltinFunctionObject)?.body else { continue }
      method(t, name) { m, a in
        guard let receiver = a[0] as? BytesObject else {
          throw typeError("descriptor '\(name)' for 'bytes' objects doesn't apply to a '\(m.typeName(a[0]))' object")
        }
        func bytesArgument(_ o: PyObject, _ message: String) throws -> PyObject {
          guard let b = o as? BytesObject else { throw typeError(message) }
          return latin1(b.value)
        }
        var positional = a.positional
        var keywords = a.keywords
        let required = "a bytes-like object is required, not '"
        func convert(_ index: Int, _ keyword: String?, noneAllowed: Bool, _ message: (PyObject) -> String) throws {
          if index < positional.count {
            if noneAllowed, positional[index] is NoneObject { return }
            positional[index] = try bytesArgument(positional[index], message(positional[index]))
          } else if let keyword, let k = keywords.firstIndex(where: { $0.0 == keyword }) {
            if noneAllowed, keywords[k].1 is NoneObject { return }
            keywords[k].1 = try bytesArgument(keywords[k].1, message(keywords[k].1))
          }
        }
        switch kind {
        case .separator:
          try convert(1, "sep", noneAllowed: true) { "\(required)\(m.typeName($0))'" }
        case .chars:
          try convert(1, nil, noneAllowed: true) { "\(required)\(m.typeName($0))'" }
        case .sub:
          try convert(1, nil, noneAllowed: false) { "argument should be integer or bytes-like object, not '\(m.typeName($0))'" }
        case .replace:
          try convert(1, nil, noneAllowed: false) { "\(required)\(m.typeName($0))'" }
          try convert(2, nil, noneAllowed: false) { "\(required)\(m.typeName($0))'" }
        case .prefix:
          if positional.count > 1, let tuple = positional[1] as? TupleObject {
            positional[1] = TupleObject(try tuple.items.map {
              try bytesArgument($0, "a bytes-like object is required, not '\(m.typeName($0))'")
            })
          } else {
            try convert(1, nil, noneAllowed: false) { "\(name) first arg must be bytes or a tuple of bytes, not \(m.typeName($0))" }
          }
        case .join:
          guard positional.count > 1 else { break }
          let items = try m.rephrasingNotIterable(positional[1], as: "can only join an iterable", { try m.iterate(positional[1]) })
          positional[1] = ListObject(try items.enumerated().map { index, item in
            try bytesArgument(item, "sequence item \(index): expected a bytes-like object, \(m.typeName(item)) found")
          })
        case .none:
          break
        }
        if readsText {
          let all = [receiver.value] + positional.dropFirst().compactMap { ($0 as? StrObject).map { Array($0.value.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }) } }
          if !all.allSatisfy(plain) {
            throw m.refuse("bytes.\(name) of bytes past ASCII", "lesson runs it on ASCII bytes only")
          }
          if name == "splitlines", receiver.value.contains(where: { $0 == 0x0B || $0 == 0x0C }) {
            throw m.refuse("bytes.splitlines of \\x0b or \\x0c", "lesson runs it on \\n and \\r line breaks only")
          }
        }
        positional[0] = latin1(receiver.value)
        do {
          return back(try body(m, Args(positional, keywords: keywords)))
        } catch let e as ExceptionObject where e.isInstance(of: Types.ValueError) && (name == "index" || name == "rindex") {
          throw valueError("subsection not found")
        }
      }
    }
  }

  static func strMethods() {
    let t = Types.str
    /// The substring argument of `find`, `count`, `index` and the like.
    func strArg(_ m: Machine, _ o: PyObject, _ what: String) throws -> String {
      guard let s = o as? StrObject else {
        if what == "startswith" || what == "endswith" {
          throw typeError("tuple for \(what) must only contain str, not \(m.typeName(o))")
        }
        if m.version.minor < 13 { throw typeError("must be str, not \(m.typeName(o))") }
        throw typeError("\(what)() argument 1 must be str, not \(m.typeName(o))")
      }
      return s.value
    }
    method(t, "upper") { _, a in StrObject(PyString.upper(s(a))) }
    method(t, "lower") { _, a in StrObject(PyString.lower(s(a))) }
    method(t, "title") { _, a in StrObject(PyString.title(s(a))) }
    method(t, "capitalize") { _, a in StrObject(PyString.capitalize(s(a))) }
    method(t, "swapcase") { _, a in StrObject(PyString.swapCase(s(a))) }
    method(t, "casefold") { m, a in
      // Full case folding: lower case, then the letters whose folding is not their lower case,
      // scalar by scalar (a combining accent does not hide a final sigma).
      let lower = PyString.lower(s(a))
      guard lower.utf8.contains(where: { $0 >= 0x80 }) else { return StrObject(lower) }
      let folded: [Unicode.Scalar: String] = [
        "ß": "ss", "ẞ": "ss", "ς": "σ", "ſ": "s", "µ": "μ", "ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi",
        "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st", "ϐ": "β", "ϑ": "θ", "ϕ": "φ", "ϖ": "π", "ϰ": "κ", "ϱ": "ρ", "ϵ": "ε",
        "\u{345}": "ι", "ŉ": "\u{2BC}n", "ǰ": "j\u{30C}", "ΐ": "ι\u{308}\u{301}", "ΰ": "υ\u{308}\u{301}",
        "և": "եւ", "ẖ": "h\u{331}", "ẗ": "t\u{308}", "ẘ": "w\u{30A}", "ẙ": "y\u{30A}", "ẚ": "a\u{2BE}",
      ]
      // Greek with accents and iota subscripts, Cherokee, Armenian ligatures: their folding is
      // not in lesson's table.
      if let other = lower.unicodeScalars.first(where: {
        (0x1F00...0x1FFF).contains($0.value) || (0x13A0...0x13FF).contains($0.value)
          || (0xAB70...0xABBF).contains($0.value) || (0xFB13...0xFB17).contains($0.value)
      }) {
        throw m.refuse(
          "str.casefold() of \(PyString.repr(String(other)))", "its full case folding is not in lesson's table yet")
      }
      var out = String.UnicodeScalarView()
      for scalar in lower.unicodeScalars {
        if let f = folded[scalar] { out.append(contentsOf: f.unicodeScalars) } else { out.append(scalar) }
      }
      return StrObject(String(out))
    }
    /// The characters to strip: `strip arg must be None or str`.
    func chars(_ m: Machine, _ a: Args, _ name: String) throws -> String? {
      guard a.count > 1, !(a[1] is NoneObject) else { return nil }
      guard let text = a[1] as? StrObject else { throw typeError("\(name) arg must be None or str") }
      return text.value
    }
    method(t, "strip") { m, a in StrObject(PyString.strip(s(a), try chars(m, a, "strip"))) }
    method(t, "lstrip") { m, a in StrObject(PyString.lstrip(s(a), try chars(m, a, "lstrip"))) }
    method(t, "rstrip") { m, a in StrObject(PyString.rstrip(s(a), try chars(m, a, "rstrip"))) }
    method(t, "split") { m, a in
      let sep = try optStr(m, a.get(1, "sep"))
      let mx = try intArg(m, a.get(2, "maxsplit"), -1)
      return ListObject(
        try values { () throws(PythonValuesError) in try PyString.split(s(a), separator: sep, maxSplit: mx) }.map {
          StrObject($0)
        })
    }
    method(t, "rsplit") { m, a in
      let sep = try optStr(m, a.get(1, "sep"))
      let mx = try intArg(m, a.get(2, "maxsplit"), -1)
      return ListObject(
        try values { () throws(PythonValuesError) in try PyString.rsplit(s(a), separator: sep, maxSplit: mx) }.map {
          StrObject($0)
        })
    }
    method(t, "splitlines") { m, a in
      let keep = try a.get(1, "keepends").map { try m.truthy($0) } ?? false
      return ListObject(PyString.splitLines(s(a), keepEnds: keep).map { StrObject($0) })
    }
    method(t, "join") { m, a in
      let sep = s(a)
      var parts: [String] = []
      for (i, x) in try m.rephrasingNotIterable(a[1], as: "can only join an iterable", { try m.iterate(a[1]) })
        .enumerated()
      {
        guard let xs = x as? StrObject else {
          throw typeError("sequence item \(i): expected str instance, \(m.typeName(x)) found")
        }
        parts.append(xs.value)
      }
      let total = parts.reduce(0) { $0 + $1.utf8.count } + sep.utf8.count * max(0, parts.count - 1)
      try m.checkElements(total)
      return StrObject(parts.joined(separator: sep))
    }
    method(t, "replace") { m, a in
      // `replace(old, new, count=-1, /)`; `count` by keyword from 3.13.
      let given = a.count - 1
      if m.version.minor < 13, !a.keywords.isEmpty { throw typeError("str.replace() takes no keyword arguments") }
      if given < 2 {
        if m.version.minor < 13 { throw typeError("replace expected at least 2 arguments, got \(given)") }
        throw typeError("replace() takes at least 2 positional arguments (\(given) given)")
      }
      guard let old = a[1] as? StrObject else { throw typeError("replace() argument 1 must be str, not \(m.typeName(a[1]))") }
      guard let new = a[2] as? StrObject else { throw typeError("replace() argument 2 must be str, not \(m.typeName(a[2]))") }
      let count = try intArg(m, a.get(3, "count"), -1)
      return StrObject(PyString.replace(s(a), old.value, new.value, count: count))
    }
    func startEnd(_ m: Machine, _ a: Args) throws -> (Int?, Int?) {
      (
        a.count > 2 && !(a[2] is NoneObject) ? try intArg(m, a[2], 0) : nil,
        a.count > 3 && !(a[3] is NoneObject) ? try intArg(m, a[3], 0) : nil
      )
    }
    method(t, "startswith") { m, a in
      let (st, en) = try startEnd(m, a)
      if let tup = a[1] as? TupleObject {
        for p in tup.items where PyString.startsWith(s(a), try strArg(m, p, "startswith"), start: st, end: en) {
          return BoolObject.true
        }
        return BoolObject.false
      }
      guard let p = a[1] as? StrObject else {
        throw typeError("startswith first arg must be str or a tuple of str, not \(m.typeName(a[1]))")
      }
      return BoolObject.of(PyString.startsWith(s(a), p.value, start: st, end: en))
    }
    method(t, "endswith") { m, a in
      let (st, en) = try startEnd(m, a)
      if let tup = a[1] as? TupleObject {
        for p in tup.items where PyString.endsWith(s(a), try strArg(m, p, "endswith"), start: st, end: en) {
          return BoolObject.true
        }
        return BoolObject.false
      }
      guard let p = a[1] as? StrObject else {
        throw typeError("endswith first arg must be str or a tuple of str, not \(m.typeName(a[1]))")
      }
      return BoolObject.of(PyString.endsWith(s(a), p.value, start: st, end: en))
    }
    method(t, "find") { m, a in
      let (st, en) = try startEnd(m, a)
      return IntObject.make(PyString.find(s(a), try strArg(m, a[1], "find"), start: st, end: en))
    }
    method(t, "rfind") { m, a in
      let (st, en) = try startEnd(m, a)
      return IntObject.make(PyString.rfind(s(a), try strArg(m, a[1], "rfind"), start: st, end: en))
    }
    method(t, "index") { m, a in
      let (st, en) = try startEnd(m, a)
      let sub = try strArg(m, a[1], "index")
      return IntObject.make(
        try values { () throws(PythonValuesError) in try PyString.index(s(a), sub, start: st, end: en) })
    }
    method(t, "rindex") { m, a in
      let (st, en) = try startEnd(m, a)
      let found = PyString.rfind(s(a), try strArg(m, a[1], "rindex"), start: st, end: en)
      if found < 0 { throw valueError("substring not found") }
      return IntObject.make(found)
    }
    method(t, "count") { m, a in
      let (st, en) = try startEnd(m, a)
      return IntObject.make(PyString.count(s(a), try strArg(m, a[1], "count"), start: st, end: en))
    }
    method(t, "partition") { m, a in
      let (x, y, z) = try values { () throws(PythonValuesError) in try PyString.partition(s(a), s(a, 1)) }
      return TupleObject([StrObject(x), StrObject(y), StrObject(z)])
    }
    method(t, "rpartition") { m, a in
      let (x, y, z) = try values { () throws(PythonValuesError) in try PyString.rpartition(s(a), s(a, 1)) }
      return TupleObject([StrObject(x), StrObject(y), StrObject(z)])
    }
    func fillArg(_ m: Machine, _ a: Args) throws -> Unicode.Scalar {
      guard a.count > 2 else { return " " }
      guard let f = a[2] as? StrObject else {
        throw typeError("The fill character must be a unicode character, not \(m.typeName(a[2]))")
      }
      guard f.count == 1 else { throw typeError("The fill character must be exactly one character long") }
      return f.scalars[0]
    }
    method(t, "center") { m, a in
      let w = try intArg(m, a[1], 0)
      try m.checkElements(w)
      return StrObject(PyString.center(s(a), w, fill: try fillArg(m, a)))
    }
    method(t, "ljust") { m, a in
      let w = try intArg(m, a[1], 0)
      try m.checkElements(w)
      return StrObject(PyString.ljust(s(a), w, fill: try fillArg(m, a)))
    }
    method(t, "rjust") { m, a in
      let w = try intArg(m, a[1], 0)
      try m.checkElements(w)
      return StrObject(PyString.rjust(s(a), w, fill: try fillArg(m, a)))
    }
    // `s.translate(table)`: each character's `table[ord(c)]` — a str, a code point, None to
    // drop it, or LookupError to keep it.
    method(t, "translate") { m, a in
      guard a.count == 2 else { throw typeError("str.translate() takes exactly one argument (\(a.count - 1) given)") }
      var out = ""
      for scalar in s(a).unicodeScalars {
        try m.countStep()
        let replacement: PyObject
        do {
          replacement = try m.getItem(a[1], IntObject.make(Int(scalar.value)))
        } catch let e as ExceptionObject where e.isInstance(of: Types.LookupError) {
          out.unicodeScalars.append(scalar)
          continue
        }
        switch replacement {
        case is NoneObject: continue
        case let text as StrObject: out += text.value
        case let code as IntObject:
          guard let n = code.intValue, n >= 0, n < 0x110000, let u = Unicode.Scalar(UInt32(n)) else {
            throw valueError("character mapping must be in range(0x110000)")
          }
          out.unicodeScalars.append(u)
        default: throw typeError("character mapping must return integer, None or str")
        }
      }
      return StrObject(out)
    }
    t.dict.setStr(
      "maketrans",
      DescriptorObject(
        .staticMethod,
        BuiltinFunctionObject("maketrans") { m, a in
          let table = DictObject()
          switch a.count {
          case 1:
            guard let d = a[0] as? DictObject else {
              throw typeError("if you give only one argument to maketrans it must be a dict")
            }
            for (k, v) in d.pairs {
              if let key = k as? StrObject {
                guard key.count == 1 else { throw valueError("string keys in translate table must be of length 1") }
                try table.set(IntObject.make(Int(key.scalars[0].value)), v, m)
              } else if k is IntObject {
                try table.set(k, v, m)
              } else {
                throw typeError("keys in translate table must be strings or integers")
              }
            }
          case 2, 3:
            guard let x = a[0] as? StrObject, let y = a[1] as? StrObject else {
              throw typeError("maketrans() arguments must be strings")
            }
            guard x.count == y.count else {
              throw valueError("the first two maketrans arguments must have equal length")
            }
            for (p, q) in zip(x.scalars, y.scalars) {
              try table.set(IntObject.make(Int(p.value)), IntObject.make(Int(q.value)), m)
            }
            if a.count == 3 {
              guard let z = a[2] as? StrObject else { throw typeError("maketrans() argument 3 must be str") }
              for p in z.scalars { try table.set(IntObject.make(Int(p.value)), NoneObject.shared, m) }
            }
          default: throw typeError("maketrans() takes from 1 to 3 positional arguments")
          }
          return table
        }))
    method(t, "zfill") { m, a in
      let w = try intArg(m, a[1], 0)
      try m.checkElements(w)
      return StrObject(PyString.zfill(s(a), w))
    }
    method(t, "isdigit") { _, a in BoolObject.of(PyString.isDigit(s(a))) }
    method(t, "isdecimal") { _, a in BoolObject.of(PyString.isDecimal(s(a))) }
    method(t, "isnumeric") { _, a in BoolObject.of(PyString.isNumeric(s(a))) }
    method(t, "isalpha") { _, a in BoolObject.of(PyString.isAlpha(s(a))) }
    method(t, "isalnum") { _, a in BoolObject.of(PyString.isAlnum(s(a))) }
    method(t, "isspace") { _, a in BoolObject.of(PyString.isSpace(s(a))) }
    method(t, "islower") { _, a in BoolObject.of(PyString.isLower(s(a))) }
    method(t, "isupper") { _, a in BoolObject.of(PyString.isUpper(s(a))) }
    method(t, "istitle") { _, a in BoolObject.of(PyString.isTitle(s(a))) }
    method(t, "isidentifier") { _, a in BoolObject.of(PyString.isIdentifier(s(a))) }
    method(t, "isascii") { _, a in BoolObject.of(PyString.isASCII(s(a))) }
    method(t, "encode") { m, a in
      BytesObject(
        try m.encode(
          s(a), encoding: (a.get(1, "encoding") as? StrObject)?.value ?? "utf-8",
          errors: (a.get(2, "errors") as? StrObject)?.value ?? "strict"))
    }
    method(t, "expandtabs") { m, a in
      let size = try intArg(m, a.get(1, "tabsize"), 8)
      try m.checkElements(size.magnitude > UInt(Int.max / 2) ? Int.max : size &* max(1, s(a).utf8.count))
      return StrObject(PyString.expandTabs(s(a), tabSize: size))
    }
    method(t, "removeprefix") { _, a in
      let x = s(a)
      let p = s(a, 1)
      // By code points, as Python compares (a Character may hold several).
      return StrObject(
        x.utf8.starts(with: p.utf8) ? String(decoding: x.utf8.dropFirst(p.utf8.count), as: UTF8.self) : x)
    }
    method(t, "removesuffix") { _, a in
      let x = s(a)
      let p = s(a, 1)
      return StrObject(
        !p.isEmpty && x.utf8.reversed().starts(with: p.utf8.reversed())
          ? String(decoding: x.utf8.dropLast(p.utf8.count), as: UTF8.self) : x)
    }
    method(t, "format") { m, a in
      StrObject(try m.strFormat(s(a), Args(Array(a.positional.dropFirst()), keywords: a.keywords)))
    }
    method(t, "format_map") { m, a in
      let d = a[1]
      return StrObject(try m.strFormat(s(a), Args(), mapping: d))
    }
    method(t, "__format__") { m, a in StrObject(try m.format(StrObject(s(a)), s(a, 1))) }
    method(t, "__len__") { _, a in IntObject.make((a[0] as! StrObject).count) }
    method(t, "__str__") { _, a in a[0] }
    method(t, "__repr__") { _, a in StrObject(PyString.repr(s(a))) }
    method(t, "__add__") { m, a in try m.binaryOp(a[0], a[1], .add) }
    method(t, "__contains__") { m, a in BoolObject.of(try m.contains(a[0], a[1])) }
    // A str compared with what is not one: NotImplemented, for the other side to answer.
    method(t, "__eq__") { m, a in
      a[1] is StrObject ? try m.richCompare(a[0], a[1], .eq) : SentinelObject.notImplemented
    }
    method(t, "__hash__") { m, a in IntObject.make(try m.hash(a[0])) }
    method(t, "__getitem__") { m, a in try m.getItem(a[0], a[1]) }
  }

  static func listMethods() {
    let t = Types.list
    func l(_ a: Args) -> ListObject { a[0] as! ListObject }
    method(t, "__init__") { m, a in
      // list.__init__(iterable=()): the list becomes the iterable's items.
      guard a.keywords.isEmpty else { throw typeError("list() takes no keyword arguments") }
      guard a.count <= 2 else { throw typeError("list expected at most 1 argument, got \(a.count - 1)") }
      l(a).items = a.count == 2 ? try m.iterate(a[1]) : []
      return NoneObject.shared
    }
    method(t, "append") { m, a in
      guard a.count == 2 else { throw typeError("list.append() takes exactly one argument (\(a.count - 1) given)") }
      l(a).items.append(a[1])
      if l(a).items.count & 0xFFFF == 0 { try m.checkElements(l(a).items.count) }
      return NoneObject.shared
    }
    method(t, "extend") { m, a in
      let new = try m.iterate(a[1])
      l(a).items.append(contentsOf: new)
      try m.checkElements(l(a).items.count, added: new.count)
      return NoneObject.shared
    }
    method(t, "insert") { m, a in
      let list = l(a)
      var i = try intArg(m, a[1], 0)
      if i < 0 { i = max(0, i + list.items.count) }
      list.items.insert(a[2], at: min(i, list.items.count))
      return NoneObject.shared
    }
    method(t, "pop") { m, a in
      let list = l(a)
      if list.items.isEmpty { throw indexError("pop from empty list") }
      var i = try intArg(m, a.count > 1 ? a[1] : nil, -1)
      if i < 0 { i += list.items.count }
      guard i >= 0, i < list.items.count else { throw indexError("pop index out of range") }
      return list.items.remove(at: i)
    }
    // These re-read the list's length at every step, as CPython's loops do: an `__eq__` may
    // change the list while it is being searched.
    method(t, "remove") { m, a in
      let list = l(a)
      var i = 0
      while i < list.items.count {
        if try m.keysEqual(list.items[i], a[1]) {
          if i < list.items.count { list.items.remove(at: i) }
          return NoneObject.shared
        }
        i += 1
      }
      throw valueError("list.remove(x): x not in list")
    }
    method(t, "index") { m, a in
      let list = l(a)
      func bound(_ o: PyObject?, _ otherwise: Int) throws -> Int {
        guard let o else { return otherwise }
        var v = try ArgCheck.smallIntClamped(m, o)
        if v < 0 { v = max(0, v + list.items.count) }
        return v
      }
      var i = try bound(a.get(2, "start"), 0)
      let stop = try bound(a.get(3, "stop"), Int.max)
      while i < stop && i < list.items.count {
        if try m.keysEqual(list.items[i], a[1]) { return IntObject.make(i) }
        i += 1
      }
      throw valueError("\(try m.repr(a[1])) is not in list")
    }
    method(t, "count") { m, a in
      let list = l(a)
      var n = 0
      var i = 0
      while i < list.items.count {
        if try m.keysEqual(list.items[i], a[1]) { n += 1 }
        i += 1
      }
      return IntObject.make(n)
    }
    method(t, "clear") { _, a in
      l(a).items.removeAll()
      return NoneObject.shared
    }
    method(t, "copy") { _, a in ListObject(l(a).items) }
    method(t, "reverse") { _, a in
      l(a).items.reverse()
      return NoneObject.shared
    }
    method(t, "sort") { m, a in
      if a.count > 1 { throw typeError("sort() takes no positional arguments") }
      try m.checkSortKeywords(a)
      try m.sortList(l(a), key: a.keyword("key"), reverse: try a.keyword("reverse").map { try m.truthy($0) } ?? false)
      return NoneObject.shared
    }
    method(t, "__len__") { _, a in IntObject.make(l(a).items.count) }
    method(t, "__getitem__") { m, a in try m.getItem(a[0], a[1]) }
    method(t, "__setitem__") { m, a in
      try m.setItem(a[0], a[1], a[2])
      return NoneObject.shared
    }
    method(t, "__contains__") { m, a in BoolObject.of(try m.contains(a[0], a[1])) }
    method(t, "__iter__") { m, a in try m.getIterator(a[0]) }
    let tt = Types.tuple
    method(tt, "index") { m, a in
      for (i, x) in (a[0] as! TupleObject).items.enumerated() where try m.keysEqual(x, a[1]) {
        return IntObject.make(i)
      }
      throw valueError("tuple.index(x): x not in tuple")
    }
    method(tt, "count") { m, a in
      var n = 0
      for x in (a[0] as! TupleObject).items where try m.keysEqual(x, a[1]) { n += 1 }
      return IntObject.make(n)
    }
    method(tt, "__len__") { _, a in IntObject.make((a[0] as! TupleObject).items.count) }
    method(tt, "__getitem__") { m, a in
      let t = a[0] as! TupleObject
      if let s = a[1] as? SliceObject { return TupleObject(try m.sliceItems(t.items, s)) }
      var i = try m.index(a[1], "tuple")
      if i < 0 { i += t.items.count }
      guard i >= 0, i < t.items.count else { throw indexError("tuple index out of range") }
      return t.items[i]
    }
    method(tt, "__iter__") { m, a in
      let t = a[0] as! TupleObject
      var i = 0
      return IteratorObject("tuple_iterator") {
        guard i < t.items.count else { return nil }
        defer { i += 1 }
        return t.items[i]
      }
    }
  }

  static func dictMethods() {
    let t = Types.dict
    func d(_ a: Args) -> DictObject { a[0] as! DictObject }
    // What `OrderedDict.__eq__` falls back on: the dicts' contents, whatever their order.
    method(t, "__eq__") { m, a in
      guard a.count == 2, let other = a[1] as? DictObject else { return SentinelObject.notImplemented }
      return BoolObject.of(try m.dictEquals(d(a), other))
    }
    method(t, "__init__") { m, a in
      // dict.__init__(mapping_or_pairs=(), **kwargs): adds them, as update does.
      guard a.count <= 2 else { throw typeError("dict expected at most 1 argument, got \(a.count - 1)") }
      if a.count == 2 { try m.dictUpdate(d(a), a[1]) }
      for (k, v) in a.keywords { d(a).setStr(k, v) }
      return NoneObject.shared
    }
    method(t, "get") { m, a in
      guard a.count >= 2 else { throw typeError("get expected at least 1 argument, got 0") }
      return try d(a).get(a[1], m) ?? (a.count > 2 ? a[2] : NoneObject.shared)
    }
    method(t, "keys") { m, a in DictViewObject(d(a), .keys) }
    method(t, "values") { m, a in DictViewObject(d(a), .values) }
    method(t, "items") { m, a in DictViewObject(d(a), .items) }
    for view in [Types.dictKeys, Types.dictItems] {
      // `isdisjoint(other)`: no element of the other iterable is in the view.
      method(view, "isdisjoint") { m, a in
        guard a.count == 2 else { throw typeError("isdisjoint() takes exactly one argument (\(a.count - 1) given)") }
        let mine = try m.setOf(a[0])
        for x in try m.iterate(a[1]) where try mine.contains(x, m) { return BoolObject.false }
        return BoolObject.true
      }
    }
    method(t, "pop") { m, a in
      if let v = try d(a).remove(a[1], m) { return v }
      if a.count > 2 { return a[2] }
      throw keyError(a[1])
    }
    method(t, "popitem") { m, a in
      guard let (k, v) = d(a).popLast() else { throw ExceptionObject(Types.KeyError, "popitem(): dictionary is empty") }
      return TupleObject([k, v])
    }
    method(t, "setdefault") { m, a in
      if let v = try d(a).get(a[1], m) { return v }
      let v = a.count > 2 ? a[2] : NoneObject.shared
      try d(a).set(a[1], v, m)
      return v
    }
    method(t, "update") { m, a in
      if a.count > 1 { try m.dictUpdate(d(a), a[1]) }
      for (k, v) in a.keywords { d(a).setStr(k, v) }
      return NoneObject.shared
    }
    method(t, "clear") { _, a in
      d(a).removeAll()
      return NoneObject.shared
    }
    method(t, "copy") { _, a in d(a).copy() }
    classMethod(t, "fromkeys") { m, a in
      let out = DictObject()
      let v = a.count > 2 ? a[2] : NoneObject.shared
      for k in try m.iterate(a[1]) { try out.set(k, v, m) }
      return out
    }
    method(t, "__len__") { _, a in IntObject.make(d(a).count) }
    method(t, "__getitem__") { m, a in try m.getItem(a[0], a[1]) }
    method(t, "__setitem__") { m, a in
      try d(a).set(a[1], a[2], m)
      return NoneObject.shared
    }
    method(t, "__contains__") { m, a in BoolObject.of(try d(a).get(a[1], m) != nil) }
    method(t, "__iter__") { m, a in m.dictIterator(d(a)) { $0.key } }
  }

  static func setMethods() {
    for t in [Types.set, Types.frozenset] {
      func st(_ a: Args) -> SetObject { a[0] as! SetObject }
      method(t, "copy") { m, a in
        let out = SetObject(frozen: st(a).frozen)
        for x in st(a).items { try out.add(x, m) }
        out.order.exact = out.order.exact && out.count < 2
        return out
      }
      method(t, "union") { m, a in
        let out = SetObject(frozen: st(a).frozen)
        for x in st(a).items { try out.add(x, m) }
        for o in a.positional.dropFirst() { for x in try m.iterateUnordered(o) { try out.add(x, m) } }
        out.order.exact = out.order.exact && out.count < 2
        return out
      }
      method(t, "intersection") { m, a in
        let other = SetObject()
        for x in try m.iterateUnordered(a[1]) { try other.add(x, m) }
        let out = SetObject(frozen: st(a).frozen)
        for x in st(a).items where try other.contains(x, m) { try out.add(x, m) }
        out.order.exact = out.order.exact && out.count < 2
        return out
      }
      method(t, "difference") { m, a in
        let other = SetObject()
        for o in a.positional.dropFirst() { for x in try m.iterateUnordered(o) { try other.add(x, m) } }
        let out = SetObject(frozen: st(a).frozen)
        for x in st(a).items where try !other.contains(x, m) { try out.add(x, m) }
        out.order.exact = out.order.exact && out.count < 2
        return out
      }
      method(t, "issubset") { m, a in
        let other = SetObject()
        for x in try m.iterateUnordered(a[1]) { try other.add(x, m) }
        return BoolObject.of(try st(a).items.allSatisfy { try other.contains($0, m) })
      }
      method(t, "issuperset") { m, a in
        BoolObject.of(try m.iterateUnordered(a[1]).allSatisfy { try st(a).contains($0, m) })
      }
      method(t, "isdisjoint") { m, a in
        BoolObject.of(try m.iterateUnordered(a[1]).allSatisfy { try !st(a).contains($0, m) })
      }
      method(t, "__len__") { _, a in IntObject.make(st(a).count) }
      method(t, "__contains__") { m, a in BoolObject.of(try st(a).contains(a[1], m)) }
    }
    let t = Types.set
    func st(_ a: Args) -> SetObject { a[0] as! SetObject }
    method(t, "add") { m, a in
      try st(a).add(a[1], m)
      return NoneObject.shared
    }
    method(t, "discard") { m, a in
      try st(a).remove(a[1], m)
      return NoneObject.shared
    }
    method(t, "remove") { m, a in
      guard try st(a).remove(a[1], m) else { throw keyError(a[1]) }
      return NoneObject.shared
    }
    method(t, "pop") { m, a in
      guard let first = st(a).items.first else { throw ExceptionObject(Types.KeyError, "pop from an empty set") }
      if st(a).count > 1 {
        throw Halt.refused(
          line: m.learnerLine, column: m.learnerColumn, construct: "set.pop() of a set of several elements",
          why: "which element it takes depends on Python's hash table; take min(s) or sorted(s)[0]")
      }
      try st(a).remove(first, m)
      return first
    }
    method(t, "clear") { _, a in
      st(a).removeAll()
      return NoneObject.shared
    }
    method(t, "update") { m, a in
      for o in a.positional.dropFirst() {
        for x in try m.iterateUnordered(o) { try st(a).add(x, m) }
        if o is SetObject, st(a).count > 1 { st(a).order.exact = false }
      }
      return NoneObject.shared
    }
  }

  static func otherMethods() {
    let i = Types.int
    method(i, "bit_length") { _, a in IntObject.make((a[0] as! IntObject).value.bitLength) }
    method(i, "__repr__") { m, a in StrObject(try m.intText((a[0] as! IntObject).value)) }
    method(i, "__index__") { _, a in a[0] }
    method(i, "__format__") { m, a in StrObject(try m.format(a[0], s(a, 1))) }
    method(i, "is_integer") { _, _ in BoolObject.true }
    method(i, "as_integer_ratio") { _, a in
      TupleObject([IntObject.make((a[0] as! IntObject).value), IntObject.make(1)])
    }
    method(i, "to_bytes") { m, a in
      try ArgCheck.keywords(a, "to_bytes", ["length", "byteorder", "signed"])
      let (length, little) = try byteLayout(m, a, "to_bytes", first: "length")
      let signed = try a.keyword("signed").map { try m.truthy($0) } ?? false
      return BytesObject(try PyInts.bytes(of: (a[0] as! IntObject).value, length: length, little: little, signed: signed))
    }
    classMethod(i, "from_bytes") { m, a in
      try ArgCheck.keywords(a, "from_bytes", ["bytes", "byteorder", "signed"])
      guard let source = a.get(1, "bytes") else {
        throw typeError("from_bytes() missing required argument 'bytes' (pos 1)")
      }
      let (_, little) = try byteLayout(m, a, "from_bytes", first: nil)
      let signed = try a.keyword("signed").map { try m.truthy($0) } ?? false
      let bytes: [UInt8]
      if let b = source as? BytesObject {
        bytes = b.value
      } else {
        bytes = try m.iterate(source).map { item in
          guard let v = (item as? IntObject)?.value.int, (0...255).contains(v) else {
            throw valueError("bytes must be in range(0, 256)")
          }
          return UInt8(v)
        }
      }
      let value = PyInts.value(of: bytes, little: little, signed: signed)
      guard let cls = a[0] as? TypeObject, cls === Types.int else {
        return try m.call(a[0], Args([IntObject.make(value)]))
      }
      return IntObject.make(value)
    }
    let f = Types.float
    method(f, "as_integer_ratio") { _, a in
      let v = (a[0] as! FloatObject).value
      if v.isNaN { throw valueError("cannot convert NaN to integer ratio") }
      if v.isInfinite { throw pyError(Types.OverflowError, "cannot convert Infinity to integer ratio") }
      // float_as_integer_ratio: double the fraction until it is whole; the ratio is then in lowest terms.
      if v == 0 { return TupleObject([IntObject.make(0), IntObject.make(1)]) }
      var part = v < 0 ? -v.magnitude.significand : v.magnitude.significand
      var exponent = Int(v.magnitude.exponent)
      while part != part.rounded(.down) {
        part *= 2
        exponent -= 1
      }
      var numerator = try BigInt(truncating: part)
      var denominator = BigInt(1)
      if exponent > 0 { numerator = numerator << exponent } else { denominator = denominator << -exponent }
      return TupleObject([IntObject.make(numerator), IntObject.make(denominator)])
    }
    method(f, "is_integer") { _, a in
      let v = (a[0] as! FloatObject).value
      return BoolObject.of(v.isFinite && v == v.rounded(.towardZero))
    }
    method(f, "__format__") { m, a in StrObject(try m.format(a[0], s(a, 1))) }
    method(f, "__repr__") { _, a in StrObject(PyFloat.repr((a[0] as! FloatObject).value)) }
    method(f, "__round__") { m, a in try m.round(Args(a.positional)) }
    let o = Types.object
    method(o, "__init__") { m, a in
      // CPython's `object_init`: arguments past the instance are an error when the class wrote
      // an `__init__` (which called this one with them), or when it wrote neither `__init__`
      // nor `__new__` (`object.__init__(obj, 1)` by hand). Decided here for classes of the program's own down to `object`; what a
      // built-in or library base does with them is that base's.
      guard a.count > 1 || !a.keywords.isEmpty else { return NoneObject.shared }
      let t = a[0].type
      let own = t.mro.allSatisfy {
        $0 === Types.object || (!$0.isBuiltin && !$0.isShared && $0.construct == nil && $0.layout == .object)
      }
      guard own else { return NoneObject.shared }
      if t.lookup("__init__") !== Types.object.lookup("__init__") {
        throw typeError("object.__init__() takes exactly one argument (the instance to initialize)")
      }
      if t.lookup("__new__") === Types.object.lookup("__new__") {
        throw typeError("\(t.name).__init__() takes exactly one argument (the instance to initialize)")
      }
      return NoneObject.shared
    }
    method(o, "__repr__") { m, a in
      let x = a[0]
      let mod = x.type.module == "builtins" ? "" : "\(x.type.module)."
      return StrObject("<\(mod)\(x.type.qualname) object at \(m.address(x))>")
    }
    method(o, "__str__") { m, a in StrObject(try m.repr(a[0])) }
    method(o, "__eq__") { _, a in a[0] === a[1] ? BoolObject.true : SentinelObject.notImplemented }
    method(o, "__ne__") { m, a in a[0] === a[1] ? BoolObject.false : SentinelObject.notImplemented }
    method(o, "__hash__") { m, a in IntObject.make(ObjectIdentifier(a[0]).hashValue >> 4) }
    method(o, "__format__") { m, a in
      if !s(a, 1).isEmpty { throw typeError("unsupported format string passed to \(m.typeName(a[0])).__format__") }
      return StrObject(try m.str(a[0]))
    }
    method(o, "__setattr__") { m, a in
      guard let name = a[1] as? StrObject else {
        throw typeError("attribute name must be string, not '\(m.typeName(a[1]))'")
      }
      try m.objectSetAttribute(a[0], name.value, a[2])
      return NoneObject.shared
    }
    method(o, "__getattribute__") { m, a in try m.getAttribute(a[0], s(a, 1)) }
    method(o, "__delattr__") { m, a in
      try m.deleteAttribute(a[0], s(a, 1))
      return NoneObject.shared
    }
    // An implicit class method; it takes no keywords.
    classMethod(o, "__init_subclass__") { _, a in
      if !a.keywords.isEmpty {
        throw typeError(
          "\((a.positional.first as? TypeObject)?.qualname ?? "object").__init_subclass__() takes no keyword arguments")
      }
      return NoneObject.shared
    }
    o.dict.setStr(
      "__new__",
      BuiltinFunctionObject("__new__") { m, a in
        guard let t = a.positional.first as? TypeObject else {
          throw typeError("object.__new__(X): X is not a type object")
        }
        switch t.layout {
        case .exception: return ExceptionObject(t, Array(a.positional.dropFirst()))
        case .tuple: return TupleObject(a.count > 1 ? try m.iterate(a[1]) : [], type: t)
        // `L.__new__(L)` for a subclass of list or dict is list's or dict's `__new__`: an empty one
        // (its items come from `__init__`), made as the built-in's own storage.
        case .list: return ListObject([], subclass: t)
        case .dict: return DictObject(type: t)
        case .object: return InstanceObject(type: t)
        case .str, .int, .builtin:
          // `str.__new__(S, "x")`: the built-in base makes it, from the arguments after the class.
          guard let maker = t.mro.first(where: { $0 !== Types.object && $0.construct != nil }), let make = maker.construct
          else { throw typeError("object.__new__(\(t.name)) is not safe, use \(t.name).__new__()") }
          return try make(m, t, Args(Array(a.positional.dropFirst())))
        }
      })
    let e = Types.BaseException
    method(e, "__init__") { _, a in
      if let x = a[0] as? ExceptionObject {
        guard a.keywords.isEmpty else { throw typeError("\(x.cls.name)() takes no keyword arguments") }
        x.args = Array(a.positional.dropFirst())
      }
      return NoneObject.shared
    }
    method(e, "with_traceback") { _, a in a[0] }
    method(e, "add_note") { m, a in
      guard let x = a[0] as? ExceptionObject, let n = a[1] as? StrObject else {
        throw typeError("note must be a str, not '\(a.count > 1 ? m.typeName(a[1]) : "NoneType")'")
      }
      x.notes.append(n)
      return NoneObject.shared
    }
    method(e, "__str__") { m, a in
      let x = a[0] as! ExceptionObject
      switch x.args.count {
      case 0: return StrObject.empty
      case 1: return StrObject(try m.str(x.args[0]))
      default: return StrObject(try m.repr(TupleObject(x.args)))
      }
    }
    method(e, "__repr__") { m, a in
      let x = a[0] as! ExceptionObject
      if x.args.count == 1 { return StrObject("\(x.cls.name)(\(try m.repr(x.args[0])))") }
      return StrObject("\(x.cls.name)(" + (try x.args.map { try m.repr($0) }).joined(separator: ", ") + ")")
    }
    let p = Types.property
    method(p, "setter") { _, a in
      let old = a[0] as! DescriptorObject
      let n = DescriptorObject(.property, old.function)
      n.setter = a[1]
      n.deleter = old.deleter
      return n
    }
    method(p, "getter") { _, a in
      let old = a[0] as! DescriptorObject
      let n = DescriptorObject(.property, a[1])
      n.setter = old.setter
      return n
    }
    method(p, "deleter") { _, a in
      let old = a[0] as! DescriptorObject
      let n = DescriptorObject(.property, old.function)
      n.setter = old.setter
      n.deleter = a[1]
      return n
    }
    method(Types.type, "__or__") { _, a in UnionObject([a[0], a[1]]) }
    method(Types.type, "__setattr__") { m, a in
      guard let t = a[0] as? TypeObject else {
        throw typeError("descriptor '__setattr__' requires a 'type' object but received a '\(m.typeName(a[0]))'")
      }
      guard let name = a[1] as? StrObject else {
        throw typeError("attribute name must be string, not '\(m.typeName(a[1]))'")
      }
      try m.typeSetAttribute(t, name.value, a[2])
      return NoneObject.shared
    }
    method(Types.noneType, "__or__") { _, a in UnionObject([a[0], a[1]]) }
    for alias in [Types.genericAlias, Types.unionType] {
      method(alias, "__or__") { _, a in UnionObject([a[0], a[1]]) }
      method(alias, "__ror__") { _, a in UnionObject([a[1], a[0]]) }
    }
    method(Types.coroutine, "close") { m, a in
      // A closed coroutine is done with: CPython does not warn that it was never awaited.
      if let g = a[0] as? GeneratorObject {
        if g.frame.started, !g.frame.finished {
          throw m.refuse(
            "close() of a coroutine suspended at an await",
            "Python throws GeneratorExit into it and into what it awaits, which lesson does not run yet; cancel its task instead"
          )
        }
        if !g.frame.started { g.awaited = true }
        g.frame.finished = true
      }
      if let c = a[0] as? AwaitableObject { c.used = true }
      return NoneObject.shared
    }
    // Driving a coroutine by hand steps into asyncio's own code (a sleep asks for the running
    // loop), which lesson does not reproduce line by line.
    for name in ["send", "throw"] {
      method(Types.coroutine, name) { m, _ in
        throw m.refuse(
          "coroutine.\(name)()",
          "driving a coroutine by hand is outside an exercise run; await it, or run it with asyncio.run or a task")
      }
    }
    method(Types.generator, "send") { m, a in
      let g = a[0] as! GeneratorObject
      if let v = try g.send(a[1]) { return v }
      throw ExceptionObject(Types.StopIteration, g.returnValue is NoneObject ? [] : [g.returnValue])
    }
    method(Types.generator, "throw") { m, a in
      let g = a[0] as! GeneratorObject
      guard a.count >= 2 else { throw typeError("throw expected at least 1 argument, got 0") }
      if a.count > 2 {
        throw m.refuse(
          "generator.throw(type, value, traceback)", "the three-argument form is not run by lesson; pass an exception")
      }
      let e = try m.makeException(a[1], throwing: true)
      if let v = try g.send(NoneObject.shared, throwing: e) { return v }
      throw ExceptionObject(Types.StopIteration, g.returnValue is NoneObject ? [] : [g.returnValue])
    }
    method(Types.generator, "close") { _, a in
      try (a[0] as! GeneratorObject).close()
      return NoneObject.shared
    }
  }
}

/// `d.keys()`, `d.values()`, `d.items()`.
final class DictViewObject: PyObject {
  enum Kind { case keys, values, items }
  let dict: DictObject
  let kind: Kind
  init(_ d: DictObject, _ k: Kind) {
    dict = d
    kind = k
    super.init(type: k == .keys ? Types.dictKeys : (k == .values ? Types.dictValues : Types.dictItems))
  }
}

extension Machine {
  func dictUpdate(_ d: DictObject, _ src: PyObject) throws {
    let hasKeys = src is DictViewObject ? false : (try findAttribute(src, StrObject("keys"))) != nil
    if src is DictObject || hasKeys {
      try mergeMapping(into: d, src, isCall: false)
      return
    }
    for (i, item) in try iterate(src).enumerated() {
      let pair: [PyObject]
      do {
        pair = try iterate(item)
      } catch let e as ExceptionObject where e.isInstance(of: Types.TypeError) {
        throw typeError("cannot convert dictionary update sequence element #\(i) to a sequence")
      }
      guard pair.count == 2 else {
        throw valueError("dictionary update sequence element #\(i) has length \(pair.count); 2 is required")
      }
      try d.set(pair[0], pair[1], self)
    }
  }
}

/// `length` and `byteorder` of `int.to_bytes` / `int.from_bytes`: required before 3.11, then
/// `length=1` and `byteorder='big'` by default.
private func byteLayout(_ m: Machine, _ a: Args, _ name: String, first: String?) throws -> (length: Int, little: Bool) {
  var length = 1
  // `self` is argument 0; `length` (or `bytes`) is 1 and `byteorder` 2.
  let position = 2
  if let first {
    let given = a.get(1, first)
    if given == nil, m.version.minor < 11 { throw typeError("\(name)() missing required argument '\(first)' (pos 1)") }
    if let given {
      guard let n = try ArgCheck.int(m, given).int else {
        throw pyError(Types.OverflowError, "Python int too large to convert to C ssize_t")
      }
      if n < 0 { throw valueError("length argument must be non-negative") }
      length = n
    }
  }
  let order = a.get(position, "byteorder")
  if order == nil, m.version.minor < 11 {
    throw typeError("\(name)() missing required argument 'byteorder' (pos \(position))")
  }
  guard let order else { return (length, false) }
  guard let text = order as? StrObject else {
    throw typeError("\(name)() argument 'byteorder' must be str, not \(m.typeName(order))")
  }
  switch text.value {
  case "little": return (length, true)
  case "big": return (length, false)
  default: throw valueError("byteorder must be either 'little' or 'big'")
  }
}

/// Integers as bytes, two's complement when signed, as `int.to_bytes` and `int.from_bytes` read them.
enum PyInts {
  static func bytes(of value: BigInt, length: Int, little: Bool, signed: Bool) throws -> [UInt8] {
    if value.isNegative && !signed { throw pyError(Types.OverflowError, "can't convert negative int to unsigned") }
    // The value must fit: unsigned in 8*length bits, signed in 8*length bits with its sign.
    let bits = value.bitLength + (signed ? 1 : 0)
    let fits = value.isZero || bits <= 8 * length || (signed && value.isNegative && (value + BigInt(1)).bitLength + 1 <= 8 * length)
    guard fits else { throw pyError(Types.OverflowError, "int too big to convert") }
    guard length <= 1 << 24 else { throw pyError(Types.OverflowError, "int too big to convert") }
    var out = [UInt8](repeating: 0, count: length)
    // Two's complement of a negative value: add 2**(8*length).
    var v = value.isNegative ? value + (BigInt(1) << (8 * length)) : value
    let mask = BigInt(0xFF)
    for i in 0..<length {
      out[i] = UInt8((v & mask).int ?? 0)
      v = v >> 8
    }
    return little ? out : out.reversed()
  }

  static func value(of bytes: [UInt8], little: Bool, signed: Bool) -> BigInt {
    let ordered = little ? bytes.reversed() : bytes
    var v = BigInt(0)
    for b in ordered { v = (v << 8) | BigInt(Int(b)) }
    if signed, let top = ordered.first, top & 0x80 != 0 { v = v - (BigInt(1) << (8 * bytes.count)) }
    return v
  }
}
