import AsyncioModel

/// The entry point of the syntax front end: source text in, a ``Module`` or a ``PythonSyntaxError`` out.
///
/// No I/O: the caller reads the file. The grammar is the chosen version's: a construct that version
/// rejects is the `SyntaxError` that version raises (`except*` before 3.11, PEP 695 before 3.12,
/// PEP 701 f-strings before 3.12).
///
/// ## Example Usage
/// ```swift
/// let module = try PythonParser.parse("print(1)\n", version: .v3_12)
/// print(module.dump(version: .v3_12))  // Module(body=[Expr(value=Call(...))], type_ignores=[])
/// ```
public enum PythonParser {
  /// Parses a whole file, as `ast.parse(source)` does under `version`.
  ///
  /// - Parameters:
  ///   - source: The program's text.
  ///   - version: Whose grammar and messages to follow.
  /// - Returns: The syntax tree.
  /// - Throws: ``PythonSyntaxError`` with CPython's class, message, line and offset.
  public static func parse(_ source: String, version: PythonVersion) throws(PythonSyntaxError) -> Module {
    let text = SourceText(source)
    if text.bytes.contains(0) {
      throw PythonSyntaxError(.syntaxError, "source code string cannot contain null bytes", line: 1, offset: 1)
    }
    var lexer = Lexer(source: text, version: version)
    let tokens = try lexer.tokenize()
    var parser = Parser(source: text, version: version, tokens: tokens)
    return try parser.parseModule()
  }
}
