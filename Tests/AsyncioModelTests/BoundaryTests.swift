import Foundation
import Testing

/// The asyncio model is a sandbox by construction: its sources import nothing that reaches the
/// machine (no Foundation, no C library, no Dispatch), and name no call that does.
@Suite struct BoundaryTests {
  static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Sources/AsyncioModel")

  static let forbiddenImports = ["Foundation", "FoundationEssentials", "Glibc", "Darwin", "Dispatch", "Musl", "WinSDK"]
  static let forbiddenCalls = [
    "fopen(", "open(", "FileManager", "FileHandle", "Process(", "getenv", "environ", "socket(", "connect(",
    "clock_gettime", "gettimeofday", "ContinuousClock", "SuspendingClock", "Date(", "usleep", "system(",
  ]

  @Test func theModelTouchesNothingOutside() throws {
    let files = try FileManager.default.subpathsOfDirectory(atPath: Self.sources.path).filter { $0.hasSuffix(".swift") }
    #expect(files.count >= 10)
    for file in files {
      let text = try String(contentsOf: Self.sources.appendingPathComponent(file), encoding: .utf8)
      for line in text.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).hasPrefix("///") {
        let code = line.trimmingCharacters(in: .whitespaces)
        for module in Self.forbiddenImports where code.hasPrefix("import \(module)") {
          Issue.record("\(file) imports \(module)")
        }
        for call in Self.forbiddenCalls where code.contains(call) && !code.hasPrefix("//") {
          Issue.record("\(file) calls \(call): \(code)")
        }
      }
    }
  }
}
