import AsyncioModel

extension Lexer {
  /// A string literal with its prefix, as one token. The parser decodes it (and parses f-strings).
  ///
  /// Before 3.12 an f-string ends at the first unescaped closing quote, like any string. From 3.12
  /// (PEP 701) the tokenizer follows the replacement fields, so they may hold the same quote.
  mutating func string(prefixStart: Int) throws(PythonSyntaxError) {
    let startLine = line
    let column = prefixStart - lineStart
    var isF = false
    var isRaw = false
    while peek() != UInt8(ascii: "'") && peek() != UInt8(ascii: "\"") {
      if peek() | 0x20 == UInt8(ascii: "f") { isF = true }
      if peek() | 0x20 == UInt8(ascii: "r") { isRaw = true }
      position += 1
    }
    let quote = peek()
    let triple = peek(1) == quote && peek(2) == quote
    position += triple ? 3 : 1
    if isF && version >= .v3_12 {
      try enterFString(quoteAt: position - (triple ? 3 : 1))
      defer { fStringDepth -= 1 }
      try fStringBody(quote: quote, triple: triple, raw: isRaw, start: prefixStart)
    } else {
      try stringBody(quote: quote, triple: triple, start: prefixStart)
    }
    add(.string, from: prefixStart, line: startLine, column: column)
  }

  mutating func enterFString(quoteAt quote: Int) throws(PythonSyntaxError) {
    fStringDepth += 1
    if fStringDepth >= Lexer.maxFStringDepth { throw error("too many nested f-strings", at: quote) }
    if stack.isExhausted {
      throw PythonSyntaxError(
        .memoryError, "Parser stack overflowed - Python source too complex to parse",
        line: line, offset: 1)
    }
  }

  @inline(__always) func atClosingQuote(_ quote: UInt8, _ triple: Bool) -> Bool {
    peek() == quote && (!triple || (peek(1) == quote && peek(2) == quote))
  }

  /// Scans to just past the closing quote of a plain string.
  mutating func stringBody(quote: UInt8, triple: Bool, start: Int) throws(PythonSyntaxError) {
    while true {
      guard position < end else { throw unterminated(triple: triple, start: start) }
      let c = peek()
      if c == quote && atClosingQuote(quote, triple) {
        position += triple ? 3 : 1
        return
      }
      if c == UInt8(ascii: "\\") {
        position += 1
        if position >= end { throw unterminated(triple: triple, start: start) }
        if peek() == UInt8(ascii: "\n") || peek() == UInt8(ascii: "\r") { newLine() } else { position += 1 }
        continue
      }
      if c == UInt8(ascii: "\n") || c == UInt8(ascii: "\r") {
        if !triple { throw unterminated(triple: false, start: start) }
        newLine()
        continue
      }
      position += 1
    }
  }

  /// The error for a string that never ends, with CPython's wording for each version.
  func unterminated(triple: Bool, start: Int, fString: Bool = false) -> PythonSyntaxError {
    let kind = fString ? "f-string" : "string"
    if triple {
      // The scan stopped at the end of the file; CPython names the file's last line.
      var lastLine = line
      if lastLine > 1 && bytes.last == UInt8(ascii: "\n") { lastLine -= 1 }
      return error("unterminated triple-quoted \(kind) literal (detected at line \(lastLine))", at: start)
    }
    var message = "unterminated \(kind) literal (detected at line \(line))"
    if version >= .v3_13 && !fString && position >= 2 && position - 2 >= start
      && bytes[position - 2] == UInt8(ascii: "\\")
      && (bytes[position - 1] == UInt8(ascii: "'") || bytes[position - 1] == UInt8(ascii: "\""))
    {
      message += "; perhaps you escaped the end quote?"
    }
    return error(message, at: start)
  }

  /// Scans an f-string's body from 3.12 on: literal text, `{{`/`}}`, and replacement fields that may
  /// hold brackets, nested strings (with any quotes) and format specs with fields of their own.
  mutating func fStringBody(quote: UInt8, triple: Bool, raw: Bool, start: Int) throws(PythonSyntaxError) {
    while true {
      guard position < end else { throw unterminated(triple: triple, start: start, fString: true) }
      let c = peek()
      if c == quote && atClosingQuote(quote, triple) {
        position += triple ? 3 : 1
        return
      }
      switch c {
      case UInt8(ascii: "\\"):
        position += 1
        if position >= end { throw unterminated(triple: triple, start: start, fString: true) }
        if peek() == UInt8(ascii: "\n") || peek() == UInt8(ascii: "\r") {
          newLine()
        } else if peek() != UInt8(ascii: "{") {
          position += 1
        }
      case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
        if !triple { throw unterminated(triple: false, start: start, fString: true) }
        newLine()
      case UInt8(ascii: "{"):
        if peek(1) == UInt8(ascii: "{") {
          position += 2
        } else {
          position += 1
          try replacementField(quote: quote, triple: triple, start: start, depth: 1, brace: position - 1)
        }
      default:
        position += 1
      }
    }
  }

  /// Scans one replacement field after its `{`, up to and including its `}`.
  mutating func replacementField(quote: UInt8, triple: Bool, start: Int, depth: Int, brace: Int)
    throws(PythonSyntaxError)
  {
    if depth > Lexer.maxBracketDepth { throw error("too many nested parentheses", at: position) }
    // The brackets open in the field, innermost last, as the tokenizer keeps them.
    var opened: [UInt8] = []
    var nesting: Int { opened.count }
    func close(_ c: UInt8) throws(PythonSyntaxError) {
      let opening = opened.removeLast()
      let expected = c == UInt8(ascii: ")") ? UInt8(ascii: "(") : c == UInt8(ascii: "]") ? UInt8(ascii: "[") : UInt8(ascii: "{")
      guard opening == expected else {
        throw error(
          "closing parenthesis '\(Character(Unicode.Scalar(c)))' does not match opening parenthesis "
            + "'\(Character(Unicode.Scalar(opening)))'", at: position)
      }
    }
    while true {
      guard position < end else { throw error("'{' was never closed", at: brace) }
      let c = peek()
      switch c {
      case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
        opened.append(c)
        position += 1
      case UInt8(ascii: ")"), UInt8(ascii: "]"):
        if nesting == 0 { throw error("f-string: unmatched '\(Character(Unicode.Scalar(c)))'", at: position) }
        try close(c)
        position += 1
      case UInt8(ascii: "}"):
        if nesting == 0 {
          position += 1
          return
        }
        try close(c)
        position += 1
      case UInt8(ascii: "'"), UInt8(ascii: "\""):
        if c == quote && atClosingQuote(quote, triple) && triple { return }
        let save = (position, line, lineStart)
        do throws(PythonSyntaxError) {
          try nestedString(prefixStart: position)
        } catch {
          guard c == quote, error.kind != .memoryError, error.message != "too many nested f-strings" else {
            throw error
          }
          (position, line, lineStart) = save
          throw self.error("f-string: expecting '}'", at: position)
        }
      case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
        if !triple { throw error("'{' was never closed", at: brace) }
        newLine()
      case UInt8(ascii: "#"):
        while position < end && peek() != UInt8(ascii: "\n") && peek() != UInt8(ascii: "\r") { position += 1 }
      case UInt8(ascii: ":") where nesting == 0:
        position += 1
        try formatSpec(quote: quote, triple: triple, start: start, depth: depth)
        return
      case UInt8(ascii: "!") where nesting == 0 && peek(1) != UInt8(ascii: "="):
        position += 1
      case _ where isIdentifierStart(c):
        let nameStart = position
        while position < end && isIdentifierContinue(peek()) { position += 1 }
        let q = peek()
        if (q == UInt8(ascii: "'") || q == UInt8(ascii: "\"")) && position - nameStart <= 2
          && Lexer.isStringPrefix(bytes[nameStart..<position])
        {
          position = nameStart
          try nestedString(prefixStart: nameStart)
        }
      default:
        position += 1
      }
    }
  }

  /// A format spec after `:`: literal text and nested fields, up to and including the field's `}`.
  mutating func formatSpec(quote: UInt8, triple: Bool, start: Int, depth: Int) throws(PythonSyntaxError) {
    while true {
      guard position < end else { throw unterminated(triple: triple, start: start, fString: true) }
      let c = peek()
      if c == quote && atClosingQuote(quote, triple) { return }
      switch c {
      case UInt8(ascii: "{"):
        position += 1
        try replacementField(quote: quote, triple: triple, start: start, depth: depth + 1, brace: position - 1)
      case UInt8(ascii: "}"):
        position += 1
        return
      case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
        if !triple { throw unterminated(triple: false, start: start, fString: true) }
        newLine()
      case UInt8(ascii: "\\"):
        position += 2
      default:
        position += 1
      }
    }
  }

  /// A string inside a replacement field: scanned whole, its prefix first.
  mutating func nestedString(prefixStart: Int) throws(PythonSyntaxError) {
    var isF = false
    var isRaw = false
    while peek() != UInt8(ascii: "'") && peek() != UInt8(ascii: "\"") {
      if peek() | 0x20 == UInt8(ascii: "f") { isF = true }
      if peek() | 0x20 == UInt8(ascii: "r") { isRaw = true }
      position += 1
    }
    let quote = peek()
    let triple = peek(1) == quote && peek(2) == quote
    position += triple ? 3 : 1
    if isF {
      try enterFString(quoteAt: position - (triple ? 3 : 1))
      defer { fStringDepth -= 1 }
      try fStringBody(quote: quote, triple: triple, raw: isRaw, start: prefixStart)
    } else {
      try stringBody(quote: quote, triple: triple, start: prefixStart)
    }
  }
}
