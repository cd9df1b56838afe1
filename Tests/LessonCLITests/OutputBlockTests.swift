import Testing

@testable import LessonCLI

/// Output made in blocks on every core comes out whole and in order.
@Suite struct OutputBlockTests {
  @Test(arguments: [0, 1, 5, 1_023, 1_024, 1_025, 5_000]) func everyItemOnceInOrder(_ count: Int) {
    var written: [UInt8] = []
    var writes = 0
    GradebookView.inBlocks(count, block: 7, { range in range.flatMap { Array("\($0),".utf8) } }) {
      written += $0
      writes += 1
    }
    #expect(String(decoding: written, as: UTF8.self) == (0..<count).map { "\($0)," }.joined())
    #expect(writes == (count + 6) / 7)
  }
}
