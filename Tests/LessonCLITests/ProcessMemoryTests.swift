import Testing

@testable import LessonCLI

/// The `lesson` executable measures a program's memory by its process's resident memory.
@Suite struct ProcessMemoryTests {
  @Test func theMeterSeesMemoryTheProcessTakes() {
    let before = ProcessMemory.resident()
    #expect(before > 1 << 20)
    // The other suites run beside this one and free memory of their own between the two readings:
    // a block of 64 MB must show as at least 48 MB more in one of three tries.
    var grew: [Int] = []
    for _ in 0..<3 {
      let start = ProcessMemory.resident()
      var block = [UInt8](repeating: 1, count: 64 << 20)
      block[block.count - 1] = 2
      let after = ProcessMemory.resident()
      #expect(block.last == 2)
      grew.append(after - start)
      if after - start >= 48 << 20 { break }
    }
    #expect(grew.contains { $0 >= 48 << 20 }, "grew by \(grew)")
  }
}
