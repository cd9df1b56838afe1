import Foundation
import Synchronization

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
  /// A list of `count` objects with the same `keys`, in order, each written cell by cell straight
  /// into the text by `row`: a million rows (the calls of `lesson run --json`) are never held as
  /// values. Written exactly as the `.array` of those `.object`s.
  case table(count: Int, keys: [String], row: @Sendable (Int, inout JSONRow) -> Void)
  /// A list of `count` scalars, each written straight into the text by `item` as the one cell of a
  /// ``JSONRow``: written exactly as the `.array` of those scalars (on one line).
  case list(count: Int, item: @Sendable (Int, inout JSONRow) -> Void)

  public static func == (lhs: JSONOutput, rhs: JSONOutput) -> Bool { lhs.compact == rhs.compact }
  public func hash(into hasher: inout Hasher) { hasher.combine(compact) }

  /// On one line.
  public var compact: String { render(indent: nil, level: 0) }

  /// Indented by two spaces, with arrays of scalars on one line.
  public var pretty: String { render(indent: "  ", level: 0) }

  /// ``pretty`` and a newline, made in one buffer: a document of a million calls is not copied
  /// again to end its line.
  public var prettyLine: String {
    var out: [UInt8] = []
    render(into: &out, indent: Array("  ".utf8), level: 0)
    out.append(UInt8(ascii: "\n"))
    return String(decoding: out, as: UTF8.self)
  }

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
    case .null: out.add("null")
    case .bool(let b): b ? out.add("true") : out.add("false")
    case .int(let i): out.add(text: String(i))
    case .number(let text): out.add(text: text)
    case .string(let s): Self.quote(s, into: &out)
    case .array(let items):
      Self.renderArray(
        count: items.count, element: { items[$0] }, scalars: items.allSatisfy(\.isScalar), into: &out,
        indent: indent, level: level)
    case .table(let count, let keys, let row):
      Self.renderTable(count: count, keys: keys, row: row, into: &out, indent: indent, level: level)
    case .list(let count, let item):
      guard count > 0 else {
        out.add("[]")
        return
      }
      var writer = JSONRow(out: ByteWriter(capacity: count * 16), keys: [[]], open: [], between: [])
      writer.out.append(UInt8(ascii: "["))
      for index in 0..<count {
        if index > 0 { writer.out.append(", ") }
        writer.column = 0
        item(index, &writer)
        precondition(writer.column == 1, "a list item wrote \(writer.column) values, not one")
      }
      writer.out.append(UInt8(ascii: "]"))
      writer.out.withBytes { out.append(contentsOf: $0) }
    case .object(let members):
      if members.isEmpty {
        out.add("{}")
        return
      }
      guard let indent else {
        out.append(UInt8(ascii: "{"))
        for (index, member) in members.enumerated() {
          if index > 0 { out.add(", ") }
          Self.quote(member.0, into: &out)
          out.add(": ")
          member.1.render(into: &out, indent: nil, level: 0)
        }
        out.append(UInt8(ascii: "}"))
        return
      }
      out.add("{\n")
      for (index, member) in members.enumerated() {
        if index > 0 { out.add(",\n") }
        for _ in 0...level { out += indent }
        Self.quote(member.0, into: &out)
        out.add(": ")
        member.1.render(into: &out, indent: indent, level: level + 1)
      }
      out.append(UInt8(ascii: "\n"))
      for _ in 0..<level { out += indent }
      out.append(UInt8(ascii: "}"))
    }
  }

  /// Whether the value is written on one line inside an indented array (neither list nor object).
  private var isScalar: Bool {
    switch self {
    case .array, .object, .table, .list: false
    default: true
    }
  }

  /// An array of `count` elements: on one line when compact or when its elements are all
  /// `scalars`, else one per line.
  private static func renderArray(
    count: Int, element: (Int) -> JSONOutput, scalars: Bool, into out: inout [UInt8], indent: [UInt8]?, level: Int
  ) {
    guard count > 0 else {
      out.add("[]")
      return
    }
    if indent == nil || scalars {
      out.append(UInt8(ascii: "["))
      for index in 0..<count {
        if index > 0 { out.add(", ") }
        element(index).render(into: &out, indent: nil, level: 0)
      }
      out.append(UInt8(ascii: "]"))
      return
    }
    out.add("[\n")
    for index in 0..<count {
      if index > 0 { out.add(",\n") }
      for _ in 0...level { out += indent! }
      element(index).render(into: &out, indent: indent, level: level + 1)
    }
    out.append(UInt8(ascii: "\n"))
    for _ in 0..<level { out += indent! }
    out.append(UInt8(ascii: "]"))
  }

  /// A ``table(count:keys:row:)``: the list of its objects, each written as ``render`` writes one.
  private static func renderTable(
    count: Int, keys: [String], row: @Sendable (Int, inout JSONRow) -> Void, into out: inout [UInt8], indent: [UInt8]?,
    level: Int
  ) {
    guard count > 0 else {
      out.add("[]")
      return
    }
    func pad(_ depth: Int) -> [UInt8] { indent.map { Array(repeating: $0, count: depth).flatMap { $0 } } ?? [] }
    let quotedKeys = keys.map { key -> [UInt8] in
      var bytes: [UInt8] = []
      quote(key, into: &bytes)
      bytes.add(": ")
      return bytes
    }
    // Pretty: each object on its own lines, a level in; compact: all on one line.
    let open: [UInt8]
    let between: [UInt8]
    let close: [UInt8]
    let rowOpen: [UInt8]
    let rowBetween: [UInt8]
    let rowClose: [UInt8]
    if indent != nil {
      open = Array("[\n".utf8) + pad(level + 1)
      between = Array(",\n".utf8) + pad(level + 1)
      close = [UInt8(ascii: "\n")] + pad(level) + [UInt8(ascii: "]")]
      rowOpen = Array("{\n".utf8) + pad(level + 2)
      rowBetween = Array(",\n".utf8) + pad(level + 2)
      rowClose = [UInt8(ascii: "\n")] + pad(level + 1) + [UInt8(ascii: "}")]
    } else {
      (open, between, close) = ([UInt8(ascii: "[")], Array(", ".utf8), [UInt8(ascii: "]")])
      (rowOpen, rowBetween, rowClose) = ([UInt8(ascii: "{")], Array(", ".utf8), [UInt8(ascii: "}")])
    }
    /// Rows `range`, each after `between` but the table's first, appended to `text`.
    @Sendable func write(_ range: Range<Int>, into text: inout [UInt8]) {
      var writer = JSONRow(out: ByteWriter(capacity: range.count * 64), keys: quotedKeys, open: rowOpen, between: rowBetween)
      for index in range {
        if index > 0 { writer.out.append(between) }
        writer.column = 0
        if quotedKeys.isEmpty {
          writer.out.append("{}")
          continue
        }
        row(index, &writer)
        precondition(writer.column == quotedKeys.count, "a table row wrote \(writer.column) of its \(keys.count) cells")
        writer.out.append(rowClose)
      }
      writer.out.withBytes { text.append(contentsOf: $0) }
    }
    out += open
    // A large table is written in parts side by side, one per core, and the parts put together
    // in order: the text is the same, made in a fraction of the time.
    let parts = count >= 20_000 ? max(1, min(8, ProcessInfo.processInfo.activeProcessorCount)) : 1
    if parts == 1 {
      write(0..<count, into: &out)
    } else {
      let texts = Mutex<[[UInt8]]>(Array(repeating: [], count: parts))
      DispatchQueue.concurrentPerform(iterations: parts) { part in
        var text: [UInt8] = []
        write(count * part / parts..<count * (part + 1) / parts, into: &text)
        texts.withLock { $0[part] = text }
      }
      for text in texts.withLock({ $0 }) { out += text }
    }
    out += close
  }

  /// A number of seconds given in whole microseconds, in its shortest decimal form: `0.4`, `1`,
  /// `0.000001`, `-2.5`.
  public static func seconds(microseconds: Int64) -> String {
    var out: [UInt8] = []
    seconds(microseconds: microseconds, into: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// Appends ``seconds(microseconds:)``, written right to left on the stack and copied once.
  static func seconds(microseconds: Int64, into out: inout [UInt8]) {
    seconds(microseconds: microseconds) { out.append(contentsOf: $0) }
  }

  /// ``seconds(microseconds:)`` written right to left on the stack, and handed over in one piece.
  @inline(__always) static func seconds(microseconds: Int64, _ emit: (UnsafeBufferPointer<UInt8>) -> Void) {
    let magnitude = microseconds.magnitude
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { buffer in
      var end = buffer.count
      func put(_ byte: UInt8) {
        end -= 1
        buffer[end] = byte
      }
      var fraction = magnitude % 1_000_000
      if fraction > 0 {
        var digits = 6
        while fraction % 10 == 0 {
          fraction /= 10
          digits -= 1
        }
        for _ in 0..<digits {
          put(UInt8(ascii: "0") + UInt8(fraction % 10))
          fraction /= 10
        }
        put(UInt8(ascii: "."))
      }
      var whole = magnitude / 1_000_000
      repeat {
        put(UInt8(ascii: "0") + UInt8(whole % 10))
        whole /= 10
      } while whole > 0
      if microseconds < 0 { put(UInt8(ascii: "-")) }
      emit(UnsafeBufferPointer(rebasing: buffer[end...]))
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
    bytes.append(UInt8(ascii: "\""))
    text.withUTF8 { escape(utf8: $0, into: &bytes) }
    bytes.append(UInt8(ascii: "\""))
  }

  /// Appends `text` followed by `suffix` as one JSON string.
  static func quote(_ text: String, suffix: String, into bytes: inout [UInt8]) {
    var (text, suffix) = (text, suffix)
    bytes.append(UInt8(ascii: "\""))
    text.withUTF8 { escape(utf8: $0, into: &bytes) }
    suffix.withUTF8 { escape(utf8: $0, into: &bytes) }
    bytes.append(UInt8(ascii: "\""))
  }

  /// Appends `text` as a JSON string to a table's writer.
  static func quote(_ text: String, into writer: ByteWriter) {
    var text = text
    writer.append(UInt8(ascii: "\""))
    text.withUTF8 { escape(utf8: $0, into: writer) }
    writer.append(UInt8(ascii: "\""))
  }

  /// Appends `text` followed by `suffix` as one JSON string to a table's writer.
  static func quote(_ text: String, suffix: String, into writer: ByteWriter) {
    var (text, suffix) = (text, suffix)
    writer.append(UInt8(ascii: "\""))
    text.withUTF8 { escape(utf8: $0, into: writer) }
    suffix.withUTF8 { escape(utf8: $0, into: writer) }
    writer.append(UInt8(ascii: "\""))
  }

  /// Whether UTF-8 text goes into a JSON string as it is.
  @inline(__always) private static func needsNoEscape(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
    utf8.allSatisfy { $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C && $0 != 0x7F && $0 != 0xE2 }
  }

  private static func escape(utf8: UnsafeBufferPointer<UInt8>, into writer: ByteWriter) {
    if needsNoEscape(utf8) {
      writer.append(utf8)
      return
    }
    var escaped: [UInt8] = []
    escape(utf8: utf8, into: &escaped)
    writer.append(escaped)
  }

  /// Appends valid UTF-8 text as the inside of a JSON string.
  private static func escape(utf8: UnsafeBufferPointer<UInt8>, into bytes: inout [UInt8]) {
    if needsNoEscape(utf8) {
      bytes.append(contentsOf: utf8)
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
      case 0xE2
      where index + 2 < utf8.count && utf8[index + 1] == 0x80 && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
        unicodeEscape(utf8[index + 2] == 0xA8 ? 0x2028 : 0x2029, into: &bytes)
        index += 2
      default: bytes.append(byte)
      }
      index += 1
    }
  }

  /// `\uXXXX`, in lowercase hex as the escapes above have always been written.
  private static func unicodeEscape(_ value: UInt32, into bytes: inout [UInt8]) {
    let hex = String(value, radix: 16)
    bytes += "\\u".utf8
    bytes += repeatElement(UInt8(ascii: "0"), count: 4 - hex.count)
    bytes += hex.utf8
  }
}

extension [UInt8] {
  /// Appends a literal's bytes in one copy.
  @inline(__always) fileprivate mutating func add(_ text: StaticString) {
    append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }

  /// Appends a string's UTF-8 in one copy.
  @inline(__always) fileprivate mutating func add(text: String) {
    var text = text
    text.withUTF8 { append(contentsOf: $0) }
  }
}

/// One row of a ``JSONOutput/table(count:keys:row:)``: its cells are written in the order of the
/// table's keys, one call each.
public struct JSONRow {
  fileprivate var out: ByteWriter
  /// What comes before each cell: the row's opening or the separator, then the cell's key, as
  /// one run of bytes.
  fileprivate let prefixes: [[UInt8]]
  fileprivate var column = 0

  fileprivate init(out: ByteWriter, keys: [[UInt8]], open: [UInt8], between: [UInt8]) {
    self.out = out
    self.prefixes = keys.indices.map { ($0 == 0 ? open : between) + keys[$0] }
  }

  /// Starts the next cell: what separates it from the one before, and its key.
  private mutating func next() {
    precondition(column < prefixes.count, "a table row wrote more cells than its \(prefixes.count) keys")
    prefixes.withUnsafeBufferPointer { out.append($0[column]) }
    column += 1
  }

  public mutating func string(_ text: String) {
    next()
    JSONOutput.quote(text, into: out)
  }

  /// A number already formatted, as ``JSONOutput/number(_:)``.
  public mutating func number(_ text: String) {
    next()
    out.append(text: text)
  }

  /// A string written as `text` followed by `suffix` (`name` and `:ok`), with no string made of
  /// the two.
  public mutating func string(_ text: String, suffix: String) {
    next()
    JSONOutput.quote(text, suffix: suffix, into: out)
  }

  /// A number of seconds given in whole microseconds, in its shortest form (`0.4`, `1`,
  /// `0.000001`), as ``JSONOutput/seconds(microseconds:)`` writes it.
  public mutating func seconds(microseconds: Int64) {
    next()
    JSONOutput.seconds(microseconds: microseconds) { out.append($0) }
  }

  public mutating func int(_ value: Int) {
    next()
    out.append(text: String(value))
  }

  public mutating func null() {
    next()
    out.append("null")
  }
}
