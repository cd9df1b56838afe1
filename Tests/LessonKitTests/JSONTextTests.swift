import Foundation
import LessonKit
import Testing

/// The JSON lesson reads and writes: numbers read as `Double(text)` reads them, however they are
/// read, and a table written exactly as the list of objects it stands for.
@Suite struct JSONTextTests {
  /// The value JSONReader gives a number written as `text`.
  static func read(_ text: String) throws -> Double? {
    guard
      case .number(let value, _)? = try JSONReader().parse(Array("[\(text)]".utf8)).arrayItems?
        .first
    else {
      return nil
    }
    return value
  }

  @Test func numbersAreReadAsDoubleReadsTheirText() throws {
    var texts = [
      "0", "-0", "0.1", "0.2", "0.3", "1.5", "-12.5", "0.000001", "123456789012345",
      "1234567890123456",
      "0.123456789012345", "0.1234567890123456", "999999999999999.9", "9007199254740993",
      "0.30000000000000004",
      "1e3", "2.5E-3", "-1e-7", "0.0000000000000000000001", "0.00000000000000000000001",
      "100000000000000000000000",
    ]
    var random = SystemRandomNumberGenerator()
    for _ in 0..<20_000 {
      let whole = UInt64.random(in: 0..<1_000_000_000, using: &random)
      let decimals = Int.random(in: 0...12, using: &random)
      let fraction = (0..<decimals).map { _ in String(Int.random(in: 0...9, using: &random)) }
        .joined()
      let sign = Bool.random(using: &random) ? "-" : ""
      texts.append(decimals == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)")
    }
    for text in texts {
      let read = try Self.read(text)
      let expected = Double(text)!
      #expect(read?.bitPattern == expected.bitPattern, "\(text)")
    }
  }

  static let keys = ["name", "outcome", "startedAt", "endedAt"]

  /// Row `index` as an object, and written into a table row: the same cells either way.
  static func object(_ index: Int) -> JSONOutput {
    .object([
      ("name", .string("tool \"\(index)\"\n")),
      ("outcome", .string(index % 3 == 0 ? "timeout" : "ok")),
      ("startedAt", index % 5 == 0 ? .null : .number("0.\(index)")), ("endedAt", .int(index)),
    ])
  }

  static func write(_ index: Int, _ row: inout JSONRow) {
    row.string("tool \"\(index)\"\n")
    row.string(index % 3 == 0 ? "timeout" : "ok")
    if index % 5 == 0 { row.null() } else { row.number("0.\(index)") }
    row.int(index)
  }

  @Test(arguments: [0, 1, 2, 7, 25_001])
  func aTableIsWrittenAsTheListOfItsObjects(count: Int) {
    let table = JSONOutput.object([
      ("calls", .table(count: count, keys: Self.keys) { index, row in Self.write(index, &row) }),
      ("after", .int(1)),
    ])
    let list = JSONOutput.object([
      ("calls", .array((0..<count).map(Self.object))), ("after", .int(1)),
    ])
    #expect(table.pretty == list.pretty)
    #expect(table.compact == list.compact)
    #expect(table.prettyLine == list.pretty + "\n")
    #expect(table.pretty(level: 2) == list.pretty(level: 2))
  }

  /// Item `index` of a list: a string (some with text to escape, some joined from two parts),
  /// null or a number.
  static func item(_ index: Int) -> JSONOutput {
    switch index % 4 {
    case 0: .string("tool\(index):ok")
    case 1: .string("t\u{2028}\"\(index)\"\n:timeout")
    case 2: .null
    default: .number("0.\(index)")
    }
  }

  static func write(item index: Int, _ row: inout JSONRow) {
    switch index % 4 {
    case 0: row.string("tool\(index)", suffix: ":ok")
    case 1: row.string("t\u{2028}\"\(index)", suffix: "\"\n:timeout")
    case 2: row.null()
    default: row.number("0.\(index)")
    }
  }

  @Test(arguments: [0, 1, 2, 7, 25_001])
  func aListIsWrittenAsTheArrayOfItsItems(count: Int) {
    let written = JSONOutput.object([
      ("results", .list(count: count) { index, row in Self.write(item: index, &row) }),
      ("after", .int(1)),
    ])
    let array = JSONOutput.object([
      ("results", .array((0..<count).map(Self.item))), ("after", .int(1)),
    ])
    #expect(written.pretty == array.pretty)
    #expect(written.compact == array.compact)
    #expect(written.prettyLine == array.pretty + "\n")
    #expect(written.pretty(level: 1) == array.pretty(level: 1))
  }

  /// Seconds from whole microseconds, as a person writes them: the whole part, then the
  /// fraction's six digits without the zeros at its end.
  static func secondsByHand(_ micros: Int64) -> String {
    let sign = micros < 0 ? "-" : ""
    let magnitude = micros.magnitude
    let whole = String(magnitude / 1_000_000)
    var fraction = String(magnitude % 1_000_000)
    fraction = String(repeating: "0", count: 6 - fraction.count) + fraction
    while fraction.hasSuffix("0") { fraction.removeLast() }
    return sign + whole + (fraction.isEmpty ? "" : "." + fraction)
  }

  @Test func secondsAreWrittenInTheirShortestForm() {
    var values: [Int64] = [
      0, 1, 10, 999_999, 1_000_000, 1_000_001, 400_000, -1, -2_500_000, .max, .min, .min + 1,
    ]
    var random = SystemRandomNumberGenerator()
    for _ in 0..<5_000 {
      values.append(Int64.random(in: -10_000_000_000...10_000_000_000, using: &random))
    }
    for value in values {
      #expect(JSONOutput.seconds(microseconds: value) == Self.secondsByHand(value), "\(value)")
      #expect(
        Double(JSONOutput.seconds(microseconds: value)) == Double(value) / 1_000_000
          || value.magnitude > 1 << 52)
    }
  }

  @Test func aTableWithoutKeysIsAListOfEmptyObjects() {
    let table = JSONOutput.table(count: 3, keys: []) { _, _ in }
    let list = JSONOutput.array([.object([]), .object([]), .object([])])
    #expect(table.pretty == list.pretty)
    #expect(table.compact == list.compact)
  }
}

extension JSONValue {
  fileprivate var arrayItems: [JSONValue]? {
    if case .array(let items) = self { items } else { nil }
  }
}
