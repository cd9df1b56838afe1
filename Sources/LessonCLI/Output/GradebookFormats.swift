import Foundation
import LessonKit
import Synchronization

/// The gradebook in each format `lesson grade` writes. Every format is byte-for-byte the same for
/// the same inputs: learners and lessons in order, no times or paths outside the class folder.
enum GradebookFormat: String, CaseIterable {
  case table, csv, json, junit, gradescope, html
}

struct GradebookView: Sendable {
  let book: Gradebook
  let course: Course
  /// Whether warnings were graded as failures (`--strict`).
  var strict = false
  /// The columns the table fits in.
  var width = 80
  /// Each learner's feedback file, as a link relative to the page (`html` only).
  var feedbackLinks: [String: String] = [:]

  func render(_ format: GradebookFormat, style: Style = Style(enabled: false)) -> String {
    switch format {
    case .table: table(style: style)
    case .csv: csv
    case .json: json.pretty + "\n"
    case .junit: junit
    case .gradescope: gradescope.pretty + "\n"
    case .html: html
    }
  }

  /// Whether a check counts as failed: failed, or a warning when grading strictly.
  /// Whether a check counts against the learner: failed, not checked yet (it waits for another
  /// that failed), or a warning graded strictly.
  func fails(_ check: CheckResult) -> Bool {
    check.status == .failed || check.status == .skipped || (strict && check.status == .warning)
  }

  func title(_ lesson: Int) -> String { course.entry(lesson)?.title ?? "lesson \(lesson)" }

  // MARK: Table (the terminal)

  func table(style: Style) -> String {
    var text = ""
    table(style: style) { text += $0 + "\n" }
    return text
  }

  /// The table a line at a time.
  func table(style: Style, _ emit: (String) -> Void) {
    let width = max(self.width, 20)
    func wrap(_ text: String, _ indent: String, _ hanging: String) {
      for line in Self.wrap(Self.printable(text), width: width, indent: indent, hanging: hanging) { emit(line) }
    }
    let lessons = book.lessons
    let nameWidth = min(max(book.learners.map(\.count).max() ?? 7, 7), 24, max(7, width - 2 - 8 * lessons.count))
    func trimmed(_ row: String) -> String { Self.droppingTrailingSpaces(row) }
    emit(
      style.bold(
        trimmed(
          TraceReport.fit("learner", nameWidth) + "  "
            + lessons.map { "L\($0)".padding(toLength: 8, withPad: " ", startingAt: 0) }.joined())))
    for learner in book.learners {
      var row = TraceReport.fit(Self.printable(learner), nameWidth) + "  "
      let own = book.records(of: learner)
      for lesson in lessons {
        guard let record = own.first(where: { $0.lesson == lesson }) else {
          row += "        "
          continue
        }
        let mark = record.warnings.isEmpty ? " " : "!"
        func cell(_ text: String) -> String { (text + mark).padding(toLength: 8, withPad: " ", startingAt: 0) }
        switch record.status {
        case .pass: row += style.green(cell("✓ \(record.score)/\(record.maxScore)"))
        case .fail: row += style.red(cell("✗ \(record.score)/\(record.maxScore)"))
        case .error: row += style.yellow(cell("error"))
        case .missing: row += style.dim(cell("missing"))
        }
      }
      emit(trimmed(row))
    }
    if !book.warnings.isEmpty { emit("(! a warning, listed below)") }
    emit("")
    emit(style.bold("Pass rate per lesson"))
    for lesson in lessons {
      let (passed, total) = book.passRate(lesson)
      wrap(
        "L\(lesson)  \(passed)/\(total) (\(Gradebook.percent(passed, of: total))%)  \(title(lesson))", "  ", "      ")
    }
    let mistakes = book.mistakeCounts
    if !mistakes.isEmpty {
      emit("")
      emit(style.bold("Mistakes, most common first"))
      for (id, learners) in mistakes {
        wrap(
          "\(String(learners).leftPadded(to: 4, with: " ")) learner\(learners == 1 ? " " : "s") \(id): \(Mistake.named(id)?.title ?? "")",
          "  ", "                ")
      }
    }
    if book.hasRoster {
      emit("")
      emit(style.bold("Roster"))
      wrap(
        "missing (on the roster, nothing handed in): "
          + (book.missing.isEmpty ? "none" : book.missing.joined(separator: ", ")), "  ", "    ")
      wrap(
        "not on the roster (handed in): "
          + (book.notOnRoster.isEmpty ? "none" : book.notOnRoster.joined(separator: ", ")), "  ", "    ")
    }
    let warnings = book.warnings
    if !warnings.isEmpty {
      emit("")
      emit(style.bold("Warnings"))
      for warning in warnings { wrap("\(warning.learner) L\(warning.lesson): \(warning.text)", "  ", "    ") }
    }
    let notes = notesToReview
    if !notes.isEmpty {
      emit("")
      emit(style.bold("Notes to review"))
      for record in notes {
        guard let review = record.noteReview else { continue }
        wrap("\(record.learner) L\(record.lesson): \(NoteReviewText.summary(review))", "  ", "    ")
        if review.wordCount > 0 {
          wrap("note: “\(NoteReviewText.oneLine(review.note, limit: 400))”", "    ", "      ")
        }
      }
    }
    let attention = book.needAttention
    emit("")
    if attention.isEmpty {
      emit("Every learner passed every lesson graded.")
    } else {
      emit(style.bold("Need attention"))
      for (learner, failed, errors, missing) in attention {
        var parts: [String] = []
        if failed > 0 { parts.append("\(failed) failed") }
        if errors > 0 { parts.append("\(errors) could not be graded") }
        if missing > 0 { parts.append("\(missing) missing") }
        wrap("\(learner): \(parts.joined(separator: ", "))", "  ", "    ")
        for record in book.records(of: learner) where record.status != .pass {
          let label = record.status == .fail ? "" : "\(record.status.rawValue): "
          for explanation in record.explanations {
            wrap("L\(record.lesson) \(label)\(explanation)", "    ", "      ")
          }
        }
      }
    }

  }

  /// `row` without the spaces at its end.
  ///
  /// Cut on its bytes when the last thing before those spaces is ASCII: each space is then a
  /// character of its own (only a prepended mark, which is not ASCII, can join a space that
  /// follows it). Otherwise cut character by character, which is slower: a class's table has a
  /// row per learner, and going backwards through characters cost 80,000 instructions a row.
  static func droppingTrailingSpaces(_ row: String) -> String {
    let bytes = row.utf8
    var end = bytes.endIndex
    while end > bytes.startIndex, bytes[bytes.index(before: end)] == 0x20 { end = bytes.index(before: end) }
    if end == bytes.endIndex { return row }
    if end == bytes.startIndex || bytes[bytes.index(before: end)] < 0x80 { return String(row[..<end]) }
    return String(row.reversed().drop(while: { $0 == " " }).reversed())
  }

  /// Breaks `text` into lines of at most `width` characters at its last space that fits (a word
  /// longer than a line is cut), keeping the spacing inside each line.
  ///
  /// Printable ASCII (the usual text of a gradebook) is broken on its bytes, where a byte is a
  /// character; any other text character by character, which gives the same lines more slowly
  /// (a note to review took 160,000 instructions that way, for each learner).
  static func wrap(_ text: String, width: Int, indent: String, hanging: String) -> [String] {
    func printableASCII(_ string: String) -> Bool { string.utf8.allSatisfy { (0x20...0x7E).contains($0) } }
    if printableASCII(text), printableASCII(indent), printableASCII(hanging) {
      return wrapASCII(Array(text.utf8), width: width, indent: indent, hanging: hanging)
    }
    return wrapCharacters(text, width: width, indent: indent, hanging: hanging)
  }

  /// ``wrap(_:width:indent:hanging:)`` on bytes, each a character.
  private static func wrapASCII(_ bytes: [UInt8], width: Int, indent: String, hanging: String) -> [String] {
    var lines: [String] = []
    var start = 0
    var prefix = indent
    func line(_ range: Range<Int>) -> String {
      prefix + bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }
    let space = UInt8(ascii: " ")
    while true {
      let room = max(1, width - prefix.utf8.count)
      if bytes.count - start <= room {
        lines.append(line(start..<bytes.count))
        return lines
      }
      var cut = start + room
      while cut > start && bytes[cut] != space { cut -= 1 }
      var end = cut
      while end > start && bytes[end - 1] == space { end -= 1 }
      if cut > start && end > start {
        lines.append(line(start..<end))
        start = cut + 1
        while start < bytes.count && bytes[start] == space { start += 1 }
      } else {
        lines.append(line(start..<start + room))
        start += room
      }
      prefix = hanging
      if start >= bytes.count { return lines }
    }
  }

  /// ``wrap(_:width:indent:hanging:)`` character by character, for any text.
  static func wrapCharacters(_ text: String, width: Int, indent: String, hanging: String) -> [String] {
    let chars = Array(text)
    var lines: [String] = []
    var start = 0
    var prefix = indent
    while true {
      let room = max(1, width - prefix.count)
      if chars.count - start <= room {
        lines.append(prefix + String(chars[start...]))
        return lines
      }
      // The last space that fits, with something other than spaces before it on the line.
      var cut = start + room
      while cut > start && chars[cut] != " " { cut -= 1 }
      var end = cut
      while end > start && chars[end - 1] == " " { end -= 1 }
      if cut > start && end > start {
        lines.append(prefix + String(chars[start..<end]))
        start = cut + 1
        while start < chars.count && chars[start] == " " { start += 1 }
      } else {
        lines.append(prefix + String(chars[start..<start + room]))
        start += room
      }
      prefix = hanging
      if start >= chars.count { return lines }
    }
  }

  /// `text` with control characters (a line break in a file name, an escape) shown as `?`, so that
  /// a name cannot break the table's lines or drive the terminal.
  static func printable(_ text: String) -> String {
    func control(_ scalar: Unicode.Scalar) -> Bool { scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) }
    guard text.unicodeScalars.contains(where: control) else { return text }
    return String(String.UnicodeScalarView(text.unicodeScalars.map { control($0) ? "?" : $0 }))
  }

  /// The records whose note a person should read, in order.
  var notesToReview: [GradeRecord] { book.records.filter { $0.noteReview?.needsReview == true } }

  /// `yes` or `no` for a record's note, or empty when the lesson asks for no note or nothing was graded.
  static func noteToReview(_ record: GradeRecord) -> String {
    record.noteReview.map { $0.needsReview ? "yes" : "no" } ?? ""
  }

  /// Writes the gradebook in `format` a part at a time: the CSV a row at a time, the JSON a
  /// learner at a time, the table, the JUnit XML and the page a line at a time, so that a class of
  /// 50,000 is never one string in memory. (A Gradescope result is one learner's.)
  func stream(_ format: GradebookFormat, into sink: inout OutputSink, style: Style = Style(enabled: false)) {
    switch format {
    case .csv:
      sink.append(Self.csvHeader + "\r\n")
      let records = book.records
      let view = self
      let rows: @Sendable (Range<Int>) -> [UInt8] = { range in
        var rows: [UInt8] = []
        for record in records[range] {
          view.csvRow(record, into: &rows)
          rows += [0x0D, 0x0A]
        }
        return rows
      }
      Self.inBlocks(records.count, rows, write: { sink.append($0) })
    case .json:
      // As `json.pretty + "\n"`, with the learners written one by one.
      sink.append("{\n")
      for (key, value) in jsonHead { sink.append("  " + JSONOutput.quote(key) + ": ") ; sink.append(value.pretty(level: 1)); sink.append(",\n") }
      sink.append("  \"learners\": ")
      if book.learners.isEmpty {
        sink.append("[]")
      } else {
        sink.append("[\n")
        let learners = book.learners
        let view = self
        let block: @Sendable (Range<Int>) -> [UInt8] = { (range: Range<Int>) -> [UInt8] in
          var bytes: [UInt8] = []
          for index in range {
            bytes += (index == 0 ? "    " : ",\n    ").utf8
            bytes += view.jsonLearner(learners[index]).pretty(level: 2)
          }
          return bytes
        }
        Self.inBlocks(learners.count, block, write: { sink.append($0) })
        sink.append("\n  ]")
      }
      sink.append(",\n  \"summary\": ")
      sink.append(jsonSummary.pretty(level: 1))
      sink.append("\n}\n")
    case .table: table(style: style) { sink.append($0 + "\n") }
    case .junit: junit { sink.append($0 + "\n") }
    case .html: html { sink.append($0 + "\n") }
    case .gradescope: sink.append(render(format, style: style))
    }
  }

  /// Makes the output of `count` items a block at a time on every core, and hands the blocks to
  /// `write` in order, a wave of blocks at a time: the output of a large class uses both cores and
  /// holds only a few blocks at once.
  static func inBlocks(
    _ count: Int, block: Int = 1_024, _ make: @Sendable (Range<Int>) -> [UInt8], write: ([UInt8]) -> Void
  ) {
    let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
    var start = 0
    while start < count {
      let ranges = (0..<cores).map { start + $0 * block }.filter { $0 < count }.map { $0..<min(count, $0 + block) }
      let made = Slots.fill([UInt8](), count: ranges.count) { made in
        DispatchQueue.concurrentPerform(iterations: ranges.count) { index in made.put(make(ranges[index]), at: index) }
      }
      for bytes in made { write(bytes) }
      start = ranges.last!.upperBound
    }
  }

  // MARK: CSV (RFC 4180)

  static let csvHeader = "learner,lesson,status,score,max_score,mistakes,explanation,file,warnings,note_to_review,note"

  var csv: String {
    var lines = [Self.csvHeader]
    for record in book.records { lines.append(csvRow(record)) }
    return lines.joined(separator: "\r\n") + "\r\n"
  }

  func csvRow(_ record: GradeRecord) -> String {
    var row: [UInt8] = []
    csvRow(record, into: &row)
    return String(decoding: row, as: UTF8.self)
  }

  /// The record's row, its fields quoted as ``csvField(_:)`` says, appended to `row`.
  func csvRow(_ record: GradeRecord, into row: inout [UInt8]) {
    let fields = [
      record.learner, String(record.lesson), record.status.rawValue, String(record.score), String(record.maxScore),
      record.mistakes.joined(separator: ";"), record.explanation, record.file,
      record.warnings.joined(separator: " | "), Self.noteToReview(record), record.noteReview?.note ?? "",
    ]
    for (index, field) in fields.enumerated() {
      if index > 0 { row.append(UInt8(ascii: ",")) }
      Self.csvField(field, into: &row)
    }
  }

  /// Quotes a field when it holds a comma, a quote, a line break or leading/trailing space, and
  /// defuses spreadsheet formulas (a field starting with = + - @ is prefixed with ').
  static func csvField(_ text: String) -> String {
    var field: [UInt8] = []
    csvField(text, into: &field)
    return String(decoding: field, as: UTF8.self)
  }

  /// ``csvField(_:)`` appended to `out`, byte by byte.
  static func csvField(_ text: String, into out: inout [UInt8]) {
    var text = text
    text.withUTF8 { bytes in
      let formula: Bool
      switch bytes.first {
      case UInt8(ascii: "=")?, UInt8(ascii: "+")?, UInt8(ascii: "-")?, UInt8(ascii: "@")?, 0x09?, 0x0D?: formula = true
      default: formula = false
      }
      let defused = formula && Double(String(decoding: bytes, as: UTF8.self)) == nil
      let needsQuotes =
        bytes.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
        || (defused ? false : bytes.first == UInt8(ascii: " ")) || bytes.last == UInt8(ascii: " ")
      if needsQuotes { out.append(UInt8(ascii: "\"")) }
      if defused { out.append(UInt8(ascii: "'")) }
      for byte in bytes {
        out.append(byte)
        if byte == UInt8(ascii: "\"") { out.append(byte) }
      }
      if needsQuotes { out.append(UInt8(ascii: "\"")) }
    }
  }

  // MARK: JSON

  var json: JSONOutput {
    .object(
      jsonHead + [("learners", .array(book.learners.map(jsonLearner))), ("summary", jsonSummary)])
  }

  /// The JSON gradebook's first members.
  var jsonHead: [(String, JSONOutput)] {
    [("formatVersion", .int(2)), ("course", .string(course.title)), ("strict", .bool(strict))]
  }

  /// One learner of the JSON gradebook.
  func jsonLearner(_ learner: String) -> JSONOutput {
    .object([
      ("learner", .string(learner)),
      (
        "lessons",
        .array(
          book.records(of: learner).map { record in
            .object([
              ("lesson", .int(record.lesson)), ("status", .string(record.status.rawValue)),
              ("score", .int(record.score)), ("maxScore", .int(record.maxScore)),
              ("mistakes", .array(record.mistakes.map(JSONOutput.string))),
              ("explanation", .string(record.explanation)),
              ("explanations", .array(record.explanations.map(JSONOutput.string))),
              ("file", .string(record.file)), ("warnings", .array(record.warnings.map(JSONOutput.string))),
              ("note", record.noteReview.map(NoteReviewText.json) ?? .null),
            ])
          })
      ),
    ])
  }

  /// The JSON gradebook's summary.
  var jsonSummary: JSONOutput {
    .object([
      (
        "passRate",
        .array(
          book.lessons.map { lesson in
            let (passed, total) = book.passRate(lesson)
            return .object([("lesson", .int(lesson)), ("passed", .int(passed)), ("learners", .int(total))])
          })
      ),
      (
        "mistakes",
        .array(book.mistakeCounts.map { .object([("id", .string($0.id)), ("learners", .int($0.learners))]) })
      ),
      ("needAttention", .array(book.needAttention.map { .string($0.learner) })),
      ("warnings", .int(book.warnings.count)),
      (
        "notesToReview",
        .array(notesToReview.map { .object([("learner", .string($0.learner)), ("lesson", .int($0.lesson))]) })
      ),
      ("roster", book.hasRoster ? .bool(true) : .bool(false)),
      ("missing", .array(book.missing.map(JSONOutput.string))),
      ("notOnRoster", .array(book.notOnRoster.map(JSONOutput.string))),
    ])
  }

  // MARK: JUnit XML

  var junit: String {
    var text = ""
    junit { text += $0 + "\n" }
    return text
  }

  /// The JUnit XML a line at a time.
  func junit(_ emit: (String) -> Void) {
    // Counted from each record's counts: the checks themselves may wait on disk.
    func tests(_ records: [GradeRecord]) -> Int {
      records.reduce(0) { total, record in
        let counts = record.checkCounts
        return total + (counts.total == 0 ? 1 : Int(counts.total))
      }
    }
    func failures(_ records: [GradeRecord]) -> Int {
      records.reduce(0) { total, record in
        let counts = record.checkCounts
        return total + Int(counts.failed) + (strict ? Int(counts.warnings) : 0)
      }
    }
    func skipped(_ records: [GradeRecord]) -> Int { records.reduce(0) { $0 + Int($1.checkCounts.skipped) } }
    func errors(_ records: [GradeRecord]) -> Int {
      records.count(where: { $0.checkCounts.total == 0 && $0.status != .pass })
    }
    emit("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
    emit(
      "<testsuites name=\"lesson\" tests=\"\(tests(book.records))\" failures=\"\(failures(book.records))\" errors=\"\(errors(book.records))\" skipped=\"\(skipped(book.records))\">"
    )
    for learner in book.learners {
      let own = book.records(of: learner)
      emit(
        "  <testsuite name=\"\(Self.xml(learner))\" tests=\"\(tests(own))\" failures=\"\(failures(own))\" errors=\"\(errors(own))\" skipped=\"\(skipped(own))\">"
      )
      for record in own {
        let classname = Self.xml("\(learner).lesson\(record.lesson)")
        if record.checks.isEmpty {
          let type = record.status == .missing ? "missing" : "invalid-submission"
          emit("    <testcase classname=\"\(classname)\" name=\"lesson \(record.lesson)\">")
          emit("      <error message=\"\(Self.xml(record.explanation))\" type=\"\(type)\"/>")
          emit("    </testcase>")
          continue
        }
        for check in record.checks {
          let name = Self.xml("\(check.id): \(check.title)")
          if check.status == .skipped {
            emit("    <testcase classname=\"\(classname)\" name=\"\(name)\">")
            let message = Self.xml("checked once \(check.blockedBy.joined(separator: ", ")) pass")
            emit("      <skipped message=\"\(message)\"/>")
            emit("    </testcase>")
          } else if fails(check) {
            emit("    <testcase classname=\"\(classname)\" name=\"\(name)\">")
            let message = Self.xml("expected \(check.expected), observed \(check.observed)")
            let type = Self.xml(check.mistake?.id ?? "failed")
            let body = Self.xml(check.mistake.map { "\($0.title). Why: \($0.why) Fix: \($0.fix)" } ?? "")
            emit("      <failure message=\"\(message)\" type=\"\(type)\">\(body)</failure>")
            emit("    </testcase>")
          } else {
            emit("    <testcase classname=\"\(classname)\" name=\"\(name)\"/>")
          }
        }
      }
      var out = own.flatMap { record in record.warnings.map { "L\(record.lesson): warning: \($0)" } }
      for record in own {
        guard let review = record.noteReview, review.needsReview else { continue }
        out.append("L\(record.lesson): note to review: \(NoteReviewText.summary(review))")
        if review.wordCount > 0 { out.append("L\(record.lesson): note: \(NoteReviewText.oneLine(review.note))") }
      }
      if !out.isEmpty {
        emit("    <system-out>\(Self.xml(out.joined(separator: "\n")))</system-out>")
      }
      emit("  </testsuite>")
    }
    emit("</testsuites>")
  }

  /// Escapes text for XML 1.0, dropping characters XML cannot hold at all.
  static func xml(_ text: String) -> String {
    // On the bytes: each escape is ASCII, and U+FFFE and U+FFFF are the only three-byte
    // sequences EF BF BE and EF BF BF (a scalar at a time cost 250,000 instructions a learner).
    let bytes = Array(text.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + 16)
    let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      switch byte {
      case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
      case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
      case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
      case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
      case UInt8(ascii: "'"): out.append(contentsOf: "&apos;".utf8)
      case UInt8(ascii: "\n"): out.append(contentsOf: "&#10;".utf8)
      case UInt8(ascii: "\t"): out.append(contentsOf: "&#9;".utf8)
      case UInt8(ascii: "\r"): out.append(contentsOf: "&#13;".utf8)
      case 0..<0x20: out += replacement
      case 0xEF where index + 1 < bytes.count && bytes[index] == 0xBF && bytes[index + 1] >= 0xBE:
        out += replacement
        index += 2
      default: out.append(byte)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  // MARK: Gradescope

  /// The autograder's `results.json`: one submission, one test per check; warnings in `output`.
  var gradescope: JSONOutput {
    var tests: [JSONOutput] = []
    let records = book.learners.flatMap(book.records(of:))
    for record in records {
      if record.checks.isEmpty {
        let lead = record.status == .missing ? "Not handed in" : "Could not be graded"
        tests.append(
          .object([
            ("name", .string("Lesson \(record.lesson) (\(title(record.lesson)))")), ("score", .int(0)),
            ("max_score", .int(record.maxScore)), ("status", .string("failed")),
            ("output", .string("\(lead): \(record.explanation)")),
          ]))
        continue
      }
      for check in record.checks {
        let passed = !fails(check)
        var output =
          check.status == .skipped
          ? "not checked: it waits for \(check.blockedBy.joined(separator: ", "))"
          : "expected \(check.expected)\nobserved \(check.observed)"
        if let mistake = check.mistake, check.status != .passed {
          output +=
            "\n\n\(check.status == .warning ? "warning: " : "")\(mistake.id): \(mistake.title)\nWhy: \(mistake.why)\nFix: \(mistake.fix)"
        }
        tests.append(
          .object([
            ("name", .string("Lesson \(record.lesson): \(check.title)")), ("score", .int(passed ? 1 : 0)),
            ("max_score", .int(1)), ("status", .string(passed ? "passed" : "failed")), ("output", .string(output)),
          ]))
      }
    }
    let score = records.reduce(0) { $0 + $1.checks.count(where: { !fails($0) }) }
    let maximum = records.reduce(0) { $0 + ($1.checks.isEmpty ? $1.maxScore : $1.checks.count) }
    var fields: [(String, JSONOutput)] = [("score", .int(score)), ("max_score", .int(maximum))]
    var output: [String] = []
    let warnings = book.warnings
    if !warnings.isEmpty {
      output.append("Warnings:\n" + warnings.map { "- Lesson \($0.lesson): \($0.text)" }.joined(separator: "\n"))
    }
    for record in notesToReview {
      guard let review = record.noteReview else { continue }
      output.append(
        "Your note for lesson \(record.lesson) will be read by your instructor. It does not yet explain everything the lesson asks:\n"
          + NoteReviewText.reasons(review).map { "- \($0)" }.joined(separator: "\n"))
    }
    if !output.isEmpty { fields.append(("output", .string(output.joined(separator: "\n\n")))) }
    fields.append(("tests", .array(tests)))
    return .object(fields)
  }
}
