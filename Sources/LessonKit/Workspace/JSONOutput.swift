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
    bytes.append(UInt8(ascii: "\""))
    let plain = text.utf8.allSatisfy { $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C && $0 != 0x7F && $0 != 0xE2 }
    if plain {
      bytes += text.utf8
      bytes.append(UInt8(ascii: "\""))
      return
    }
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20 || scalar.value == 0x7F || scalar == "\u{2028}" || scalar == "\u{2029}":
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    bytes += out.utf8
    bytes.append(UInt8(ascii: "\""))
  }
}
