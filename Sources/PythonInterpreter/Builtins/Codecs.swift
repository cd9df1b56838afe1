/// The codecs a program reaches through `str.encode`, `bytes.decode` and `str(bytes, encoding)`:
/// UTF-8, ASCII and Latin-1, strictly, with CPython's errors. Any other codec or error handler is
/// refused rather than guessed.
extension Machine {
  /// The name CPython's codec registry normalizes `encoding` to, when it is one lesson runs.
  static func codec(_ encoding: String) -> String? {
    switch encoding.lowercased().replacingOccurrences(of: "_", with: "-") {
    case "utf-8", "utf8", "u8", "utf": "utf-8"
    case "ascii", "us-ascii", "646": "ascii"
    case "latin-1", "latin1", "iso-8859-1", "iso8859-1", "8859", "cp819", "latin", "l1": "latin-1"
    default: nil
    }
  }

  /// A character as a codec's error names it: `\xe9`, `\u20ac`, `\U0001f600`.
  static func codecEscape(_ scalar: Unicode.Scalar) -> String {
    let value = scalar.value
    let digits = String(value, radix: 16)
    let (prefix, width) = value <= 0xFF ? ("\\x", 2) : value <= 0xFFFF ? ("\\u", 4) : ("\\U", 8)
    return prefix + String(repeating: "0", count: width - digits.count) + digits
  }

  func encode(_ text: String, encoding: String, errors: String) throws -> [UInt8] {
    guard let codec = Machine.codec(encoding) else {
      throw refuse("str.encode(\(try repr(StrObject(encoding))))", "lesson encodes UTF-8, ASCII and Latin-1 only")
    }
    guard errors == "strict" else {
      throw refuse("str.encode(errors=\(try repr(StrObject(errors))))", "lesson encodes strictly only")
    }
    if codec == "utf-8" { return Array(text.utf8) }
    let limit: UInt32 = codec == "ascii" ? 0x80 : 0x100
    let scalars = Array(text.unicodeScalars)
    guard let first = scalars.firstIndex(where: { $0.value >= limit }) else {
      return scalars.map { UInt8($0.value) }
    }
    // CPython names the whole run of characters the codec cannot take.
    var end = first
    while end + 1 < scalars.count, scalars[end + 1].value >= limit { end += 1 }
    // Made as CPython makes it, from its five parts (its text and attributes come from them).
    throw ExceptionObject(
      Types.UnicodeEncodeError,
      [
        StrObject(codec), StrObject(text), IntObject.make(first), IntObject.make(end + 1),
        StrObject("ordinal not in range(\(limit))"),
      ])
  }

  /// `construct` names what asked, for a refusal (`bytes.decode`, `str(bytes, encoding)`).
  func decode(_ bytes: BytesObject, encoding: String, errors: String, construct: String) throws -> String {
    guard let codec = Machine.codec(encoding) else {
      throw refuse("\(construct)(\(try repr(StrObject(encoding))))", "lesson decodes UTF-8, ASCII and Latin-1 only")
    }
    guard errors == "strict" else {
      throw refuse("\(construct)(errors=\(try repr(StrObject(errors))))", "lesson decodes strictly only")
    }
    switch codec {
    case "utf-8":
      if let s = String(validating: bytes.value, as: UTF8.self) { return s }
      throw refuse(
        "\(construct) of bytes that are not UTF-8",
        "CPython's UnicodeDecodeError names the bad byte's place, which lesson does not reproduce yet")
    case "ascii":
      if let i = bytes.value.firstIndex(where: { $0 >= 0x80 }) {
        throw ExceptionObject(
          Types.UnicodeDecodeError,
          [
            StrObject("ascii"), bytes, IntObject.make(i), IntObject.make(i + 1), StrObject("ordinal not in range(128)"),
          ])
      }
      return String(decoding: bytes.value, as: UTF8.self)
    default:
      var text = String.UnicodeScalarView()
      for byte in bytes.value { text.append(Unicode.Scalar(byte)) }
      return String(text)
    }
  }
}
