/// Python's `bytes` as text.
public enum PyBytes {
  /// `repr(b)`: `b'...'`, double quotes when the bytes hold `'` and no `"`, escapes for `\`,
  /// the quote, `\t \n \r`, and `\xNN` for the rest outside printable ASCII.
  public static func repr<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
    let hasSingle = bytes.contains(0x27)
    let hasDouble = bytes.contains(0x22)
    let quote: UInt8 = hasSingle && !hasDouble ? 0x22 : 0x27
    var out: [UInt8] = [UInt8(ascii: "b"), quote]
    let hex = Array("0123456789abcdef".utf8)
    for c in bytes {
      switch c {
      case quote, UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), c]
      case UInt8(ascii: "\t"): out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
      case UInt8(ascii: "\n"): out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
      case UInt8(ascii: "\r"): out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
      case 0x20..<0x7F: out.append(c)
      default: out += [UInt8(ascii: "\\"), UInt8(ascii: "x"), hex[Int(c >> 4)], hex[Int(c & 15)]]
      }
    }
    out.append(quote)
    return String(decoding: out, as: UTF8.self)
  }
}
