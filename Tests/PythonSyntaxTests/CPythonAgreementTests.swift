import AsyncioModel
import Testing

@testable import PythonSyntax

/// Every recorded file parses, under every version, to exactly CPython's `ast.dump`, or fails with
/// CPython's message, line and offset.
@Suite struct CPythonAgreementTests {
  @Test func corpusIsRecorded() {
    #expect(RecordedCorpus.entries.count > 100)
  }

  /// Where two outcomes first differ, with a little context.
  static func difference(_ actual: RecordedCorpus.Outcome, _ expected: RecordedCorpus.Outcome)
    -> String
  {
    let a = Array(actual.description)
    let e = Array(expected.description)
    var i = 0
    while i < a.count && i < e.count && a[i] == e[i] { i += 1 }
    let from = max(0, i - 60)
    return
      "ours …\(String(a[from..<min(a.count, i + 80)]))… CPython's …\(String(e[from..<min(e.count, i + 80)]))…"
  }

  @Test(arguments: RecordedCorpus.entries)
  func agreesWithCPython(_ entry: RecordedCorpus.Entry) throws {
    let source = try #require(entry.source)
    for version in PythonVersion.allCases {
      guard let expected = entry.outcomes[version] else { continue }
      let actual = RecordedCorpus.outcome(of: source, version: version)
      #expect(
        actual == expected, "\(entry.path) under \(version): \(Self.difference(actual, expected))")
    }
  }

  /// Every node's position (`lineno`, `col_offset`, `end_lineno`, `end_col_offset`) is CPython's,
  /// under the versions where CPython's own are regular (3.12 and 3.13).
  @Test(arguments: RecordedCorpus.entries)
  func positionsAgreeWithCPython(_ entry: RecordedCorpus.Entry) throws {
    let source = try #require(entry.source)
    for (version, expected) in entry.attributeHashes {
      let actual = try PythonParser.parse(source, version: version).dump(
        version: version, includeAttributes: true)
      #expect(
        RecordedCorpus.fnv1a(actual) == expected,
        "\(entry.path) under \(version): see `python-ast-dump --attributes --python \(version)`")
    }
  }

  /// Where the parse succeeds, the compiler's checks agree with `compile()`'s SyntaxError (or its silence).
  @Test(arguments: RecordedCorpus.entries)
  func compileChecksAgreeWithCPython(_ entry: RecordedCorpus.Entry) throws {
    let source = try #require(entry.source)
    for version in PythonVersion.allCases {
      guard let expected = entry.compileOutcomes[version] else { continue }
      let actual = RecordedCorpus.compileOutcome(of: source, version: version)
      #expect(actual == expected, "\(entry.path) under \(version)")
    }
  }
}
