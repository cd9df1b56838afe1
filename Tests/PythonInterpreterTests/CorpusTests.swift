import AsyncioModel
import Foundation
import PythonInterpreter
import Testing

/// The learner-program corpus (`Tests/Corpus/programs`): what real CPython 3.10–3.13 printed for
/// each of its programs, recorded on a virtual clock. The interpreter must agree on every program
/// it runs (stdout exactly, stderr's last line, exit status, deadlock, elapsed virtual time), and
/// refuse the rest with a line, never guess.
@Suite struct CorpusTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Corpus/programs")

  struct Record: Decodable {
    var stdout: String
    var stderrLastLine: String?
    var stderr: String?
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

  /// The programs the interpreter refuses today, each with what its refusal names. Any other
  /// refusal fails, and so does a program on this list that runs: take it off as lesson learns it.
  static let knownRefusals: [String: String] = [
    "p076_set_of_slow_tools.py": "set",
    "p162_to_thread_timeout_thread_keeps_running.py": "to_thread",
    // The second corpus (qNNN), written by someone who had not seen what lesson runs.
    "q058_numbers_decimal_fraction.py": "decimal",
    // Coroutines handed to as_completed start in an order memory addresses decide.
    "q062_as_completed_coroutine_order.py": "as_completed() given coroutines",
    // The third corpus (rNNN), written blind too.
    "r036_to_thread_time_sleep_limit.py": "threading",
    "r043_mistake_asyncio_run_inside.py": "second event loop",
    "r058_re_parse_specs.py": "import re",
  ]

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
    for name in Self.expected.programs.keys.sorted() {
      let (disagreement, refusal) = try Self.compare(name, version)
      if let disagreement { Issue.record(Comment(rawValue: disagreement)) }
      switch (refusal, Self.knownRefusals[name]) {
      case (let refusal?, let known?):
        #expect(refusal.contains(known), "\(name) under \(version.rawValue): refused for another reason: \(refusal)")
      case (let refusal?, nil):
        Issue.record("\(name) under \(version.rawValue) is refused: \(refusal)")
      case (nil, _?):
        Issue.record("\(name) runs under \(version.rawValue) now: take it off knownRefusals")
      case (nil, nil): break
      }
    }
  }

  /// Programs whose stderr is asyncio's report of a callback that raised: every line but the
  /// traceback's frames (lesson leaves out the one in asyncio's events.py) is CPython's.
  @Test(arguments: PythonVersion.allCases)
  func callbackReportsAreCPythonsLineForLine(version: PythonVersion) throws {
    let name = "s067_callbacks_that_raise.py"
    let record = try #require(Self.expected.programs[name]?[version.rawValue])
    let source = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
    let run = Interpreter.run(source: source, filename: name, version: version)
    #expect(run.stop == nil)
    func reportLines(_ text: String) -> [Substring] {
      text.split(separator: "\n").filter { !$0.hasPrefix(" ") && !$0.hasPrefix("Traceback") }
    }
    let expected = reportLines(try #require(record.stderr))
    #expect(expected.count == 9)
    #expect(reportLines(run.stderr) == expected)
  }

  @Test func theCorpusIsWhole() {
    #expect(Self.expected.programs.count >= 200)
    #expect(Self.expected.programs.values.allSatisfy { $0.count == 4 })
  }
}
