import Testing
@testable import LessonCLI

/// In `watch`, `s` after a pass stays on the lesson passed; other keys do nothing.
@Suite struct WatchKeyTests {
  @Test func sStaysAndOtherKeysDoNothing() {
    #expect(WatchKey(UInt8(ascii: "s")) == .stay)
    #expect(WatchKey(UInt8(ascii: "S")) == .stay)
    for other in ["n", "q", " ", "\n"] { #expect(WatchKey(UInt8(ascii: Unicode.Scalar(other)!)) == .none) }
  }
}
