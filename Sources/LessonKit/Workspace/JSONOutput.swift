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

  /// `text` as a JSON string: quotes, backslashes and control characters escaped, and U+2028 and
  /// U+2029 too (so that the output is also valid JavaScript).
  ///
  /// - Complexity: O(n) over the UTF-8 bytes; text with nothing to escape is copied whole.
  public static func quote(_ text: String) -> String {
    var clean = true
    var previous: (UInt8, UInt8) = (0, 0)
    for byte in text.utf8 {
      if byte == 0x22 || byte == 0x5C || byte < 0x20 || byte == 0x7F
        || (previous == (0xE2, 0x80) && (byte == 0xA8 || byte == 0xA9))
      {
        clean = false
        break
      }
      previous = (previous.1, byte)
    }
    if clean { return "\"" + text + "\"" }
    let bytes = Array(text.utf8)
    var out: [UInt8] = [0x22]
    out.reserveCapacity(bytes.count + 16)
    let hex = Array("0123456789abcdef".utf8)
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      switch byte {
      case 0x22: out += [0x5C, 0x22]
      case 0x5C: out += [0x5C, 0x5C]
      case 0x0A: out += [0x5C, 0x6E]
      case 0x0D: out += [0x5C, 0x72]
      case 0x09: out += [0x5C, 0x74]
      case _ where byte < 0x20 || byte == 0x7F:
        out += [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
      case 0xE2
      where index + 2 < bytes.count && bytes[index + 1] == 0x80
        && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
        out += Array("\\u202".utf8) + [bytes[index + 2] == 0xA8 ? 0x38 : 0x39]
        index += 2
      default: out.append(byte)
      }
      index += 1
    }
    out.append(0x22)
    return String(decoding: out, as: UTF8.self)
  }
}
