extension Lexer {
  /// A number literal: decimal, `0x`, `0o`, `0b`, float, exponent, imaginary, with `_` between digits.
  ///
  /// The token keeps the text; the parser turns it into a ``Constant``.
  mutating func number() throws(PythonSyntaxError) {
    let start = position
    let column = position - lineStart
    func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
    func isHex(_ c: UInt8) -> Bool { isDigit(c) || (c | 0x20 >= UInt8(ascii: "a") && c | 0x20 <= UInt8(ascii: "f")) }
    /// Digits with single underscores between them.
    func digits(_ valid: (UInt8) -> Bool, _ kind: String) throws(PythonSyntaxError) {
      while true {
        while position < end && valid(peek()) { position += 1 }
        if peek() == UInt8(ascii: "_") {
          position += 1
          if !valid(peek()) { throw error("invalid \(kind) literal", at: position - 1) }
        } else {
          return
        }
      }
    }
    let c = peek()
    if c == UInt8(ascii: "0")
      && (peek(1) | 0x20 == UInt8(ascii: "x") || peek(1) | 0x20 == UInt8(ascii: "o")
        || peek(1) | 0x20 == UInt8(ascii: "b"))
    {
      let base = peek(1) | 0x20
      position += 2
      if peek() == UInt8(ascii: "_") { position += 1 }
      switch base {
      case UInt8(ascii: "x"):
        if !isHex(peek()) { throw error("invalid hexadecimal literal", at: position - 1) }
        try digits(isHex, "hexadecimal")
      case UInt8(ascii: "o"):
        if !isDigit(peek()) || peek() >= UInt8(ascii: "8") {
          if isDigit(peek()) {
            throw error("invalid digit '\(Character(Unicode.Scalar(peek())))' in octal literal", at: position)
          }
          throw error("invalid octal literal", at: position - 1)
        }
        try digits({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "7") }, "octal")
        if isDigit(peek()) {
          throw error("invalid digit '\(Character(Unicode.Scalar(peek())))' in octal literal", at: position)
        }
      default:
        if !(peek() == UInt8(ascii: "0") || peek() == UInt8(ascii: "1")) {
          if isDigit(peek()) {
            throw error("invalid digit '\(Character(Unicode.Scalar(peek())))' in binary literal", at: position)
          }
          throw error("invalid binary literal", at: position - 1)
        }
        try digits({ $0 == UInt8(ascii: "0") || $0 == UInt8(ascii: "1") }, "binary")
        if isDigit(peek()) {
          throw error("invalid digit '\(Character(Unicode.Scalar(peek())))' in binary literal", at: position)
        }
      }
      try endOfNumber(start, baseName(base))
      add(.number, from: start, line: line, column: column)
      return
    }
    var isFloat = false
    if c != UInt8(ascii: ".") { try digits(isDigit, "decimal") }
    if peek() == UInt8(ascii: ".") {
      isFloat = true
      position += 1
      if isDigit(peek()) { try digits(isDigit, "decimal") }
    }
    if peek() | 0x20 == UInt8(ascii: "e") {
      position += 1
      if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { position += 1 }
      if isDigit(peek()) {
        isFloat = true
        try digits(isDigit, "decimal")
      } else {
        throw error("invalid decimal literal", at: position)
      }
    }
    if peek() | 0x20 == UInt8(ascii: "j") {
      position += 1
      isFloat = true
    }
    if !isFloat && bytes[start] == UInt8(ascii: "0") {
      // `00` is fine, `01` is not.
      var i = start
      while i < position && (bytes[i] == UInt8(ascii: "0") || bytes[i] == UInt8(ascii: "_")) { i += 1 }
      if i < position {
        throw error(
          "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", at: start)
      }
    }
    try endOfNumber(start, isFloat && peek(-1) | 0x20 == UInt8(ascii: "j") ? "imaginary" : "decimal")
    add(.number, from: start, line: line, column: column)
  }

  func baseName(_ base: UInt8) -> String {
    base == UInt8(ascii: "x") ? "hexadecimal" : base == UInt8(ascii: "o") ? "octal" : "binary"
  }

  /// A number directly followed by a name is an error, except before a keyword (`1if x else y`).
  func endOfNumber(_ start: Int, _ kind: String) throws(PythonSyntaxError) {
    let c = peek()
    guard isIdentifierStart(c) else { return }
    for keyword in ["and", "else", "for", "if", "in", "is", "not", "or"] {
      let k = Array(keyword.utf8)
      if position + k.count <= end && Array(bytes[position..<position + k.count]) == k { return }
    }
    throw error("invalid \(kind) literal", at: start)
  }
}
