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

  /// The table Tests/Corpus/names/record_names.py writes.
  static let generatedNames = "CPythonNames.swift"

  func expectOnlyStringTables(_ text: String, file: String) {
    for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      let allowed =
        trimmed.hasPrefix("//") || trimmed == "enum CPythonNames {" || trimmed == "]" || trimmed == "}"
        || trimmed.hasPrefix("static let ") && trimmed.hasSuffix(": [String: String] = [")
        || trimmed.range(of: #"^"[a-z]+( [a-z_.]+)?": "[^"\\]*",$"#, options: .regularExpression) != nil
      if !allowed { Issue.record("\(file) holds more than tables of names: \(trimmed.prefix(80))") }
    }
  }

  @Test func theInterpreterNamesNothingThatReachesTheMachine() throws {
    let files = try #require(FileManager.default.enumerator(atPath: Self.sources.path)?.allObjects as? [String])
    let swiftFiles = files.filter { $0.hasSuffix(".swift") }
    #expect(swiftFiles.count > 20)
    for file in swiftFiles {
      let text = try String(contentsOf: Self.sources.appendingPathComponent(file), encoding: .utf8)
      // CPython's attribute names (`time.clock_gettime`) are data there, not calls: that file must
      // hold nothing but its tables of string literals.
      if file.hasSuffix(Self.generatedNames) {
        expectOnlyStringTables(text, file: file)
        continue
      }
      for name in Self.forbidden where text.contains(name) {
        Issue.record("\(file) names \(name)")
      }
    }
  }
}
