import AsyncioModel
import Foundation
import Testing

@testable import PythonSyntax

/// What `record_ast.py` recorded: for each file and version, CPython's `ast.dump` or its SyntaxError.
struct RecordedCorpus: Sendable {
  /// CPython's verdict on one file under one version.
  enum Outcome: Sendable, Equatable, CustomStringConvertible {
    case dump(String)
    case error(kind: String, message: String, line: Int?, offset: Int?)
    case undecodable

    var description: String {
      switch self {
      case .dump(let text): text
      case .error(let kind, let message, let line, let offset):
        "\(kind): \(message) (line \(line.map(String.init) ?? "?"), offset \(offset.map(String.init) ?? "?"))"
      case .undecodable: "undecodable"
      }
    }
  }

  /// One recorded file.
  struct Entry: Sendable, CustomTestStringConvertible {
    let path: String
    let source: String?
    let outcomes: [PythonVersion: Outcome]
    /// The FNV-1a hash of `ast.dump(tree, include_attributes=True)`, recorded under 3.12 and 3.13.
    let attributeHashes: [PythonVersion: String]
    /// What `compile()` said where the parse succeeded: `.dump("")` for no error.
    let compileOutcomes: [PythonVersion: Outcome]
    var testDescription: String { path }
  }

  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()

  static let entries: [Entry] = {
    let url = root.appendingPathComponent("Tests/PythonSyntaxTests/expected.json")
    guard let data = try? Data(contentsOf: url),
      let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let files = json["files"] as? [String: [String: Any]]
    else { return [] }
    var entries: [Entry] = []
    for (path, versions) in files.sorted(by: { $0.key < $1.key }) {
      var outcomes: [PythonVersion: Outcome] = [:]
      var compileOutcomes: [PythonVersion: Outcome] = [:]
      var attributeHashes: [PythonVersion: String] = [:]
      for (name, value) in versions {
        guard let version = PythonVersion(rawValue: name), let record = value as? [String: Any]
        else { continue }
        if let dump = record["dump"] as? String {
          outcomes[version] = .dump(dump)
          attributeHashes[version] = record["dump_attributes_fnv1a"] as? String
          if let error = record["compile"] as? [String: Any] {
            compileOutcomes[version] = .error(
              kind: error["type"] as? String ?? "", message: error["msg"] as? String ?? "",
              line: error["lineno"] as? Int, offset: error["offset"] as? Int)
          } else {
            compileOutcomes[version] = .dump("")
          }
        } else if let error = record["error"] as? [String: Any] {
          outcomes[version] = .error(
            kind: error["type"] as? String ?? "", message: error["msg"] as? String ?? "",
            line: error["lineno"] as? Int, offset: error["offset"] as? Int)
        } else {
          outcomes[version] = .undecodable
        }
      }
      let data = try? Data(contentsOf: root.appendingPathComponent(path))
      // Decoded as is: `String(data:encoding:)` would drop a byte-order mark CPython's `ast.parse` sees.
      let source = data.map { String(decoding: $0, as: UTF8.self) }
      entries.append(
        Entry(
          path: path, source: source, outcomes: outcomes, attributeHashes: attributeHashes,
          compileOutcomes: compileOutcomes))
    }
    return entries
  }()

  /// What our compile-time checks make of a source that parses, in the recorded form.
  static func compileOutcome(of source: String, version: PythonVersion) -> Outcome {
    do {
      _ = try PythonParser.compile(source, version: version)
      return .dump("")
    } catch {
      return .error(
        kind: error.kind.rawValue, message: error.message, line: error.line, offset: error.offset)
    }
  }

  /// The 64-bit FNV-1a hash of a string's UTF-8, in 16 hex digits (as `record_ast.py` computes it).
  static func fnv1a(_ text: String) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }

  /// What our parser makes of a source under a version, in the recorded form.
  static func outcome(of source: String, version: PythonVersion) -> Outcome {
    do {
      return .dump(try PythonParser.parse(source, version: version).dump(version: version))
    } catch {
      return .error(
        kind: error.kind.rawValue, message: error.message, line: error.line, offset: error.offset)
    }
  }
}
