/// A program's bytes as a dictionary key: hashed in one pass over the buffer, where `[UInt8]`
/// feeds the hasher byte by byte (a cache lookup of a 2 KB program cost more than reading it).
struct SourceBytes: Hashable, Sendable {
  let bytes: [UInt8]

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  func hash(into hasher: inout Hasher) {
    hasher.combine(bytes.count)
    bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
  }

  static func == (a: Self, b: Self) -> Bool { a.bytes == b.bytes }
}

extension StringProtocol {
  /// Whether `other` occurs in the text, compared byte by byte when both are ASCII (where that is
  /// what Foundation's `contains` finds, without its cost); otherwise as Foundation compares.
  func containsText(_ other: some StringProtocol) -> Bool {
    let haystack = utf8, needle = other.utf8
    guard needle.allSatisfy({ $0 < 0x80 }), haystack.allSatisfy({ $0 < 0x80 }) else {
      return range(of: other) != nil
    }
    guard let first = needle.first else { return true }
    let needleCount = needle.count
    guard needleCount <= haystack.count else { return false }
    var start = haystack.startIndex
    let lastStart = haystack.index(haystack.endIndex, offsetBy: -needleCount)
    while start <= lastStart {
      if haystack[start] == first, haystack[start...].starts(with: needle) { return true }
      start = haystack.index(after: start)
    }
    return false
  }
}
