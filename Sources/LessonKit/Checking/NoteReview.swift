import Foundation
/// What a learner's note says about each idea the lesson asks for.
///
/// A machine cannot grade prose. The review only looks for the words each idea is usually said
/// with, notices when they are negated ("does not protect") or when the note says the opposite of
/// the lesson, and never fails a learner by itself: a weak note is a warning for the learner and a
/// note to review for an instructor (`grade`).
public struct NoteReview: Sendable, Hashable {
  /// One idea the lesson asks the note to explain.
  public struct Idea: Sendable, Hashable {
    /// The idea, as the lesson says it ("why the limit protects the upstream tools").
    public var about: String
    /// A few of the words it is usually said with, for messages.
    public var examples: [String]
    /// Whether the note says it (one of its words, not negated).
    public var found: Bool
    /// The words of the idea that the note negates ("not … upstream").
    public var negated: [String]
  }

  /// The note, as the learner wrote it ("" when there is none).
  public var note: String
  /// Each idea, in the lesson's order.
  public var ideas: [Idea]
  /// Phrases of the note that say the opposite of what the lesson shows.
  public var contradictions: [String]

  /// Whether the note is worth a person's reading: an idea missing or negated, or a
  /// contradiction, or a note too short to explain anything.
  public var needsReview: Bool {
    ideas.contains { !$0.found || !$0.negated.isEmpty } || !contradictions.isEmpty || wordCount < 6
  }

  /// How many words the note has.
  public let wordCount: Int

  static func wordCount(_ note: String) -> Int {
    let utf8 = note.utf8
    if utf8.allSatisfy({ $0 < 0x80 }) {
      // ASCII white space: space, and tab to carriage return.
      var count = 0
      var inWord = false
      for byte in utf8 {
        let space = byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
        if !space && !inWord { count += 1 }
        inWord = !space
      }
      return count
    }
    return note.split(whereSeparator: { $0.isWhitespace }).count
  }

  /// A review as it was made (read back from a grading worker).
  init(note: String, ideas: [Idea], contradictions: [String]) {
    self.note = note
    self.ideas = ideas
    self.contradictions = contradictions
    self.wordCount = Self.wordCount(note)
  }

  /// Reviews `note` against the lesson's topics.
  public init(note: String, topics: [NoteTopic]) {
    self.note = note
    self.wordCount = Self.wordCount(note)
    let words = Self.words(note)
    let starts = Self.wordStarts(words)
    var ideas: [Idea] = []
    var contradictions: [String] = []
    for topic in topics {
      var found = false
      var negated: [String] = []
      for (phrase, parts) in zip(topic.words, topic.wordParts) {
        let harm = topic.harms.contains(phrase)
        for position in Self.positions(of: parts, in: words, starts: starts) {
          // "do not overload the upstream" says the idea; "does not protect" says the opposite.
          if harm {
            found = true
          } else if Self.isNegated(at: position, in: words, stoppingAt: topic.harms) {
            negated.append(phrase)
          } else {
            found = true
          }
        }
      }
      for (phrase, parts) in zip(topic.contrary, topic.contraryParts) {
        for position in Self.positions(of: parts, in: words, starts: starts)
        where !Self.isNegated(at: position, in: words) {
          contradictions.append(phrase)
        }
      }
      ideas.append(
        Idea(
          about: topic.about, examples: Array(topic.words.prefix(3)), found: found,
          negated: found ? [] : Array(Set(negated)).sorted()))
    }
    for (phrase, parts) in zip(Self.unsure, Self.unsureParts)
    where !Self.positions(of: parts, in: words, starts: starts).isEmpty {
      contradictions.append(phrase)
    }
    self.ideas = ideas
    self.contradictions = Array(Set(contradictions)).sorted()
  }

  /// The note's words, lowercased, without punctuation (`doesn't` stays one word; `’` reads as `'`).
  static func words(_ text: String) -> [String] {
    if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiWords(text) }
    var words: [String] = []
    var word = ""
    for character in text.lowercased() {
      let inWord: Bool
      if let ascii = character.asciiValue {
        // The ASCII letters and digits, the apostrophe and the underscore; the rest is punctuation.
        inWord = (ascii >= 0x61 && ascii <= 0x7A) || (ascii >= 0x30 && ascii <= 0x39) || ascii == 0x27 || ascii == 0x5F
      } else {
        inWord = character.isLetter || character.isNumber || character == "’"
      }
      if inWord {
        word.append(character == "’" ? "'" : character)
      } else if !word.isEmpty {
        words.append(word)
        word = ""
      }
    }
    if !word.isEmpty { words.append(word) }
    return words
  }

  /// ``words(_:)`` for ASCII text, a byte at a time.
  private static func asciiWords(_ text: String) -> [String] {
    var words: [String] = []
    var word: [UInt8] = []
    for var byte in text.utf8 {
      if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
      if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x27 || byte == 0x5F {
        word.append(byte)
      } else if !word.isEmpty {
        words.append(String(decoding: word, as: UTF8.self))
        word.removeAll(keepingCapacity: true)
      }
    }
    if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
    return words
  }

  /// Where `phrase` starts among `words`: a word that begins with the phrase's first word (so
  /// "protect" finds "protects"), followed by its other words.
  static func positions(of phrase: String, in words: [String]) -> [Int] {
    positions(of: Self.words(phrase), in: words)
  }

  /// Where the words that start with each byte are, in order: a phrase is looked for only where
  /// a word starts as its first word does.
  static func wordStarts(_ words: [String]) -> [[Int]] {
    var starts = [[Int]](repeating: [], count: 256)
    for (position, word) in words.enumerated() {
      if let byte = word.utf8.first { starts[Int(byte)].append(position) }
    }
    return starts
  }

  /// ``positions(of:in:)`` for a phrase already split into its words.
  static func positions(of parts: [String], in words: [String], starts: [[Int]]? = nil) -> [Int] {
    guard let first = parts.first, words.count >= parts.count else { return [] }
    // Both sides are lowercased words: comparing their bytes is comparing them.
    func begins(_ word: String, _ part: String) -> Bool {
      let w = word.utf8, p = part.utf8
      guard p.count <= w.count, w.first == p.first else { return false }
      return w.withContiguousStorageIfAvailable { wb in
        p.withContiguousStorageIfAvailable { pb in
          pb.isEmpty || memcmp(wb.baseAddress!, pb.baseAddress!, pb.count) == 0
        }
      }.flatMap { $0 } ?? w.starts(with: p)
    }
    var positions: [Int] = []
    let last = words.count - parts.count
    let candidates: [Int] = starts.map { starts in first.utf8.first.map { starts[Int($0)] } ?? [] } ?? Array(0...last)
    for start in candidates where start <= last && begins(words[start], first) {
      if parts.indices.dropFirst().allSatisfy({ begins(words[start + $0], parts[$0]) }) {
        positions.append(start)
      }
    }
    return positions
  }

  static let negations: Set<String> = [
    "not", "no", "never", "without", "nothing", "neither", "nor", "cannot", "hardly", "isn't", "doesn't", "don't",
    "didn't", "won't", "wasn't", "aren't", "can't",
  ]

  /// Whether one of the three words before `position` negates it ("does not protect"), or one of
  /// the three after it within the same clause ("the upstream is not protected"). Erring towards
  /// "negated" only asks a person to read the note.
  static func isNegated(at position: Int, in words: [String], stoppingAt harms: [String] = []) -> Bool {
    func negates(_ word: String) -> Bool { negations.contains(word) || word.hasSuffix("n't") }
    // Back to the nearest word naming a harm: "not overload the upstream" negates the overload.
    for word in words[max(0, position - 3)..<position].reversed() {
      if harms.contains(where: { word.utf8.starts(with: $0.utf8) }) { break }
      if negates(word) { return true }
    }
    let after = words[min(words.count, position + 1)..<min(words.count, position + 4)]
    for word in after {
      if clauseBreaks.contains(word) { break }
      if negates(word) && word != "no" && word != "without" { return true }
    }
    return false
  }

  /// Words that start another clause: a negation after them is about something else.
  static let clauseBreaks: Set<String> = ["and", "but", "so", "because", "while", "which", "that", "then", "or"]

  /// Phrases that say the writer does not know: the note is then for a person to read.
  public static let unsure = ["don't know", "do not know", "no idea", "not sure", "dunno", "no clue"]
  static let unsureParts = unsure.map(words)
}
