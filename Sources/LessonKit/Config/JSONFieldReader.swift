/// Reads the fields of one JSON object, turning every problem into a ``LessonKitError`` with the
/// file and the JSON path.
package struct JSONFieldReader {
  let file: String
  private let base: String
  /// The index in the array named `base`, for an item of a list (`calls[3]`): the path is only
  /// spelled out when a message needs it.
  private let index: Int?
  let members: [JSONMember]

  /// The JSON path of the object (`calls[3]`).
  var path: String { index.map { "\(base)[\($0)]" } ?? base }

  /// Reads `value` as an object whose fields must all be in `known`.
  init(_ value: JSONValue, file: String, path: String, index: Int? = nil, known: [String]) throws(LessonKitError) {
    self.file = file
    self.base = path
    self.index = index
    guard case .object(let members) = value else {
      let where_ = index.map { "\(path)[\($0)]" } ?? path
      throw .invalidField(
        path: file, field: where_.isEmpty ? "(top level)" : where_, expected: "an object", found: value.kindDescription)
    }
    self.members = members
    for member in members where !known.contains(member.key) {
      throw .unknownField(
        path: file, field: field(member.key), suggestion: Self.nearest(member.key, in: known), known: known)
    }
  }

  func field(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

  func has(_ key: String) -> Bool { members.contains(where: { $0.key == key }) }

  func value(_ key: String) -> JSONValue? { members.first(where: { $0.key == key })?.value }

  func fail(_ key: String, expected: String, found value: JSONValue) -> LessonKitError {
    .invalidField(path: file, field: field(key), expected: expected, found: value.kindDescription)
  }

  func required(_ key: String, expected: String) throws(LessonKitError) -> JSONValue {
    guard let value = value(key) else { throw .missingField(path: file, field: field(key), expected: expected) }
    return value
  }

  /// An optional string: missing or `null` is `nil`.
  func string(_ key: String, expected: String = "a string") throws(LessonKitError) -> String? {
    guard let value = value(key), value != .null else { return nil }
    guard case .string(let text) = value else { throw fail(key, expected: expected, found: value) }
    return text
  }

  func bool(_ key: String) throws(LessonKitError) -> Bool? {
    guard let value = value(key) else { return nil }
    guard case .bool(let flag) = value else { throw fail(key, expected: "true or false", found: value) }
    return flag
  }

  /// A whole number in `range`; `2.0` counts as whole.
  func wholeNumber(_ key: String, in range: ClosedRange<Int>, expected: String) throws(LessonKitError) -> Int? {
    guard let value = value(key) else { return nil }
    guard let number = Self.wholeNumber(value, in: range) else { throw fail(key, expected: expected, found: value) }
    return number
  }

  static func wholeNumber(_ value: JSONValue, in range: ClosedRange<Int>) -> Int? {
    guard case .number(let number, _) = value, number.isFinite, number.rounded() == number,
      number >= Double(range.lowerBound), number <= Double(range.upperBound)
    else { return nil }
    return Int(number)
  }

  /// A duration in seconds, `0...maximum`, kept to the microsecond.
  static func seconds(_ value: JSONValue, maximum: Double) -> Duration? {
    guard case .number(let number, _) = value, number.isFinite, number >= 0, number <= maximum else { return nil }
    return .microseconds(Int64((number * 1_000_000).rounded()))
  }

  /// The known name nearest to `key` (edit distance at most 2, or a case-insensitive match).
  package static func nearest(_ key: String, in known: [String]) -> String? {
    let lower = key.lowercased()
    if let same = known.first(where: { $0.lowercased() == lower }) { return same }
    let scored = known.map { ($0, editDistance(lower, $0.lowercased())) }.filter { $0.1 <= max(2, key.count / 3) }
    return scored.min(by: { $0.1 < $1.1 })?.0
  }

  static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.prefix(64))
    let b = Array(b.prefix(64))
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = previous
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}
