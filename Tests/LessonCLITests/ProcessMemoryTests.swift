import Testing

@testable import LessonCLI

/// The `lesson` executable measures a program's memory by its process's resident memory.
@Suite struct ProcessMemoryTests {
  @Test func theMeterSeesMemoryTheProcessTakes() {
    let before = ProcessMemory.resident()
    #expect(before > 1 << 20)
    var block = [UInt8](repeating: 1, count: 64 << 20)
    block[block.count - 1] = 2
    let after = ProcessMemory.resident()
    #expect(after - before >= 48 << 20, "\(before) then \(after)")
    #expect(block.last == 2)
  }
}
