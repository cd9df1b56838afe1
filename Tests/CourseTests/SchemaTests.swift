import Foundation
import Testing

import AsyncioModel
@testable import LessonKit

/// The JSON Schemas in `lessons/schema/`: every shipped lesson file names its schema in `$schema`
/// and is valid against it; the schemas know the same fields as the loaders; and what a schema
/// refuses, the loader refuses too.
@Suite struct SchemaTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  struct ShippedFile: Sendable, CustomTestStringConvertible {
    var path: String
    var isSpec: Bool { path.hasSuffix("/spec.json") }
    var testDescription: String { path }
  }

  static var shipped: [ShippedFile] {
    var files: [ShippedFile] = []
    for top in ["lessons", "solutions"] {
      let folder = root.appendingPathComponent(top).path
      for lesson in ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
      where lesson != "schema" {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder + "/" + lesson)) ?? []
        for name in names.sorted() where name.hasSuffix(".json") {
          files.append(ShippedFile(path: "\(top)/\(lesson)/\(name)"))
        }
      }
    }
    return files
  }

  static func schema(_ name: String) throws -> JSONSchemaValidator {
    try JSONSchemaValidator(schema: Data(contentsOf: root.appendingPathComponent("lessons/schema/\(name).schema.json")))
  }

  static func object(_ data: Data) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  @Test func everyLessonFileIsShipped() {
    // 8 evidence cards, 8 starters and 8 solutions at least.
    #expect(Self.shipped.count(where: \.isSpec) >= 8)
    #expect(Self.shipped.count(where: { !$0.isSpec }) >= 16)
  }

  @Test(arguments: shipped)
  func namesItsSchemaAndIsValid(_ file: ShippedFile) throws {
    let url = Self.root.appendingPathComponent(file.path)
    let data = try Data(contentsOf: url)
    let reference = try #require(try Self.object(data)["$schema"] as? String, "\(file.path) has no $schema")
    // The reference resolves, from the file's folder, to the right schema.
    let target = url.deletingLastPathComponent().appendingPathComponent(reference).standardizedFileURL
    let expected = file.isSpec ? "spec" : "configuration"
    #expect(
      target.path == Self.root.appendingPathComponent("lessons/schema/\(expected).schema.json").standardizedFileURL.path
    )
    #expect(FileManager.default.fileExists(atPath: target.path))
    #expect(try Self.schema(expected).validate(data) == [])
  }

  /// The keys each schema allows are exactly the keys each loader reads.
  @Test func theSchemasKnowTheLoadersFields() throws {
    let configuration = try Self.object(
      Data(contentsOf: Self.root.appendingPathComponent("lessons/schema/configuration.schema.json")))
    func keys(_ schema: Any?) -> Set<String> {
      Set(((schema as? [String: Any])?["properties"] as? [String: Any] ?? [:]).keys)
    }
    #expect(keys(configuration) == Set(LearnerConfiguration.topFields))
    let defs = try #require(configuration["$defs"] as? [String: Any])
    #expect(keys(defs["call"]) == Set(LearnerConfiguration.callFields))
    #expect(keys(defs["evidence"]) == Set(LearnerConfiguration.evidenceFields))

    let spec = try Self.object(Data(contentsOf: Self.root.appendingPathComponent("lessons/schema/spec.schema.json")))
    #expect(keys(spec) == Set(LessonSpec.fields))
    let rules = try #require(
      (((spec["properties"] as? [String: Any])?["rules"] as? [String: Any])?["items"] as? [String: Any])?["oneOf"]
        as? [[String: Any]])
    var byCheck: [String: Set<String>] = [:]
    for rule in rules {
      let properties = keys(rule)
      let check = try #require(
        ((rule["properties"] as? [String: Any])?["check"] as? [String: Any])?["const"] as? String)
      byCheck[check] = properties
    }
    #expect(Set(byCheck.keys) == Set(LessonSpec.ruleFields.keys))
    for (check, fields) in LessonSpec.ruleFields { #expect(byCheck[check] == Set(["check"] + fields), "\(check)") }
  }

  struct Refused: Sendable, CustomTestStringConvertible {
    var name: String
    var json: String
    var testDescription: String { name }
  }

  static let refusedConfigurations: [Refused] = [
    .init(name: "no calls", json: #"{"limit": 2}"#),
    .init(name: "a negative limit", json: #"{"limit": -1, "calls": [{"name": "a", "delay": 0.1}]}"#),
    .init(name: "a fractional limit", json: #"{"limit": 1.5, "calls": [{"name": "a", "delay": 0.1}]}"#),
    .init(name: "an unknown key", json: #"{"limt": 2, "calls": [{"name": "a", "delay": 0.1}]}"#),
    .init(name: "an unknown scope", json: #"{"timeoutScope": "batch", "calls": [{"name": "a", "delay": 0.1}]}"#),
    .init(name: "an empty name", json: #"{"calls": [{"name": "", "delay": 0.1}]}"#),
    .init(name: "a delay past an hour", json: #"{"calls": [{"name": "a", "delay": 3601}]}"#),
    .init(name: "a delay as text", json: #"{"calls": [{"name": "a", "delay": "0.1"}]}"#),
    .init(name: "no calls at all", json: #"{"calls": []}"#),
    .init(name: "an unknown evidence key", json: #"{"calls": [{"name": "a", "delay": 0}], "evidence": {"notes": ""}}"#),
    .init(
      name: "timeouts as a boolean", json: #"{"calls": [{"name": "a", "delay": 0}], "evidence": {"timeouts": true}}"#),
  ]

  @Test(arguments: refusedConfigurations)
  func aConfigurationTheSchemaRefusesTheLoaderRefuses(_ item: Refused) throws {
    #expect(try !Self.schema("configuration").validate(Data(item.json.utf8)).isEmpty)
    #expect(throws: LessonKitError.self) { try LearnerConfiguration.parse(Array(item.json.utf8), file: "x.json") }
  }

  static let refusedSpecs: [Refused] = [
    .init(name: "an unknown check", json: #"{"check": "limits", "value": 2}"#),
    .init(name: "a limit without its value", json: #"{"check": "limit"}"#),
    .init(name: "a key another check has", json: #"{"check": "overlap", "value": 2}"#),
    .init(name: "note topics without words", json: #"{"check": "note-explains", "topics": [{"about": "x"}]}"#),
  ]

  @Test(arguments: refusedSpecs)
  func aRuleTheSchemaRefusesTheLoaderRefuses(_ item: Refused) throws {
    let card = try String(
      contentsOf: Self.root.appendingPathComponent("lessons/02_guarded_gather/spec.json"), encoding: .utf8)
    let broken = card.replacingOccurrences(of: #""rules": ["#, with: #""rules": [\#(item.json), "#)
    #expect(broken != card)
    #expect(try !Self.schema("spec").validate(Data(broken.utf8)).isEmpty)
    #expect(throws: LessonKitError.self) { try LessonSpec.parse(Array(broken.utf8), file: "spec.json") }
  }

  @Test func theValidatorCatchesWhatItIsFor() throws {
    let validator = try Self.schema("configuration")
    let good = #"{"limit": null, "timeout": 0.5, "calls": [{"name": "a", "delay": 0.1, "timeout": null}]}"#
    #expect(try validator.validate(Data(good.utf8)) == [])
    #expect(
      try validator.validate(Data(#"{"limit": "2", "calls": [{"name": "a", "delay": 0.1}]}"#.utf8))
        == [#"$.limit: expected integer or null, found string"#])
    #expect(try validator.validate(Data(#"{"calls": [{"delay": 0.1}]}"#.utf8)) == ["$.calls[0]: missing name"])
    let unknown = try JSONSchemaValidator(schema: Data(#"{"type": "object", "patternProperties": {}}"#.utf8))
    #expect(try unknown.validate(Data("{}".utf8)).first?.contains("patternProperties") == true)
  }
}

/// `lessons/index.json` has its schema too: the index names it, is valid against it, the schema
/// knows the loader's fields and versions, and an index the schema refuses, the loader refuses.
@Suite struct IndexSchemaTests {
  static let root = SchemaTests.root
  static let indexURL = root.appendingPathComponent("lessons/index.json")

  @Test func theIndexNamesItsSchemaAndIsValid() throws {
    let data = try Data(contentsOf: Self.indexURL)
    let reference = try #require(try SchemaTests.object(data)["$schema"] as? String)
    let target = Self.indexURL.deletingLastPathComponent().appendingPathComponent(reference).standardizedFileURL
    #expect(target.path == Self.root.appendingPathComponent("lessons/schema/index.schema.json").standardizedFileURL.path)
    #expect(try SchemaTests.schema("index").validate(data) == [])
  }

  @Test func theSchemaKnowsTheLoadersFieldsAndVersions() throws {
    let schema = try SchemaTests.object(
      Data(contentsOf: Self.root.appendingPathComponent("lessons/schema/index.schema.json")))
    let properties = try #require(schema["properties"] as? [String: Any])
    #expect(Set(properties.keys) == Set(Course.indexFields))
    let lesson = try #require((schema["$defs"] as? [String: Any])?["lesson"] as? [String: Any])
    #expect(Set((lesson["properties"] as? [String: Any] ?? [:]).keys) == Set(Course.entryFields))
    let versions = try #require((properties["python"] as? [String: Any])?["enum"] as? [String])
    #expect(versions == PythonVersion.allCases.map(\.rawValue))
  }

  struct Broken: Sendable, CustomTestStringConvertible {
    var name: String
    var replace: String
    var with: String
    var testDescription: String { name }
  }

  static let broken: [Broken] = [
    .init(name: "another format version", replace: #""formatVersion": 1"#, with: #""formatVersion": 2"#),
    .init(name: "an unknown key", replace: #""formatVersion": 1,"#, with: #""formatVersion": 1, "lesons": [],"#),
    .init(name: "a Python it does not model", replace: #""formatVersion": 1,"#, with: #""formatVersion": 1, "python": "3.9","#),
    .init(name: "a lesson number 0", replace: #"{"id": 1,"#, with: #"{"id": 0,"#),
    .init(name: "a lesson without a title", replace: #", "title": "gather: let the waits overlap""#, with: ""),
    .init(name: "a folder with a slash", replace: #""folder": "01_gather""#, with: #""folder": "../01_gather""#),
    .init(name: "an unknown lesson key", replace: #"{"id": 1,"#, with: #"{"id": 1, "hint": "x","#),
  ]

  /// Each broken index is written into a copy of the course, which the loader then reads.
  @Test(arguments: broken) func anIndexTheSchemaRefusesTheLoaderRefuses(_ item: Broken) throws {
    let text = try String(contentsOf: Self.indexURL, encoding: .utf8)
    let changed = text.replacingOccurrences(of: item.replace, with: item.with)
    #expect(changed != text)
    #expect(try !SchemaTests.schema("index").validate(Data(changed.utf8)).isEmpty)
    let copy = FileManager.default.temporaryDirectory.appendingPathComponent("index-schema-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: copy) }
    try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: Self.root.appendingPathComponent("lessons"), to: copy.appendingPathComponent("lessons"))
    try Data(changed.utf8).write(to: copy.appendingPathComponent("lessons/index.json"))
    #expect(throws: LessonKitError.self) { try Course.load(root: copy.path) }
  }
}
