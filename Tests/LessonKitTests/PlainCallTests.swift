import Foundation
import GuardedGather
import Testing

@testable import LessonKit

/// A call written the usual way is read in one pass; every call reads the same, and fails with
/// the same message, as when it is read field by field.
@Suite struct PlainCallTests {
  /// What reading `calls[3]` gives: the call, or the message.
  static func outcome(_ read: () throws(LessonKitError) -> GatherCall) -> String {
    do { return String(describing: try read()) } catch { return "error: \(error)" }
  }

  static func compare(_ text: String) throws {
    let value = try JSONReader().parse(Array(text.utf8))
    let quick = outcome { () throws(LessonKitError) in
      try LearnerConfiguration.readCall(value, file: "c.json", index: 3)
    }
    let fieldByField = outcome { () throws(LessonKitError) in
      try LearnerConfiguration.readCallFieldByField(value, file: "c.json", index: 3)
    }
    #expect(quick == fieldByField, "\(text)")
  }

  static let names = [
    "\"search\"", "\"a\"", "\"\"", "\"tab\\there\"", "\"é\"", "\"tool 7\"",
    "\"\(String(repeating: "x", count: 64))\"",
    "\"\(String(repeating: "x", count: 65))\"", "\"\\u007f\"", "3", "null",
  ]
  static let seconds = [
    "0", "0.1", "0.0000004", "0.0000005", "1e-7", "2.5e0", "3600", "3600.0000001", "-0.1", "-0",
    "\"0.1\"", "null",
    "true", "1e400",
  ]

  @Test func everyCallReadsAsFieldByField() throws {
    var texts: [String] = []
    for name in Self.names { texts.append("{\"name\": \(name), \"delay\": 0.2}") }
    for delay in Self.seconds {
      texts.append("{\"name\": \"a\", \"delay\": \(delay)}")
      texts.append("{\"delay\": 0.1, \"timeout\": \(delay), \"name\": \"a\"}")
    }
    for fails in [
      "null", "\"HTTP 503\"", "\"\"", "7", "\"\(String(repeating: "é", count: 2_100))\"",
      "\"\(String(repeating: "e", count: 4_001))\"",
    ] {
      texts.append("{\"name\": \"a\", \"delay\": 0.1, \"fails\": \(fails)}")
    }
    for work in ["\"io\"", "\"cpu\"", "\"gpu\"", "null", "1"] {
      texts.append("{\"name\": \"a\", \"delay\": 0.1, \"work\": \(work)}")
    }
    texts += [
      "{}", "[]", "\"a\"", "{\"name\": \"a\"}", "{\"delay\": 1}",
      "{\"name\": \"a\", \"delay\": 1, \"Delay\": 2}",
      "{\"name\": \"a\", \"delay\": 1, \"nam\": 2}",
      "{\"name\": \"a\", \"delay\": 1, \"timeout\": null, \"work\": \"cpu\"}",
    ]
    for text in texts { try Self.compare(text) }
  }

  @Test func randomCallsReadAsFieldByField() throws {
    var random = SystemRandomNumberGenerator()
    let keys = ["name", "delay", "timeout", "fails", "work", "extra"]
    let values = Self.names + Self.seconds + ["\"io\"", "\"cpu\"", "\"HTTP 503\"", "{}", "[]"]
    for _ in 0..<3_000 {
      let fields = keys.shuffled(using: &random).prefix(Int.random(in: 0...5, using: &random))
      let members = fields.map { key in
        "\"\(key)\": \(key == "name" && Bool.random(using: &random) ? "\"c\(Int.random(in: 0...99, using: &random))\"" : values.randomElement(using: &random)!)"
      }
      try Self.compare("{" + members.joined(separator: ", ") + "}")
    }
  }
}
