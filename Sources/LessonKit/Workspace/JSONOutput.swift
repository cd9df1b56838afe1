/// JSON to write, with keys in the order given, so output is byte-for-byte stable.
public enum JSONOutput: Sendable, Hashable {
  case null
  case bool(Bool)
  case int(Int)
  /// A number already formatted (seconds to the microsecond, say).
  case number(String)
  case string(String)
  case array([JSONOutput])
  case object([(String, JSONOutput)])

  public static func == (lhs: JSONOutput, rhs: JSONOutput) -> Bool { lhs.compact == rhs.compact }
  public func hash(into hasher: inout Hasher) { hasher.combine(compact) }

  /// On one line.
  public var compact: String { render(indent: nil, level: 0) }

  /// Indented by two spaces, with arrays of scalars on one line.
  public var pretty: String { render(indent: "  ", level: 0) }

  /// ``pretty`` as it reads nested `level` deep in a larger document (its inner lines indented
  /// for that depth), for a document written a part at a time.
  public func pretty(level: Int) -> [UInt8] {
    var out: [UInt8] = []
    render(into: &out, indent: Array("  ".utf8), level: level)
    return out
  }

  private func render(indent: String?, level: Int) -> String {
    var out: [UInt8] = []
    render(into: &out, indent: indent.map { Array($0.utf8) }, level: level)
    return String(decoding: out, as: UTF8.self)
  }

  /// Appends the JSON text to `out` (one byte buffer for the whole document: a trace of a million
  /// calls is written without building a string per value).
  private func render(into out: inout [UInt8], indent: [UInt8]?, level: Int) {
    switch self {
    case .null: out += "null".utf8
    case .bool(let b): out += (b ? "true" : "false").utf8
    case .int(let i): out += String(i).utf8
    case .number(let text): out += text.utf8
    case .string(let s): Self.quote(s, into: &out)
    case .array(let items):
      if items.isEmpty {
        out += "[]".utf8
        return
      }
      let scalars = items.allSatisfy { if case .array = $0 { false } else if case .object = $0 { false } else { true } }
      if indent == nil || scalars {
        out.append(UInt8(ascii: "["))
        for (index, item) in items.enumerated() {
          if index > 0 { out += ", ".utf8 }
          item.render(into: &out, indent: nil, level: 0)
        }
        out.append(UInt8(ascii: "]"))
        return
      }
      out += "[\n".utf8
      for (index, item) in items.enumerated() {
        if index > 0 { out += ",\n".utf8 }
        for _ in 0...level { out += indent! }
        item.render(into: &out, indent: indent, level: level + 1)
      }
      out.append(UInt8(ascii: "\n"))
      for _ in 0..<level { out += indent! }
      out.append(UInt8(ascii: "]"))
    case .object(let members):
      if members.isEmpty {
        out += "{}".utf8
        return
      }
      guard let indent else {
        out.append(UInt8(ascii: "{"))
        for (index, member) in members.enumerated() {
          if index > 0 { out += ", ".utf8 }
          Self.quote(member.0, into: &out)
          out += ": ".utf8
          member.1.render(into: &out, indent: nil, level: 0)
        }
        out.append(UInt8(ascii: "}"))
        return
      }
      out += "{\n".utf8
      for (index, member) in members.enumerated() {
        if index > 0 { out += ",\n".utf8 }
        for _ in 0...level { out += indent }
        Self.quote(member.0, into: &out)
        out += ": ".utf8
        member.1.render(into: &out, indent: indent, level: level + 1)
      }
      out.append(UInt8(ascii: "\n"))
      for _ in 0..<level { out += indent }
      out.append(UInt8(ascii: "}"))
    }
  }

  public static func quote(_ text: String) -> String {
    var out: [UInt8] = []
    quote(text, into: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// Appends `text` as a JSON string; text with nothing to escape is copied whole.
  static func quote(_ text: String, into bytes: inout [UInt8]) {
    var text = text
    text.withUTF8 { quote(utf8: $0, into: &bytes) }
  }

  private static func quote(utf8: UnsafeBufferPointer<UInt8>, into bytes: inout [UInt8]) {
    bytes.append(UInt8(ascii: "\""))
    let plain = utf8.allSatisfy { $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C && $0 != 0x7F && $0 != 0xE2 }
    if plain {
      bytes.append(contentsOf: utf8)
      bytes.append(UInt8(ascii: "\""))
      return
    }
    // Byte by byte: the text is valid UTF-8, so only the escapes and U+2028/U+2029 (E2 80 A8/A9,
    // line breaks to JavaScript) need looking at.
    var index = 0
    bytes.reserveCapacity(bytes.count + utf8.count + 8)
    while index < utf8.count {
      let byte = utf8[index]
      switch byte {
      case 0x22: bytes += [0x5C, 0x22]
      case 0x5C: bytes += [0x5C, 0x5C]
      case 0x0A: bytes += [0x5C, UInt8(ascii: "n")]
      case 0x0D: bytes += [0x5C, UInt8(ascii: "r")]
      case 0x09: bytes += [0x5C, UInt8(ascii: "t")]
      case 0x00..<0x20, 0x7F: unicodeEscape(UInt32(byte), into: &bytes)
      case 0xE2 where index + 2 < utf8.count && utf8[index + 1] == 0x80 && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
        unicodeEscape(utf8[index + 2] == 0xA8 ? 0x2028 : 0x2029, into: &bytes)
        index += 2
      default: bytes.append(byte)
      }
      index += 1
    }
    bytes.append(UInt8(ascii: "\""))
  }

  /// `\uXXXX`, in lowercase hex as the escapes above have always been written.
  private static func unicodeEscape(_ value: UInt32, into bytes: inout [UInt8]) {
    let hex = String(value, radix: 16)
    bytes += "\\u".utf8
    bytes += repeatElement(UInt8(ascii: "0"), count: 4 - hex.count)
    bytes += hex.utf8
  }
}
