import Foundation
import Testing

/// The syntax front end takes a string and gives a tree: its sources reach no file, process,
/// socket, environment or clock, and import nothing beyond the standard library and the model.
@Suite struct NoIOTests {
  static let forbidden = [
    "import Foundation", "import Glibc", "import Darwin", "import Dispatch", "FileManager",
    "FileHandle", "fopen",
    "ProcessInfo", "getenv", "Process(", "Date()", "ContinuousClock", "SuspendingClock", "socket(",
    "URLSession",
  ]

  @Test func sourcesDoNoIO() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Sources/PythonSyntax")
    let files = try #require(FileManager.default.enumerator(atPath: root.path)).compactMap {
      $0 as? String
    }
    .filter { $0.hasSuffix(".swift") }
    #expect(files.count > 10)
    for file in files {
      let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
      for word in Self.forbidden {
        #expect(!text.contains(word), "\(file) uses \(word)")
      }
    }
  }
}
