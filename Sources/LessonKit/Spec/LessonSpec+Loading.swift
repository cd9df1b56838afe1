import Foundation
import GuardedGather

extension LessonSpec {
  static let fields = [
    "formatVersion", "id", "title", "file", "pythonFile", "goal", "expected", "rules", "starterMistake", "hints",
    "pythonHints",
    "$schema",
  ]

  /// Reads an evidence card from JSON.
  ///
  /// - Throws: ``LessonKitError`` naming the spec file, the field and what was expected.
  public static func parse(_ bytes: [UInt8], file: String) throws(LessonKitError) -> LessonSpec {
    let json: JSONValue
    do { json = try JSONReader().parse(bytes) } catch { throw .invalidJSON(path: file, error: error) }
    let top = try JSONFieldReader(json, file: file, path: "", known: fields)
    let version = try top.wholeNumber("formatVersion", in: 1...1, expected: "1, the only format version") ?? 0
    guard version == 1 else { throw .missingField(path: file, field: "formatVersion", expected: "1") }
    guard let id = try top.wholeNumber("id", in: 1...999, expected: "the lesson number, 1 to 999") else {
      throw .missingField(path: file, field: "id", expected: "the lesson number")
    }
    guard let title = try top.string("title"), !title.isEmpty else {
      throw .missingField(path: file, field: "title", expected: "the lesson's title")
    }
    guard let learnerFile = try top.string("file"), learnerFile.hasSuffix(".json"), !learnerFile.contains("/") else {
      throw .missingField(
        path: file, field: "file", expected: "the name of the learner's .json file in the lesson folder")
    }
    let goal = try top.string("goal") ?? ""
    var expectedResults: [String?]?
    var expectedTimeouts: Int?
    if let expected = top.value("expected") {
      let reader = try JSONFieldReader(expected, file: file, path: "expected", known: ["results", "timeouts"])
      if let results = reader.value("results"), results != .null {
        guard case .array(let items) = results else {
          throw reader.fail("results", expected: "a list of result strings", found: results)
        }
        expectedResults = try items.enumerated().map { (index, item) throws(LessonKitError) -> String? in
          switch item {
          case .string(let text): return text
          case .null: return nil
          default:
            throw .invalidField(
              path: file, field: "expected.results[\(index)]", expected: "a result string", found: item.kindDescription)
          }
        }
      }
      if let value = reader.value("timeouts"), value != .null {
        expectedTimeouts = try reader.wholeNumber("timeouts", in: 0...10_000, expected: "a count of timeouts")
      }
    }
    let rulesValue = try top.required("rules", expected: "a list of rules such as {\"check\": \"limit\", \"value\": 2}")
    guard case .array(let ruleItems) = rulesValue else {
      throw top.fail("rules", expected: "a list of rules", found: rulesValue)
    }
    var rules: [LessonRule] = []
    for (index, item) in ruleItems.enumerated() {
      rules.append(try readRule(item, file: file, path: "rules[\(index)]"))
    }
    guard let starterMistake = try top.string("starterMistake"), Mistake.named(starterMistake) != nil else {
      throw .invalidField(
        path: file, field: "starterMistake", expected: "the id of a known mistake (see Mistake.all)",
        found: top.value("starterMistake")?.kindDescription ?? "nothing")
    }
    let hintsValue = try top.required("hints", expected: "a list of hints")
    guard case .array(let hintItems) = hintsValue, !hintItems.isEmpty else {
      throw top.fail("hints", expected: "a non-empty list of hints", found: hintsValue)
    }
    var hints: [String] = []
    for (index, item) in hintItems.enumerated() {
      guard case .string(let hint) = item, !hint.trimmingCharacters(in: .whitespaces).isEmpty else {
        throw .invalidField(
          path: file, field: "hints[\(index)]", expected: "a non-empty hint", found: item.kindDescription)
      }
      hints.append(hint)
    }
    var spec = LessonSpec(
      id: id, title: title, file: learnerFile, goal: goal, expectedResults: expectedResults,
      expectedTimeouts: expectedTimeouts, rules: rules, starterMistake: starterMistake, hints: hints)
    if let python = try top.string("pythonFile") {
      guard python.hasSuffix(".py"), !python.contains("/") else {
        throw .invalidField(
          path: file, field: "pythonFile", expected: "the name of a .py file in the lesson folder",
          found: "\"\(python)\"")
      }
      spec.pythonFile = python
    }
    if let value = top.value("pythonHints") {
      guard case .array(let items) = value, !items.isEmpty else {
        throw top.fail("pythonHints", expected: "a non-empty list of hints for the Python program", found: value)
      }
      for (index, item) in items.enumerated() {
        guard case .string(let hint) = item, !hint.trimmingCharacters(in: .whitespaces).isEmpty else {
          throw .invalidField(
            path: file, field: "pythonHints[\(index)]", expected: "a non-empty hint", found: item.kindDescription)
        }
        spec.pythonHints.append(hint)
      }
    }
    return spec
  }

  static let ruleFields: [String: [String]] = [
    "min-calls": ["value"], "limit": ["value"], "timeout": ["value"], "every-call-timed": [],
    "call-timeout": ["call", "value"],
    "timeout-inside-semaphore": [], "shared-semaphore": [], "peak-within": ["value"], "evidence-matches": [],
    "note-explains": ["topics"], "overlap": [], "same-results-at-limits": ["limits"], "batch-completes": [],
    "failures-named": [], "cpu-work": ["calls"],
  ]

  static func readRule(_ value: JSONValue, file: String, path: String) throws(LessonKitError) -> LessonRule {
    guard case .string(let check)? = value["check"] else {
      throw .missingField(path: file, field: path + ".check", expected: "the name of a check")
    }
    guard let known = ruleFields[check] else {
      throw .unknownField(
        path: file, field: path + ".check", suggestion: JSONFieldReader.nearest(check, in: Array(ruleFields.keys)),
        known: ruleFields.keys.sorted())
    }
    let reader = try JSONFieldReader(value, file: file, path: path, known: ["check"] + known)
    func number(_ range: ClosedRange<Int>) throws(LessonKitError) -> Int {
      guard let value = try reader.wholeNumber("value", in: range, expected: "a whole number") else {
        throw .missingField(path: file, field: path + ".value", expected: "a whole number")
      }
      return value
    }
    switch check {
    case "min-calls": return .minCalls(try number(1...10_000))
    case "limit": return .limit(try number(0...100_000))
    case "peak-within": return .peakWithin(try number(1...100_000))
    case "timeout":
      guard let value = reader.value("value"), let duration = JSONFieldReader.seconds(value, maximum: 3_600) else {
        throw .missingField(path: file, field: path + ".value", expected: "a timeout in seconds")
      }
      return .timeout(duration)
    case "call-timeout":
      guard let call = try reader.string("call"), let value = reader.value("value"),
        let duration = JSONFieldReader.seconds(value, maximum: 3_600)
      else {
        throw .missingField(path: file, field: path, expected: "\"call\" (a call's name) and \"value\" (seconds)")
      }
      return .callTimeout(call, duration)
    case "every-call-timed": return .everyCallTimed
    case "timeout-inside-semaphore": return .timeoutInsideSemaphore
    case "shared-semaphore": return .sharedSemaphore
    case "evidence-matches": return .evidenceMatches
    case "overlap": return .overlap
    case "batch-completes": return .batchCompletes
    case "failures-named": return .failuresNamed
    case "note-explains":
      guard case .array(let items)? = reader.value("topics"), !items.isEmpty else {
        throw .missingField(path: file, field: path + ".topics", expected: "a list of {\"about\", \"words\"}")
      }
      var topics: [NoteTopic] = []
      for (index, item) in items.enumerated() {
        let topic = try JSONFieldReader(
          item, file: file, path: "\(path).topics[\(index)]", known: ["about", "words", "contrary", "harms"])
        guard let about = try topic.string("about"), case .array(let words)? = topic.value("words"), !words.isEmpty
        else {
          throw .missingField(path: file, field: "\(path).topics[\(index)]", expected: "\"about\" and \"words\"")
        }
        func strings(_ key: String) -> [String] {
          guard case .array(let items)? = topic.value(key) else { return [] }
          return items.compactMap { if case .string(let w) = $0 { w.lowercased() } else { nil } }
        }
        topics.append(
          NoteTopic(
            about: about, words: words.compactMap { if case .string(let w) = $0 { w.lowercased() } else { nil } },
            contrary: strings("contrary"), harms: strings("harms")))
      }
      return .noteExplains(topics)
    case "same-results-at-limits":
      guard case .array(let items)? = reader.value("limits"), items.count >= 2 else {
        throw .missingField(path: file, field: path + ".limits", expected: "two or more limits, such as [2, 1]")
      }
      return .sameResultsAtLimits(items.compactMap { JSONFieldReader.wholeNumber($0, in: 1...100_000) })
    case "cpu-work":
      guard case .array(let items)? = reader.value("calls"), !items.isEmpty else {
        throw .missingField(path: file, field: path + ".calls", expected: "the names of the calls that compute")
      }
      return .cpuWork(items.compactMap { if case .string(let name) = $0 { name } else { nil } })
    default:
      throw .unknownField(path: file, field: path + ".check", suggestion: nil, known: ruleFields.keys.sorted())
    }
  }
}
