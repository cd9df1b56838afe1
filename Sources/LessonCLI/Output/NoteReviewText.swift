import LessonKit

/// A ``NoteReview`` as each output shows it: the reasons a person should read the note, one short
/// phrase each, and the JSON object `check --json` and `grade --format json` share.
enum NoteReviewText {
  /// Why the note is worth reading, in the lesson's order: each idea missing or negated, each
  /// phrase that says the opposite, and a note too short to explain anything. Empty when the
  /// note needs no review.
  static func reasons(_ review: NoteReview) -> [String] {
    var reasons: [String] = []
    if review.wordCount == 0 {
      reasons.append("no note")
    } else if review.wordCount < 6 {
      reasons.append("too short (\(review.wordCount) word\(review.wordCount == 1 ? "" : "s"))")
    }
    for idea in review.ideas where !idea.found {
      if idea.negated.isEmpty {
        reasons.append("missing: \(idea.about)")
      } else {
        let words = idea.negated.map { "“\($0)”" }.joined(separator: ", ")
        reasons.append("negated: \(idea.about) (says not \(words))")
      }
    }
    for phrase in review.contradictions {
      reasons.append(
        NoteReview.unsure.contains(phrase) ? "says its writer is unsure: “\(phrase)”" : "contradicts the lesson: “\(phrase)”")
    }
    return reasons
  }

  /// The reasons on one line, separated by `; `.
  static func summary(_ review: NoteReview) -> String { reasons(review).joined(separator: "; ") }

  /// The note on one line (line breaks and tabs as spaces), cut to `limit` characters with `…`.
  static func oneLine(_ note: String, limit: Int = .max) -> String {
    let flat = note.split(whereSeparator: { $0.isNewline || $0 == "\t" }).joined(separator: " ")
    return flat.count <= limit ? flat : String(flat.prefix(max(1, limit - 1))) + "…"
  }

  /// The review as JSON: the note, whether to review it, why, each idea found or not, and what
  /// contradicts the lesson.
  static func json(_ review: NoteReview) -> JSONOutput {
    .object([
      ("text", .string(review.note)),
      ("toReview", .bool(review.needsReview)),
      ("reasons", .array(reasons(review).map(JSONOutput.string))),
      (
        "ideas",
        .array(
          review.ideas.map { idea in
            .object([
              ("about", .string(idea.about)), ("found", .bool(idea.found)),
              ("negated", .array(idea.negated.map(JSONOutput.string))),
            ])
          })
      ),
      ("contradictions", .array(review.contradictions.map(JSONOutput.string))),
    ])
  }
}
