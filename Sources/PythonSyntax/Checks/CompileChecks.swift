import AsyncioModel

extension PythonParser {
  /// Parses and then applies the checks CPython's compiler makes before any code runs, as
  /// `compile(source, path, "exec")` does: the symbol table's (`nonlocal` at module level, a name
  /// both global and a parameter, duplicate parameters, `yield` in a comprehension, a `nonlocal`
  /// with no binding) and then the code generator's, in source order (`'return' outside function`,
  /// `'await' outside function`, `'break' outside loop`, repeated keyword arguments, starred
  /// targets, unreachable `case` patterns).
  ///
  /// - Throws: ``PythonSyntaxError`` with CPython's message, line and offset.
  public static func compile(_ source: String, version: PythonVersion) throws(PythonSyntaxError) -> Module {
    let module = try parse(source, version: version)
    try CompileChecks(source: SourceText(source)).check(module)
    return module
  }
}

/// The compile-time checks, over a parsed module.
struct CompileChecks {
  let source: SourceText

  /// What kind of block the code being checked is in.
  enum Block {
    case module, classBody
    case function(isAsync: Bool)
    case lambda
    /// A comprehension's own scope; `isGenerator` for a generator expression.
    case comprehension(kind: String, isGenerator: Bool)
  }

  func check(_ module: Module) throws(PythonSyntaxError) {
    var symbols = SymbolPass(checks: self)
    try symbols.visitBody(module.body, scope: 0)
    try symbols.resolveNonlocals()
    var code = CodePass(checks: self)
    try code.body(module.body)
  }

  /// An error at a node's start, with CPython's character offset.
  func error(_ message: String, at location: SourceLocation) -> PythonSyntaxError {
    var lineStart = 0
    var line = 1
    let bytes = source.bytes
    var i = 0
    while line < location.line && i < bytes.count {
      if bytes[i] == UInt8(ascii: "\n") {
        line += 1
        lineStart = i + 1
      }
      i += 1
    }
    return PythonSyntaxError(
      .syntaxError, message, line: location.line,
      offset: source.characterOffset(of: lineStart + location.column, lineStart: lineStart))
  }
}
