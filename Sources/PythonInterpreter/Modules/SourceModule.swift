import PythonSyntax

/// A standard-library module written in Python (as CPython writes most of them), compiled and run
/// by the machine itself when a program first imports it.
///
/// Swift helpers a module's source needs (the caller's frame, a traceback's text, `strftime` on the
/// virtual clock) are put in its namespace before the source runs, under names starting `_lesson_`.
enum SourceModule {
  /// The file name tracebacks show for the module's frames.
  static func filename(_ name: String, _ m: Machine) -> String {
    "/usr/lib/python3.\(m.version.minor)/\(name.replacingOccurrences(of: ".", with: "/")).py"
  }

  /// Compiles and runs `source` as the module `name`, with `natives` in its namespace first.
  static func load(_ m: Machine, name: String, source: String, natives: [(String, BuiltinFunctionObject.Body)] = [],
                   values: [(String, PyObject)] = []) throws -> ModuleObject {
    let mod = ModuleObject(name)
    m.namespacesMade.append(mod.dict)
    let file = filename(name, m)
    mod.dict.setStr("__file__", StrObject(file))
    mod.dict.setStr("__builtins__", ModuleObject("builtins", dict: m.builtins))
    for (n, body) in natives { mod.dict.setStr(n, BuiltinFunctionObject(n, body)) }
    for (n, v) in values { mod.dict.setStr(n, v) }
    let code: CodeObject
    do {
      let tree = try PythonParser.compile(source, version: m.version)
      code = try Compiler.compile(tree, filename: file, text: source, version: m.version)
    } catch {
      throw Halt.refused(line: m.learnerLine, column: m.learnerColumn, construct: "import \(name)", why: "lesson's own '\(name)' did not compile: \(error)")
    }
    // The module is visible while its body runs (as in `sys.modules`), so that its own imports of it resolve.
    m.modules[name] = mod
    do {
      let frame = Frame(code: code, globals: mod.dict, namespace: nil, function: nil, closure: [])
      _ = try m.runCall(frame)
    } catch {
      m.modules[name] = nil
      throw error
    }
    return mod
  }
}

extension Machine {
  /// The innermost frame that is not running code of the module file `file` (the program's caller).
  func callerFrame(outside file: String) -> Frame? {
    frames.last { $0.code.filename != file }
  }
}

extension SourceModule {
  /// Is this the file of a module of the standard library written in Python?
  static func isLibraryFile(_ file: String) -> Bool { file.hasPrefix("/usr/lib/python3.") }

  /// `exec(source, namespace)` for the library's own generated code (`namedtuple`'s `__new__`,
  /// a dataclass's `__init__`), as CPython generates them; a program's own code may not call it.
  static var exec: (String, BuiltinFunctionObject.Body) { ("_lesson_exec", { m, a in
    guard let caller = m.frames.last, isLibraryFile(caller.code.filename) else {
      throw Halt.refused(line: m.learnerLine, column: m.learnerColumn, construct: "_lesson_exec", why: "it runs code from text")
    }
    guard a.count == 2, let text = a[0] as? StrObject, let ns = a[1] as? DictObject else {
      throw typeError("_lesson_exec(source, namespace)")
    }
    let code: CodeObject
    do {
      let tree = try PythonParser.compile(text.value, version: m.version)
      code = try Compiler.compile(tree, filename: "<string>", text: text.value, version: m.version)
    } catch {
      throw Halt.refused(line: m.callerFrame(outside: caller.code.filename)?.line ?? 0, column: 1, construct: "generated code",
                         why: "the library's generated code did not compile here: \(error)")
    }
    if ns.getStr("__builtins__") == nil { ns.setStr("__builtins__", ModuleObject("builtins", dict: m.builtins)) }
    // The functions made hold the namespace as their globals, and it holds them.
    m.namespacesMade.append(ns)
    let frame = Frame(code: code, globals: ns, namespace: nil, function: nil, closure: [])
    _ = try m.runCall(frame)
    return NoneObject.shared
  }) }

  /// `_lesson_tuple_new(cls, iterable)`: `tuple.__new__(cls, iterable)` for a tuple subclass.
  static var tupleNew: (String, BuiltinFunctionObject.Body) { ("_lesson_tuple_new", { m, a in
    guard a.count == 2, let cls = a[0] as? TypeObject, cls.isSubtype(of: Types.tuple) else {
      throw typeError("tuple.__new__(X): X is not a subtype of tuple")
    }
    return TupleObject(try m.iterate(a[1]), type: cls)
  }) }

  /// `_lesson_set_bases(cls, bases)`: what a metaclass's `__new__` decides (`class P(NamedTuple)` is a tuple).
  static var setBases: (String, BuiltinFunctionObject.Body) { ("_lesson_set_bases", { m, a in
    guard a.count == 2, let cls = a[0] as? TypeObject, !cls.isBuiltin, let bases = a[1] as? TupleObject else {
      throw typeError("_lesson_set_bases(cls, bases)")
    }
    let ts = bases.items.compactMap { $0 as? TypeObject }
    guard let mro = TypeObject.merge(ts.map(\.mro) + [ts]) else { throw typeError("Cannot create a consistent method resolution order (MRO)") }
    cls.bases = ts
    cls.mro = [cls] + mro
    cls.layout = TypeObject.layout(for: ts)
    return NoneObject.shared
  }) }
}

extension SourceModule {
  /// `_lesson_refuse(construct, why)`: the library reached something lesson does not run exactly as CPython.
  static var refuse: (String, BuiltinFunctionObject.Body) { ("_lesson_refuse", { m, a in
    let construct = (a.get(0, "construct") as? StrObject)?.value ?? "library call"
    let why = (a.get(1, "why") as? StrObject)?.value ?? "not run by lesson yet"
    // The learner's own line: not a library file, nor a module run from text (`<enum>`, `<string>`).
    let line = m.frames.last { !isLibraryFile($0.code.filename) && !$0.code.filename.hasPrefix("<") }?.line ?? 0
    throw Halt.refused(line: line, column: 1, construct: construct, why: why)
  }) }
}
