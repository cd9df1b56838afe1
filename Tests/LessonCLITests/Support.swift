import Foundation
import LessonCLI
import Synchronization
import Testing

/// A console that captures what `lesson` writes.
final class CapturedConsole: Sendable {
  final class Buffer: Sendable {
    let text = Mutex("")
  }

  private let stdout = Buffer()
  private let stderr = Buffer()
  let console: Console

  init(width: Int = 80, colors: Bool = false, directory: String = CLIFixtures.directory, executable: String? = nil) {
    let stdout = self.stdout
    let stderr = self.stderr
    var console = Console(
      out: { text in stdout.text.withLock { $0 += text } }, err: { text in stderr.text.withLock { $0 += text } },
      isTerminal: colors, colors: colors, width: width, directory: directory)
    console.executable = executable
    self.console = console
  }

  var out: String { stdout.text.withLock { $0 } }
  var err: String { stderr.text.withLock { $0 } }
}

/// The result of one in-process `lesson` run.
struct CLIRun: Sendable {
  var code: ExitCode
  var out: String
  var err: String

  /// The snapshot form: exit code, stdout and stderr.
  var snapshot: String { "exit: \(code.rawValue)\n--- stdout\n\(out)--- stderr\n\(err)" }
}

func lesson(_ arguments: String..., width: Int = 80, colors: Bool = false) -> CLIRun {
  let captured = CapturedConsole(width: width, colors: colors)
  let code = LessonTool.main(arguments, console: captured.console)
  return CLIRun(code: code, out: captured.out, err: captured.err)
}

enum CLIFixtures {
  static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  static let directory = testsDirectory.appendingPathComponent("Fixtures").path
  static let snapshots = testsDirectory.appendingPathComponent("Snapshots")
  static let packageRoot = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
}

/// Compares `actual` with `Snapshots/<name>.txt`. A missing file, or `RECORD_SNAPSHOTS=1`, writes
/// it and fails, so every baseline is reviewed in the diff.
func assertSnapshot(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
  let url = CLIFixtures.snapshots.appendingPathComponent(name + ".txt")
  let normalized = actual.replacingOccurrences(of: "\r\n", with: "\n")
  let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
  guard !record, let expected = try? String(contentsOf: url, encoding: .utf8) else {
    try? FileManager.default.createDirectory(at: CLIFixtures.snapshots, withIntermediateDirectories: true)
    try? normalized.write(to: url, atomically: true, encoding: .utf8)
    Issue.record("recorded snapshot \(name).txt; review it and run the tests again", sourceLocation: sourceLocation)
    return
  }
  if expected != normalized {
    let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let got = normalized.split(separator: "\n", omittingEmptySubsequences: false)
    var diff: [String] = []
    for index in 0..<max(want.count, got.count) {
      let w = index < want.count ? String(want[index]) : "<none>"
      let g = index < got.count ? String(got[index]) : "<none>"
      if w != g { diff.append("line \(index + 1):\n  - \(w)\n  + \(g)") }
    }
    let shown = diff.prefix(10).joined(separator: "\n")
    Issue.record("snapshot \(name).txt differs:\n\(shown)", sourceLocation: sourceLocation)
  }
}
