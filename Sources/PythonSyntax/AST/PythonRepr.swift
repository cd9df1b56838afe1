/// Python's `repr()` of the values a syntax tree holds, as `ast.dump` prints them.
enum PythonRepr {
  static func constant(_ value: Constant) -> String {
    switch value {
    case .none: "None"
    case .bool(let b): b ? "True" : "False"
    case .ellipsis: "Ellipsis"
    case .int(let digits): digits
    case .float(let d): float(d)
    case .complex(let imag): complex(imag)
    case .str(let s): string(s)
    case .bytes(let b): bytes(b)
    }
  }

  /// `repr(float)`: the shortest digits that round-trip, fixed notation when the decimal exponent
  /// is in -4 < e <= 16, scientific (`1e+16`, `1e-05`) otherwise.
  static func float(_ d: Double) -> String {
    if d.isNaN { return "nan" }
    if d.isInfinite { return d < 0 ? "-inf" : "inf" }
    let (negative, digits, point) = shortestDigits(d)
    var text = negative ? "-" : ""
    if digits == "0" { return text + "0.0" }
    let n = digits.count
    if point > -4 && point <= 16 {
      if point <= 0 {
        text += "0." + String(repeating: "0", count: -point) + digits
      } else if point >= n {
        text += digits + String(repeating: "0", count: point - n) + ".0"
      } else {
        text += String(digits.prefix(point)) + "." + String(digits.dropFirst(point))
      }
    } else {
      text += String(digits.prefix(1))
      if n > 1 { text += "." + String(digits.dropFirst()) }
      let exponent = point - 1
      text += exponent < 0 ? "e-" : "e+"
      let e = String(abs(exponent))
      text += (e.count < 2 ? "0" : "") + e
    }
    return text
  }

  /// `repr(complex(0, imag))`: like a float's repr, but an integral value has no `.0`.
  static func complex(_ imag: Double) -> String {
    var text = float(imag)
    if text.hasSuffix(".0") { text.removeLast(2) }
    return text + "j"
  }

  /// The shortest round-tripping decimal digits of `d` (no leading or trailing zeros) and the
  /// position of the decimal point: `d = 0.DIGITS × 10^point`. Swift's `description` already
  /// gives the shortest digits; only its layout differs from Python's.
  static func shortestDigits(_ d: Double) -> (Bool, String, Int) {
    var s = Substring(d.description)
    var negative = false
    if s.hasPrefix("-") {
      negative = true
      s = s.dropFirst()
    }
    var exponent = 0
    if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      exponent = Int(s[s.index(after: e)...]) ?? 0
      s = s[..<e]
    }
    var intPart = Substring(s)
    var fracPart: Substring = ""
    if let dot = s.firstIndex(of: ".") {
      intPart = s[..<dot]
      fracPart = s[s.index(after: dot)...]
    }
    var digits = String(intPart) + String(fracPart)
    var point = intPart.count + exponent
    while digits.hasPrefix("0") && digits.count > 1 {
      digits.removeFirst()
      point -= 1
    }
    while digits.hasSuffix("0") && digits.count > 1 { digits.removeLast() }
    if digits == "0" { point = 1 }
    return (negative, digits, point)
  }

  /// `repr(str)`: single quotes unless the text has `'` and no `"`; non-printable characters escaped.
  static func string(_ s: String) -> String {
    let useDouble = s.utf8.contains(UInt8(ascii: "'")) && !s.utf8.contains(UInt8(ascii: "\""))
    let quote: Character = useDouble ? "\"" : "'"
    var out = String(quote)
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "'" where !useDouble: out += "\\'"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          out += hex(scalar.value, "\\x", 2)
        } else if scalar.value < 0x7F {
          out.unicodeScalars.append(scalar)
        } else if isPrintable(scalar) {
          out.unicodeScalars.append(scalar)
        } else if scalar.value < 0x100 {
          out += hex(scalar.value, "\\x", 2)
        } else if scalar.value < 0x10000 {
          out += hex(scalar.value, "\\u", 4)
        } else {
          out += hex(scalar.value, "\\U", 8)
        }
      }
    }
    out.append(quote)
    return out
  }

  /// `repr(bytes)`: `b'...'` with `\xNN` for anything outside printable ASCII.
  static func bytes(_ b: [UInt8]) -> String {
    let useDouble = b.contains(UInt8(ascii: "'")) && !b.contains(UInt8(ascii: "\""))
    var out = useDouble ? "b\"" : "b'"
    for c in b {
      switch c {
      case UInt8(ascii: "\\"): out += "\\\\"
      case UInt8(ascii: "\n"): out += "\\n"
      case UInt8(ascii: "\r"): out += "\\r"
      case UInt8(ascii: "\t"): out += "\\t"
      case UInt8(ascii: "'") where !useDouble: out += "\\'"
      default:
        if c < 0x20 || c >= 0x7F {
          out += hex(UInt32(c), "\\x", 2)
        } else {
          out.unicodeScalars.append(Unicode.Scalar(c))
        }
      }
    }
    out += useDouble ? "\"" : "'"
    return out
  }

  static func hex(_ value: UInt32, _ prefix: String, _ width: Int) -> String {
    let h = String(value, radix: 16)
    return prefix + String(repeating: "0", count: max(0, width - h.count)) + h
  }

  /// Python's `str.isprintable()` for one character: not a control, format, surrogate, private-use,
  /// unassigned, or separator character other than the space.
  static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator,
      .spaceSeparator:
      return scalar == " "
    default:
      return true
    }
  }
}
