import Foundation
import GuardedGather

/// One configuration with what real asyncio did for it under each CPython version (see
/// `Conformance/asyncio_reference.py`).
package struct ConformanceCase: Sendable {
  package struct Call: Sendable, Hashable {
    package var name: String
    package var outcome: String
    package var startedAt: Int?
    package var endedAt: Int
  }

  /// What one CPython version did.
  package struct Expected: Sendable {
    package var results: [String]?
    package var error: String?
    package var deadlock: Bool
    package var calls: [Call]
    package var peakConcurrency: Int
    package var elapsed: Int
  }

  package var name: String
  package var batch: GatherBatch
  package var expected: [PythonVersion: Expected]

  /// Reads a corpus file written by `asyncio_reference.py`.
  package static func load(url: URL) throws -> [ConformanceCase] {
    let bytes = try [UInt8](Data(contentsOf: url))
    var reader = JSONReader()
    reader.maximumDepth = 16
    guard case .array(let cases)? = try reader.parse(bytes)["cases"] else { return [] }
    return try cases.map { item in
      guard case .string(let name)? = item["name"], let configuration = item["configuration"],
        case .object(let versions)? = item["expected"]
      else { throw CorpusError() }
      let batch = try LearnerConfiguration.read(configuration, file: name).batch
      var expected: [PythonVersion: Expected] = [:]
      for member in versions {
        let (key, value) = (member.key, member.value)
        guard let version = PythonVersion(rawValue: key) else { throw CorpusError() }
        expected[version] = try Self.expected(value)
      }
      return ConformanceCase(name: name, batch: batch, expected: expected)
    }
  }

  static func expected(_ expected: JSONValue) throws -> Expected {
    var calls: [Call] = []
    if case .array(let records)? = expected["calls"] {
      for record in records {
        guard case .string(let name)? = record["name"], case .string(let outcome)? = record["outcome"] else {
          throw CorpusError()
        }
        calls.append(
          Call(name: name, outcome: outcome, startedAt: int(record["startedAt"]), endedAt: int(record["endedAt"]) ?? -1))
      }
    }
    var results: [String]?
    if case .array(let list)? = expected["results"] {
      results = list.compactMap { if case .string(let s) = $0 { s } else { nil } }
    }
    var error: String?
    if case .string(let message)? = expected["error"] { error = message }
    return Expected(
      results: results, error: error, deadlock: expected["deadlock"] == .bool(true), calls: calls,
      peakConcurrency: int(expected["peakConcurrency"]) ?? -1, elapsed: int(expected["elapsed"]) ?? -1)
  }

  /// What differs between the engine's trace and what `version` did, or `nil` when they agree.
  package func difference(_ trace: GatherTrace, under version: PythonVersion) -> String? {
    guard let reference = expected[version] else { return "no recording for \(version)" }
    if trace.results != reference.results.map({ $0.map(Optional.some) }) {
      return "results \(String(describing: trace.results)) against \(String(describing: reference.results))"
    }
    switch trace.failure {
    case .callFailed?:
      if trace.failure?.description != reference.error {
        return "error \(trace.failure!) against \(String(describing: reference.error))"
      }
    case .deadlock?: if !reference.deadlock { return "a deadlock that asyncio did not have" }
    case .interrupted?: return "a virtual run is never interrupted"
    case nil: if reference.error != nil { return "no error, asyncio had \(reference.error!)" }
    }
    let observed = trace.calls.map {
      Call(name: $0.name, outcome: $0.outcome.rawValue, startedAt: $0.startedAt?.microseconds, endedAt: $0.endedAt.microseconds)
    }
    if observed != reference.calls {
      for (mine, theirs) in zip(observed, reference.calls) where mine != theirs {
        return "call \(mine) against \(theirs)"
      }
    }
    if trace.peakConcurrency != reference.peakConcurrency {
      return "peak \(trace.peakConcurrency) against \(reference.peakConcurrency)"
    }
    if trace.elapsed.microseconds != reference.elapsed {
      return "elapsed \(trace.elapsed.microseconds) against \(reference.elapsed)"
    }
    return nil
  }

  static func int(_ value: JSONValue?) -> Int? {
    if case .number(let number, _)? = value { Int(number) } else { nil }
  }

  /// A corpus file that is not what `asyncio_reference.py` writes.
  package struct CorpusError: Error {}
}

extension Duration {
  /// Whole microseconds, as the corpus records times.
  package var microseconds: Int {
    let (seconds, attoseconds) = components
    return Int(seconds) * 1_000_000 + Int((Double(attoseconds) / 1e12).rounded())
  }
}
