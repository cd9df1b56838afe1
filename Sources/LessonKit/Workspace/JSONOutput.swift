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
    var out = ""
    render(into: &out, indent: indent, level: level)
    return out
  }

  /// Appends the JSON text to `out` (one buffer for the whole document: a trace of a million
  /// calls is written without building a string per value).
  private func render(into out: inout String, indent: String?, level: Int) {
    switch self {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .int(let i): out += String(i)
    case .number(let text): out += text
    case .string(let s): Self.quote(s, into: &out)
    case .array(let items):
      if items.isEmpty {
        out += "[]"
        return
      }
      let scalars = items.allSatisfy { if case .array = $0 { false } else if case .object = $0 { false } else { true } }
      if indent == nil || scalars {
        out += "["
        for (index, item) in items.enumerated() {
          if index > 0 { out += ", " }
          item.render(into: &out, indent: nil, level: 0)
        }
        out += "]"
        return
      }
      out += "[\n"
      for (index, item) in items.enumerated() {
        if index > 0 { out += ",\n" }
        for _ in 0...level { out += indent! }
        item.render(into: &out, indent: indent, level: level + 1)
      }
      out += "\n"
      for _ in 0..<level { out += indent! }
      out += "]"
    case .object(let members):
      if members.isEmpty {
        out += "{}"
        return
      }
      guard let indent else {
        out += "{"
        for (index, member) in members.enumerated() {
          if index > 0 { out += ", " }
          Self.quote(member.0, into: &out)
          out += ": "
          member.1.render(into: &out, indent: nil, level: 0)
        }
        out += "}"
        return
      }
      out += "{\n"
      for (index, member) in members.enumerated() {
        if index > 0 { out += ",\n" }
        for _ in 0...level { out += indent }
        Self.quote(member.0, into: &out)
        out += ": "
        member.1.render(into: &out, indent: indent, level: level + 1)
      }
      out += "\n"
      for _ in 0..<level { out += indent }
      out += "}"
    }
  }

  public static func quote(_ text: String) -> String {
    var out = ""
    quote(text, into: &out)
    return out
  }

  /// Appends `text` as a JSON string; text with nothing to escape is copied whole.
  public static func quote(_ text: String, into out: inout String) {
    out += "\""
    let plain = text.utf8.allSatisfy { $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C && $0 != 0x7F && $0 != 0xE2 }
    if plain {
      out += text
      out += "\""
      return
    }
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
    out += "\""
  }
}
