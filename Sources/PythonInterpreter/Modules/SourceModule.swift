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
  static func load(_ m: Machine, name: String, source: String, natives: [(String, BuiltinFunctionObject.Body)] = []) throws -> ModuleObject {
    let mod = ModuleObject(name)
    let file = filename(name, m)
    mod.dict.setStr("__file__", StrObject(file))
    mod.dict.setStr("__builtins__", ModuleObject("builtins", dict: m.builtins))
    for (n, body) in natives { mod.dict.setStr(n, BuiltinFunctionObject(n, body)) }
    let code: CodeObject
    do {
      let tree = try PythonParser.compile(source, version: m.version)
      code = try Compiler.compile(tree, filename: file, text: source, version: m.version)
    } catch {
      throw Halt.refused(line: m.frames.last?.line ?? 0, column: 1, construct: "import \(name)", why: "lesson's own '\(name)' did not compile: \(error)")
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
