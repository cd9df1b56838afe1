import LessonKit

/// One learner's feedback as Markdown, written for the learner: the verdict of each lesson, each
/// check, each mistake with why and the fix, and what to do next.
struct FeedbackView {
  let learner: String
  let records: [GradeRecord]
  let course: Course
  var strict = false

  var markdown: String {
    var lines = ["# Feedback for \(Self.escape(learner))", "", "Course: \(Self.escape(course.title))", ""]
    let passed = records.count(where: { $0.status == .pass })
    lines.append("\(passed) of \(records.count) lesson\(records.count == 1 ? "" : "s") passed.")
    for record in records {
      lines.append("")
      lines += section(record)
    }
    return lines.joined(separator: "\n") + "\n"
  }

  func section(_ record: GradeRecord) -> [String] {
    let entry = course.entry(record.lesson)
    let title = entry.map { " — \(Self.escape($0.title))" } ?? ""
    let verdict: String
    switch record.status {
    case .pass: verdict = "PASS (\(record.score) of \(record.maxScore) checks)"
    case .fail: verdict = "FAIL (\(record.score) of \(record.maxScore) checks)"
    case .error: verdict = "COULD NOT BE GRADED (0 of \(record.maxScore))"
    case .missing: verdict = "NOT HANDED IN (0 of \(record.maxScore))"
    }
    var lines = ["## Lesson \(record.lesson)\(title): \(verdict)", ""]
    if !record.file.isEmpty { lines += ["File: `\(Self.code(record.file))`", ""] }
    switch record.status {
    case .error:
      lines += ["It could not be graded: \(Self.escape(record.explanation))", ""]
    case .missing:
      lines += ["Nothing was handed in for this lesson: \(Self.escape(record.explanation)).", ""]
    case .pass, .fail:
      lines += ["| | check | expected | observed |", "| --- | --- | --- | --- |"]
      for check in record.checks {
        let mark =
          check.status == .passed ? "✓" : check.status == .failed || strict ? "✗" : "! warning"
        lines.append(
          "| \(mark) | \(Self.cell(check.title)) | \(Self.cell(check.expected)) | \(Self.cell(check.observed)) |")
      }
      lines.append("")
      let python = record.file.hasSuffix(".py")
      var seen: Set<String> = []
      for check in record.checks where check.status != .passed {
        guard let mistake = check.mistake, seen.insert(mistake.id).inserted else { continue }
        let warning = check.status == .warning && !strict
        lines.append("### \(warning ? "Warning: " : "")\(mistake.id): \(Self.escape(mistake.title))")
        lines.append("")
        let seen = "expected \(Self.escape(check.expected)), observed \(Self.escape(check.observed))."
        lines.append(check.location.map { "- At `\(Self.code($0))`: \(seen)" } ?? "- Seen: \(seen)")
        lines.append("- Why: \(Self.escape(mistake.why))")
        lines.append("- Fix: \(Self.escape(python ? mistake.pythonFix : mistake.fix))")
        lines.append("")
      }
    }
    if let timeline = record.timeline {
      lines += ["### Your run", "", "```text"] + Self.timeline(timeline) + ["```", ""]
    }
    if let review = record.noteReview, record.status == .pass || record.status == .fail {
      lines += note(review)
    }
    let others = record.warnings.filter { warning in
      !record.checks.contains { check in check.mistake.map { warning.hasPrefix($0.id + ":") } ?? false }
    }
    if !others.isEmpty {
      lines.append("Note for this lesson:")
      lines.append("")
      for warning in others { lines.append("- \(Self.escape(warning))") }
      lines.append("")
    }
    lines.append("**What to do next:** " + next(record))
    return lines
  }

  /// A failing run as text: one row per call, waiting (`░`) then running (`█`), with `×` where it
  /// timed out, `!` where it raised and `/` where it was cancelled; then the scale and a key.
  static func timeline(_ timeline: GradeTimeline, width: Int = 48) -> [String] {
    let names = timeline.calls.map { TraceReport.fit(code($0.name), 12) }
    let total = max(timeline.elapsed, 1)
    func cell(_ micros: Int64) -> Int { Int(micros * Int64(width - 1) / total) }
    var lines: [String] = []
    if let failure = timeline.failure { lines.append("the batch stopped: \(code(failure))") }
    for (call, name) in zip(timeline.calls, names) {
      var cells = Array(repeating: " ", count: width)
      let end = cell(call.endedAt)
      let start = call.startedAt.map(cell) ?? end
      for index in 0..<start { cells[index] = "░" }
      if call.startedAt != nil { for index in start...end { cells[index] = "█" } }
      if let mark = TraceReport.marks[call.outcome] { cells[end] = mark }
      lines.append("\(name) \(cells.joined()) \(call.outcome.rawValue)")
    }
    if timeline.omitted > 0 { lines.append("… and \(timeline.omitted) more calls") }
    let end = Seconds.fixed(.microseconds(timeline.elapsed)) + " s"
    lines.append(
      String(repeating: " ", count: 13) + "0 s" + String(repeating: " ", count: max(1, width - 3 - end.count)) + end)
    lines.append(
      "limit \(timeline.limit.map(String.init) ?? "none"), at most \(timeline.peak) at once · ░ waiting for its turn  █ running  × timed out  ! raised  / cancelled"
    )
    return lines
  }

  /// The learner's note, each idea the lesson asks for found or not, and whether a person will read it.
  func note(_ review: NoteReview) -> [String] {
    var lines = ["### Your note", ""]
    if review.wordCount == 0 {
      lines.append("You wrote no note.")
    } else {
      lines.append("> " + Self.escape(NoteReviewText.oneLine(review.note)))
    }
    lines.append("")
    for idea in review.ideas {
      let mark = idea.found ? "✓ explains" : idea.negated.isEmpty ? "✗ does not explain" : "✗ says the opposite of"
      lines.append("- \(mark) \(Self.escape(idea.about))")
    }
    for phrase in review.contradictions {
      lines.append("- ✗ contradicts the lesson: “\(Self.escape(phrase))”")
    }
    if !review.ideas.isEmpty || !review.contradictions.isEmpty { lines.append("") }
    lines.append(
      review.needsReview
        ? "Note to review: your instructor will read it (\(Self.escape(NoteReviewText.summary(review))))."
        : "Your note explains every idea the lesson asks for.")
    lines.append("")
    return lines
  }

  func next(_ record: GradeRecord) -> String {
    let lesson = record.lesson
    switch record.status {
    case .pass:
      let warnings = record.checks.contains { $0.status == .warning }
      return warnings
        ? "it passes; look at the warning above, which `lesson check \(lesson) --strict` counts as a failure."
        : "nothing; this lesson is done."
    case .fail:
      return
        "fix the mistakes above, one at a time, and run `lesson check \(lesson)` on your file until it passes (`lesson hint \(lesson)` gives one more hint each time)."
    case .error:
      return
        "run `lesson check \(lesson)` on your file: it shows the same problem with its line and column. Fix it and hand the file in again."
    case .missing:
      return
        "do lesson \(lesson) (`lesson show \(lesson)`), check it with `lesson check \(lesson)`, and hand the file in."
    }
  }

  /// Text with Markdown's special characters escaped, on one line.
  static func escape(_ text: String) -> String {
    var out = ""
    for char in text {
      switch char {
      case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "|": out += "\\" + String(char)
      case "\n", "\r", "\t": out += " "
      default: out.append(char)
      }
    }
    return out
  }

  /// Text for inside a code span: no backticks or line breaks.
  static func code(_ text: String) -> String {
    String(text.map { $0 == "`" ? "'" : $0.isNewline ? " " : $0 })
  }

  /// Text for a table cell.
  static func cell(_ text: String) -> String { escape(text) }

  /// Each learner's file name in the feedback folder, distinct even where two names differ only
  /// in case or in characters that are replaced (`bob.md`, then `bob-2.md`).
  static func fileNames(for learners: [String]) -> [String: String] {
    var used: Set<String> = []
    var names: [String: String] = [:]
    for learner in learners {
      var name = fileName(for: learner)
      var suffix = 2
      while !used.insert(name.lowercased()).inserted {
        name = String(fileName(for: learner).dropLast(3)) + "-\(suffix).md"
        suffix += 1
      }
      names[learner] = name
    }
    return names
  }

  /// A file name for `learner` inside the feedback folder: letters, digits, `-`, `_`, `.` and
  /// `@`, the rest as `_`, never starting with a dot.
  static func fileName(for learner: String) -> String {
    var name = String(
      learner.map { $0.isLetter || $0.isNumber || "-_.@".contains($0) ? $0 : "_" }.prefix(100))
    if name.isEmpty || name.hasPrefix(".") { name = "_" + name }
    return name + ".md"
  }
}
