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
    let stack = StackBudget()
    var lexer = Lexer(source: text, version: version)
    lexer.stack = stack
    var parser = try Parser(source: text, version: version, lexer: lexer)
    parser.stack = stack
    do {
      var module = try parser.parseModule()
      module.invalidEscapes = parser.notes.invalidEscapes
      return module
    } catch {
      throw parser.tokenizerErrorBeyond(error)
    }
  }
}

extension PythonParser {
  /// Parses a file given as bytes, as `ast.parse(bytes)` does: a UTF-8 byte-order mark is dropped,
  /// and bytes that are not UTF-8 are CPython's `(unicode error)`.
  ///
  /// - Parameters:
  ///   - utf8: The file's bytes.
  ///   - version: Whose grammar and messages to follow.
  /// - Returns: The syntax tree.
  /// - Throws: ``PythonSyntaxError``.
  public static func parse(utf8: [UInt8], version: PythonVersion) throws(PythonSyntaxError) -> Module {
    var bytes = utf8[...]
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    if let (position, reason) = firstInvalidUTF8(bytes) {
      var line = 1
      var lineStart = bytes.startIndex
      for i in bytes.startIndex..<position where bytes[i] == UInt8(ascii: "\n") {
        line += 1
        lineStart = i + 1
      }
      let hex = String(bytes[position], radix: 16)
      throw PythonSyntaxError(
        .syntaxError,
        "(unicode error) 'utf-8' codec can't decode byte 0x\(hex.count < 2 ? "0" : "")\(hex) in position \(position - lineStart): \(reason)",
        line: line, offset: 1)
    }
    return try parse(String(decoding: bytes, as: UTF8.self), version: version)
  }

  /// The first byte that does not start a well-formed UTF-8 sequence, and why, in Python's words.
  static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> (Int, String)? {
    var i = bytes.startIndex
    let end = bytes.endIndex
    while i < end {
      let b = bytes[i]
      if b < 0x80 {
        i += 1
        continue
      }
      let length: Int
      var low: UInt8 = 0x80
      var high: UInt8 = 0xBF
      switch b {
      case 0xC2...0xDF: length = 2
      case 0xE0:
        length = 3
        low = 0xA0
      case 0xE1...0xEC, 0xEE...0xEF: length = 3
      case 0xED:
        length = 3
        high = 0x9F
      case 0xF0:
        length = 4
        low = 0x90
      case 0xF1...0xF3: length = 4
      case 0xF4:
        length = 4
        high = 0x8F
      default: return (i, "invalid start byte")
      }
      for k in 1..<length {
        guard i + k < end else { return (i, "unexpected end of data") }
        let c = bytes[i + k]
        let ok = k == 1 ? (c >= low && c <= high) : (c >= 0x80 && c <= 0xBF)
        if !ok { return (i, "invalid continuation byte") }
      }
      i += length
    }
    return nil
  }
}
