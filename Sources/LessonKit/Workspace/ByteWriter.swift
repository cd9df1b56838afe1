/// A growing run of bytes, appended to with plain copies: what the rows of a large table are
/// written into before they join the document.
///
/// An `Array`'s `append(contentsOf:)` checks uniqueness and goes through generic code on every
/// call; a table of 100,000 rows makes well over a million small appends.
final class ByteWriter {
  private var base: UnsafeMutablePointer<UInt8>
  private(set) var count = 0
  private var capacity: Int

  init(capacity: Int = 1 << 12) {
    self.capacity = max(capacity, 16)
    base = .allocate(capacity: self.capacity)
  }

  deinit { base.deallocate() }

  /// Makes room for `more` bytes.
  private func grow(_ more: Int) {
    var larger = capacity * 2
    while larger < count + more { larger *= 2 }
    let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
    moved.update(from: base, count: count)
    base.deallocate()
    base = moved
    capacity = larger
  }

  @inline(__always) func append(_ byte: UInt8) {
    if count == capacity { grow(1) }
    base[count] = byte
    count += 1
  }

  @inline(__always) func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let source = bytes.baseAddress else { return }
    if count + bytes.count > capacity { grow(bytes.count) }
    (base + count).update(from: source, count: bytes.count)
    count += bytes.count
  }

  @inline(__always) func append(_ bytes: [UInt8]) {
    bytes.withUnsafeBufferPointer { append($0) }
  }

  @inline(__always) func append(_ text: StaticString) {
    append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }

  /// A string's UTF-8, copied whole.
  @inline(__always) func append(text: String) {
    var text = text
    text.withUTF8 { append($0) }
  }

  /// The bytes written so far.
  func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    body(UnsafeBufferPointer(start: base, count: count))
  }
}
