import Foundation
import Testing

/// The value layer is pure computation: its sources import nothing, not even Foundation, so they
/// cannot reach files, processes, the network, the environment or the clock.
@Suite struct BoundaryTests {
  static let sources = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Sources/PythonValues")

  @Test func sourcesImportNothingButTheStandardLibrary() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: Self.sources.path).filter {
      $0.hasSuffix(".swift")
    }
    #expect(files.count >= 8)
    for file in files {
      let code = try String(contentsOf: Self.sources.appendingPathComponent(file), encoding: .utf8)
      for line in code.split(separator: "\n") {
        let trimmed = line.drop { $0 == " " }
        let words = trimmed.split(separator: " ")
        if let first = words.first,
          ["import", "@_exported", "@preconcurrency", "@testable"].contains(first),
          trimmed.contains("import ")
        {
          Issue.record("\(file) imports: \(trimmed)")
        }
      }
    }
  }
}
