import AsyncioModel
import Foundation
import PythonInterpreter
import Testing

/// The hostile programs (`Tests/Corpus/hostile`): endless loops, deep recursion, huge values,
/// floods of tasks and output, the classic escapes, attempts on files, network and processes.
/// Each ends within its budget with a clear stop, or raises what CPython raises; nothing on the
/// machine changes.
@Suite struct HostileProgramTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Corpus/hostile")

  struct Expectation: Decodable {
    var outcome: String
    var mentions: [String]
    var line: Int?
    var lastLine: LastLine?
    enum LastLine: Decodable {
      case same(String)
      case perVersion([String: String])
      init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let s = try? c.decode(String.self) { self = .same(s) } else { self = .perVersion(try c.decode([String: String].self)) }
      }
      func text(_ v: PythonVersion) -> String? {
        switch self {
        case .same(let s): return s
        case .perVersion(let d): return d[v.rawValue]
        }
      }
    }
  }

  static let expectations: [String: Expectation] = {
    let data = try! Data(contentsOf: folder.appendingPathComponent("expected.json"))
    return try! JSONDecoder().decode([String: Expectation].self, from: data)
  }()

  /// Smaller budgets than a learner's run gets, so that the suite stays quick in a debug build.
  static var budgets: Budgets {
    var b = Budgets()
    b.steps = 2_000_000
    b.tasks = 20_000
    b.elements = 5_000_000
    return b
  }

  @Test(arguments: expectations.keys.sorted())
  func endsWithinItsBudget(name: String) throws {
    let e = try #require(Self.expectations[name])
    let source = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
    for version in [PythonVersion.v3_10, .v3_13] {
      let run = Interpreter.run(source: source, filename: name, version: version, budgets: Self.budgets)
      switch e.outcome {
      case "refused":
        guard case .refused(let line, _, let construct, let why)? = run.stop else {
          Issue.record("\(name) under \(version.rawValue) was not refused: \(run.stop.map { "\($0)" } ?? run.stderr)")
          continue
        }
        #expect(e.mentions.contains { construct.contains($0) || why.contains($0) }, "\(name): \(construct): \(why)")
        if let expectedLine = e.line { #expect(line == expectedLine, "\(name): refused at line \(line)") }
      case "budget":
        guard case .budget(let what)? = run.stop else {
          Issue.record("\(name) under \(version.rawValue) did not stop on a budget: \(run.stop.map { "\($0)" } ?? run.stderr)")
          continue
        }
        #expect(e.mentions.contains { what.contains($0) }, "\(name): \(what)")
      default:
        // What CPython raises, exactly; or a refusal, never a guess.
        if case .refused? = run.stop { continue }
        #expect(run.stop == nil, "\(name): \(String(describing: run.stop))")
        #expect(run.exitCode == 1)
        let last = run.stderr.split(separator: "\n").last.map(String.init)
        #expect(last == e.lastLine?.text(version), "\(name) under \(version.rawValue)")
      }
    }
  }

  @Test func nothingOnTheMachineChanges() throws {
    let marker = "/tmp/pwned"
    let before = FileManager.default.fileExists(atPath: marker)
    let cwd = FileManager.default.currentDirectoryPath
    let listing = try FileManager.default.contentsOfDirectory(atPath: cwd).sorted()
    for name in Self.expectations.keys.sorted() where Self.expectations[name]?.outcome == "refused" {
      let source = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
      _ = Interpreter.run(source: source, filename: name, version: .v3_12, budgets: Self.budgets)
    }
    #expect(FileManager.default.fileExists(atPath: marker) == before)
    #expect(try FileManager.default.contentsOfDirectory(atPath: cwd).sorted() == listing)
  }
}
