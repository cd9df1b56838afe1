import AsyncioModel

extension Parser {
  /// An f-string's body: text (with `{{`, `}}` and escapes) and replacement fields
  /// `{expression[=][!conversion][:format_spec]}`, each expression parsed where it stands in the source.
  ///
  /// Version differences live here: before 3.12 a field may not hold a backslash or a comment, and
  /// errors point just past the literal; from 3.12 (PEP 701) they point at the character.
  mutating func parseFString(_ body: Range<Int>, raw: Bool, token: Token, into parts: inout [StringPart])
    throws(PythonSyntaxError)
  {
    var i = body.lowerBound
    _ = try parseFStringPiece(&i, end: body.upperBound, raw: raw, token: token, inSpec: false, depth: 0, into: &parts)
  }

  /// The error position CPython uses for f-string errors: before 3.12, just past the string token.
  func fStringError(_ message: String, at byte: Int, token: Token) -> PythonSyntaxError {
    if version < .v3_12 {
      return errorAt(message, byte: token.end, line: token.endLine)
    }
    return errorAt(message, byte: byte, line: lineOf(byte))
  }

  /// The line and byte column of a byte of the source.
  func location(of byte: Int) -> SourceLocation {
    SourceLocation(line: lineOf(byte), column: byte - source.lineStart(before: byte))
  }

  /// The line of a byte, counted from the current token's line when the byte lies after it.
  func lineOf(_ byte: Int) -> Int {
    var line = 1
    var from = 0
    let t = lexer.tokens[index > 0 ? index - 1 : 0]
    if t.start <= byte {
      line = t.line
      from = t.start
    }
    for b in source.bytes[from..<byte] where b == UInt8(ascii: "\n") { line += 1 }
    return line
  }

  /// Text and fields up to `end`, or (in a format spec) up to the closing `}` of the field.
  /// Returns with `i` at that `}`.
  mutating func parseFStringPiece(
    _ i: inout Int, end: Int, raw: Bool, token: Token, inSpec: Bool, depth: Int,
    into parts: inout [StringPart]
  ) throws(PythonSyntaxError) -> Bool {
    let bytes = source.bytes
    var text: [UInt8] = []
    var textStart = i
    // Each literal part warns of its first backslash that starts no escape.
    var noted = false
    func flush(_ parser: Parser, _ i: Int) {
      if !text.isEmpty {
        let range = SourceRange(parser.location(of: textStart), parser.location(of: i))
        parts.append(.text(String(decoding: text, as: UTF8.self), range))
        text = []
      }
    }
    while i < end {
      if text.isEmpty { textStart = i }
      let c = bytes[i]
      if c == UInt8(ascii: "{") {
        if !inSpec && i + 1 < end && bytes[i + 1] == UInt8(ascii: "{") {
          text.append(c)
          i += 2
          continue
        }
        flush(self, i)
        noted = false
        i += 1
        try parseReplacementField(&i, end: end, raw: raw, token: token, depth: depth + 1, into: &parts)
        continue
      }
      if c == UInt8(ascii: "}") {
        if inSpec {
          flush(self, i)
          return true
        }
        if i + 1 < end && bytes[i + 1] == UInt8(ascii: "}") {
          text.append(c)
          i += 2
          continue
        }
        throw fStringError("f-string: single '}' is not allowed", at: i, token: token)
      }
      if c == UInt8(ascii: "\\") && !raw {
        if !noted { noted = noteInvalidEscape(at: i, end: end, bytesLiteral: false, token: token) }
        if i + 1 < end && bytes[i + 1] == UInt8(ascii: "N") && i + 2 < end && bytes[i + 2] == UInt8(ascii: "{") {
          i = try decodeEscape(at: i, end: end, into: &text, bytesLiteral: false, token: token)
          continue
        }
        i = try decodeEscape(at: i, end: end, into: &text, bytesLiteral: false, token: token)
        continue
      }
      text.append(c)
      i += 1
    }
    flush(self, i)
    return false
  }

  /// One `{...}` field, `i` just after its `{`; leaves `i` after its `}`.
  mutating func parseReplacementField(
    _ i: inout Int, end: Int, raw: Bool, token: Token, depth: Int,
    into parts: inout [StringPart]
  ) throws(PythonSyntaxError) {
    let bytes = source.bytes
    if depth > 2 && version < .v3_12 {
      throw fStringError("f-string: expressions nested too deeply", at: i, token: token)
    }
    if depth > Parser.maxDepth || stack.isExhausted {
      throw PythonSyntaxError(
        .memoryError, "Parser stack overflowed - Python source too complex to parse",
        line: token.line, offset: 1)
    }
    let exprStart = i
    let braceLocation = location(of: i - 1)
    let exprEnd = try scanFieldExpression(&i, end: end, token: token)
    if i >= end { throw fStringError("f-string: expecting '}'", at: i, token: token) }
    // The expression's own text, trimmed, decides the empty and lambda cases.
    var first = exprStart
    while first < exprEnd
      && (bytes[first] == UInt8(ascii: " ") || bytes[first] == UInt8(ascii: "\t") || bytes[first] == UInt8(ascii: "\n"))
    { first += 1 }
    if first == exprEnd {
      if version < .v3_12 { throw fStringError("f-string: empty expression not allowed", at: i, token: token) }
      let what = i < end ? Character(Unicode.Scalar(bytes[i])) : "}"
      throw fStringError("f-string: valid expression required before '\(what)'", at: i, token: token)
    }
    if version < .v3_12 {
      if bytes[exprStart..<exprEnd].contains(UInt8(ascii: "\\")) {
        throw fStringError("f-string expression part cannot include a backslash", at: exprStart, token: token)
      }
      if bytes[exprStart..<exprEnd].contains(UInt8(ascii: "#")) && !Parser.hashOnlyInStrings(bytes[exprStart..<exprEnd])
      {
        throw fStringError("f-string expression part cannot include '#'", at: exprStart, token: token)
      }
    }
    if exprEnd - first >= 6 && source.text(first, first + 6) == "lambda"
      && (first + 6 == exprEnd || !isIdentifierByte(bytes[first + 6]))
    {
      throw errorAt(
        version >= .v3_12
          ? "f-string: lambda expressions are not allowed without parentheses"
          : "f-string: invalid syntax", byte: first, line: lineOf(first))
    }
    let value = try parseEmbeddedExpression(exprStart..<exprEnd, token: token)
    var conversion = -1
    var debug = false
    if i < end && bytes[i] == UInt8(ascii: "=") {
      debug = true
      i += 1
      while i < end
        && (bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "\t") || bytes[i] == UInt8(ascii: "\n"))
      { i += 1 }
      parts.append(.text(source.text(exprStart, i), SourceRange(location(of: exprStart), location(of: i))))
    }
    if i < end && bytes[i] == UInt8(ascii: "!") {
      i += 1
      guard i < end, bytes[i] == UInt8(ascii: "s") || bytes[i] == UInt8(ascii: "r") || bytes[i] == UInt8(ascii: "a")
      else {
        if version >= .v3_12, i < end, bytes[i] != UInt8(ascii: "}"), bytes[i] != UInt8(ascii: ":") {
          throw fStringError(
            "f-string: invalid conversion character '\(source.text(i, i + 1))': expected 's', 'r', or 'a'", at: i,
            token: token)
        }
        if version >= .v3_12 { throw fStringError("f-string: missing conversion character", at: i, token: token) }
        throw fStringError("f-string: invalid conversion character: expected 's', 'r', or 'a'", at: i, token: token)
      }
      conversion = Int(bytes[i])
      i += 1
    }
    var spec: Expr?
    if i < end && bytes[i] == UInt8(ascii: ":") {
      let specStart = location(of: i)
      i += 1
      var specParts: [StringPart] = []
      let closed = try parseFStringPiece(
        &i, end: end, raw: raw, token: token, inSpec: true, depth: depth, into: &specParts)
      if !closed { throw fStringError("f-string: expecting '}'", at: i, token: token) }
      let specRange = SourceRange(specStart, location(of: i))
      var values = Parser.joinParts(specParts, range: specRange)
      if version == .v3_12, case .formattedValue = values.last?.kind {
        // 3.12.1 ends a spec that ends with a field with an empty string.
        values.append(Expr(.constant(value: .str(""), kind: nil), SourceRange(specRange.end, specRange.end)))
      }
      spec = Expr(.joinedStr(values: values), specRange)
    }
    guard i < end, bytes[i] == UInt8(ascii: "}") else {
      if version >= .v3_12 && debug && conversion == -1 && spec == nil {
        throw fStringError("f-string: expecting '!', or ':', or '}'", at: i, token: token)
      }
      throw fStringError("f-string: expecting '}'", at: i, token: token)
    }
    i += 1
    if debug && conversion == -1 && spec == nil { conversion = Int(UInt8(ascii: "r")) }
    let fieldRange = SourceRange(braceLocation, location(of: i))
    parts.append(.field(Expr(.formattedValue(value: value, conversion: conversion, formatSpec: spec), fieldRange)))
  }

  func isIdentifierByte(_ c: UInt8) -> Bool {
    (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
      || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || c == UInt8(ascii: "_") || c >= 0x80
  }

  static func hashOnlyInStrings(_ text: ArraySlice<UInt8>) -> Bool {
    var quote: UInt8 = 0
    for c in text {
      if quote != 0 {
        if c == quote { quote = 0 }
      } else if c == UInt8(ascii: "'") || c == UInt8(ascii: "\"") {
        quote = c
      } else if c == UInt8(ascii: "#") {
        return false
      }
    }
    return true
  }

  /// Finds where a field's expression ends: at `=`, `!`, `:` or `}` outside brackets and strings.
  func scanFieldExpression(_ i: inout Int, end: Int, token: Token) throws(PythonSyntaxError) -> Int {
    let bytes = source.bytes
    // The brackets open in the expression, innermost last: a closing one that does not match is
    // reported as CPython reports it (from its f-string scanner before 3.12, its tokenizer after).
    var opened: [UInt8] = []
    var nesting: Int { opened.count }
    func mismatch(_ closing: UInt8) -> PythonSyntaxError {
      let text =
        "closing parenthesis '\(Character(Unicode.Scalar(closing)))' does not match opening parenthesis "
        + "'\(Character(Unicode.Scalar(opened.last!)))'"
      return fStringError(version < .v3_12 ? "f-string: " + text : text, at: i, token: token)
    }
    while i < end {
      let c = bytes[i]
      switch c {
      case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
        opened.append(c)
      case UInt8(ascii: ")"), UInt8(ascii: "]"):
        guard let last = opened.last else {
          throw fStringError("f-string: unmatched '\(Character(Unicode.Scalar(c)))'", at: i, token: token)
        }
        if last != (c == UInt8(ascii: ")") ? UInt8(ascii: "(") : UInt8(ascii: "[")) { throw mismatch(c) }
        opened.removeLast()
      case UInt8(ascii: "}"):
        guard let last = opened.last else { return i }
        if last != UInt8(ascii: "{") { throw mismatch(c) }
        opened.removeLast()
      case UInt8(ascii: "'"), UInt8(ascii: "\""):
        // A string inside the field: skip it (with its own fields, from 3.12).
        var prefixStart = i
        while prefixStart > 0 && Lexer.isStringPrefix(bytes[(prefixStart - 1)..<i])
          && isIdentifierByte(bytes[prefixStart - 1])
        {
          prefixStart -= 1
        }
        var lexer = Lexer(
          source: source, version: version, range: i..<end, line: lineOf(i), lineStart: source.lineStart(before: i))
        lexer.stack = stack
        lexer.position = prefixStart
        do throws(PythonSyntaxError) {
          try lexer.nestedString(prefixStart: prefixStart)
        } catch {
          if error.kind == .memoryError || error.message == "too many nested f-strings" { throw error }
          throw fStringError(version < .v3_12 ? "f-string: unterminated string" : "f-string: expecting '}'", at: i, token: token)
        }
        i = lexer.position
        continue
      case UInt8(ascii: "="):
        if nesting == 0 {
          let next: UInt8 = i + 1 < end ? bytes[i + 1] : 0
          let prev = i > 0 ? bytes[i - 1] : 0
          if next != UInt8(ascii: "=") && prev != UInt8(ascii: "=") && prev != UInt8(ascii: "!")
            && prev != UInt8(ascii: "<")
            && prev != UInt8(ascii: ">")
          {
            return i
          }
          if next == UInt8(ascii: "=") { i += 1 }
        }
      case UInt8(ascii: "!"):
        if nesting == 0 && (i + 1 >= end || bytes[i + 1] != UInt8(ascii: "=")) { return i }
        if i + 1 < end && bytes[i + 1] == UInt8(ascii: "=") { i += 1 }
      case UInt8(ascii: ":"):
        if nesting == 0 { return i }
      default:
        break
      }
      i += 1
    }
    if version < .v3_12, let last = opened.last {
      throw fStringError("f-string: unmatched '\(Character(Unicode.Scalar(last)))'", at: i, token: token)
    }
    return i
  }

  /// Parses a field's expression in place, as if in parentheses.
  func parseEmbeddedExpression(_ range: Range<Int>, token: Token) throws(PythonSyntaxError) -> Expr {
    let line = lineOf(range.lowerBound)
    var lexer = Lexer(
      source: source, version: version, range: range, line: line, lineStart: source.lineStart(before: range.lowerBound))
    lexer.stack = stack
    var parser: Parser
    do throws(PythonSyntaxError) {
      parser = try Parser(source: source, version: version, lexer: lexer)
    } catch {
      throw fieldError(error, fromTokenizer: true, range: range)
    }
    parser.depth = depth
    parser.stack = stack
    parser.notes = notes
    do throws(PythonSyntaxError) {
      let value = parser.kind == .kwYield ? try parser.parseYield() : try parser.parseStarExpressions()
      if parser.kind != .endMarker {
        if version >= .v3_12 && !(isExpressionStart(parser.kind) && parser.kind != .star && parser.kind != .minus) {
          throw parser.error("f-string: expecting '=', or '!', or ':', or '}'", at: parser.token)
        }
        throw parser.missingCommaOrInvalid()
      }
      return value
    } catch {
      throw fieldError(error, fromTokenizer: error == parser.pendingError, range: range)
    }
  }

  /// How each version reports an error inside a replacement field. Before 3.12 CPython parsed the
  /// field's text alone, in parentheses: positions count from that text's `(` (line 1), and the
  /// parser's messages (not the tokenizer's) start with `f-string: `. From 3.12 the field is part
  /// of the file: positions are real, and a generic failure says what may follow an expression.
  func fieldError(_ error: PythonSyntaxError, fromTokenizer: Bool, range: Range<Int>) -> PythonSyntaxError {
    var e = error
    guard e.kind == .syntaxError else { return e }
    if version >= .v3_12 {
      if !fromTokenizer && e.message == "invalid syntax" {
        e.message = "f-string: expecting '=', or '!', or ':', or '}'"
      }
      return e
    }
    if !fromTokenizer && !e.message.hasPrefix("f-string") { e.message = "f-string: " + e.message }
    let start = source.lineStart(before: range.lowerBound)
    let startColumn = source.characterOffset(of: range.lowerBound, lineStart: start) - 1
    let startLine = lineOf(range.lowerBound)
    if e.line == startLine { e.offset = e.offset - startColumn + 1 }
    e.line = e.line - startLine + 1
    return e
  }
}

extension PythonSyntaxError {
  func withOffset(_ change: (Int) -> Int) -> PythonSyntaxError {
    var e = self
    e.offset = change(offset)
    return e
  }
}
