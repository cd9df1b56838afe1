import LessonKit

/// The words after the command name: flags (`--json`), options with a value (`--file F`) and
/// positional arguments, checked against what the command accepts.
struct Arguments {
  var positionals: [String] = []
  var flags: Set<String> = []
  var options: [String: String] = [:]

  /// Parses `words` for a command that takes the given flags and options.
  ///
  /// - Throws: ``UsageError`` for an unknown flag (with the nearest known one) or a missing value.
  init(_ words: [String], flags known: Set<String>, options valued: Set<String>) throws(UsageError) {
    var index = 0
    var onlyPositionals = false
    while index < words.count {
      let word = words[index]
      index += 1
      if onlyPositionals || !word.hasPrefix("-") || word == "-" {
        positionals.append(word)
        continue
      }
      if word == "--" {
        onlyPositionals = true
        continue
      }
      var name = word
      var inlineValue: String?
      if let equals = word.firstIndex(of: "=") {
        name = String(word[..<equals])
        inlineValue = String(word[word.index(after: equals)...])
      }
      if known.contains(name), inlineValue == nil {
        flags.insert(name)
      } else if valued.contains(name) {
        if let inlineValue {
          options[name] = inlineValue
        } else if index < words.count {
          options[name] = words[index]
          index += 1
        } else {
          throw UsageError("\(name) needs a value")
        }
      } else {
        let all = known.union(valued).sorted()
        let hint = Self.nearest(name, in: all).map { "; did you mean '\($0)'?" } ?? ""
        throw UsageError("unknown option '\(name)'\(hint)")
      }
    }
  }

  /// The candidate nearest to a mistyped word, for "did you mean".
  static func nearest(_ word: String, in candidates: [String]) -> String? {
    JSONFieldReader.nearest(word, in: candidates)
  }
}

/// A mistake on the command line: printed with the usage, exit 64.
struct UsageError: Error, Sendable, Equatable {
  var message: String
  init(_ message: String) { self.message = message }
}
