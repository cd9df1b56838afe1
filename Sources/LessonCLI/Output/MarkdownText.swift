/// A lesson's Markdown rendered for the terminal: headings in bold, paragraphs and list items
/// wrapped at word boundaries to the width, code blocks indented and kept as they are, and
/// inline emphasis and code styled (plain text without colour).
struct MarkdownText {
  let source: String

  func lines(width: Int, style: Style) -> [String] {
    var output: [String] = []
    var paragraph: [String] = []
    var listItem: (marker: String, text: [String])?
    var inFence = false
    var fenced: [String] = []

    func flush() {
      if !paragraph.isEmpty {
        output += TextLayout.wrap(inline(paragraph.joined(separator: " "), style), width: width)
        paragraph = []
      }
      if let item = listItem {
        let hanging = String(repeating: " ", count: item.marker.count)
        output += TextLayout.wrap(
          inline(item.text.joined(separator: " "), style), width: width, indent: item.marker, hanging: hanging)
        listItem = nil
      }
    }

    for raw in source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
      let trimmed = raw.trimmingCharacters(in: .whitespaces)
      if trimmed.hasPrefix("```") {
        flush()
        if inFence {
          output += Self.codeBlock(fenced, width: width).map(style.cyan)
          fenced = []
        }
        inFence.toggle()
        continue
      }
      if inFence {
        fenced.append(raw)
        continue
      }
      if trimmed.isEmpty {
        flush()
        if output.last != "" { output.append("") }
        continue
      }
      if raw.hasPrefix("    ") || raw.hasPrefix("\t"), paragraph.isEmpty, listItem == nil {
        output += Self.codeBlock([trimmed], width: width).map(style.cyan)
        continue
      }
      if let heading = Self.heading(trimmed) {
        flush()
        output += TextLayout.wrap(style.bold(heading.text), width: width)
        continue
      }
      if let marker = Self.listMarker(trimmed) {
        flush()
        listItem = ("  " + marker.bullet + " ", [marker.rest])
        continue
      }
      if listItem != nil, raw.hasPrefix(" ") {
        listItem?.text.append(trimmed)
      } else if listItem != nil {
        flush()
        paragraph.append(trimmed)
      } else {
        paragraph.append(trimmed)
      }
    }
    flush()
    if !fenced.isEmpty { output += Self.codeBlock(fenced, width: width).map(style.cyan) }
    while output.last == "" { output.removeLast() }
    return output
  }

  /// A code block within `width`: indented by four, or by two (or none) when that makes it fit;
  /// a line still too long is broken at a space, the rest indented under it, since the terminal
  /// would otherwise break it anywhere.
  static func codeBlock(_ lines: [String], width: Int) -> [String] {
    let longest = lines.map(\.count).max() ?? 0
    let indent = [4, 2, 0].first { $0 + longest <= width } ?? 0
    let pad = String(repeating: " ", count: indent)
    var result: [String] = []
    for line in lines {
      var rest = Substring(line)
      var prefix = pad
      while prefix.count + rest.count > width {
        let room = width - prefix.count
        let cut = rest.prefix(room).lastIndex(of: " ").flatMap { $0 > rest.startIndex ? $0 : nil }
        guard let cut, room > 8 else { break }
        result.append(prefix + rest[..<cut])
        let leading = line.prefix { $0 == " " }.count
        rest = rest[cut...].drop { $0 == " " }
        prefix = pad + String(repeating: " ", count: leading + 4)
      }
      result.append(prefix + rest)
    }
    return result
  }

  static func heading(_ line: String) -> (level: Int, text: String)? {
    let hashes = line.prefix { $0 == "#" }.count
    guard hashes > 0, hashes <= 6, line.dropFirst(hashes).hasPrefix(" ") else { return nil }
    return (hashes, line.dropFirst(hashes + 1).trimmingCharacters(in: .whitespaces))
  }

  static func listMarker(_ line: String) -> (bullet: String, rest: String)? {
    if line.hasPrefix("- ") || line.hasPrefix("* ") || line.hasPrefix("+ ") {
      return ("•", String(line.dropFirst(2)))
    }
    let digits = line.prefix { $0.isNumber }
    if !digits.isEmpty, digits.count <= 3, line.dropFirst(digits.count).hasPrefix(". ") {
      return ("\(digits).", String(line.dropFirst(digits.count + 2)))
    }
    return nil
  }

  /// `**bold**`, `*emphasis*` / `_emphasis_` and `` `code` ``: styled, their markers removed (code
  /// keeps its backticks when there is no colour to show it).
  func inline(_ text: String, _ style: Style) -> String {
    var result = ""
    var rest = Substring(text)
    while let first = rest.first {
      if first == "`", let end = rest.dropFirst().firstIndex(of: "`") {
        // Without colour, code keeps its backticks: a command stays told apart from the prose.
        let code = String(rest[rest.index(after: rest.startIndex)..<end])
        result += style.enabled ? style.cyan(code) : "`" + code + "`"
        rest = rest[rest.index(after: end)...]
      } else if rest.hasPrefix("**"), let end = rest.dropFirst(2).range(of: "**") {
        result += style.bold(String(rest[rest.index(rest.startIndex, offsetBy: 2)..<end.lowerBound]))
        rest = rest[end.upperBound...]
      } else if first == "*" || first == "_", Self.opensEmphasis(rest, after: result.last),
        let end = rest.dropFirst().firstIndex(of: first), end > rest.index(after: rest.startIndex)
      {
        result += style.apply("3", String(rest[rest.index(after: rest.startIndex)..<end]))
        rest = rest[rest.index(after: end)...]
      } else {
        result.append(first)
        rest = rest.dropFirst()
      }
    }
    return result
  }

  /// An emphasis marker opens only at a word's start and before a letter (so `a_b` and `2 * 3`
  /// stay as they are).
  static func opensEmphasis(_ text: Substring, after previous: Character?) -> Bool {
    guard let next = text.dropFirst().first, next.isLetter else { return false }
    return previous == nil || previous == " " || previous == "("
  }
}
