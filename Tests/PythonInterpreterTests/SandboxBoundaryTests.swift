import Foundation
import Testing

/// The interpreter is a sandbox by construction: its sources never name an API that reaches files,
/// the network, processes, the environment or the real clock, so no program can get to one.
@Suite struct SandboxBoundaryTests {
  static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/PythonInterpreter")

  static let forbidden = [
    "FileManager", "FileHandle.", "FileHandle(", "fopen", "fwrite", "URLSession", "URLRequest", "Process()", "ProcessInfo.processInfo.environment",
    "getenv", "setenv", "Bundle", "import Glibc", "import Darwin", "import Musl", "socket(", "connect(", "unlink(",
    "Date()", "gettimeofday", "clock_gettime", "DispatchTime", "ContinuousClock", "SuspendingClock", "String(contentsOf", "Data(contentsOf",
    "write(to:", "system(", "dlopen", "NSHomeDirectory",
  ]

  @Test func theInterpreterNamesNothingThatReachesTheMachine() throws {
    let files = try #require(FileManager.default.enumerator(atPath: Self.sources.path)?.allObjects as? [String])
    let swiftFiles = files.filter { $0.hasSuffix(".swift") }
    #expect(swiftFiles.count > 20)
    for file in swiftFiles {
      let text = try String(contentsOf: Self.sources.appendingPathComponent(file), encoding: .utf8)
      for name in Self.forbidden where text.contains(name) {
        Issue.record("\(file) names \(name)")
      }
    }
  }
}
