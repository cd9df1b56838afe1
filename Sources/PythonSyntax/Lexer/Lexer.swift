import AsyncioModel

/// Turns source bytes into tokens the way CPython's tokenizer does: INDENT and DEDENT from leading
/// whitespace, no NEWLINE inside brackets, `\` joining lines, comments dropped.
///
/// The whole file is tokenized up front; the first error stops it.
struct Lexer {
  let source: SourceText
  let version: PythonVersion
  var bytes: [UInt8] { source.bytes }
  var tokens: [Token] = []
  var position = 0
  var end: Int
  var line = 1
  var lineStart = 0
  /// Open brackets: their kind, byte offset, line and line start.
  var brackets: [(kind: UInt8, offset: Int, line: Int, lineStart: Int)] = []
  /// The indentation stack in columns (tabs to multiples of 8) and in "alternate" columns (a tab is 1).
  var indents: [Int] = [0]
  var altIndents: [Int] = [0]
  var atLineStart = true
  /// How many f-strings enclose the current position (3.12 lexes nested ones in one go).
  var fStringDepth = 0
  /// The stack the lexer may use (f-strings recurse from 3.12).
  var stack = StackBudget()
  /// When lexing an f-string replacement field: the tokens are as inside parentheses and stop at `end`.
  let embedded: Bool

  /// CPython's limit on nested brackets (`MAXLEVEL`).
  static let maxBracketDepth = 200
  /// CPython's limit on nested f-strings (`MAXFSTRINGLEVEL`, 3.12).
  static let maxFStringDepth = 150
  /// CPython's limit on indentation levels (`MAXINDENT`).
  static let maxIndentDepth = 100

  init(source: SourceText, version: PythonVersion, range: Range<Int>? = nil, line: Int = 1, lineStart: Int = 0) {
    self.source = source
    self.version = version
    self.position = range?.lowerBound ?? 0
    self.end = range?.upperBound ?? source.bytes.count
    self.line = line
    self.lineStart = lineStart
    self.embedded = range != nil
    self.atLineStart = range == nil
  }

  /// An error at a byte position, with CPython's line and 1-based character offset.
  func error(_ message: String, at offset: Int, kind: PythonSyntaxError.Kind = .syntaxError) -> PythonSyntaxError {
    let start = source.lineStart(before: offset)
    var lineNumber = 1
    var i = 0
    while i < start {
      if bytes[i] == UInt8(ascii: "\n")
        || (bytes[i] == UInt8(ascii: "\r") && (i + 1 >= bytes.count || bytes[i + 1] != UInt8(ascii: "\n")))
      {
        lineNumber += 1
      }
      i += 1
    }
    return PythonSyntaxError(
      kind, message, line: lineNumber, offset: source.characterOffset(of: offset, lineStart: start))
  }

  @inline(__always) func peek(_ ahead: Int = 0) -> UInt8 {
    let i = position + ahead
    return i < end ? bytes[i] : 0
  }

  mutating func add(_ kind: TokenKind, from start: Int, line startLine: Int, column: Int) {
    tokens.append(
      Token(
        kind: kind, start: start, end: position, line: startLine, column: column,
        endLine: line, endColumn: position - lineStart))
  }

  /// Whether the closing tokens (NEWLINE, DEDENTs, ENDMARKER) have been produced.
  var finished = false
  /// Where the comment on the current line starts, if it has one.
  var commentStart: Int?
  /// The kind of the last token produced (the buffer is emptied as the parser takes tokens).
  var lastKind: TokenKind = .newline

  /// Lexes until at least one more token is in ``tokens``, or the input is done.
  ///
  /// The parser pulls tokens as it needs them, as CPython's does, so a tokenizer error beyond the
  /// point where parsing fails is never reported, and a 10 MB line is not tokenized whole.
  mutating func lexMore() throws(PythonSyntaxError) {
    let count = tokens.count
    while tokens.count == count && !finished {
      if atLineStart {
        atLineStart = false
        if try !indentation() { continue }
        if tokens.count != count { break }
      }
      if position >= end {
        try finish()
        break
      }
      try next()
    }
    if let last = tokens.last { lastKind = last.kind }
  }

  /// The closing tokens: NEWLINE if the last line lacks one, a DEDENT per open block, ENDMARKER.
  mutating func finish() throws(PythonSyntaxError) {
    finished = true
    let column = position - lineStart
    if embedded {
      tokens.append(
        Token(
          kind: .endMarker, start: position, end: position, line: line, column: column,
          endLine: line, endColumn: column))
      return
    }
    if let open = brackets.last {
      throw error("'\(Character(Unicode.Scalar(open.kind)))' was never closed", at: open.offset)
    }
    let last = tokens.last?.kind ?? lastKind
    if last != .newline && last != .dedent && last != .indent {
      tokens.append(
        Token(
          kind: .newline, start: position, end: position, line: line, column: column,
          endLine: line, endColumn: column + 1))
    }
    for _ in 1..<indents.count {
      tokens.append(
        Token(
          kind: .dedent, start: position, end: position, line: line, column: column,
          endLine: line, endColumn: column))
    }
    tokens.append(
      Token(
        kind: .endMarker, start: position, end: position, line: line, column: column,
        endLine: line, endColumn: column))
  }

  /// Tokenizes everything at once (for tests).
  mutating func tokenize() throws(PythonSyntaxError) -> [Token] {
    while !finished { try lexMore() }
    return tokens
  }

  /// Starts a new line after a newline byte (`\n`, `\r\n` or `\r`) at `position`.
  mutating func newLine() {
    commentStart = nil
    if peek() == UInt8(ascii: "\r") && peek(1) == UInt8(ascii: "\n") { position += 2 } else { position += 1 }
    line += 1
    lineStart = position
  }

  /// Lexes one token (or skips whitespace, a comment, a line continuation).
  mutating func next() throws(PythonSyntaxError) {
    let c = peek()
    switch c {
    case UInt8(ascii: " "), UInt8(ascii: "\t"), 0x0C:
      position += 1
    case UInt8(ascii: "#"):
      commentStart = position
      while position < end && peek() != UInt8(ascii: "\n") && peek() != UInt8(ascii: "\r") { position += 1 }
    case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
      let start = position
      let startLine = line
      let column = position - lineStart
      if brackets.isEmpty && !embedded {
        if peek() == UInt8(ascii: "\r") && peek(1) == UInt8(ascii: "\n") { position += 2 } else { position += 1 }
        // After a trailing comment CPython's NEWLINE starts where the comment does.
        let newlineStart = commentStart ?? start
        tokens.append(
          Token(
            kind: .newline, start: newlineStart, end: position, line: startLine,
            column: newlineStart - lineStart, endLine: startLine, endColumn: column + 1))
        line += 1
        lineStart = position
        atLineStart = true
        commentStart = nil
      } else {
        newLine()
      }
    case UInt8(ascii: "\\"):
      let next = peek(1)
      if next == UInt8(ascii: "\n") || next == UInt8(ascii: "\r") {
        position += 1
        if position + 1 >= end && !embedded { throw error("unexpected EOF while parsing", at: position) }
        newLine()
      } else {
        throw error("unexpected character after line continuation character", at: position + 1)
      }
    case UInt8(ascii: "0")...UInt8(ascii: "9"):
      try number()
    case UInt8(ascii: "."):
      if peek(1) >= UInt8(ascii: "0") && peek(1) <= UInt8(ascii: "9") { try number() } else { try operatorToken() }
    case UInt8(ascii: "'"), UInt8(ascii: "\""):
      try string(prefixStart: position)
    case _ where isIdentifierStart(c):
      try nameOrString()
    default:
      try operatorToken()
    }
  }

  @inline(__always) func isIdentifierStart(_ c: UInt8) -> Bool {
    (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
      || c == UInt8(ascii: "_") || c >= 0x80
  }

  @inline(__always) func isIdentifierContinue(_ c: UInt8) -> Bool {
    isIdentifierStart(c) || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9"))
  }

  /// A name, a keyword, or the prefix of a string (`rb"..."`, `f'...'`).
  mutating func nameOrString() throws(PythonSyntaxError) {
    let start = position
    var allAscii = true
    while position < end && isIdentifierContinue(peek()) {
      if peek() >= 0x80 { allAscii = false }
      position += 1
    }
    let q = peek()
    if (q == UInt8(ascii: "'") || q == UInt8(ascii: "\"")) && position - start <= 2
      && Lexer.isStringPrefix(bytes[start..<position])
    {
      position = start
      try string(prefixStart: start)
      return
    }
    if !allAscii { try checkIdentifier(start) }
    let column = start - lineStart
    var kind = TokenKind.name
    let length = position - start
    if length >= 2 && length <= 8 && allAscii, let keyword = TokenKind.keyword(bytes[start..<position]) {
      kind = keyword
    }
    add(kind, from: start, line: line, column: column)
  }

  /// Checks the non-ASCII characters of an identifier, as CPython does (`invalid character '…' (U+…)`).
  func checkIdentifier(_ start: Int) throws(PythonSyntaxError) {
    var offset = start
    var first = true
    for scalar in source.text(start, position).unicodeScalars {
      let ok = first ? (scalar.properties.isXIDStart || scalar == "_") : scalar.properties.isXIDContinue
      if !ok {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        if scalar.properties.generalCategory == .format || scalar.properties.generalCategory == .control
          || scalar.properties.generalCategory == .spaceSeparator
        {
          throw error("invalid non-printable character U+\(code)", at: offset)
        }
        throw error("invalid character '\(Character(scalar))' (U+\(code))", at: offset)
      }
      first = false
      offset += String(scalar).utf8.count
    }
  }

  static func isStringPrefix(_ prefix: ArraySlice<UInt8>) -> Bool {
    var r = 0
    var b = 0
    var u = 0
    var f = 0
    for c in prefix {
      switch c | 0x20 {
      case UInt8(ascii: "r"): r += 1
      case UInt8(ascii: "b"): b += 1
      case UInt8(ascii: "u"): u += 1
      case UInt8(ascii: "f"): f += 1
      default: return false
      }
    }
    if r > 1 || b > 1 || u > 1 || f > 1 { return false }
    if u == 1 { return prefix.count == 1 }
    return !(b == 1 && f == 1)
  }

  /// Operators, delimiters and brackets, longest match first.
  mutating func operatorToken() throws(PythonSyntaxError) {
    let start = position
    let column = position - lineStart
    let c = peek()
    let c1 = peek(1)
    let c2 = peek(2)
    var kind: TokenKind
    var length = 1
    func two(_ second: UInt8, _ k2: TokenKind, else k1: TokenKind) -> (TokenKind, Int) {
      c1 == second ? (k2, 2) : (k1, 1)
    }
    switch c {
    case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
      kind = c == UInt8(ascii: "(") ? .lpar : c == UInt8(ascii: "[") ? .lsqb : .lbrace
      if brackets.count >= Lexer.maxBracketDepth { throw error("too many nested parentheses", at: position) }
      brackets.append((c, position, line, lineStart))
    case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
      kind = c == UInt8(ascii: ")") ? .rpar : c == UInt8(ascii: "]") ? .rsqb : .rbrace
      guard let open = brackets.last else {
        if embedded {
          kind = kind == .rbrace ? .rbrace : kind
          break
        }
        throw error("unmatched '\(Character(Unicode.Scalar(c)))'", at: position)
      }
      let expected: UInt8 =
        open.kind == UInt8(ascii: "(")
        ? UInt8(ascii: ")") : open.kind == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: "}")
      if c != expected {
        let closing = Character(Unicode.Scalar(c))
        let opening = Character(Unicode.Scalar(open.kind))
        if open.line != line {
          throw error(
            "closing parenthesis '\(closing)' does not match opening parenthesis '\(opening)' on line \(open.line)",
            at: position)
        }
        throw error("closing parenthesis '\(closing)' does not match opening parenthesis '\(opening)'", at: position)
      }
      brackets.removeLast()
    case UInt8(ascii: ":"): (kind, length) = two(UInt8(ascii: "="), .colonEqual, else: .colon)
    case UInt8(ascii: ","): kind = .comma
    case UInt8(ascii: ";"): kind = .semi
    case UInt8(ascii: "+"): (kind, length) = two(UInt8(ascii: "="), .plusEqual, else: .plus)
    case UInt8(ascii: "-"):
      if c1 == UInt8(ascii: ">") {
        (kind, length) = (.rarrow, 2)
      } else {
        (kind, length) = two(UInt8(ascii: "="), .minEqual, else: .minus)
      }
    case UInt8(ascii: "*"):
      if c1 == UInt8(ascii: "*") {
        (kind, length) = c2 == UInt8(ascii: "=") ? (.doubleStarEqual, 3) : (.doubleStar, 2)
      } else {
        (kind, length) = two(UInt8(ascii: "="), .starEqual, else: .star)
      }
    case UInt8(ascii: "/"):
      if c1 == UInt8(ascii: "/") {
        (kind, length) = c2 == UInt8(ascii: "=") ? (.doubleSlashEqual, 3) : (.doubleSlash, 2)
      } else {
        (kind, length) = two(UInt8(ascii: "="), .slashEqual, else: .slash)
      }
    case UInt8(ascii: "|"): (kind, length) = two(UInt8(ascii: "="), .vbarEqual, else: .vbar)
    case UInt8(ascii: "&"): (kind, length) = two(UInt8(ascii: "="), .amperEqual, else: .amper)
    case UInt8(ascii: "^"): (kind, length) = two(UInt8(ascii: "="), .circumflexEqual, else: .circumflex)
    case UInt8(ascii: "%"): (kind, length) = two(UInt8(ascii: "="), .percentEqual, else: .percent)
    case UInt8(ascii: "@"): (kind, length) = two(UInt8(ascii: "="), .atEqual, else: .at)
    case UInt8(ascii: "="): (kind, length) = two(UInt8(ascii: "="), .eqEqual, else: .equal)
    case UInt8(ascii: "!"): (kind, length) = two(UInt8(ascii: "="), .notEqual, else: .exclamation)
    case UInt8(ascii: "~"): kind = .tilde
    case UInt8(ascii: "<"):
      if c1 == UInt8(ascii: "<") {
        (kind, length) = c2 == UInt8(ascii: "=") ? (.leftShiftEqual, 3) : (.leftShift, 2)
      } else if c1 == UInt8(ascii: ">") {
        (kind, length) = (.notEqual, 2)
      }  // `<>`: the parser rejects it
      else {
        (kind, length) = two(UInt8(ascii: "="), .lessEqual, else: .less)
      }
    case UInt8(ascii: ">"):
      if c1 == UInt8(ascii: ">") {
        (kind, length) = c2 == UInt8(ascii: "=") ? (.rightShiftEqual, 3) : (.rightShift, 2)
      } else {
        (kind, length) = two(UInt8(ascii: "="), .greaterEqual, else: .greater)
      }
    case UInt8(ascii: "."):
      if c1 == UInt8(ascii: ".") && c2 == UInt8(ascii: ".") { (kind, length) = (.ellipsis, 3) } else { kind = .dot }
    case 0:
      throw error("source code cannot contain null bytes", at: position)
    default:
      kind = .errorToken
    }
    position += length
    add(kind, from: start, line: line, column: column)
  }
}
