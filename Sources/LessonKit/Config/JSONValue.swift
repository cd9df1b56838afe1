import GuardedGather

/// A parsed JSON value that remembers where it was in the text, for messages a learner can act on.
public enum JSONValue: Sendable, Hashable {
  case null
  case bool(Bool)
  /// A number with the text it was written as.
  case number(Double, text: String)
  case string(String)
  case array([JSONValue])
  /// Members in the order they were written.
  case object([JSONMember])

  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): true
    case (.bool(let a), .bool(let b)): a == b
    case (.number(let a, _), .number(let b, _)): a == b
    case (.string(let a), .string(let b)): a == b
    case (.array(let a), .array(let b)): a == b
    case (.object(let a), .object(let b)): a.map(\.key) == b.map(\.key) && a.map(\.value) == b.map(\.value)
    default: false
    }
  }

  public func hash(into hasher: inout Hasher) {
    switch self {
    case .null: hasher.combine(0)
    case .bool(let b): hasher.combine(b)
    case .number(let n, _): hasher.combine(n)
    case .string(let s): hasher.combine(s)
    case .array(let a): hasher.combine(a)
    case .object(let o):
      for member in o {
        hasher.combine(member.key)
        hasher.combine(member.value)
      }
    }
  }

  /// What a learner would call this kind of value, for "expected X, found Y" messages.
  public var kindDescription: String {
    switch self {
    case .null: "null"
    case .bool(let b): b ? "true" : "false"
    case .number(_, let text): "the number \(JSONValue.shortened(number: text))"
    case .string(let s): "the string \"\(s.count > 30 ? String(s.prefix(30)) + "…" : s)\""
    case .array: "a list"
    case .object: "an object"
    }
  }

  /// A number's text as a message shows it: in full up to 30 characters, else its start and
  /// its length (a message stays one line).
  static func shortened(number text: String) -> String {
    text.count > 30 ? "\(text.prefix(20))… (\(text.count) characters)" : text
  }

  /// The member named `key` of an object.
  public subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members.first(where: { $0.key == key })?.value
  }
}

/// One member of a JSON object. (A struct rather than a `(key, value)` tuple: an array of tuples
/// is destroyed by the runtime's generic code, an element at a time, a tenth of reading a large
/// configuration.)
public struct JSONMember: Sendable, Hashable {
  public var key: String
  public var value: JSONValue

  public init(key: String, value: JSONValue) {
    self.key = key
    self.value = value
  }
}

/// A syntax error in JSON text, with its 1-based line and column.
public struct JSONSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
  public var line: Int
  public var column: Int
  public var message: String

  public init(line: Int, column: Int, message: String) {
    self.line = line
    self.column = column
    self.message = message
  }

  public var description: String { "line \(line), column \(column): \(message)" }
}

/// A strict JSON parser (RFC 8259) with limits, so hostile input fails fast and clearly.
public struct JSONReader {
  /// The deepest nesting accepted. The default is 64.
  public var maximumDepth = 64

  public init() {}

  /// Parses `bytes` as one JSON document.
  ///
  /// - Throws: ``JSONSyntaxError`` for anything that is not valid JSON: invalid UTF-8, trailing
  ///   text, a duplicate key, nesting deeper than ``maximumDepth``.
  public func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
    try parse(bytes, member: nil)
  }

  /// Parses `bytes`, offering the value of the top-level object's member `key` to `read` first.
  ///
  /// `read` gets the text and the index where the value starts, and returns the index just past
  /// it when it took the value (the member then holds an empty list in the result), or `nil` to
  /// leave the value to this reader. What `read` takes must be valid JSON.
  func parse(
    _ bytes: [UInt8], member key: String, readBy read: @escaping (UnsafeBufferPointer<UInt8>, Int) -> Int?
  ) throws(JSONSyntaxError) -> JSONValue {
    try parse(bytes, member: (key, read))
  }

  private func parse(
    _ bytes: [UInt8], member special: (key: String, read: (UnsafeBufferPointer<UInt8>, Int) -> Int?)?
  ) throws(JSONSyntaxError) -> JSONValue {
    var parser = Parser(bytes: bytes, maximumDepth: maximumDepth)
    parser.special = special
    parser.skipWhitespace()
    if parser.index == 0, bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      parser.index = 3
      parser.skipWhitespace()
    }
    let value = try parser.value(depth: 0)
    parser.skipWhitespace()
    if parser.index < bytes.count { throw parser.error("unexpected text after the JSON value") }
    return value
  }

  /// 10^0 to 10^22, every one an exact double.
  static let powersOfTen: [Double] = [
    1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
    1e21, 1e22,
  ]

  /// The value of a decimal without an exponent whose digits, all together, are fewer than 16
  /// (`0.125`, `-12.5`, `3`), computed exactly as `Double(text)` rounds it: the digits as a whole
  /// number and a power of ten up to 10^22 are both exact doubles, and one division of exact
  /// doubles is correctly rounded. Nil for any other number, which `Double(text)` then reads.
  static func shortDecimal<Text: Collection<UInt8>>(_ text: Text) -> Double? {
    var mantissa: Int64 = 0
    var digits = 0
    var decimals = 0
    var negative = false
    var afterPoint = false
    for byte in text {
      switch byte {
      case UInt8(ascii: "-"): negative = true
      case UInt8(ascii: "."): afterPoint = true
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        mantissa = mantissa * 10 + Int64(byte - UInt8(ascii: "0"))
        digits += 1
        if afterPoint { decimals += 1 }
        if digits > 15 { return nil }
      default: return nil
      }
    }
    guard decimals < Self.powersOfTen.count else { return nil }
    let value = Double(mantissa) / Self.powersOfTen[decimals]
    // -0 is a double of its own, as Double("-0") reads it.
    return negative ? -value : value
  }

  private struct Parser {
    let bytes: [UInt8]
    let maximumDepth: Int
    var index = 0
    /// A member of the top-level object whose value another reader may take (``parse(_:member:readBy:)``).
    var special: (key: String, read: (UnsafeBufferPointer<UInt8>, Int) -> Int?)?

    func error(_ message: String, at position: Int? = nil) -> JSONSyntaxError {
      let end = min(position ?? index, bytes.count)
      var line = 1
      var column = 1
      var i = 0
      while i < end {
        if bytes[i] == UInt8(ascii: "\n") {
          line += 1
          column = 1
        } else if bytes[i] & 0xC0 != 0x80 {
          column += 1
        }
        i += 1
      }
      return JSONSyntaxError(line: line, column: column, message: message)
    }

    mutating func skipWhitespace() {
      while index < bytes.count {
        switch bytes[index] {
        case 0x20, 0x0A, 0x0D, 0x09: index += 1
        default: return
        }
      }
    }

    var describeHere: String {
      guard index < bytes.count else { return "the end of the file" }
      let byte = bytes[index]
      if byte >= 0x21 && byte < 0x7F { return "'\(Character(UnicodeScalar(byte)))'" }
      return "byte 0x" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
    }

    mutating func value(depth: Int) throws(JSONSyntaxError) -> JSONValue {
      guard index < bytes.count else { throw error("expected a value, found the end of the file") }
      switch bytes[index] {
      case UInt8(ascii: "{"):
        guard depth < maximumDepth else { throw error("nesting deeper than \(maximumDepth) levels") }
        return try object(depth: depth + 1)
      case UInt8(ascii: "["):
        guard depth < maximumDepth else { throw error("nesting deeper than \(maximumDepth) levels") }
        return try array(depth: depth + 1)
      case UInt8(ascii: "\""): return .string(try string())
      case UInt8(ascii: "t"): return try literal("true", .bool(true))
      case UInt8(ascii: "f"): return try literal("false", .bool(false))
      case UInt8(ascii: "n"): return try literal("null", .null)
      case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
      default:
        if bytes[index...].starts(with: Array("NaN".utf8)) || bytes[index...].starts(with: Array("Infinity".utf8)) {
          throw error("NaN and Infinity are not JSON numbers")
        }
        if bytes[index] == UInt8(ascii: "'") {
          // A list copied from Python's print: ['search:ok', ...].
          let rest = bytes[(index + 1)...].prefix(60)
          let word = rest.firstIndex(of: UInt8(ascii: "'")).map { String(decoding: rest[..<$0], as: UTF8.self) }
          let example = word.map { "\"\($0)\", not '\($0)'" } ?? "\"search:ok\", not 'search:ok'"
          throw error("JSON strings take double quotes: write \(example) (Python prints lists with single quotes)")
        }
        if bytes[index...].starts(with: Array("None".utf8)) || bytes[index...].starts(with: Array("True".utf8))
          || bytes[index...].starts(with: Array("False".utf8))
        {
          throw error("JSON writes Python's None, True and False as null, true and false")
        }
        throw error("expected a value, found \(describeHere)")
      }
    }

    mutating func literal(_ word: String, _ value: JSONValue) throws(JSONSyntaxError) -> JSONValue {
      let utf8 = Array(word.utf8)
      guard bytes[index...].starts(with: utf8) else { throw error("expected a value, found \(describeHere)") }
      index += utf8.count
      return value
    }

    mutating func number() throws(JSONSyntaxError) -> JSONValue {
      let begin = index
      if bytes[index] == UInt8(ascii: "-") { index += 1 }
      if index < bytes.count, bytes[index] == UInt8(ascii: "I"), bytes[begin...].starts(with: "-Infinity".utf8) {
        throw error("NaN and Infinity are not JSON numbers", at: begin)
      }
      func digits(_ p: inout Parser) -> Int {
        let s = p.index
        while p.index < p.bytes.count, p.bytes[p.index] >= 0x30, p.bytes[p.index] <= 0x39 { p.index += 1 }
        return p.index - s
      }
      let intStart = index
      let intDigits = digits(&self)
      guard intDigits > 0 else { throw error("expected digits in a number") }
      if intDigits > 1, bytes[intStart] == UInt8(ascii: "0") {
        throw error("a number cannot start with 0", at: intStart)
      }
      if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
        index += 1
        guard digits(&self) > 0 else { throw error("expected digits after the decimal point") }
      }
      if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
        index += 1
        if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
          index += 1
        }
        guard digits(&self) > 0 else { throw error("expected digits in the exponent") }
      }
      let text = String(decoding: bytes[begin..<index], as: UTF8.self)
      if let value = JSONReader.shortDecimal(bytes[begin..<index]) { return .number(value, text: text) }
      guard let value = Double(text) else { throw error("the number \(JSONValue.shortened(number: text)) cannot be read", at: begin) }
      return .number(value, text: text)
    }

    mutating func string() throws(JSONSyntaxError) -> String {
      let open = index
      index += 1
      // The string's UTF-8, once it has an escape; runs without one are copied whole.
      var out: [UInt8] = []
      var escaped = false
      var ascii = true
      var runStart = index
      func flush(_ p: Parser, upTo end: Int, into out: inout [UInt8]) throws(JSONSyntaxError) {
        guard runStart < end else { return }
        let slice = p.bytes[runStart..<end]
        guard slice.allSatisfy({ $0 < 0x80 }) || String(validating: slice, as: UTF8.self) != nil else {
          throw p.error("the text is not valid UTF-8", at: runStart)
        }
        out += slice
      }
      while true {
        guard index < bytes.count else { throw error("this string is never closed", at: open) }
        let byte = bytes[index]
        if byte == UInt8(ascii: "\\"), !escaped {
          escaped = true
          out.reserveCapacity(index - runStart + 64)
        }
        if byte == UInt8(ascii: "\"") {
          if !escaped {
            // No escape in the string: one validated copy of the bytes.
            // Validated from the buffer itself (a contiguous run is checked far faster than a slice).
            let run = runStart..<index
            // ASCII, the usual case, is valid UTF-8 as it stands.
            if ascii {
              index += 1
              return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[run]), as: UTF8.self) }
            }
            guard let text = bytes.withUnsafeBufferPointer({ String(validating: UnsafeBufferPointer(rebasing: $0[run]), as: UTF8.self) }) else {
              throw error("the text is not valid UTF-8", at: runStart)
            }
            index += 1
            return text
          }
          try flush(self, upTo: index, into: &out)
          index += 1
          return String(decoding: out, as: UTF8.self)
        }
        if byte < 0x20 { throw error("a control character must be escaped inside a string") }
        if byte >= 0x80 { ascii = false }
        if byte != UInt8(ascii: "\\") {
          index += 1
          continue
        }
        try flush(self, upTo: index, into: &out)
        index += 1
        guard index < bytes.count else { throw error("this string is never closed", at: open) }
        let escape = bytes[index]
        index += 1
        let scalar: Unicode.Scalar
        switch escape {
        case UInt8(ascii: "\""): scalar = "\""
        case UInt8(ascii: "\\"): scalar = "\\"
        case UInt8(ascii: "/"): scalar = "/"
        case UInt8(ascii: "b"): scalar = "\u{08}"
        case UInt8(ascii: "f"): scalar = "\u{0C}"
        case UInt8(ascii: "n"): scalar = "\n"
        case UInt8(ascii: "r"): scalar = "\r"
        case UInt8(ascii: "t"): scalar = "\t"
        case UInt8(ascii: "u"):
          var code = try hex4()
          if (0xD800..<0xDC00).contains(code) {
            guard bytes[index...].starts(with: [UInt8(ascii: "\\"), UInt8(ascii: "u")]) else {
              throw error("a lone UTF-16 surrogate is not a character")
            }
            index += 2
            let low = try hex4()
            guard (0xDC00..<0xE000).contains(low) else { throw error("a lone UTF-16 surrogate is not a character") }
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
          } else if (0xDC00..<0xE000).contains(code) {
            throw error("a lone UTF-16 surrogate is not a character")
          }
          guard let decoded = Unicode.Scalar(code) else { throw error("\\u escape is not a character") }
          scalar = decoded
        default:
          throw error("unknown escape \\\(Character(UnicodeScalar(escape))) in a string", at: index - 2)
        }
        out += UTF8.encode(scalar)!
        runStart = index
      }
    }

    mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
      guard index + 4 <= bytes.count else { throw error("expected 4 hex digits after \\u") }
      var value: UInt32 = 0
      for _ in 0..<4 {
        let byte = bytes[index]
        let digit: UInt8
        switch byte {
        case 0x30...0x39: digit = byte - 0x30
        case 0x41...0x46: digit = byte - 0x41 + 10
        case 0x61...0x66: digit = byte - 0x61 + 10
        default: throw error("expected 4 hex digits after \\u")
        }
        value = value * 16 + UInt32(digit)
        index += 1
      }
      return value
    }

    mutating func array(depth: Int) throws(JSONSyntaxError) -> JSONValue {
      index += 1
      var items: [JSONValue] = []
      skipWhitespace()
      if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
        index += 1
        return .array(items)
      }
      while true {
        skipWhitespace()
        items.append(try value(depth: depth))
        skipWhitespace()
        guard index < bytes.count else { throw error("this list is never closed with ']'") }
        if bytes[index] == UInt8(ascii: ",") {
          let comma = index
          index += 1
          skipWhitespace()
          if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            throw error("a trailing comma is not allowed", at: comma)
          }
          continue
        }
        if bytes[index] == UInt8(ascii: "]") {
          index += 1
          return .array(items)
        }
        throw error("expected ',' or ']' in a list, found \(describeHere)")
      }
    }

    mutating func object(depth: Int) throws(JSONSyntaxError) -> JSONValue {
      index += 1
      var members: [JSONMember] = []
      members.reserveCapacity(4)
      // Duplicate keys: a glance along a small object, a set for a large one.
      var seen: Set<String>?
      skipWhitespace()
      if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
        index += 1
        return .object(members)
      }
      while true {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
          throw error("expected a field name in double quotes, found \(describeHere)")
        }
        let keyStart = index
        let key = try string()
        let duplicate: Bool
        if members.count < 16 {
          duplicate = members.contains { $0.key == key }
        } else {
          if seen == nil { seen = Set(members.map(\.key)) }
          duplicate = !seen!.insert(key).inserted
        }
        if duplicate { throw error("the field \"\(key)\" appears twice", at: keyStart) }
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
          throw error("expected ':' after \"\(key)\", found \(describeHere)")
        }
        index += 1
        skipWhitespace()
        if depth == 1, let special, special.key == key,
          let end = bytes.withUnsafeBufferPointer({ special.read($0, index) })
        {
          index = end
          members.append(JSONMember(key: key, value: .array([])))
        } else {
          members.append(JSONMember(key: key, value: try value(depth: depth)))
        }
        skipWhitespace()
        guard index < bytes.count else { throw error("this object is never closed with '}'") }
        if bytes[index] == UInt8(ascii: ",") {
          let comma = index
          index += 1
          skipWhitespace()
          if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            throw error("a trailing comma is not allowed", at: comma)
          }
          continue
        }
        if bytes[index] == UInt8(ascii: "}") {
          index += 1
          return .object(members)
        }
        throw error("expected ',' or '}' in an object, found \(describeHere)")
      }
    }
  }
}
