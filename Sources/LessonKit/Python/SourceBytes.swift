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
