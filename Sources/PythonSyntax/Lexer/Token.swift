/// One token of the source: its kind and where its bytes are.
struct Token: Sendable {
  var kind: TokenKind
  /// Byte offsets of the token's text in the source.
  var start: Int
  var end: Int
  /// 1-based line and 0-based byte column of the start.
  var line: Int
  var column: Int
  /// Line and byte column just past the end.
  var endLine: Int
  var endColumn: Int

  var startLocation: SourceLocation { SourceLocation(line: line, column: column) }
  var endLocation: SourceLocation { SourceLocation(line: endLine, column: endColumn) }
}

/// What a token is. Keywords are their own kinds; soft keywords (`match`, `case`, `type`, `_`) are names.
enum TokenKind: UInt8, Sendable {
  case name, number, string, newline, indent, dedent, endMarker
  /// A character the tokenizer cannot place (`$`, `?`, a stray `!`): the parser reports it.
  case errorToken
  /// Where the tokenizer failed: the parser raises the tokenizer's error on reaching it.
  case lexerError
  // Brackets
  case lpar, rpar, lsqb, rsqb, lbrace, rbrace
  // Operators and delimiters
  case colon, comma, semi, plus, minus, star, slash, vbar, amper, less, greater, equal, dot, percent
  case eqEqual, notEqual, lessEqual, greaterEqual, tilde, circumflex, leftShift, rightShift, doubleStar
  case plusEqual, minEqual, starEqual, slashEqual, percentEqual, amperEqual, vbarEqual, circumflexEqual
  case leftShiftEqual, rightShiftEqual, doubleStarEqual, doubleSlash, doubleSlashEqual, at, atEqual
  case rarrow, ellipsis, colonEqual, exclamation
  // Keywords
  case kwFalse, kwNone, kwTrue, kwAnd, kwAs, kwAssert, kwAsync, kwAwait, kwBreak, kwClass, kwContinue
  case kwDef, kwDel, kwElif, kwElse, kwExcept, kwFinally, kwFor, kwFrom, kwGlobal, kwIf, kwImport, kwIn
  case kwIs, kwLambda, kwNonlocal, kwNot, kwOr, kwPass, kwRaise, kwReturn, kwTry, kwWhile, kwWith, kwYield

  static let keywords: [String: TokenKind] = [
    "False": .kwFalse, "None": .kwNone, "True": .kwTrue, "and": .kwAnd, "as": .kwAs, "assert": .kwAssert,
    "async": .kwAsync, "await": .kwAwait, "break": .kwBreak, "class": .kwClass, "continue": .kwContinue,
    "def": .kwDef, "del": .kwDel, "elif": .kwElif, "else": .kwElse, "except": .kwExcept, "finally": .kwFinally,
    "for": .kwFor, "from": .kwFrom, "global": .kwGlobal, "if": .kwIf, "import": .kwImport, "in": .kwIn,
    "is": .kwIs, "lambda": .kwLambda, "nonlocal": .kwNonlocal, "not": .kwNot, "or": .kwOr, "pass": .kwPass,
    "raise": .kwRaise, "return": .kwReturn, "try": .kwTry, "while": .kwWhile, "with": .kwWith, "yield": .kwYield,
  ]

  var isKeyword: Bool { rawValue >= TokenKind.kwFalse.rawValue }

  /// The keyword spelled by `name`, if it is one, without making a `String` (names are the
  /// commonest token, and this runs for each).
  static func keyword(_ name: ArraySlice<UInt8>) -> TokenKind? {
    guard let first = name.first, first >= UInt8(ascii: "F"), first <= UInt8(ascii: "y") else { return nil }
    if first <= UInt8(ascii: "T") && first != UInt8(ascii: "F") && first != UInt8(ascii: "N")
      && first != UInt8(ascii: "T")
    {
      return nil
    }
    for (spelling, kind) in keywordTable[name.count] where spelling.elementsEqual(name) {
      return kind
    }
    return nil
  }

  /// The keywords by length, as bytes.
  static let keywordTable: [[([UInt8], TokenKind)]] = {
    var table = [[([UInt8], TokenKind)]](repeating: [], count: 9)
    for (spelling, kind) in keywords { table[spelling.utf8.count].append((Array(spelling.utf8), kind)) }
    return table
  }()
}
