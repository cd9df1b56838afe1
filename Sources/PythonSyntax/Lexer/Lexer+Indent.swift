extension Lexer {
  /// Measures the indentation at the start of a logical line and emits INDENT or DEDENTs.
  ///
  /// Lines holding only whitespace or a comment are skipped whole (returns `false`), as in CPython.
  /// A tab moves to the next multiple of 8; a second measure with tabs counted as 1 catches
  /// inconsistent use of tabs and spaces (`TabError`).
  mutating func indentation() throws(PythonSyntaxError) -> Bool {
    var column = 0
    var altColumn = 0
    let start = position
    while position < end {
      let c = peek()
      if c == UInt8(ascii: " ") {
        column += 1
        altColumn += 1
      } else if c == UInt8(ascii: "\t") {
        column = (column / 8 + 1) * 8
        altColumn += 1
      } else if c == 0x0C {
        column = 0
        altColumn = 0
      } else {
        break
      }
      position += 1
    }
    let c = peek()
    if position >= end {
      return true
    }
    if c == UInt8(ascii: "#") || c == UInt8(ascii: "\n") || c == UInt8(ascii: "\r") {
      // A blank line or a comment line: no NEWLINE, no indentation change.
      while position < end && peek() != UInt8(ascii: "\n") && peek() != UInt8(ascii: "\r") { position += 1 }
      if position < end { newLine() }
      atLineStart = true
      return false
    }
    if c == UInt8(ascii: "\\") {
      // A line that starts with a backslash leaves the indentation alone, as in CPython.
      return true
    }
    let top = indents[indents.count - 1]
    if column == top {
      if altColumn != altIndents[altIndents.count - 1] { throw tabError(start) }
    } else if column > top {
      if indents.count >= Lexer.maxIndentDepth {
        throw error("too many levels of indentation", at: position, kind: .indentationError)
      }
      if altColumn <= altIndents[altIndents.count - 1] { throw tabError(start) }
      indents.append(column)
      altIndents.append(altColumn)
      tokens.append(
        Token(
          kind: .indent, start: start, end: position, line: line, column: 0,
          endLine: line, endColumn: position - lineStart))
    } else {
      // CPython's tokenizer fails before it hands out any DEDENT when the new column matches
      // no enclosing level.
      var levels = indents.count
      while levels > 1 && column < indents[levels - 1] { levels -= 1 }
      if column != indents[levels - 1] {
        var lineEnd = position
        while lineEnd < end && bytes[lineEnd] != UInt8(ascii: "\n") && bytes[lineEnd] != UInt8(ascii: "\r") {
          lineEnd += 1
        }
        throw error("unindent does not match any outer indentation level", at: lineEnd, kind: .indentationError)
      }
      while indents.count > levels {
        indents.removeLast()
        altIndents.removeLast()
        tokens.append(
          Token(
            kind: .dedent, start: position, end: position, line: line, column: position - lineStart,
            endLine: line, endColumn: position - lineStart))
      }
      if altColumn != altIndents[altIndents.count - 1] { throw tabError(start) }
    }
    return true
  }

  func tabError(_ lineStartOffset: Int) -> PythonSyntaxError {
    error("inconsistent use of tabs and spaces in indentation", at: lineStartOffset, kind: .tabError)
  }
}
