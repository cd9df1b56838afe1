import Foundation
import GuardedGather
import LessonKit
import Testing

/// One invalid configuration and the exact message a learner must see.
struct InvalidCase: Sendable, CustomTestStringConvertible {
  var name: String
  var json: String
  var message: String
  var testDescription: String { name }
}

@Suite struct ConfigurationLoadingTests {
  static let classicJSON = """
    {
      "limit": 2, "timeout": 0.5, "timeoutScope": "call", "semaphore": "shared", "errors": "propagate",
      "calls": [
        {"name": "search", "delay": 0.1},
        {"name": "database", "delay": 0.2},
        {"name": "slow_tool", "delay": 1.0, "timeout": 0.3}
      ]
    }
    """

  @Test func readsTheIssuesExample() throws {
    let configuration = try LearnerConfiguration.parse(Array(Self.classicJSON.utf8), file: "c.json")
    let batch = configuration.batch
    #expect(batch.limit == 2)
    #expect(batch.timeout == .milliseconds(500))
    #expect(batch.calls.map(\.name) == ["search", "database", "slow_tool"])
    #expect(batch.calls[2].timeout == .after(.milliseconds(300)))
    #expect(batch.calls[0].timeout == .inherit)
  }

  @Test func nullMeansNoLimitAndNoTimeout() throws {
    let json = #"{"limit": null, "timeout": null, "calls": [{"name": "a", "delay": 0, "timeout": null}]}"#
    let batch = try LearnerConfiguration.parse(Array(json.utf8), file: "c.json").batch
    #expect(batch.limit == nil)
    #expect(batch.timeout == nil)
    #expect(batch.calls[0].timeout == GatherCallTimeout.none)
  }

  @Test func keepsTimesToTheMicrosecond() throws {
    let json = #"{"limit": 1, "calls": [{"name": "a", "delay": 0.1234564}, {"name": "b", "delay": 1e-7}]}"#
    let batch = try LearnerConfiguration.parse(Array(json.utf8), file: "c.json").batch
    #expect(batch.calls[0].delay == .microseconds(123_456))
    #expect(batch.calls[1].delay == .zero)
  }

  static let invalid: [InvalidCase] = [
    .init(
      name: "unknown top field suggests the nearest", json: #"{"limt": 2, "calls": [{"name": "a", "delay": 1}]}"#,
      message: "c.json: limt: unknown field; did you mean 'limit'?"),
    .init(
      name: "unknown call field suggests the nearest", json: #"{"calls": [{"name": "a", "dealy": 1}]}"#,
      message: "c.json: calls[0].dealy: unknown field; did you mean 'delay'?"),
    .init(
      name: "unknown field far from all", json: #"{"zzzzzzzz": 1, "calls": []}"#,
      message:
        "c.json: zzzzzzzz: unknown field; the known fields here are 'limit', 'timeout', 'timeoutScope', 'semaphore', 'errors', 'calls', 'evidence', '$schema'"
    ),
    .init(
      name: "limit as a string", json: #"{"limit": "2", "calls": [{"name": "a", "delay": 1}]}"#,
      message: "c.json: limit: expected a whole number from 0 to 100000, or null for no limit, found the string \"2\""),
    .init(
      name: "fractional limit", json: #"{"limit": 2.5, "calls": [{"name": "a", "delay": 1}]}"#,
      message: "c.json: limit: expected a whole number from 0 to 100000, or null for no limit, found the number 2.5"),
    .init(
      name: "negative limit", json: #"{"limit": -1, "calls": [{"name": "a", "delay": 1}]}"#,
      message: "c.json: limit: expected a whole number from 0 to 100000, or null for no limit, found the number -1"),
    .init(
      name: "negative delay", json: #"{"calls": [{"name": "a", "delay": -0.1}]}"#,
      message: "c.json: calls[0].delay: expected a number of seconds from 0 to 3600, such as 0.5, found the number -0.1"
    ),
    .init(
      name: "a number of a thousand digits is shown by its start",
      json: #"{"limit": "# + String(repeating: "9", count: 1_000) + #", "calls": [{"name": "a", "delay": 1}]}"#,
      message:
        "c.json: limit: expected a whole number from 0 to 100000, or null for no limit, found the number 99999999999999999999… (1000 characters)"
    ),
    .init(
      name: "infinite delay", json: #"{"calls": [{"name": "a", "delay": 1e999}]}"#,
      message:
        "c.json: calls[0].delay: expected a number of seconds from 0 to 3600, such as 0.5, found the number 1e999"),
    .init(
      name: "NaN as a string", json: #"{"timeout": "NaN", "calls": [{"name": "a", "delay": 1}]}"#,
      message:
        "c.json: timeout: expected a number of seconds from 0 to 3600, such as 0.5, or null for no timeout, found the string \"NaN\""
    ),
    .init(
      name: "NaN as a bare word", json: #"{"timeout": NaN, "calls": []}"#,
      message: "c.json:1:13: not valid JSON: NaN and Infinity are not JSON numbers"),
    .init(
      name: "a results list pasted from Python's print",
      json: #"{"calls": [], "evidence": {"results": ['search:ok', 'slow_tool:timeout']}}"#,
      message:
        "c.json:1:40: not valid JSON: JSON strings take double quotes: write \"search:ok\", not 'search:ok' (Python prints lists with single quotes)"
    ),
    .init(
      name: "Python's None pasted", json: #"{"calls": [], "evidence": {"results": [None]}}"#,
      message: "c.json:1:40: not valid JSON: JSON writes Python's None, True and False as null, true and false"),
    .init(
      name: "Infinity as a bare word", json: #"{"timeout": -Infinity, "calls": []}"#,
      message: "c.json:1:13: not valid JSON: NaN and Infinity are not JSON numbers"),
    .init(
      name: "negative call timeout", json: #"{"calls": [{"name": "a", "delay": 1, "timeout": -2}]}"#,
      message:
        "c.json: calls[0].timeout: expected a number of seconds from 0 to 3600, such as 0.5, or null for no timeout, found the number -2"
    ),
    .init(
      name: "unknown scope", json: #"{"timeoutScope": "inside", "calls": [{"name": "a", "delay": 1}]}"#,
      message: "c.json: timeoutScope: expected \"call\" or \"queue\", found the string \"inside\""),
    .init(
      name: "unknown semaphore", json: #"{"semaphore": "global", "calls": [{"name": "a", "delay": 1}]}"#,
      message: "c.json: semaphore: expected \"shared\" or \"per-call\", found the string \"global\""),
    .init(
      name: "unknown errors policy", json: #"{"errors": "ignore", "calls": [{"name": "a", "delay": 1}]}"#,
      message: "c.json: errors: expected \"propagate\" or \"capture\" or \"swallow\", found the string \"ignore\""),
    .init(
      name: "duplicate name", json: #"{"calls": [{"name": "a", "delay": 1}, {"name": "a", "delay": 2}]}"#,
      message: "c.json: calls[1].name: \"a\" is already the name of calls[0]; every call needs its own name"),
    .init(
      name: "empty name", json: #"{"calls": [{"name": "", "delay": 1}]}"#,
      message: "c.json: calls[0].name: expected a non-empty name such as \"search\", found an empty string"),
    .init(
      name: "name with a newline", json: #"{"calls": [{"name": "a\nb", "delay": 1}]}"#,
      message:
        "c.json: calls[0].name: expected a name without control characters (newlines, tabs, escapes), found a name with control characters"
    ),
    .init(
      name: "missing name", json: #"{"calls": [{"delay": 1}]}"#,
      message: "c.json: calls[0].name: missing; expected a non-empty string such as \"search\""),
    .init(
      name: "missing delay", json: #"{"calls": [{"name": "a"}]}"#,
      message: "c.json: calls[0].delay: missing; expected the tool's delay in seconds, such as 0.1"),
    .init(
      name: "empty calls", json: #"{"limit": 2, "calls": []}"#,
      message: "c.json: calls: the list is empty; add at least one call like {\"name\": \"search\", \"delay\": 0.1}"),
    .init(
      name: "missing calls", json: #"{"limit": 2}"#,
      message: "c.json: calls: missing; expected a list of calls like {\"name\": \"search\", \"delay\": 0.1}"),
    .init(
      name: "calls not a list", json: #"{"calls": {"name": "a"}}"#,
      message: "c.json: calls: expected a list of calls, found an object"),
    .init(
      name: "top level not an object", json: #"[1, 2]"#,
      message: "c.json: (top level): expected an object, found a list"),
    .init(
      name: "truncated", json: #"{"limit": 2, "calls": [{"name": "a""#,
      message: "c.json:1:36: not valid JSON: this object is never closed with '}'"),
    .init(
      name: "trailing comma", json: #"{"limit": 2,}"#,
      message: "c.json:1:12: not valid JSON: a trailing comma is not allowed"),
    .init(
      name: "duplicate key", json: #"{"limit": 2, "limit": 3, "calls": []}"#,
      message: "c.json:1:14: not valid JSON: the field \"limit\" appears twice"),
    .init(
      name: "empty file", json: "",
      message: "c.json:1:1: not valid JSON: expected a value, found the end of the file"),
    .init(
      name: "fails not a string", json: #"{"calls": [{"name": "a", "delay": 1, "fails": true}]}"#,
      message:
        "c.json: calls[0].fails: expected the error message the tool raises, such as \"HTTP 503\", or null, found true"),
    .init(
      name: "work kind unknown", json: #"{"calls": [{"name": "a", "delay": 1, "work": "gpu"}]}"#,
      message: "c.json: calls[0].work: expected \"io\" or \"cpu\", found the string \"gpu\""),
  ]

  @Test(arguments: invalid)
  func invalidInputGetsItsMessage(_ item: InvalidCase) {
    #expect(throws: LessonKitError.self) { try LearnerConfiguration.parse(Array(item.json.utf8), file: "c.json") }
    do {
      _ = try LearnerConfiguration.parse(Array(item.json.utf8), file: "c.json")
    } catch {
      #expect(error.description == item.message)
      #expect(error.exitCode == 65)
      #expect(!error.description.contains("\n"))
    }
  }

  @Test func deepNestingIsRefusedWithoutOverflowingTheStack() {
    let json = String(repeating: "[", count: 200_000) + String(repeating: "]", count: 200_000)
    #expect {
      try LearnerConfiguration.parse(Array(json.utf8), file: "deep.json")
    } throws: { error in
      (error as? LessonKitError)?.description == "deep.json:1:65: not valid JSON: nesting deeper than 64 levels"
    }
  }

  @Test func invalidUTF8IsRefused() {
    let bytes = Array(#"{"calls": [{"name": ""#.utf8) + [0xFF, 0xFE] + Array(#"", "delay": 1}]}"#.utf8)
    #expect {
      try LearnerConfiguration.parse(bytes, file: "bad.json")
    } throws: { error in
      (error as? LessonKitError)?.description == "bad.json:1:22: not valid JSON: the text is not valid UTF-8"
    }
  }

  @Test func tooManyCallsAreRefusedQuickly() {
    let calls = (0..<10_001).map { #"{"name": "c\#($0)", "delay": 0.1}"# }.joined(separator: ",")
    let json = #"{"limit": 10, "calls": ["# + calls + "]}"
    #expect {
      try LearnerConfiguration.parse(Array(json.utf8), file: "many.json")
    } throws: { error in
      (error as? LessonKitError)?.description == "many.json: calls: 10001 calls; a configuration may have at most 10000"
    }
  }
}

@Suite struct InputFileTests {
  @Test func aMissingFileIsExit66() {
    #expect(throws: LessonKitError.missingFile(path: "/nonexistent/x.json")) {
      try InputFile.read("/nonexistent/x.json")
    }
    #expect(LessonKitError.missingFile(path: "x").exitCode == 66)
  }

  @Test func aDirectoryIsNotAFile() throws {
    try withTemporaryDirectory { directory in
      #expect {
        try InputFile.read(directory)
      } throws: { error in
        (error as? LessonKitError)?.description
          == "\(directory): cannot be read: it is a directory; give the path of a .json file inside it"
      }
    }
  }

  @Test func aHugeFileIsRefusedWithoutReadingItAll() throws {
    try withTemporaryDirectory { directory in
      let path = directory + "/huge.json"
      _ = FileManager.default.createFile(atPath: path, contents: Data(count: 3 << 20))
      #expect {
        try InputFile.read(path)
      } throws: { error in
        (error as? LessonKitError)?.exitCode == 65
          && (error as? LessonKitError)?.description.contains("larger than 1048576 bytes") == true
      }
    }
  }

  @Test func anUnreadableFileSaysSo() throws {
    try withTemporaryDirectory { directory in
      let path = directory + "/secret.json"
      _ = FileManager.default.createFile(atPath: path, contents: Data("{}".utf8), attributes: [.posixPermissions: 0])
      // root can read anything; the check is meaningful only for other users.
      if getuid() != 0 {
        #expect(
          throws: LessonKitError.unreadableFile(path: path, reason: "permission denied; check that you can read it")
        ) {
          try InputFile.read(path)
        }
      } else {
        #expect(throws: LessonKitError.self) { try InputFile.configuration(at: path) }
      }
    }
  }
}

/// Runs `body` with a fresh temporary directory that is removed afterwards.
func withTemporaryDirectory(_ body: (String) throws -> Void) throws {
  let path = NSTemporaryDirectory() + "lesson-tests-" + UUID().uuidString
  try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(atPath: path) }
  try body(path)
}
