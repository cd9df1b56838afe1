import Foundation
import LessonKit
import Testing

struct HostileCase: Sendable, CustomTestStringConvertible {
  var file: String
  /// The one-line message, or `nil` when the file is a valid configuration.
  var message: String?
  var testDescription: String { file }
}

/// Every hostile input gets its clear, one-line error naming the file (exit 65, or 66 when
/// missing) and never a crash, a hang or a stack overflow. The files are in Fixtures/hostile/;
/// the large ones are made here.
@Suite struct HostileInputTests {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/hostile").path

  static let cases: [HostileCase] = [
    .init(file: "bom.json", message: nil),
    .init(file: "tiny-delay.json", message: nil),
    .init(
      file: "delay-as-string.json",
      message: "calls[0].delay: expected a number of seconds from 0 to 3600, such as 0.5, found the string \"0.1\""),
    .init(file: "duplicate-key.json", message: ":1:52: not valid JSON: the field \"delay\" appears twice"),
    .init(file: "empty.json", message: ":1:1: not valid JSON: expected a value, found the end of the file"),
    .init(
      file: "giant-delay.json",
      message:
        "calls[1].delay: expected a number of seconds from 0 to 3600, such as 0.5, found the number 123456789012345678901234567890"
    ),
    .init(
      file: "huge-limit.json",
      message: "limit: expected a whole number from 0 to 100000, or null for no limit, found the number 1e308"),
    .init(
      file: "infinite-delay.json",
      message: "calls[0].delay: expected a number of seconds from 0 to 3600, such as 0.5, found the number 1e400"),
    .init(
      file: "infinity-string.json",
      message:
        "timeout: expected a number of seconds from 0 to 3600, such as 0.5, or null for no timeout, found the string \"Infinity\""
    ),
    .init(file: "invalid-utf8.json", message: ":1:22: not valid JSON: the text is not valid UTF-8"),
    .init(file: "leading-zero.json", message: ":1:11: not valid JSON: a number cannot start with 0"),
    .init(
      file: "limit-as-bool.json",
      message: "limit: expected a whole number from 0 to 100000, or null for no limit, found true"),
    .init(file: "lone-surrogate.json", message: ":1:40: not valid JSON: a lone UTF-16 surrogate is not a character"),
    .init(file: "missing-comma.json", message: ":1:13: not valid JSON: expected ',' or '}' in an object, found '\"'"),
    .init(file: "nan-number.json", message: ":1:25: not valid JSON: NaN and Infinity are not JSON numbers"),
    .init(file: "nested.json", message: ":1:65: not valid JSON: nesting deeper than 64 levels"),
    .init(
      file: "nul-in-name.json",
      message:
        "calls[0].name: expected a name without control characters (newlines, tabs, escapes), found a name with control characters"
    ),
    .init(file: "null-call.json", message: "calls[0]: expected an object, found null"),
    .init(file: "null.json", message: "(top level): expected an object, found null"),
    .init(
      file: "single-quotes.json", message: ":1:2: not valid JSON: expected a field name in double quotes, found '''"),
    .init(
      file: "timeout-object.json",
      message:
        "calls[0].timeout: expected a number of seconds from 0 to 3600, such as 0.5, or null for no timeout, found an object"
    ),
    .init(file: "trailing-text.json", message: ":1:54: not valid JSON: unexpected text after the JSON value"),
    .init(file: "truncated.json", message: ":1:51: not valid JSON: this list is never closed with ']'"),
    .init(file: "whitespace.json", message: ":2:4: not valid JSON: expected a value, found the end of the file"),
  ]

  @Test func everyFileInTheFolderHasACase() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: Self.directory).sorted()
    #expect(files == Self.cases.map(\.file).sorted())
  }

  @Test(arguments: cases)
  func getsItsClearError(_ item: HostileCase) {
    let path = Self.directory + "/" + item.file
    do {
      _ = try InputFile.configuration(at: path, display: item.file)
      #expect(item.message == nil, "expected an error")
    } catch {
      let expected = item.message.map { $0.hasPrefix(":") ? item.file + $0 : item.file + ": " + $0 }
      #expect(error.description == expected)
      #expect(error.exitCode == 65)
      #expect(!error.description.contains("\n"))
    }
  }

  @Test func aMillionCallsAreRefusedWithoutReadingThemAll() throws {
    try withTemporaryDirectory { directory in
      let path = directory + "/million.json"
      var text = "{\"limit\": 100, \"calls\": ["
      text += (0..<1_000_000).map { "{\"name\": \"c\($0)\", \"delay\": 0.1}" }.joined(separator: ",")
      text += "]}"
      try Data(text.utf8).write(to: URL(fileURLWithPath: path))
      #expect {
        try InputFile.configuration(at: path, display: "million.json")
      } throws: { error in
        (error as? LessonKitError)?.description
          == "million.json: cannot be read: it is larger than 1048576 bytes; a lesson file is a few kilobytes"
      }
    }
  }

  @Test func aMegabyteOfNestingIsRefusedWithoutOverflowingTheStack() throws {
    try withTemporaryDirectory { directory in
      let path = directory + "/deep.json"
      try Data((String(repeating: "{\"a\":", count: 200_000)).utf8.prefix(1_000_000)).write(
        to: URL(fileURLWithPath: path))
      #expect(
        throws: LessonKitError.invalidJSON(
          path: "deep.json", error: .init(line: 1, column: 321, message: "nesting deeper than 64 levels"))
      ) {
        try InputFile.configuration(at: path, display: "deep.json")
      }
    }
  }

  @Test func aPipeIsRefusedInsteadOfBlocking() throws {
    try withTemporaryDirectory { directory in
      let path = directory + "/pipe.json"
      #expect(mkfifo(path, 0o600) == 0)
      #expect(
        throws: LessonKitError.unreadableFile(
          path: path, reason: "it is not a regular file (a pipe, a device or a socket)")
      ) {
        try InputFile.read(path)
      }
    }
  }

  @Test func aDirectoryAndAMissingFileHaveTheirOwnErrors() throws {
    try withTemporaryDirectory { directory in
      #expect(
        throws: LessonKitError.unreadableFile(
          path: directory, reason: "it is a directory; give the path of a .json file inside it")
      ) {
        try InputFile.read(directory)
      }
      #expect(throws: LessonKitError.missingFile(path: directory + "/none.json")) {
        try InputFile.read(directory + "/none.json")
      }
    }
  }
}
