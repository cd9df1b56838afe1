import Foundation

/// Text fitted to the console: wrapped at word boundaries, never cut where there is room.
enum TextLayout {
  /// The narrowest width `lesson` lays text out for; below it lines are wrapped at 60 anyway.
  static let minimumWidth = 60

  /// Breaks `text` into lines of at most `width` columns at spaces. The first line starts with
  /// `indent`, the others with `hanging`; a word longer than a line is kept whole, never cut.
  /// Line breaks already in `text` are kept.
  /// Lines made to fit `width`: each longer one wrapped at its spaces, a results list at its
  /// commas with a hanging space (but a list of hundreds of calls stays one line: wrapped, it
  /// would push everything else off the screen).
  static func fit(_ lines: [String], width: Int, hanging: String = "") -> [String] {
    lines.flatMap { line in
      let list = line.hasPrefix("[")
      guard line.count > width, !(list && line.count > 8 * width) else { return [line] }
      return wrap(line, width: width, hanging: list ? " " : hanging)
    }
  }

  static func wrap(_ text: String, width: Int, indent: String = "", hanging: String? = nil) -> [String] {
    let hanging = hanging ?? indent
    let width = max(width, minimumWidth)
    var lines: [String] = []
    for (number, paragraph) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let start = number == 0 ? indent : hanging
      var line = start
      var empty = true
      for word in words(paragraph) {
        if empty {
          line += word
          empty = false
        } else if visibleCount(line) + 1 + visibleCount(word) > width {
          lines.append(line)
          line = hanging + word
        } else {
          line += " " + word
        }
      }
      lines.append(line)
    }
    return lines.map { line in
      var line = line
      while line.hasSuffix(" ") { line.removeLast() }
      return line
    }
  }

  /// The columns `text` takes on a terminal: its characters without ANSI escape sequences.
  static func visibleCount(_ text: String) -> Int {
    guard text.contains("\u{1B}") else { return text.count }
    var count = 0
    var escaping = false
    for character in text {
      if escaping {
        if character.isLetter { escaping = false }
      } else if character == "\u{1B}" {
        escaping = true
      } else {
        count += 1
      }
    }
    return count
  }

  /// The words of `text`, keeping a quoted command ('lesson hint 3') in one piece, so that it is
  /// never broken across lines.
  static func words(_ text: Substring) -> [String] {
    var words: [String] = []
    var open: String?
    for word in text.split(separator: " ").map(String.init) {
      if var quoted = open {
        quoted += " " + word
        if word.contains("'") {
          words.append(quoted)
          open = nil
        } else {
          open = quoted
        }
      } else if word.hasPrefix("'"), word.dropFirst().firstIndex(of: "'") == nil, word.count < 40 {
        open = word
      } else if let last = words.last, Self.isUnit(word), Double(last) != nil {
        // "0.1 s" stays on one line.
        words[words.count - 1] = last + " " + word
      } else {
        words.append(word)
      }
    }
    if let open { words += open.split(separator: " ").map(String.init) }
    return words
  }

  static func isUnit(_ word: String) -> Bool {
    let bare = word.trimmingCharacters(in: .punctuationCharacters)
    return ["s", "ms", "seconds", "second"].contains(bare)
  }

  /// `label` padded to `labelWidth`, then `text` wrapped beside it, aligned under its first word.
  static func labelled(_ label: String, labelWidth: Int, _ text: String, width: Int, indent: String) -> [String] {
    let padded = label.padding(toLength: max(labelWidth, label.count), withPad: " ", startingAt: 0)
    let hanging = String(repeating: " ", count: indent.count + padded.count)
    return wrap(text, width: width, indent: indent + padded, hanging: hanging)
  }
}
