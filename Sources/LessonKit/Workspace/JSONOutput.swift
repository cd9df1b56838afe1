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
    switch self {
    case .null: return "null"
    case .bool(let b): return b ? "true" : "false"
    case .int(let i): return String(i)
    case .number(let text): return text
    case .string(let s): return Self.quote(s)
    case .array(let items):
      if items.isEmpty { return "[]" }
      let scalars = items.allSatisfy { if case .array = $0 { false } else if case .object = $0 { false } else { true } }
      if indent == nil || scalars {
        return "[" + items.map { $0.render(indent: nil, level: 0) }.joined(separator: ", ") + "]"
      }
      let pad = String(repeating: indent!, count: level + 1)
      let close = String(repeating: indent!, count: level)
      return "[\n" + items.map { pad + $0.render(indent: indent, level: level + 1) }.joined(separator: ",\n")
        + "\n\(close)]"
    case .object(let members):
      if members.isEmpty { return "{}" }
      guard let indent else {
        return "{"
          + members.map { Self.quote($0.0) + ": " + $0.1.render(indent: nil, level: 0) }.joined(separator: ", ") + "}"
      }
      let pad = String(repeating: indent, count: level + 1)
      let close = String(repeating: indent, count: level)
      return "{\n"
        + members.map { pad + Self.quote($0.0) + ": " + $0.1.render(indent: indent, level: level + 1) }
        .joined(separator: ",\n") + "\n\(close)}"
    }
  }

  public static func quote(_ text: String) -> String {
    var out = "\""
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
    return out + "\""
  }
}
