import AsyncioModel

/// A piece of a string literal: text, or an f-string's replacement field.
enum StringPart {
  /// Text, and where it stands (`nil`: the whole literal).
  case text(String, SourceRange?)
  case field(Expr)
}

extension Parser {
  /// A number token's value. Integers of any size are kept as decimal digits.
  func numberConstant(_ t: Token) throws(PythonSyntaxError) -> Constant {
    var digits: [UInt8] = []
    digits.reserveCapacity(t.end - t.start)
    for i in t.start..<t.end where source.bytes[i] != UInt8(ascii: "_") { digits.append(source.bytes[i]) }
    let last = digits[digits.count - 1] | 0x20
    if last == UInt8(ascii: "j") {
      return .complex(imag: Parser.double(digits.dropLast()))
    }
    if digits.count > 1 && digits[0] == UInt8(ascii: "0") {
      let base: Int? =
        switch digits[1] | 0x20 {
        case UInt8(ascii: "x"): 16
        case UInt8(ascii: "o"): 8
        case UInt8(ascii: "b"): 2
        default: nil
        }
      if let base { return .int(Parser.decimal(digits.dropFirst(2), base: base)) }
    }
    if digits.contains(UInt8(ascii: ".")) || digits.contains(UInt8(ascii: "e")) || digits.contains(UInt8(ascii: "E")) {
      return .float(Parser.double(digits[...]))
    }
    // CPython's limit on decimal conversion (3.10.7 and later): a longer literal is a SyntaxError.
    if digits.count > Parser.maximumDecimalDigits, digits.contains(where: { $0 != UInt8(ascii: "0") }) {
      // CPython gives it no column (offset 0).
      throw PythonSyntaxError(
        .syntaxError,
        "Exceeds the limit (\(Parser.maximumDecimalDigits)\(version >= .v3_11 ? " digits" : "")) for integer string "
          + "conversion: value has \(digits.count) digits; use sys.set_int_max_str_digits() to increase the limit "
          + "- Consider hexadecimal for huge integer literals to avoid decimal conversion limits.", line: t.line, offset: 0)
    }
    var i = 0
    while i < digits.count - 1 && digits[i] == UInt8(ascii: "0") { i += 1 }
    return .int(String(decoding: digits[i...], as: UTF8.self))
  }

  /// `sys.get_int_max_str_digits()`'s default.
  static let maximumDecimalDigits = 4_300

  static func double(_ digits: ArraySlice<UInt8>) -> Double {
    // Swift wants a digit on both sides of the point: `5.` and `.5` and `1.e3` are Python's.
    var normalized: [UInt8] = []
    normalized.reserveCapacity(digits.count + 2)
    var previous: UInt8 = 0
    for c in digits {
      if c == UInt8(ascii: ".") && !(previous >= UInt8(ascii: "0") && previous <= UInt8(ascii: "9")) {
        normalized.append(UInt8(ascii: "0"))
      }
      if previous == UInt8(ascii: ".") && !(c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) {
        normalized.append(UInt8(ascii: "0"))
      }
      normalized.append(c)
      previous = c
    }
    if previous == UInt8(ascii: ".") { normalized.append(UInt8(ascii: "0")) }
    return Double(String(decoding: normalized, as: UTF8.self)) ?? .infinity
  }

  /// Converts digits in `base` to decimal digits, for integers of any size.
  static func decimal(_ digits: ArraySlice<UInt8>, base: Int) -> String {
    // Little-endian limbs of 10^9.
    var limbs: [UInt64] = [0]
    for c in digits {
      let d: UInt64 =
        c <= UInt8(ascii: "9") ? UInt64(c - UInt8(ascii: "0")) : UInt64((c | 0x20) - UInt8(ascii: "a") + 10)
      var carry = d
      for i in limbs.indices {
        let v = limbs[i] * UInt64(base) + carry
        limbs[i] = v % 1_000_000_000
        carry = v / 1_000_000_000
      }
      while carry > 0 {
        limbs.append(carry % 1_000_000_000)
        carry /= 1_000_000_000
      }
    }
    var text = String(limbs[limbs.count - 1])
    for limb in limbs.dropLast().reversed() {
      let s = String(limb)
      text += String(repeating: "0", count: 9 - s.count) + s
    }
    return text
  }

  /// Adjacent string literals, joined: a `Constant`, or a `JoinedStr` if any is an f-string.
  mutating func parseStrings() throws(PythonSyntaxError) -> Expr {
    let start = token
    var parts: [StringPart] = []
    var bytesValue: [UInt8] = []
    var sawBytes = false
    var sawText = false
    var sawF = false
    var isU = false
    var first = true
    while kind == .string {
      let t = try advance()
      var p = t.start
      var raw = false
      var isBytes = false
      var isF = false
      while source.bytes[p] != UInt8(ascii: "'") && source.bytes[p] != UInt8(ascii: "\"") {
        switch source.bytes[p] | 0x20 {
        case UInt8(ascii: "r"): raw = true
        case UInt8(ascii: "b"): isBytes = true
        case UInt8(ascii: "f"): isF = true
        case UInt8(ascii: "u"): if first && source.bytes[p] == UInt8(ascii: "u") { isU = true }
        default: break
        }
        p += 1
      }
      first = false
      let quote = source.bytes[p]
      let triple = p + 2 < t.end && source.bytes[p + 1] == quote && source.bytes[p + 2] == quote && t.end - p >= 6
      let q = triple ? 3 : 1
      let body = (p + q)..<(t.end - q)
      if isBytes { sawBytes = true } else { sawText = true }
      if sawBytes && sawText {
        while kind == .string { _ = try advance() }
        throw errorAt("cannot mix bytes and nonbytes literals", byte: previous.end, line: previous.endLine)
      }
      if isBytes {
        bytesValue += try decodeBytes(body, raw: raw, token: t)
      } else if isF {
        sawF = true
        try parseFString(body, raw: raw, token: t, into: &parts)
      } else {
        parts.append(.text(try decodeString(body, raw: raw, token: t), SourceRange(t.startLocation, t.endLocation)))
      }
    }
    if sawBytes { return Expr(.constant(value: .bytes(bytesValue), kind: nil), range(from: start)) }
    let r = range(from: start)
    if !sawF {
      var text = ""
      for case .text(let s, _) in parts { text += s }
      return Expr(.constant(value: .str(text), kind: isU ? "u" : nil), r)
    }
    var values = Parser.joinParts(parts, range: r)
    if version < .v3_12 {
      // Before 3.12 the pieces of an f-string, and their format specs, stand where the whole
      // literal stands; only the expressions inside have their own positions.
      values = values.map { Parser.placed($0, at: r) }
    }
    return Expr(.joinedStr(values: values), r)
  }

  /// An f-string piece moved to `range`, with its format spec's pieces (3.10 and 3.11 positions).
  static func placed(_ piece: Expr, at range: SourceRange) -> Expr {
    var piece = piece
    piece.range = range
    if case .formattedValue(let value, let conversion, let spec?) = piece.kind, case .joinedStr(let values) = spec.kind
    {
      var placedSpec = spec
      placedSpec.range = range
      placedSpec.kind = .joinedStr(values: values.map { placed($0, at: range) })
      piece.kind = .formattedValue(value: value, conversion: conversion, formatSpec: placedSpec)
    }
    return piece
  }

  /// Merges adjacent text and drops empty text, as CPython builds a `JoinedStr`'s values.
  static func joinParts(_ parts: [StringPart], range: SourceRange) -> [Expr] {
    var values: [Expr] = []
    var pending = ""
    var pendingRange: SourceRange?
    for part in parts {
      switch part {
      case .text(let s, let r):
        pending += s
        if let r { pendingRange = SourceRange(pendingRange?.start ?? r.start, r.end) }
      case .field(let e):
        if !pending.isEmpty { values.append(Expr(.constant(value: .str(pending), kind: nil), pendingRange ?? range)) }
        pending = ""
        pendingRange = nil
        values.append(e)
      }
    }
    if !pending.isEmpty { values.append(Expr(.constant(value: .str(pending), kind: nil), pendingRange ?? range)) }
    return values
  }

  /// A `str` literal's text with its escapes decoded (none for a raw string).
  func decodeString(_ body: Range<Int>, raw: Bool, token: Token) throws(PythonSyntaxError) -> String {
    let bytes = source.bytes
    if raw || !bytes[body].contains(UInt8(ascii: "\\")) { return source.text(body.lowerBound, body.upperBound) }
    var out: [UInt8] = []
    out.reserveCapacity(body.count)
    var i = body.lowerBound
    var noted = false
    while i < body.upperBound {
      let c = bytes[i]
      if c != UInt8(ascii: "\\") {
        out.append(c)
        i += 1
        continue
      }
      if !noted { noted = noteInvalidEscape(at: i, end: body.upperBound, bytesLiteral: false, token: token) }
      i = try decodeEscape(at: i, end: body.upperBound, into: &out, bytesLiteral: false, token: token)
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// A `bytes` literal's value; only ASCII characters may appear in it.
  func decodeBytes(_ body: Range<Int>, raw: Bool, token: Token) throws(PythonSyntaxError) -> [UInt8] {
    let bytes = source.bytes
    var noted = false
    var out: [UInt8] = []
    var i = body.lowerBound
    while i < body.upperBound {
      let c = bytes[i]
      if c >= 0x80 {
        if version < .v3_11 {
          throw errorAt("bytes can only contain ASCII literal characters", byte: token.end, line: token.endLine)
        }
        throw error("bytes can only contain ASCII literal characters", at: token)
      }
      if c != UInt8(ascii: "\\") || raw {
        out.append(c)
        i += 1
        continue
      }
      if !noted { noted = noteInvalidEscape(at: i, end: body.upperBound, bytesLiteral: true, token: token) }
      i = try decodeEscape(at: i, end: body.upperBound, into: &out, bytesLiteral: true, token: token)
    }
    return out
  }

  /// Notes the backslash at `start` if it starts no escape (CPython's "invalid escape sequence");
  /// returns whether it did.
  func noteInvalidEscape(at start: Int, end: Int, bytesLiteral: Bool, token: Token) -> Bool {
    let bytes = source.bytes
    guard start + 1 < end else { return false }
    let c = bytes[start + 1]
    switch c {
    case UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\\"), UInt8(ascii: "'"), UInt8(ascii: "\""),
      UInt8(ascii: "a"), UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"),
      UInt8(ascii: "v"), UInt8(ascii: "x"), UInt8(ascii: "0")...UInt8(ascii: "7"):
      return false
    case UInt8(ascii: "N"), UInt8(ascii: "u"), UInt8(ascii: "U"):
      if !bytesLiteral { return false }
    default:
      break
    }
    // The escape as CPython quotes it: the backslash and the character after it.
    var after = start + 2
    while after < end, bytes[after] & 0xC0 == 0x80 { after += 1 }
    let escape = "\\" + String(decoding: bytes[(start + 1)..<after], as: UTF8.self)
    notes.invalidEscapes.append(InvalidEscape(line: token.line, escape: escape))
    return true
  }

  /// Decodes the escape at `i` (a backslash) into `out`; returns the index after it.
  func decodeEscape(at start: Int, end: Int, into out: inout [UInt8], bytesLiteral: Bool, token: Token)
    throws(PythonSyntaxError) -> Int
  {
    let bytes = source.bytes
    var i = start + 1
    guard i < end else {
      out.append(UInt8(ascii: "\\"))
      return i
    }
    let c = bytes[i]
    i += 1
    func append(scalar value: UInt32) {
      if bytesLiteral {
        out.append(UInt8(truncatingIfNeeded: value))
      } else if let s = Unicode.Scalar(value) {
        out.append(contentsOf: Array(String(Character(s)).utf8))
      } else {
        out.append(contentsOf: [0xEF, 0xBF, 0xBD])
      }
    }
    func hex(_ count: Int, _ what: String) throws(PythonSyntaxError) -> UInt32 {
      var value: UInt32 = 0
      for k in 0..<count {
        guard i + k < end, let d = Parser.hexValue(bytes[i + k]) else {
          let message =
            bytesLiteral
            ? "(value error) invalid \\x escape at position \(start - tokenBodyStart(token))"
            : "(unicode error) 'unicodeescape' codec can't decode bytes in position \(start - tokenBodyStart(token))-\(i + k - 1 - tokenBodyStart(token)): truncated \(what) escape"
          throw error(message, at: token)
        }
        value = value * 16 + d
      }
      i += count
      return value
    }
    switch c {
    case UInt8(ascii: "\n"): break
    case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
    case UInt8(ascii: "'"): out.append(UInt8(ascii: "'"))
    case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
    case UInt8(ascii: "a"): out.append(7)
    case UInt8(ascii: "b"): out.append(8)
    case UInt8(ascii: "f"): out.append(12)
    case UInt8(ascii: "n"): out.append(10)
    case UInt8(ascii: "r"): out.append(13)
    case UInt8(ascii: "t"): out.append(9)
    case UInt8(ascii: "v"): out.append(11)
    case UInt8(ascii: "0")...UInt8(ascii: "7"):
      var value = UInt32(c - UInt8(ascii: "0"))
      var n = 1
      while n < 3 && i < end && bytes[i] >= UInt8(ascii: "0") && bytes[i] <= UInt8(ascii: "7") {
        value = value * 8 + UInt32(bytes[i] - UInt8(ascii: "0"))
        i += 1
        n += 1
      }
      append(scalar: value)
    case UInt8(ascii: "x"):
      append(scalar: try hex(2, "\\xXX"))
    case UInt8(ascii: "u") where !bytesLiteral:
      append(scalar: try hex(4, "\\uXXXX"))
    case UInt8(ascii: "U") where !bytesLiteral:
      let value = try hex(8, "\\UXXXXXXXX")
      if value > 0x10FFFF {
        throw error(
          "(unicode error) 'unicodeescape' codec can't decode bytes in position \(start - tokenBodyStart(token))-\(i - 1 - tokenBodyStart(token)): illegal Unicode character",
          at: token)
      }
      append(scalar: value)
    case UInt8(ascii: "N") where !bytesLiteral:
      var close = i + 1
      while close < end && bytes[close] != UInt8(ascii: "}") { close += 1 }
      guard i < end, bytes[i] == UInt8(ascii: "{"), close < end,
        let scalar = Parser.scalar(named: source.text(i + 1, close))
      else {
        throw error(
          "(unicode error) 'unicodeescape' codec can't decode bytes in position \(start - tokenBodyStart(token))-\(min(close, end - 1) - tokenBodyStart(token)): unknown Unicode character name",
          at: token)
      }
      out.append(contentsOf: Array(String(Character(scalar)).utf8))
      i = close + 1
    default:
      // Not an escape: the backslash stays (CPython warns).
      out.append(UInt8(ascii: "\\"))
      i -= 1
    }
    return i
  }

  func tokenBodyStart(_ t: Token) -> Int {
    var p = t.start
    while source.bytes[p] != UInt8(ascii: "'") && source.bytes[p] != UInt8(ascii: "\"") { p += 1 }
    let quote = source.bytes[p]
    if p + 2 < t.end && source.bytes[p + 1] == quote && source.bytes[p + 2] == quote && t.end - p >= 6 { return p + 3 }
    return p + 1
  }

  static func hexValue(_ c: UInt8) -> UInt32? {
    switch c {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(c - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(c - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(c - UInt8(ascii: "A") + 10)
    default: nil
    }
  }

  /// The character a `\N{...}` escape names, searched in the Unicode name table (rare, so not indexed).
  static func scalar(named name: String) -> Unicode.Scalar? {
    let wanted = name.uppercased()
    for range in [0x20...0x3FFFF, 0xE0000...0xE01EF] {
      for value in range {
        guard let s = Unicode.Scalar(UInt32(value)) else { continue }
        if s.properties.name == wanted || s.properties.nameAlias == wanted { return s }
      }
    }
    return nil
  }
}
