import Testing

@testable import LessonCLI

/// The gradebook table's text, cut on bytes where that is the same as cutting on characters.
@Suite struct GradebookTextTests {
  /// What the table did before it had a fast path: the reference the fast paths must equal.
  static func trimmedByCharacters(_ row: String) -> String {
    String(row.reversed().drop(while: { $0 == " " }).reversed())
  }

  /// Pieces of text a gradebook meets, and the awkward ones: marks that join the character
  /// before, a prepended mark (U+0600, which joins the space after it), emoji, a lone space.
  static let pieces = [
    "a", "learner7", "✓ 7/7", "✗ 0/7", " ", "  ", "   ", "e\u{301}", "\u{301}", "\u{0600}", "\u{0600} ",
    "👩‍💻", "x", "missing-calls:", "the", "timeout", "0.15", "—", "\u{1B}[32m", "\u{1B}[0m", "é",
  ]

  static func randomText(_ random: inout some RandomNumberGenerator, pieces count: Int) -> String {
    (0..<count).map { _ in pieces.randomElement(using: &random)! }.joined()
  }

  @Test func droppingTrailingSpacesIsTheCharacterwiseTrim() {
    var random = SystemRandomNumberGenerator()
    for row in ["", " ", "   ", "a", "a ", " a", "✓ 7/7   ", "\u{0600} ", "\u{0600}  ", "e\u{301} ", "👩‍💻  "] {
      #expect(GradebookView.droppingTrailingSpaces(row) == Self.trimmedByCharacters(row), "\(Array(row.unicodeScalars))")
    }
    for _ in 0..<5_000 {
      let row = Self.randomText(&random, pieces: Int.random(in: 0...8, using: &random))
      let trimmed = GradebookView.droppingTrailingSpaces(row)
      #expect(trimmed == Self.trimmedByCharacters(row), "\(Array(row.unicodeScalars))")
      // Equal as Swift strings is not enough: the bytes too (no mark may be dropped or joined).
      #expect(Array(trimmed.utf8) == Array(Self.trimmedByCharacters(row).utf8))
    }
  }

  @Test func wrapOnBytesGivesTheLinesOfWrapOnCharacters() {
    var random = SystemRandomNumberGenerator()
    let words = ["a", "learner12", "L3:", "too", "short", "(2", "words);", "missing:", "why", "the", "limit", " ", "  ",
      "protects", "upstream", "tools;", "averyveryveryverylongwordthatcannotfitonanyline", "x", "—"]
    for _ in 0..<3_000 {
      let text = (0..<Int.random(in: 0...40, using: &random)).map { _ in words.randomElement(using: &random)! }
        .joined(separator: Bool.random(using: &random) ? " " : "  ")
      let width = Int.random(in: 1...90, using: &random)
      let indent = String(repeating: " ", count: Int.random(in: 0...6, using: &random))
      let hanging = String(repeating: " ", count: Int.random(in: 0...8, using: &random))
      let fast = GradebookView.wrap(text, width: width, indent: indent, hanging: hanging)
      let reference = GradebookView.wrapCharacters(text, width: width, indent: indent, hanging: hanging)
      #expect(fast == reference, "width \(width), indent \(indent.count), hanging \(hanging.count): \(text)")
    }
  }

  @Test func wrapKeepsEveryLineWithinTheWidth() {
    let text = "learner0 L3: too short (2 words); missing: why the limit protects the upstream tools"
    let lines = GradebookView.wrap(text, width: 40, indent: "  ", hanging: "    ")
    #expect(lines == [
      "  learner0 L3: too short (2 words);", "    missing: why the limit protects the", "    upstream tools",
    ])
    #expect(GradebookView.wrap("abcdefghij", width: 6, indent: "", hanging: "  ") == ["abcdef", "  ghij"])
  }

  /// What the JUnit writer did before it escaped on bytes: the reference.
  static func xmlByScalars(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&apos;"
      case "\n": out += "&#10;"
      case "\t": out += "&#9;"
      case "\r": out += "&#13;"
      case _ where scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value): out += "\u{FFFD}"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  @Test func xmlEscapesOnBytesAsOnScalars() {
    var random = SystemRandomNumberGenerator()
    let awkward = ["&", "<", ">", "\"", "'", "\n", "\t", "\r", "\r\n", "\u{0}", "\u{1B}", "\u{1F}", "\u{FFFE}",
      "\u{FFFF}", "\u{FFFD}", "\u{EFFF}", "\u{FEFF}", "\u{10FFFF}", " ", "\u{7F}", "\u{85}"]
    for _ in 0..<5_000 {
      let text = (0..<Int.random(in: 0...10, using: &random)).map { _ in
        Bool.random(using: &random) ? awkward.randomElement(using: &random)! : Self.pieces.randomElement(using: &random)!
      }.joined()
      #expect(Array(GradebookView.xml(text).utf8) == Array(Self.xmlByScalars(text).utf8), "\(Array(text.unicodeScalars))")
    }
  }
}
