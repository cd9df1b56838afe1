/// What a program may import, and what the sandbox refuses.
enum Sandbox {
  /// Attributes that lead from a value to the interpreter's insides.
  static let forbiddenAttributes: Set<String> = [
    "__subclasses__", "__globals__", "__code__", "__builtins__", "__closure__", "__import__", "__loader__",
    "__spec__", "__reduce__", "__reduce_ex__", "gi_frame", "cr_frame", "ag_frame", "gi_code", "cr_code",
    "f_back", "f_globals", "f_locals", "f_builtins",
  ]

  /// Modules of which lesson has the parts that are computation only (`os.path`'s string
  /// functions): the rest reaches the machine, for this reason.
  static let partlyRefused: [String: String] = [
    "os": "it reaches the files, processes and environment of the machine",
    "posixpath": "it reaches the files of the machine",
  ]

  /// What of `os` lesson has: `os.path`'s functions on the text of a path and the constants.
  static let osNames: Set<String> = [
    "path", "name", "sep", "altsep", "extsep", "pathsep", "linesep", "curdir", "pardir", "devnull", "basename",
    "dirname", "split", "splitext", "join", "isabs", "normcase",
  ]

  /// The first `os.NAME` (or `os.path.NAME`) in the program's text that lesson's `os` lacks: one
  /// that reaches the machine (`os.remove`, `os.environ`, `os.path.exists`).
  static func machineUseOfOS(_ text: String) -> String? {
    let bytes = Array(text.utf8)
    func isName(_ b: UInt8) -> Bool { b == 0x5F || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || (b >= 0x30 && b <= 0x39) }
    var i = 0
    while i + 3 <= bytes.count {
      if bytes[i] == 0x6F, bytes[i + 1] == 0x73, bytes[i + 2] == 0x2E, i == 0 || (!isName(bytes[i - 1]) && bytes[i - 1] != 0x2E) {
        var j = i + 3
        var names: [String] = []
        while true {
          let start = j
          while j < bytes.count, isName(bytes[j]) { j += 1 }
          guard j > start else { break }
          names.append(String(decoding: bytes[start..<j], as: UTF8.self))
          guard j < bytes.count, bytes[j] == 0x2E, names.count < 2 else { break }
          j += 1
        }
        if let bad = names.first(where: { !osNames.contains($0) }) { return names.count > 1 ? "path.\(bad)" : bad }
        i = j
      } else {
        i += 1
      }
    }
    return nil
  }

  /// Why `module.name`, which lesson's module lacks, is outside an exercise run, or is not run yet.
  static func missingName(_ module: String, _ name: String) -> String {
    if let why = refusedModules[module + "." + name] { return why }
    if let why = partlyRefused[module] ?? partlyRefused[String(module.split(separator: ".")[0])] {
      return "'\(module).\(name)' is outside an exercise run: \(why)"
    }
    return "'\(module).\(name)' is not something lesson runs yet"
  }

  /// Modules that reach the machine, and why each is outside an exercise run.
  static let refusedModules: [String: String] = [
    "sys._getframe": "frames are the interpreter's insides",
    "subprocess": "it starts processes on the machine",
    "socket": "it opens network connections",
    "shutil": "it changes files on the machine",
    "pathlib": "it reaches the files of the machine",
    "io": "it reaches files",
    "urllib": "it opens network connections",
    "http": "it opens network connections",
    "requests": "it is a third-party library that opens network connections",
    "aiohttp": "it is a third-party library that opens network connections",
    "httpx": "it is a third-party library that opens network connections",
    "threading": "real threads run beside the loop; use asyncio.to_thread",
    "multiprocessing": "it starts processes on the machine",
    "concurrent.futures.ThreadPoolExecutor": "real thread pools run beside the loop; use asyncio.to_thread",
    "concurrent.futures.ProcessPoolExecutor": "it starts processes on the machine",
    "concurrent.futures.Executor": "real thread pools run beside the loop; use asyncio.to_thread",
    "concurrent.futures.Future": "its futures are waited for by real threads; use asyncio's",
    "concurrent.futures.wait": "it waits for real threads; use asyncio.wait",
    "concurrent.futures.as_completed": "it waits for real threads; use asyncio.as_completed",
    "ctypes": "it reaches the machine's memory",
    "importlib": "it loads code from the machine",
    "builtins": "it reaches the interpreter's insides",
    "inspect": "it reaches the interpreter's insides",
    "gc": "it reaches the interpreter's insides",
    "signal": "it reaches the process",
    "pickle": "it runs code from data",
    "tempfile": "it makes files on the machine",
    "glob": "it reads the machine's folders",
    "sqlite3": "it opens database files",
    "select": "it waits on the machine's files",
    "selectors": "it waits on the machine's files",
    "platform": "it reads the machine",
    "getpass": "it reads the terminal",
    "webbrowser": "it opens programs on the machine",
    "code": "it runs code from text",
    "codeop": "it runs code from text",
  ]
}

extension Machine {
  /// `import name`: the module (the top package, or the leaf for `import a.b as c` and `from`).
  func importModule(_ name: String, leaf: Bool, line: Int) throws -> PyObject {
    if let m = modules[name] { return leaf ? m : (modules[String(name.split(separator: ".")[0])] ?? m) }
    let top = String(name.split(separator: ".")[0])
    if let why = Sandbox.refusedModules[top] ?? Sandbox.refusedModules[name] {
      throw Halt.refused(line: line, column: 1, construct: "import \(name)", why: "the module '\(top)' is outside an exercise run: \(why)")
    }
    if top == "os", let use = Sandbox.machineUseOfOS(source.text) {
      // A program that reaches the machine through `os` is refused where it imports it.
      throw Halt.refused(
        line: line, column: 1, construct: "import \(name)",
        why: "the program uses os.\(use), which is outside an exercise run: \(Sandbox.partlyRefused["os"]!)")
    }
    guard let m = try makeModule(name) else {
      if StandardModules.known.contains(top) {
        throw Halt.refused(line: line, column: 1, construct: "import \(name)", why: "the module '\(name)' is not one lesson runs yet")
      }
      throw Halt.refused(line: line, column: 1, construct: "import \(name)", why: "'\(top)' is not a module of Python's standard library that an exercise run has; third-party modules are outside an exercise run")
    }
    modules[name] = m
    if name.contains(".") {
      let parent = String(name[..<name.lastIndex(of: ".")!])
      if let p = try importModule(parent, leaf: true, line: line) as? ModuleObject {
        p.dict.setStr(String(name[name.index(after: name.lastIndex(of: ".")!)...]), m)
      }
      if !leaf { return modules[top]! }
    }
    return m
  }

  func refusedImport(_ full: String, line: Int, name: String, module: String) -> Error {
    // A name this version does not have yet (or no longer has): CPython's ImportError.
    let versions = module == "asyncio" ? AsyncioNames.versions[name] : StandardModules.namesByVersion[module + "." + name]
    if let versions, !versions.contains(version.minor), let file = StandardModules.files[module] {
      // A module written in C has no file: "(unknown location)".
      let place = file.isEmpty ? "unknown location" : "<python>/\(file)"
      let e = ExceptionObject(Types.ImportError, "cannot import name '\(name)' from '\(module)' (\(place))")
      e.dict.setStr("name", StrObject(module))
      if !file.isEmpty { e.dict.setStr("path", StrObject(place)) }
      return e
    }
    if modules[module] != nil, StandardModules.known.contains(module) || modules[module] != nil {
      return Halt.refused(
        line: line, column: 1, construct: "from \(module) import \(name)", why: Sandbox.missingName(module, name))
    }
    return Halt.refused(line: line, column: 1, construct: "from \(module) import \(name)", why: "'\(module)' is not a module lesson runs")
  }

  func makeModule(_ name: String) throws -> ModuleObject? {
    if let f = StandardModules.factories[name] { return try f(self) }
    return nil
  }
}

/// The standard-library modules the interpreter provides.
enum StandardModules {
  /// Names of the standard library that only some versions have (asyncio's are in
  /// ``AsyncioNames``).
  static let namesByVersion: [String: ClosedRange<Int>] = [
    "enum.StrEnum": 11...13, "enum.ReprEnum": 11...13, "enum.verify": 11...13,
    "typing.Self": 11...13, "typing.LiteralString": 11...13, "typing.Never": 11...13,
    "typing.assert_never": 11...13, "typing.reveal_type": 11...13, "typing.override": 12...13,
    "itertools.batched": 12...13,
  ]
  /// Where a module's source lives under the library prefix, as ImportError names it.
  static let files: [String: String] = [
    "asyncio": "asyncio/__init__.py", "enum": "enum.py", "typing": "typing.py", "itertools": "",
  ]

  static let factories: [String: @Sendable (Machine) throws -> ModuleObject] = [
    "asyncio": { AsyncioModule.make($0) },
    "time": { TimeModule.make($0) },
    "logging": { try LoggingModule.make($0) },
    "collections": { try CollectionsModule.make($0) },
    "typing": { try TypingModule.make($0) },
    "dataclasses": { try DataclassesModule.make($0) },
    "contextlib": { try ContextlibModule.make($0) },
    "sys": { SysModule.make($0) },
    "enum": { try EnumModule.make($0) },
    "math": { MathModule.make($0) },
    "random": { RandomModule.make($0) },
    "itertools": { ItertoolsModule.make($0) },
    "functools": { try FunctoolsModule.make($0) },
    "statistics": { StatisticsModule.make($0) },
    "string": { try SmallModules.module($0, "string", SmallModules.string) },
    "bisect": { try SmallModules.module($0, "bisect", SmallModules.bisect) },
    "heapq": { try SmallModules.module($0, "heapq", SmallModules.heapq) },
    "operator": { try SmallModules.module($0, "operator", SmallModules.operatorModule) },
    "abc": { try AbcModule.make($0) },
    "json": { try JsonModule.make($0) },
    "traceback": { try TracebackModule.make($0) },
    "warnings": { try WarningsModule.make($0) },
    "types": { try SmallModules.module($0, "types", SmallModules.types) },
    "contextvars": { ContextvarsModule.make($0) },
    "textwrap": { try TextwrapModule.make($0) },
    "copy": { try CopyModule.make($0) },
    "pprint": { try PprintModule.make($0) },
    "hashlib": { try HashlibModule.make($0) },
    "zlib": { try ZlibModule.make($0) },
    "concurrent": { _ in ModuleObject("concurrent") },
    "os": { m in
      let os = try SmallModules.module(m, "os", SmallModules.os)
      let path = try m.modules["os.path"] ?? SmallModules.module(m, "posixpath", SmallModules.posixpath)
      m.modules["os.path"] = path
      os.dict.setStr("path", path)
      return os
    },
    "os.path": { try SmallModules.module($0, "posixpath", SmallModules.posixpath) },
    "concurrent.futures": { m in
      // Its exceptions, from `concurrent.futures._base`, whose name their classes carry.
      let base = try SmallModules.module(m, "concurrent.futures._base", SmallModules.futuresBase(m.version))
      let module = ModuleObject("concurrent.futures")
      for name in [
        "FIRST_COMPLETED", "FIRST_EXCEPTION", "ALL_COMPLETED", "CancelledError", "TimeoutError", "InvalidStateError",
        "BrokenExecutor",
      ] {
        if let value = base.dict.getStr(name) { module.dict.setStr(name, value) }
      }
      return module
    },
  ]

  /// Every module of CPython's standard library a learner might name (for a better refusal).
  static let known: Set<String> = [
    "abc", "argparse", "array", "ast", "asyncio", "base64", "bisect", "calendar", "cmath", "collections", "contextlib",
    "concurrent", "contextvars", "copy", "csv", "dataclasses", "datetime", "decimal", "enum", "fractions", "functools", "hashlib",
    "heapq", "itertools", "json", "logging", "math", "numbers", "operator", "os", "pprint", "queue", "random", "re",
    "statistics", "string", "struct", "sys", "textwrap", "time", "traceback", "types", "typing", "typing_extensions",
    "uuid", "warnings", "weakref", "zoneinfo",
  ]
}
