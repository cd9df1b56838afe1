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

  static func nearest(_ word: String, in candidates: [String]) -> String? {
    func distance(_ a: String, _ b: String) -> Int {
      let a = Array(a)
      let b = Array(b)
      var row = Array(0...b.count)
      for i in 1...max(a.count, 1) where !a.isEmpty {
        var previous = row[0]
        row[0] = i
        for j in 1...max(b.count, 1) where !b.isEmpty {
          let old = row[j]
          row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
          previous = old
        }
      }
      return row[b.count]
    }
    return candidates.map { ($0, distance(word, $0)) }.filter { $0.1 <= 2 }.min { $0.1 < $1.1 }?.0
  }
}

/// A mistake on the command line: printed with the usage, exit 64.
struct UsageError: Error, Sendable, Equatable {
  var message: String
  init(_ message: String) { self.message = message }
}
