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
    var note = note
    let ascii: Int? = note.withUTF8 { bytes in
      // ASCII white space: space, and tab to carriage return.
      var count = 0
      var inWord = false
      for byte in bytes {
        if byte >= 0x80 { return nil }
        let space = byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
        if !space && !inWord { count += 1 }
        inWord = !space
      }
      return count
    }
    return ascii ?? note.split(whereSeparator: { $0.isWhitespace }).count
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
    var text = text
    if let words = text.withUTF8({ asciiWords($0) }) { return words }
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

  /// ``words(_:)`` for ASCII text, a byte at a time; nil when the text is not all ASCII.
  private static func asciiWords(_ text: UnsafeBufferPointer<UInt8>) -> [String]? {
    var words: [String] = []
    words.reserveCapacity(text.count / 5)
    // Lowercased in place in a copy; each word is then one slice of it.
    var lowered = [UInt8](repeating: 0, count: text.count)
    return lowered.withUnsafeMutableBufferPointer { lower -> [String]? in
      var start = -1
      for index in 0..<text.count {
        var byte = text[index]
        if byte >= 0x80 { return nil }
        if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
        lower[index] = byte
        if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x27 || byte == 0x5F {
          if start < 0 { start = index }
        } else if start >= 0 {
          words.append(String(decoding: UnsafeBufferPointer(rebasing: lower[start..<index]), as: UTF8.self))
          start = -1
        }
      }
      if start >= 0 {
        words.append(String(decoding: UnsafeBufferPointer(rebasing: lower[start..<text.count]), as: UTF8.self))
      }
      return words
    }
  }

  /// Where `phrase` starts among `words`: a word that begins with the phrase's first word (so
  /// "protect" finds "protects"), followed by its other words.
  static func positions(of phrase: String, in words: [String]) -> [Int] {
    positions(of: Self.words(phrase), in: words)
  }

  /// Where the words that start with each byte are, in order: a phrase is looked for only where
  /// a word starts as its first word does.
  static func wordStarts(_ words: [String]) -> WordStarts { WordStarts(words) }

  /// The positions of the words that start with each byte, in order, as chains through one
  /// array (a list per byte cost more to make than the search it saved).
  struct WordStarts {
    /// The first position of each byte's chain, or -1.
    private var head = [Int32](repeating: -1, count: 256)
    /// The next position in the same chain, or -1.
    private var next: [Int32]

    init(_ words: [String]) {
      next = [Int32](repeating: -1, count: words.count)
      // Built from the end, so that each chain runs in order.
      for position in words.indices.reversed() {
        guard let byte = words[position].utf8.first else { continue }
        next[position] = head[Int(byte)]
        head[Int(byte)] = Int32(position)
      }
    }

    /// Calls `body` with the position of each word that starts with `byte`, in order.
    func forEach(startingWith byte: UInt8, _ body: (Int) -> Void) {
      var position = head[Int(byte)]
      while position >= 0 {
        body(Int(position))
        position = next[Int(position)]
      }
    }
  }

  /// ``positions(of:in:)`` for a phrase already split into its words.
  static func positions(of parts: [String], in words: [String], starts: WordStarts? = nil) -> [Int] {
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
    func look(at start: Int) {
      guard start <= last, begins(words[start], first) else { return }
      if parts.indices.dropFirst().allSatisfy({ begins(words[start + $0], parts[$0]) }) { positions.append(start) }
    }
    if let starts {
      if let byte = first.utf8.first { starts.forEach(startingWith: byte, look) }
    } else {
      for start in 0...last { look(at: start) }
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
