/// A position in a Python source file: 1-based line and column.
public struct SourcePosition: Sendable, Hashable, Comparable, CustomStringConvertible {
  public var line: Int
  public var column: Int
  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }
  public var description: String { "\(line):\(column)" }
  public static func < (a: SourcePosition, b: SourcePosition) -> Bool { (a.line, a.column) < (b.line, b.column) }
}

/// Why a Python program cannot be read: where, the construct, and what `lesson` reads instead.
public struct PythonSyntaxError: Error, Sendable, Hashable {
  public var position: SourcePosition
  public var message: String
}

/// One token of Python source.
struct PythonToken: Sendable, Hashable {
  enum Kind: Sendable, Hashable {
    case name(String)
    case number(Double, text: String)
    /// A string literal; `isFormat` for f-strings, whose `value` is the raw text between the quotes.
    case string(String, isFormat: Bool)
    case op(String)
    case newline
    case indent
    case dedent
    case end
  }

  var kind: Kind
  var position: SourcePosition
}

/// Splits Python 3 source into tokens: indentation, comments (kept aside), strings with their
/// prefixes and triple quotes, numbers, names and operators, with implicit line joining inside
/// brackets and explicit joining with a backslash.
struct PythonTokenizer {
  static let maximumBracketDepth = 48

  private(set) var comments: [(SourcePosition, String)] = []
  private var text: [Unicode.Scalar] = []
  /// The source's bytes when it is all ASCII: then a scalar's index is its byte's index, and
  /// slices become strings without going scalar by scalar.
  private var ascii: [UInt8]?

  private func slice(_ range: Range<Int>) -> String {
    if let ascii { return String(decoding: ascii[range], as: UTF8.self) }
    return String(String.UnicodeScalarView(text[range]))
  }
  private var index = 0
  private var line = 1
  private var lineStart = 0

  private var position: SourcePosition { SourcePosition(line: line, column: index - lineStart + 1) }
  private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
    index + offset < text.count ? text[index + offset] : nil
  }

  private mutating func newline() {
    index += 1
    line += 1
    lineStart = index
  }

  mutating func tokenize(_ source: String) throws(PythonSyntaxError) -> [PythonToken] {
    let bytes = Array(source.utf8)
    if bytes.allSatisfy({ $0 < 0x80 }) {
      ascii = bytes
      text = bytes.map { Unicode.Scalar($0) }
    } else {
      text = Array(source.unicodeScalars)
    }
    var tokens: [PythonToken] = []
    var indents = [0]
    var brackets: [(scalar: Unicode.Scalar, position: SourcePosition)] = []
    var atLineStart = true
    while index < text.count {
      if atLineStart && brackets.isEmpty {
        // Measure the indentation of a line; blank and comment-only lines do not count.
        var width = 0
        while let scalar = peek(), scalar == " " || scalar == "\t" || scalar == "\u{0C}" {
          width = scalar == "\t" ? (width / 8 + 1) * 8 : width + 1
          index += 1
        }
        guard let scalar = peek() else { break }
        if scalar == "\n" {
          newline()
          continue
        }
        if scalar == "\r" || scalar == "#" {
          skipComment()
          continue
        }
        if width > indents.last! {
          indents.append(width)
          tokens.append(PythonToken(kind: .indent, position: position))
        } else {
          while width < indents.last! {
            indents.removeLast()
            tokens.append(PythonToken(kind: .dedent, position: position))
          }
          guard width == indents.last! else {
            throw PythonSyntaxError(position: position, message: "this line's indentation matches no outer block")
          }
        }
        atLineStart = false
      }
      guard let scalar = peek() else { break }
      let start = position
      switch scalar {
      case " ", "\t", "\r", "\u{0C}":
        index += 1
      case "\n":
        if brackets.isEmpty {
          tokens.append(PythonToken(kind: .newline, position: start))
          atLineStart = true
        }
        newline()
      case "#":
        skipComment()
      case "\\":
        guard peek(1) == "\n" || (peek(1) == "\r" && peek(2) == "\n") else {
          throw PythonSyntaxError(position: start, message: "a backslash outside a string")
        }
        if peek(1) == "\r" { index += 1 }
        index += 1
        newline()
      case "\"", "'":
        tokens.append(PythonToken(kind: .string(try readString(raw: false), isFormat: false), position: start))
      case "0"..."9":
        tokens.append(PythonToken(kind: try readNumber(), position: start))
      case "." where peek(1).map { ("0"..."9").contains($0) } ?? false:
        tokens.append(PythonToken(kind: try readNumber(), position: start))
      case _ where Self.startsName(scalar):
        var end = index
        while end < text.count, Self.continuesName(text[end]) { end += 1 }
        let word = slice(index..<end)
        // A string's prefix (r, b, f, u, in either case, up to two letters): only a short name
        // right before a quote can be one.
        let prefix: String? =
          end < text.count && (text[end] == "\"" || text[end] == "'") && end - index <= 2 ? word.lowercased() : nil
        if let lower = prefix, lower.allSatisfy({ $0 == "r" || $0 == "b" || $0 == "f" || $0 == "u" }) {
          index = end
          let value = try readString(raw: lower.contains("r" as Character))
          tokens.append(PythonToken(kind: .string(value, isFormat: lower.contains("f" as Character)), position: start))
        } else {
          tokens.append(PythonToken(kind: .name(word), position: start))
          index = end
        }
      default:
        let op: String
        if let length = Self.operatorLength(scalar, peek(1), peek(2)) {
          op = slice(index..<(index + length))
        } else {
          throw PythonSyntaxError(position: start, message: "the character '\(Character(scalar))' is not Python")
        }
        if scalar == "(" || scalar == "[" || scalar == "{" {
          brackets.append((scalar, start))
          if brackets.count > Self.maximumBracketDepth {
            throw PythonSyntaxError(
              position: start, message: "brackets nested deeper than \(Self.maximumBracketDepth) levels")
          }
        } else if scalar == ")" || scalar == "]" || scalar == "}" {
          let opening: Unicode.Scalar = scalar == ")" ? "(" : scalar == "]" ? "[" : "{"
          guard brackets.popLast()?.scalar == opening else {
            throw PythonSyntaxError(position: start, message: "'\(op)' closes nothing")
          }
        }
        tokens.append(PythonToken(kind: .op(op), position: start))
        index += op.utf8.count  // an operator is ASCII: one scalar a byte
      }
    }
    if let open = brackets.last {
      throw PythonSyntaxError(position: open.position, message: "this '\(Character(open.scalar))' is never closed")
    }
    if let last = tokens.last, last.kind != .newline, last.kind != .dedent {
      tokens.append(PythonToken(kind: .newline, position: position))
    }
    for _ in indents.dropFirst() { tokens.append(PythonToken(kind: .dedent, position: position)) }
    tokens.append(PythonToken(kind: .end, position: position))
    return tokens
  }

  /// How many scalars the operator starting with `first` (then `second`, `third`) takes: three
  /// (`**=`, `//=`, `...`, `>>=`, `<<=`), two (`==`, `->`, `+=`, `:=`, …) or one; `nil` when
  /// `first` starts no operator.
  static func operatorLength(_ first: Unicode.Scalar, _ second: Unicode.Scalar?, _ third: Unicode.Scalar?) -> Int? {
    switch first {
    case "*", "/":
      // `**=` `//=`, then `**` `//` `*=` `/=`.
      if second == first { return third == "=" ? 3 : 2 }
      return second == "=" ? 2 : 1
    case ">", "<":
      // `>>=` `<<=`, then `>=` `<=`; a lone `>>` is two operators here.
      if second == first, third == "=" { return 3 }
      return second == "=" ? 2 : 1
    case ".": return second == "." && third == "." ? 3 : 1
    case "=", "+", "%", "|", "&", ":": return second == "=" ? 2 : 1
    case "!": return second == "=" ? 2 : nil
    case "-": return second == ">" || second == "=" ? 2 : 1
    case "(", ")", "[", "]", "{", "}", ",", ";", "@", "^", "~": return 1
    default: return nil
    }
  }

  /// Whether a scalar can start a name: ASCII first, Unicode's XID_Start otherwise.
  static func startsName(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII {
      return scalar == "_" || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }
    return scalar.properties.isXIDStart
  }

  static func continuesName(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII {
      return scalar == "_" || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
        || ("0"..."9").contains(scalar)
    }
    return scalar.properties.isXIDContinue
  }

  private mutating func skipComment() {
    let start = position
    var end = index
    while end < text.count, text[end] != "\n" { end += 1 }
    if text.indices.contains(index), text[index] == "#" {
      comments.append((start, slice((index + 1)..<end)))
    }
    index = end
  }

  private mutating func readNumber() throws(PythonSyntaxError) -> PythonToken.Kind {
    let start = position
    var end = index
    while end < text.count {
      let scalar = text[end]
      let exponentSign =
        (scalar == "+" || scalar == "-") && end > index && (text[end - 1] == "e" || text[end - 1] == "E")
        && !(text[index] == "0" && end > index + 1 && (text[index + 1] == "x" || text[index + 1] == "X"))
      let letter =
        scalar.isASCII ? (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)) : scalar.properties.isAlphabetic
      guard letter || ("0"..."9").contains(scalar) || scalar == "." || scalar == "_" || exponentSign else { break }
      end += 1
    }
    let raw = String(slice(index..<end).filter { $0 != "_" })
    index = end
    let lower = raw.lowercased()
    if lower.hasPrefix("0x"), let value = Int(lower.dropFirst(2), radix: 16) {
      return .number(Double(value), text: raw)
    }
    if lower.hasPrefix("0o"), let value = Int(lower.dropFirst(2), radix: 8) { return .number(Double(value), text: raw) }
    if lower.hasPrefix("0b"), let value = Int(lower.dropFirst(2), radix: 2) { return .number(Double(value), text: raw) }
    guard let value = Double(raw), !lower.hasSuffix("j") else {
      throw PythonSyntaxError(position: start, message: "the number \(JSONValue.shortened(number: raw)) is not one lesson reads")
    }
    return .number(value, text: raw)
  }

  /// Reads a string literal starting at its quote.
  private mutating func readString(raw: Bool) throws(PythonSyntaxError) -> String {
    let start = position
    let quote = text[index]
    let triple = peek(1) == quote && peek(2) == quote
    index += triple ? 3 : 1
    if !triple, ascii != nil {
      // A one-line string without escapes: one slice.
      var end = index
      while end < text.count, text[end] != quote, text[end] != "\\", text[end] != "\n" { end += 1 }
      if end < text.count, text[end] == quote {
        let value = slice(index..<end)
        index = end + 1
        return value
      }
    }
    if triple, ascii != nil {
      // A triple-quoted string without escapes (a docstring): one slice, the lines counted.
      var end = index
      var lines: [Int] = []
      while end < text.count, text[end] != "\\",
        !(text[end] == quote && end + 2 < text.count && text[end + 1] == quote && text[end + 2] == quote)
      {
        if text[end] == "\n" { lines.append(end) }
        end += 1
      }
      if end + 2 < text.count, text[end] == quote {
        let value = slice(index..<end)
        for newlineAt in lines {
          index = newlineAt
          newline()
        }
        index = end + 3
        return value
      }
    }
    var value = String.UnicodeScalarView()
    while true {
      guard let scalar = peek() else {
        throw PythonSyntaxError(position: start, message: "this string is never closed")
      }
      if scalar == quote {
        if !triple {
          index += 1
          return String(value)
        }
        if peek(1) == quote && peek(2) == quote {
          index += 3
          return String(value)
        }
      }
      if scalar == "\n" {
        guard triple else { throw PythonSyntaxError(position: start, message: "this string is never closed") }
        value.append("\n")
        newline()
        continue
      }
      if scalar == "\\", !raw, let next = peek(1) {
        switch next {
        case "n": value.append("\n")
        case "t": value.append("\t")
        case "\\": value.append("\\")
        case "'": value.append("'")
        case "\"": value.append("\"")
        case "\n":
          index += 1
          newline()
          continue
        default:
          value.append("\\")
          value.append(next)
        }
        index += 2
        continue
      }
      value.append(scalar)
      index += 1
    }
  }
}
