import Foundation
import GuardedGather
import LessonKit
import Testing

/// One configuration with what real asyncio did for it (see `Conformance/asyncio_reference.py`).
struct ConformanceCase: Sendable, CustomTestStringConvertible {
  struct Call: Sendable, Hashable {
    var name: String
    var outcome: String
    var startedAt: Int?
    var endedAt: Int
  }

  var name: String
  var batch: GatherBatch
  var results: [String]?
  var error: String?
  var deadlock: Bool
  var calls: [Call]
  var peakConcurrency: Int
  var elapsed: Int

  var testDescription: String { name }

  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Conformance")

  static func load() throws -> [ConformanceCase] {
    let bytes = try [UInt8](Data(contentsOf: directory.appendingPathComponent("corpus.json")))
    var reader = JSONReader()
    reader.maximumDepth = 16
    guard case .array(let cases)? = try reader.parse(bytes)["cases"] else { return [] }
    return try cases.map { item in
      guard case .string(let name)? = item["name"], let configuration = item["configuration"],
        let expected = item["expected"]
      else { throw CorpusError() }
      let batch = try LearnerConfiguration.read(configuration, file: name).batch
      var calls: [Call] = []
      if case .array(let records)? = expected["calls"] {
        for record in records {
          guard case .string(let name)? = record["name"], case .string(let outcome)? = record["outcome"] else {
            throw CorpusError()
          }
          calls.append(
            Call(
              name: name, outcome: outcome, startedAt: int(record["startedAt"]), endedAt: int(record["endedAt"]) ?? -1))
        }
      }
      var results: [String]?
      if case .array(let list)? = expected["results"] {
        results = list.compactMap { if case .string(let s) = $0 { s } else { nil } }
      }
      var error: String?
      if case .string(let message)? = expected["error"] { error = message }
      return ConformanceCase(
        name: name, batch: batch, results: results, error: error, deadlock: expected["deadlock"] == .bool(true),
        calls: calls, peakConcurrency: int(expected["peakConcurrency"]) ?? -1, elapsed: int(expected["elapsed"]) ?? -1)
    }
  }

  static func int(_ value: JSONValue?) -> Int? {
    if case .number(let number, _)? = value { Int(number) } else { nil }
  }

  struct CorpusError: Error {}
}

extension Duration {
  /// Whole microseconds, as the corpus records times.
  var microseconds: Int {
    let (seconds, attoseconds) = components
    return Int(seconds) * 1_000_000 + Int((Double(attoseconds) / 1e12).rounded())
  }
}
