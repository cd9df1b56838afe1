import GuardedGather

/// Reads a configuration's `"calls"` list straight from its bytes into calls, when every call in
/// it is written the usual way; otherwise says nothing, and the list is read as any JSON is.
///
/// A large configuration is mostly calls like `{"name": "search", "delay": 0.1}`. Going through
/// ``JSONValue`` costs an object, its members and their strings per call, only to be read once
/// by ``LearnerConfiguration/plainCall(_:)``. This scanner accepts exactly the calls that
/// `plainCall` accepts, written in the plainest JSON: each field once, names and messages of
/// printable ASCII without escapes, numbers that ``JSONReader/shortDecimal(_:)`` reads. It gives
/// the same calls, and gives up (returns `nil`) at anything else: an escape, a duplicate or
/// unknown field, a number of another form, a syntax error. The whole list is then read again by
/// the generic reader, which finds what is wrong and says where.
struct PlainCallsScanner {
  private let bytes: UnsafeBufferPointer<UInt8>
  private var index: Int

  /// The calls of the list that starts at `start` (its `[`), and the index just past its `]`.
  static func scan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (calls: [GatherCall], end: Int)? {
    var scanner = PlainCallsScanner(bytes: bytes, index: start)
    guard let calls = scanner.list() else { return nil }
    return (calls, scanner.index)
  }

  private init(bytes: UnsafeBufferPointer<UInt8>, index: Int) {
    self.bytes = bytes
    self.index = index
  }

  private var byte: UInt8? { index < bytes.count ? bytes[index] : nil }

  private mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x0A, 0x0D, 0x09: index += 1
      default: return
      }
    }
  }

  /// Takes `expected` after any whitespace.
  private mutating func take(_ expected: UInt8) -> Bool {
    skipWhitespace()
    guard byte == expected else { return false }
    index += 1
    return true
  }

  private mutating func list() -> [GatherCall]? {
    guard take(UInt8(ascii: "[")) else { return nil }
    var calls: [GatherCall] = []
    // A call takes about 40 bytes: sized once, near enough.
    calls.reserveCapacity(min(bytes.count / 32, 1_000_000))
    repeat {
      guard let call = call() else { return nil }
      calls.append(call)
    } while take(UInt8(ascii: ","))
    guard take(UInt8(ascii: "]")) else { return nil }
    return calls
  }

  /// One call, as ``LearnerConfiguration/plainCall(_:)`` reads it.
  private mutating func call() -> GatherCall? {
    guard take(UInt8(ascii: "{")) else { return nil }
    var name: String?
    var delay: Int64 = -1
    var timeout = GatherCall.inheritTimeout
    var failure: String?
    var work = GatherWork.io
    // Each field once: a second one is the generic reader's to report.
    var seen: UInt8 = 0
    repeat {
      guard let key = text(), take(UInt8(ascii: ":")) else { return nil }
      let field: UInt8
      switch key.count {
      case 4 where Self.is(key, "name"):
        field = 1
        guard let text = text(), !text.isEmpty, text.count <= ConfigurationLimits.maximumNameLength else { return nil }
        name = String(decoding: text, as: UTF8.self)
      case 5 where Self.is(key, "delay"):
        field = 2
        guard let nanoseconds = nanoseconds() else { return nil }
        delay = nanoseconds
      case 7 where Self.is(key, "timeout"):
        field = 4
        if literalNull() {
          timeout = GatherCall.noTimeout
        } else {
          guard let nanoseconds = nanoseconds() else { return nil }
          timeout = nanoseconds
        }
      case 5 where Self.is(key, "fails"):
        field = 8
        if !literalNull() {
          guard let text = text(), !text.isEmpty, text.count <= ConfigurationLimits.maximumTextLength else {
            return nil
          }
          failure = String(decoding: text, as: UTF8.self)
        }
      case 4 where Self.is(key, "work"):
        field = 16
        guard let text = text(), let kind = GatherWork(rawValue: String(decoding: text, as: UTF8.self)) else {
          return nil
        }
        work = kind
      default: return nil
      }
      guard seen & field == 0 else { return nil }
      seen |= field
    } while take(UInt8(ascii: ","))
    guard take(UInt8(ascii: "}")), let name, delay >= 0 else { return nil }
    return GatherCall(name: name, delayNanoseconds: delay, timeoutNanoseconds: timeout, failure: failure, work: work)
  }

  /// A string of printable ASCII with no escape, its bytes between the quotes; `nil` for any
  /// other string or value.
  private mutating func text() -> UnsafeBufferPointer<UInt8>? {
    guard take(UInt8(ascii: "\"")) else { return nil }
    let start = index
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        index += 1
        return UnsafeBufferPointer(rebasing: bytes[start..<(index - 1)])
      }
      guard byte >= 0x20, byte < 0x7F, byte != UInt8(ascii: "\\") else { return nil }
      index += 1
    }
    return nil
  }

  /// `null`, taken when it is there.
  private mutating func literalNull() -> Bool {
    skipWhitespace()
    guard index + 4 <= bytes.count, bytes[index] == UInt8(ascii: "n"), bytes[index + 1] == UInt8(ascii: "u"),
      bytes[index + 2] == UInt8(ascii: "l"), bytes[index + 3] == UInt8(ascii: "l")
    else { return false }
    // `nullx` is not JSON: leave it to the generic reader.
    if index + 4 < bytes.count, !Self.endsValue(bytes[index + 4]) { return false }
    index += 4
    return true
  }

  /// A number of seconds, as ``LearnerConfiguration/plainNanoseconds(_:)`` reads it, when it is
  /// written as a short decimal (`0.1`, `2`, `-0`) that JSON allows.
  private mutating func nanoseconds() -> Int64? {
    skipWhitespace()
    // As JSONReader.shortDecimal computes it: the digits as one whole number (at most 15 of them,
    // so exact), divided once by the power of ten of its decimals.
    var mantissa: Int64 = 0
    var digits = 0
    var decimals = 0
    let negative = byte == UInt8(ascii: "-")
    if negative { index += 1 }
    let integer = index
    while let byte, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
      mantissa = mantissa &* 10 &+ Int64(byte &- UInt8(ascii: "0"))
      digits += 1
      index += 1
    }
    // JSON: at least one digit, and no leading zero before another digit.
    guard digits > 0, digits == 1 || bytes[integer] != UInt8(ascii: "0") else { return nil }
    if byte == UInt8(ascii: ".") {
      index += 1
      while let byte, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
        mantissa = mantissa &* 10 &+ Int64(byte &- UInt8(ascii: "0"))
        digits += 1
        decimals += 1
        index += 1
      }
      guard decimals > 0 else { return nil }
    }
    // An exponent, or anything glued on, goes the generic way; so do long numbers.
    if let byte, !Self.endsValue(byte) { return nil }
    guard digits <= 15, decimals < JSONReader.powersOfTen.count else { return nil }
    let value = Double(mantissa) / JSONReader.powersOfTen[decimals]
    return LearnerConfiguration.plainNanoseconds(seconds: negative ? -value : value)
  }

  /// Whether `key` is `word`, byte for byte.
  @inline(__always) private static func `is`(_ key: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
    guard key.count == word.utf8CodeUnitCount else { return false }
    let start = word.utf8Start
    for offset in 0..<key.count where key[offset] != start[offset] { return false }
    return true
  }

  /// Whether `byte` may follow a number or a literal in valid JSON.
  private static func endsValue(_ byte: UInt8) -> Bool {
    switch byte {
    case 0x20, 0x0A, 0x0D, 0x09, UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"): true
    default: false
    }
  }
}
