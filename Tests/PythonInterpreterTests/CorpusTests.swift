import AsyncioModel
import Foundation
import PythonInterpreter
import Testing

/// The learner-program corpus (`Tests/Corpus/programs`): what real CPython 3.10–3.13 printed for
/// each of 235 programs, recorded on a virtual clock. The interpreter must agree on every program
/// it runs (stdout exactly, stderr's last line, exit status, deadlock, elapsed virtual time), and
/// refuse the rest with a line, never guess.
@Suite struct CorpusTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Corpus/programs")

  struct Record: Decodable {
    var stdout: String
    var stderrLastLine: String?
    var exitCode: Int?
    var deadlock: Bool
    var elapsed: Double
  }
  struct Expected: Decodable {
    var programs: [String: [String: Record]]
  }

  static let expected: Expected = {
    let data = try! Data(contentsOf: folder.appendingPathComponent("expected.json"))
    return try! JSONDecoder().decode(Expected.self, from: data)
  }()

  /// The most programs (of 235) the interpreter may refuse under one version today; lower it as it
  /// learns more.
  static let refusalCeiling = 5

  static func lastLine(_ text: String) -> String? {
    text.split(separator: "\n").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.map(String.init)
  }

  /// One program under one version: nil when it agrees, else what differs.
  static func compare(_ name: String, _ version: PythonVersion) throws -> (disagreement: String?, refused: String?) {
    let record = try #require(expected.programs[name]?[version.rawValue])
    let source = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    let run = Interpreter.run(source: source, filename: name, version: version)
    if let stop = run.stop { return (nil, "\(stop)") }
    var differences: [String] = []
    if run.stdout != record.stdout { differences.append("stdout: expected \(record.stdout.debugDescription), got \(run.stdout.debugDescription)") }
    if lastLine(run.stderr) != record.stderrLastLine {
      differences.append("stderr: expected \(record.stderrLastLine ?? "nothing"), got \(lastLine(run.stderr) ?? "nothing")")
    }
    if run.exitCode != record.exitCode { differences.append("exit: expected \(record.exitCode.map(String.init) ?? "none"), got \(run.exitCode.map(String.init) ?? "none")") }
    if run.deadlock != record.deadlock { differences.append("deadlock: expected \(record.deadlock)") }
    if abs(run.elapsed - record.elapsed) > 1e-6 { differences.append("elapsed: expected \(record.elapsed), got \(run.elapsed)") }
    return (differences.isEmpty ? nil : "\(name) under \(version.rawValue): " + differences.joined(separator: "; "), nil)
  }

  @Test(arguments: PythonVersion.allCases)
  func everyProgramAgreesOrIsRefused(version: PythonVersion) throws {
    var refused: [String] = []
    for name in Self.expected.programs.keys.sorted() {
      let (disagreement, refusal) = try Self.compare(name, version)
      if let disagreement { Issue.record(Comment(rawValue: disagreement)) }
      if let refusal { refused.append("\(name): \(refusal)") }
    }
    #expect(refused.count <= Self.refusalCeiling, Comment(rawValue: "\(refused.count) refused under \(version.rawValue):\n" + refused.joined(separator: "\n")))
  }

  @Test func theCorpusIsWhole() {
    #expect(Self.expected.programs.count >= 200)
    #expect(Self.expected.programs.values.allSatisfy { $0.count == 4 })
  }
}
