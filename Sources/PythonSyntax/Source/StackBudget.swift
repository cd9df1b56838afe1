/// How much of the thread's stack the lexer and parser may use below the call to `parse`.
///
/// The explicit limits (200 brackets, 100 indentation levels, 150 nested f-strings, 200 nested
/// expressions, chains of 500) bound the recursion by count; this bounds it by bytes, whatever the
/// build, with the error CPython gives for its own stack check. Measured in a release build, one
/// level of nested brackets costs about 6.8 KB of stack (14 frames of 256 to 960 bytes), an `if`
/// block 3.5 KB, a `lambda` 1.4 KB: 1.5 MiB lets a release build reach CPython's own limits (200
/// brackets, 100 indentation levels) first. Nested f-strings cost a lexer and a parser per level
/// and give up before CPython's 150. A debug build's frames are about twice as large, so it gives
/// up sooner on everything.
///
/// - Important: Call the parser on a thread with at least 2 MiB of stack: the main thread (8 MiB)
///   or a thread made for it. macOS gives secondary threads and Swift concurrency's threads 512 KiB.
struct StackBudget: Sendable {
  static let bytes: UInt = 1536 * 1024

  /// The address of a local variable in the frame that started the parse.
  let base: UInt

  init() {
    base = StackBudget.here()
  }

  @inline(never)
  static func here() -> UInt {
    var marker: UInt8 = 0
    return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
  }

  /// Whether the stack has grown past the budget (stacks grow down on every platform Swift runs on).
  @inline(__always)
  var isExhausted: Bool {
    let now = StackBudget.here()
    return base > now && base - now > StackBudget.bytes
  }
}
