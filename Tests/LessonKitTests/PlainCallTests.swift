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

/// A configuration whose calls are all written the usual way has them read straight from its
/// text (``PlainCallsScanner``); every configuration reads the same, and fails with the same
/// message, as when its JSON is parsed whole and then read.
@Suite struct PlainCallsScannerTests {
  static func outcome(_ read: () throws(LessonKitError) -> LearnerConfiguration) -> String {
    do {
      let configuration = try read()
      return "\(configuration.batch) \(String(describing: configuration.evidence))"
    } catch { return "error: \(error)" }
  }

  static func compare(_ text: String, limits: ConfigurationLimits = .untrusted) {
    let bytes = Array(text.utf8)
    let scanned = outcome { () throws(LessonKitError) in
      try LearnerConfiguration.parse(bytes, file: "c.json", limits: limits)
    }
    let whole = outcome { () throws(LessonKitError) in
      let json: JSONValue
      do throws(JSONSyntaxError) { json = try JSONReader().parse(bytes) } catch { throw .invalidJSON(path: "c.json", error: error) }
      return try LearnerConfiguration.read(json, file: "c.json", limits: limits)
    }
    #expect(scanned == whole, "\(text)")
  }

  /// Pieces of calls: the usual, and each way of writing one that the scanner leaves alone.
  static let calls = [
    "{\"name\": \"a\", \"delay\": 0.1}", "{\"name\":\"b\",\"delay\":2}", "{ \"delay\" : 0.25 , \"name\" : \"c\" }",
    "{\"name\": \"d\", \"delay\": 0.1, \"timeout\": null, \"fails\": \"HTTP 503\", \"work\": \"cpu\"}",
    "{\"name\": \"e\", \"delay\": 0.1, \"timeout\": 0.05, \"fails\": null, \"work\": \"io\"}",
    "{\"name\": \"a\", \"delay\": 0.3}", "{\"name\": \"f\", \"delay\": 01}", "{\"name\": \"f\", \"delay\": 1.}",
    "{\"name\": \"f\", \"delay\": .5}", "{\"name\": \"f\", \"delay\": 1e-1}", "{\"name\": \"f\", \"delay\": 1E2}",
    "{\"name\": \"f\", \"delay\": -0}", "{\"name\": \"f\", \"delay\": -0.5}", "{\"name\": \"f\", \"delay\": 3600.0000001}",
    "{\"name\": \"f\", \"delay\": 0.1234567890123456}", "{\"name\": \"f\", \"delay\": 0.0000005}",
    "{\"name\": \"f\", \"delay\": 1, \"delay\": 2}", "{\"name\": \"f\", \"delay\": 1,}", "{\"name\": \"f\"}",
    "{\"delay\": 1}", "{}", "[]", "null", "{\"name\": \"f\", \"delay\": 1, \"timeout\": nullx}",
    "{\"name\": \"f\", \"delay\": 1, \"timeout\": nul}", "{\"name\": \"f\\u0067\", \"delay\": 1}",
    "{\"name\": \"é\", \"delay\": 1}", "{\"name\": \"\", \"delay\": 1}", "{\"na\\u006de\": \"g\", \"delay\": 1}",
    "{\"name\": \"h\", \"delay\": 1, \"work\": \"gpu\"}", "{\"name\": \"h\", \"delay\": 1, \"fails\": \"\"}",
    "{\"name\": \"i\", \"delay\": 1, \"extra\": 1}", "{\"name\": \"j\", \"delay\": 0.1x}",
    "{\"name\": \"k\t\", \"delay\": 1}", "{\"name\": \"l\", \"delay\": 1 \"timeout\": 2}",
    "{\"name\": \"\(String(repeating: "m", count: 101))\", \"delay\": 1}",
    "{\"name\": \"n\", \"delay\": 1, \"fails\": \"\(String(repeating: "e", count: 4_001))\"}",
  ]

  @Test func everyListReadsAsWhole() {
    var random = SystemRandomNumberGenerator()
    for _ in 0..<4_000 {
      var items: [String] = []
      for index in 0..<Int.random(in: 0...6, using: &random) {
        // Mostly usual calls with names of their own, now and then a piece from the list.
        if Int.random(in: 0..<4, using: &random) == 0 {
          items.append(Self.calls.randomElement(using: &random)!)
        } else {
          items.append("{\"name\": \"t\(index)\", \"delay\": 0.\(Int.random(in: 0...999, using: &random))}")
        }
      }
      let separator = [", ", ",", " ,\n  ", ",,"].randomElement(using: &random)!
      var list = "[" + items.joined(separator: separator) + "]"
      if Int.random(in: 0..<20, using: &random) == 0 { list.removeLast() }
      let top = [
        "{\"limit\": 2, \"calls\": \(list)}", "{\"calls\": \(list), \"timeout\": 0.15}",
        "{\"calls\": \(list), \"calls\": []}", "{\"evidence\": {\"calls\": \(list)}, \"calls\": \(list)}",
        "\(list)", "{\"calls\":\(list)} x", "{\"calls\" : \n \(list) }",
      ].randomElement(using: &random)!
      Self.compare(top, limits: Bool.random(using: &random) ? .untrusted : ConfigurationLimits(fileSize: 1 << 20, calls: 3))
    }
  }
}

extension PlainCallsScannerTests {
  @Test func theUsualListIsScanned() throws {
    let text = Array("[{\"name\": \"a\", \"delay\": 0.1}, {\"name\": \"b\", \"delay\": 2, \"timeout\": null, \"work\": \"cpu\"}] ".utf8)
    let scanned = try #require(text.withUnsafeBufferPointer { PlainCallsScanner.scan($0, from: 0) })
    #expect(scanned.end == text.count - 1)
    #expect(scanned.calls.map(\.name) == ["a", "b"])
    #expect(scanned.calls.map(\.delay) == [.milliseconds(100), .seconds(2)])
    #expect(scanned.calls.map(\.timeout) == [.inherit, .none])
    #expect(scanned.calls.map(\.work) == [.io, .cpu])
  }
}
