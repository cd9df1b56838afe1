import AsyncioModel

/// A hand-written recursive-descent parser over the token list, for the grammar of CPython
/// 3.10 to 3.13 as its `Grammar/python.gram` states it.
///
/// One extension per part of the grammar: statements, compound statements, expressions, calls and
/// parameters, targets, strings and f-strings, `match` patterns. Errors carry CPython's message
/// and position for the common mistakes, and `invalid syntax` at the offending token otherwise.
struct Parser {
  let source: SourceText
  let version: PythonVersion
  /// Makes the tokens as they are needed; ``Lexer/tokens`` holds all made so far.
  var lexer: Lexer
  /// A tokenizer error, raised when the parser reaches the token where it happened.
  var pendingError: PythonSyntaxError?
  var index = 0
  /// How deeply expressions and blocks nest right now, against ``maxDepth``.
  var depth = 0
  /// The stack the parse may use (shared with the parsers of f-string fields).
  var stack = StackBudget()
  /// What the parse notes on the way (shared with the parsers of f-string fields).
  var notes = ParseNotes()

  /// How deep expressions may nest before the parser gives up (CPython stops at 200 parentheses).
  static let maxDepth = 200
  /// How long a left-nested chain (`a + b + ...`, `a.b.c...`, `f()()...`) may grow. CPython 3.12
  /// stops near 1000 too (`maximum recursion depth exceeded during ast construction`); the limit
  /// keeps every later walk of the tree (dump, compiler, deinit) far from the stack's end.
  static let maxChain = 500

  /// How many tokens past the current one the grammar looks at.
  static let lookahead = 3

  init(source: SourceText, version: PythonVersion, lexer: Lexer) throws(PythonSyntaxError) {
    self.source = source
    self.version = version
    self.lexer = lexer
    self.lexer.tokens.reserveCapacity(lexer.embedded ? 8 : 256)
    fill()
    if self.lexer.tokens[0].kind == .lexerError, let pendingError { throw pendingError }
  }

  /// Pulls tokens until the current one and its lookahead exist, or the input is done.
  mutating func fill() {
    while lexer.tokens.count <= index + Parser.lookahead && pendingError == nil && !lexer.finished {
      do {
        try lexer.lexMore()
      } catch {
        pendingError = error
        let last = lexer.tokens.last
        lexer.tokens.append(
          Token(
            kind: .lexerError, start: last?.end ?? 0, end: last?.end ?? 0, line: last?.endLine ?? 1,
            column: last?.endColumn ?? 0, endLine: last?.endLine ?? 1, endColumn: last?.endColumn ?? 0))
      }
    }
  }

  // MARK: Token access

  @inline(__always) var token: Token { lexer.tokens[index] }
  @inline(__always) var kind: TokenKind { lexer.tokens[index].kind }
  @inline(__always) func kind(at ahead: Int) -> TokenKind {
    let i = index + ahead
    return i < lexer.tokens.count ? lexer.tokens[i].kind : .endMarker
  }
  @inline(__always) var previous: Token { lexer.tokens[index > 0 ? index - 1 : 0] }

  /// Moves to the next token; reaching the place of a tokenizer error raises it.
  @inline(__always) mutating func advance() throws(PythonSyntaxError) -> Token {
    let t = lexer.tokens[index]
    if index < lexer.tokens.count - 1 { index += 1 }
    if index + Parser.lookahead >= lexer.tokens.count { fill() }
    if lexer.tokens[index].kind == .lexerError, let pendingError { throw pendingError }
    return t
  }

  @inline(__always) mutating func accept(_ k: TokenKind) throws(PythonSyntaxError) -> Bool {
    if lexer.tokens[index].kind == k {
      _ = try advance()
      return true
    }
    return false
  }

  /// The text of a token.
  func text(_ t: Token) -> String { source.text(t.start, t.end) }

  /// Whether the current token is the name `word` (a soft keyword such as `match`).
  func isName(_ word: String, at ahead: Int = 0) -> Bool {
    let i = index + ahead
    guard i < lexer.tokens.count, lexer.tokens[i].kind == .name else { return false }
    let t = lexer.tokens[i]
    let utf8 = word.utf8
    guard t.end - t.start == utf8.count else { return false }
    var j = t.start
    for b in utf8 {
      if source.bytes[j] != b { return false }
      j += 1
    }
    return true
  }

  /// The range from a start token to the end of the last token consumed.
  @inline(__always) func range(from start: Token) -> SourceRange {
    SourceRange(start.startLocation, lastSignificantEnd)
  }

  @inline(__always) func range(from start: SourceLocation) -> SourceRange {
    SourceRange(start, lastSignificantEnd)
  }

  /// Where the last token consumed ends, not counting NEWLINE, INDENT and DEDENT: a compound
  /// statement ends where its last statement does, as in CPython.
  var lastSignificantEnd: SourceLocation {
    var i = index - 1
    while i > 0 {
      let k = lexer.tokens[i].kind
      if k != .newline && k != .indent && k != .dedent { break }
      i -= 1
    }
    return lexer.tokens[max(i, 0)].endLocation
  }

  // MARK: Errors

  /// CPython's rule for a parser error: the tokenizer then reads the rest of the file, and an
  /// error it finds there wins; a bracket left open at the end wins only over an error on a later
  /// line than the bracket (`_PyPegen_tokenize_full_source_to_check_for_errors`).
  mutating func tokenizerErrorBeyond(_ parserError: PythonSyntaxError) -> PythonSyntaxError {
    guard parserError.kind != .memoryError, parserError.kind != .recursionError, parserError != pendingError,
      parserError.message != "unexpected indent"
    else {
      return parserError
    }
    // CPython compares the bracket's line with the last token the parser read.
    let errorLine = max(parserError.line, token.line)
    do throws(PythonSyntaxError) {
      // The lookahead may already have met the tokenizer's error.
      if let pendingError { throw pendingError }
      while !lexer.finished {
        lexer.tokens.removeAll(keepingCapacity: true)
        try lexer.lexMore()
      }
    } catch {
      // Errors the tokenizer only records (a bad line continuation, indentation, tabs) are raised
      // when the parser reaches them, never by this check.
      if error.kind != .syntaxError || error.message.hasPrefix("unexpected character after line continuation")
        || error.message.hasPrefix("unexpected EOF")
      {
        return parserError
      }
      if let open = lexer.brackets.last, lexer.position >= lexer.end, error.message.hasSuffix("was never closed") {
        return errorLine > open.line ? error : parserError
      }
      return error
    }
    return parserError
  }

  /// An error pointing at a token's start.
  func error(_ message: String, at t: Token, kind: PythonSyntaxError.Kind = .syntaxError) -> PythonSyntaxError {
    let e = errorAt(message, byte: t.start, line: t.line, kind: kind)
    // CPython gives a DEDENT's column unshifted (0-based) as the offset, and points past an INDENT.
    if t.kind == .indent { return errorAt(message, byte: t.end, line: t.line, kind: kind) }
    return t.kind == .dedent ? e.withOffset { $0 - 1 } : e
  }

  /// Whether only DEDENTs stand between the current token and the end of the file.
  var atEndOfFile: Bool {
    var i = index
    while i < lexer.tokens.count && lexer.tokens[i].kind == .dedent { i += 1 }
    return i >= lexer.tokens.count || lexer.tokens[i].kind == .endMarker
  }

  func errorAt(_ message: String, byte: Int, line: Int, kind: PythonSyntaxError.Kind = .syntaxError)
    -> PythonSyntaxError
  {
    let lineStart = source.lineStart(before: byte)
    return PythonSyntaxError(kind, message, line: line, offset: source.characterOffset(of: byte, lineStart: lineStart))
  }

  /// An error pointing at where a node starts.
  func error(_ message: String, at location: SourceLocation) -> PythonSyntaxError {
    // Locations are byte columns; find the line's start to count characters.
    var lineStart = 0
    var line = 1
    var i = 0
    let bytes = source.bytes
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

  /// `invalid syntax` at the current token, or the tokenizer's complaint about it.
  func invalidSyntax() -> PythonSyntaxError {
    let t = token
    if t.kind == .indent {
      // CPython points at the last character of the indentation.
      return errorAt("unexpected indent", byte: max(t.start, t.end - 1), line: t.line, kind: .indentationError)
    }
    if t.kind == .dedent && t.line > 0 {
      return error("unindent does not match any outer indentation level", at: t, kind: .indentationError)
    }
    if t.kind == .errorToken {
      let c = source.bytes[t.start]
      if c >= 0x80 {
        let scalar = source.text(t.start, min(t.start + 4, source.bytes.count)).unicodeScalars.first!
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return error(
          "invalid character '\(Character(scalar))' (U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex))",
          at: t)
      }
    }
    return error("invalid syntax", at: t)
  }

  /// Consumes a token of the given kind, or fails with `message` (the default: `invalid syntax`).
  @discardableResult
  mutating func expect(_ k: TokenKind, _ message: String? = nil) throws(PythonSyntaxError) -> Token {
    if kind == k { return try advance() }
    if let message, kind != .indent, kind != .errorToken {
      // CPython points "expected ':'" just past the previous token.
      return try { () throws(PythonSyntaxError) -> Token in
        throw errorAt(message, byte: previous.end, line: previous.endLine)
      }()
    }
    throw invalidSyntax()
  }

  mutating func enter() throws(PythonSyntaxError) {
    depth += 1
    if depth > Parser.maxDepth || stack.isExhausted {
      throw PythonSyntaxError(
        .memoryError, "Parser stack overflowed - Python source too complex to parse",
        line: token.line, offset: 1)
    }
  }

  /// Counts one more link of a left-nested chain.
  func checkChain(_ length: Int) throws(PythonSyntaxError) {
    if length + depth > Parser.maxChain {
      throw PythonSyntaxError(
        .recursionError, "maximum recursion depth exceeded during ast construction",
        line: token.line, offset: 1)
    }
  }

  mutating func leave() { depth -= 1 }
}
