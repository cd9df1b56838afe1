import PythonSyntax

/// Parts of the standard library that CPython itself writes in Python (`functools.wraps`,
/// `total_ordering`...), run here from Python source too, so that they behave as CPython's do.
enum SourceModules {
  /// Compiles `source` and runs it in `module`'s namespace.
  ///
  /// The sources are fixed and known to compile; a failure is the machine's own fault, reported
  /// as a budget stop rather than as something the learner's program did.
  static func run(_ m: Machine, _ source: String, in module: ModuleObject) throws {
    // The module's functions hold its namespace and it holds them: let go when the run ends.
    m.namespacesMade.append(module.dict)
    let filename = "<\(module.name)>"
    let code: CodeObject
    do {
      let tree = try PythonParser.compile(source, version: m.version)
      code = try Compiler.compile(tree, filename: filename, text: source, version: m.version)
    } catch {
      throw Halt.budget("internal: the module '\(module.name)' did not compile: \(error)")
    }
    if module.dict.getStr("__builtins__") == nil {
      module.dict.setStr("__builtins__", ModuleObject("builtins", dict: m.builtins))
    }
    let frame = Frame(code: code, globals: module.dict, namespace: nil, function: nil, closure: [])
    _ = try m.runCall(frame)
  }
}
