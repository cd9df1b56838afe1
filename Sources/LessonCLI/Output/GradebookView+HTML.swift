import LessonKit

/// The class report as one self-contained HTML page: inline CSS, a little inline JavaScript to
/// sort the learners' table, inline SVG for the timeline; nothing is fetched from anywhere.
///
/// The page is also well-formed XML (every element closed, no named entities, no `<` or `&` in the
/// script), so tests read it with an XML parser.
extension GradebookView {
  var html: String {
    var text = ""
    html { text += $0 + "\n" }
    return text
  }

  /// The page a line at a time: a class of 50,000 is never one string.
  func html(_ emit: (String) -> Void) {
    for line in [
      "<!DOCTYPE html>",
      "<html lang=\"en\" xmlns=\"http://www.w3.org/1999/xhtml\">",
      "<head>",
      "<meta charset=\"utf-8\"/>",
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>",
      "<title>\(Self.html(course.title)): class report</title>",
      "<style>\(Self.css)</style>",
      "</head>",
      "<body>",
      "<h1>\(Self.html(course.title))</h1>",
    ] {
      emit(line)
    }
    let passing = book.learners.count(where: { learner in book.records(of: learner).allSatisfy { $0.status == .pass } })
    emit(
      "<p class=\"lead\" id=\"summary\">\(book.learners.count) learner\(book.learners.count == 1 ? "" : "s"), "
        + "\(book.records.count) submission\(book.records.count == 1 ? "" : "s") graded; "
        + "\(passing) passed every lesson\(strict ? " (strict: warnings count as failures)" : "").</p>")
    for section in [passRateSection, mistakeSection, timelineSection] { section.forEach(emit) }
    learnerSection(emit)
    for section in [notesSection, warningsSection, rosterSection] { section.forEach(emit) }
    for line in ["<script>\(Self.script)</script>", "</body>", "</html>"] { emit(line) }
  }

  // MARK: Sections

  var passRateSection: [String] {
    var lines = [
      "<section id=\"pass-rates\">", "<h2>Pass rate per lesson</h2>",
      "<table class=\"bars\"><thead><tr><th>lesson</th><th>passed</th><th class=\"bar-cell\">rate</th></tr></thead><tbody>",
    ]
    for lesson in book.lessons {
      let (passed, total) = book.passRate(lesson)
      let percent = Gradebook.percent(passed, of: total)
      lines.append(
        "<tr data-lesson=\"\(lesson)\"><td>L\(lesson) \(Self.html(title(lesson)))</td>"
          + "<td class=\"rate\">\(passed)/\(total) (\(percent)%)</td>"
          + "<td class=\"bar-cell\"><div class=\"track\"><div class=\"bar pass\" style=\"width: \(percent)%\"></div></div></td></tr>"
      )
    }
    lines += ["</tbody></table>", "</section>"]
    return lines
  }

  var mistakeSection: [String] {
    let mistakes = book.mistakeCounts
    var lines = ["<section id=\"mistakes\">", "<h2>Mistakes, most common first</h2>"]
    guard let most = mistakes.first?.learners else {
      return lines + ["<p>No mistakes.</p>", "</section>"]
    }
    lines.append(
      "<table class=\"bars\"><thead><tr><th>mistake</th><th>learners</th><th class=\"bar-cell\">how many</th></tr></thead><tbody>"
    )
    for (id, learners) in mistakes {
      let width = learners * 100 / max(1, most)
      lines.append(
        "<tr data-mistake=\"\(Self.html(id))\"><td><code>\(Self.html(id))</code> \(Self.html(Mistake.named(id)?.title ?? ""))</td>"
          + "<td class=\"count\">\(learners)</td>"
          + "<td class=\"bar-cell\"><div class=\"bar fail\" style=\"width: \(width)%\"></div></td></tr>")
    }
    lines += ["</tbody></table>", "</section>"]
    return lines
  }

  /// The failing run to draw: one that shows the class's most common mistake, else the first.
  var exampleFailure: GradeRecord? {
    let failing = book.records.filter { $0.timeline != nil }
    if let common = book.mistakeCounts.first?.id, let record = failing.first(where: { $0.mistakes.contains(common) }) {
      return record
    }
    return failing.first
  }

  var timelineSection: [String] {
    var lines = ["<section id=\"timeline\">", "<h2>A failing run</h2>"]
    guard let record = exampleFailure, let timeline = record.timeline else {
      return lines + ["<p>No failing run to show.</p>", "</section>"]
    }
    let mistakes = record.mistakes.map { "<code>\(Self.html($0))</code>" }.joined(separator: ", ")
    lines.append(
      "<p>\(Self.html(record.learner)), lesson \(record.lesson) (<code>\(Self.html(record.file))</code>): \(mistakes). "
        + "Limit \(timeline.limit.map(String.init) ?? "none"), at most \(timeline.peak) at once, "
        + "\(Self.seconds(timeline.elapsed)) s.\(timeline.failure.map { " The batch stopped: \(Self.html($0))." } ?? "")</p>"
    )
    lines.append(Self.svg(timeline))
    lines.append("</section>")
    return lines
  }

  func learnerSection(_ emit: (String) -> Void) {
    let lessons = book.lessons
    for line in [
      "<section id=\"learners\">", "<h2>Learners</h2>",
      "<p class=\"hint\">Click a column's heading to sort by it; click again to reverse.</p>",
      "<table id=\"learner-table\" class=\"sortable\"><thead><tr><th data-type=\"text\">learner</th>",
    ] {
      emit(line)
    }
    emit(
      lessons.map { "<th data-type=\"number\" title=\"\(Self.html(title($0)))\">L\($0)</th>" }.joined()
        + "<th data-type=\"number\">passed</th><th data-type=\"text\">mistakes</th>"
        + "<th data-type=\"text\">note to review</th>"
        + (feedbackLinks.isEmpty ? "" : "<th data-type=\"text\">feedback</th>") + "</tr></thead><tbody>")
    for learner in book.learners {
      let own = book.records(of: learner)
      var row =
        "<tr data-learner=\"\(Self.html(learner))\"><td data-value=\"\(Self.html(learner.lowercased()))\">\(Self.html(learner))</td>"
      for lesson in lessons {
        guard let record = own.first(where: { $0.lesson == lesson }) else {
          row += "<td data-value=\"-1\"></td>"
          continue
        }
        let warning = record.warnings.isEmpty ? "" : " <span class=\"warn\" title=\"a warning\">!</span>"
        let value = record.maxScore > 0 ? record.score * 1000 / record.maxScore : 0
        let tip = Self.html(([record.status.rawValue] + record.explanations + record.warnings).joined(separator: "\n"))
        let text: String
        switch record.status {
        case .pass: text = "✓ \(record.score)/\(record.maxScore)"
        case .fail: text = "✗ \(record.score)/\(record.maxScore)"
        case .error: text = "error"
        case .missing: text = "missing"
        }
        row +=
          "<td class=\"verdict \(record.status.rawValue)\" data-value=\"\(value)\" title=\"\(tip)\">\(text)\(warning)</td>"
      }
      let passed = own.count(where: { $0.status == .pass })
      row += "<td data-value=\"\(passed)\">\(passed)/\(own.count)</td>"
      let mistakes = Array(Set(own.flatMap(\.mistakes))).sorted()
      row +=
        "<td data-value=\"\(Self.html(mistakes.joined(separator: " ")))\">"
        + mistakes.map { "<code>\(Self.html($0))</code>" }.joined(separator: " ") + "</td>"
      let toReview = own.filter { $0.noteReview?.needsReview == true }.map { "L\($0.lesson)" }
      row += "<td data-value=\"\(toReview.isEmpty ? "" : "yes")\">\(toReview.joined(separator: " "))</td>"
      if !feedbackLinks.isEmpty {
        let link = feedbackLinks[learner].map { "<a class=\"feedback\" href=\"\(Self.html($0))\">feedback</a>" } ?? ""
        row += "<td data-value=\"\">\(link)</td>"
      }
      emit(row + "</tr>")
    }
    emit("</tbody></table>")
    emit("</section>")
  }

  var notesSection: [String] {
    let notes = notesToReview
    guard !notes.isEmpty else { return [] }
    var lines = ["<section id=\"notes\">", "<h2>Notes to review</h2>", "<dl>"]
    for record in notes {
      guard let review = record.noteReview else { continue }
      lines.append("<dt>\(Self.html(record.learner)), L\(record.lesson)</dt>")
      lines.append(
        "<dd><ul>" + NoteReviewText.reasons(review).map { "<li>\(Self.html($0))</li>" }.joined() + "</ul>"
          + (review.wordCount > 0 ? "<blockquote>\(Self.html(review.note))</blockquote>" : "") + "</dd>")
    }
    lines += ["</dl>", "</section>"]
    return lines
  }

  var warningsSection: [String] {
    let warnings = book.warnings
    guard !warnings.isEmpty else { return [] }
    return ["<section id=\"warnings\">", "<h2>Warnings</h2>", "<ul>"]
      + warnings.map { "<li>\(Self.html($0.learner)) L\($0.lesson): \(Self.html($0.text))</li>" }
      + ["</ul>", "</section>"]
  }

  var rosterSection: [String] {
    guard book.hasRoster else { return [] }
    func list(_ names: [String]) -> String { names.isEmpty ? "none" : names.map(Self.html).joined(separator: ", ") }
    return [
      "<section id=\"roster\">", "<h2>Roster</h2>",
      "<p>Missing (on the roster, nothing handed in): \(list(book.missing))</p>",
      "<p>Not on the roster (handed in): \(list(book.notOnRoster))</p>", "</section>",
    ]
  }

  // MARK: The timeline picture

  /// One bar per call: waiting for a slot (pale), then running, coloured by how it ended, with a
  /// mark where it timed out, raised or was cancelled; an axis in seconds and a key.
  static func svg(_ timeline: GradeTimeline) -> String {
    let nameWidth = 130
    let barWidth = 560
    let row = 20
    let top = 10
    let rows = timeline.calls.count + (timeline.omitted > 0 ? 1 : 0)
    let height = top + rows * row + 56
    let width = nameWidth + barWidth + 110
    let total = max(timeline.elapsed, 1)
    func x(_ micros: Int64) -> Int { nameWidth + Int(micros * Int64(barWidth) / total) }
    var svg = [
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" role=\"img\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\">",
      "<title>Timeline: each call waiting for its turn, then running</title>",
    ]
    for (index, call) in timeline.calls.enumerated() {
      let y = top + index * row
      svg.append(
        "<g class=\"call\" data-name=\"\(html(call.name))\" data-outcome=\"\(call.outcome.rawValue)\">"
          + "<text class=\"name\" x=\"\(nameWidth - 6)\" y=\"\(y + 14)\" text-anchor=\"end\">\(html(String(call.name.prefix(18))))</text>"
      )
      let end = x(call.endedAt)
      let start = call.startedAt.map(x) ?? end
      let times =
        call.startedAt.map { "\(seconds($0)) → \(seconds(call.endedAt)) s" }
        ?? "never ran, until \(seconds(call.endedAt)) s"
      if start > nameWidth {
        svg.append(
          "<rect class=\"waiting\" x=\"\(nameWidth)\" y=\"\(y + 3)\" width=\"\(start - nameWidth)\" height=\"\(row - 6)\"><title>\(html(call.name)): waiting for its turn</title></rect>"
        )
      }
      if call.startedAt != nil {
        svg.append(
          "<rect class=\"running \(call.outcome.rawValue)\" x=\"\(start)\" y=\"\(y + 3)\" width=\"\(max(2, end - start))\" height=\"\(row - 6)\"><title>\(html(call.name)): \(call.outcome.rawValue), \(times)</title></rect>"
        )
      }
      if let mark = TraceReport.marks[call.outcome] {
        svg.append("<text class=\"mark \(call.outcome.rawValue)\" x=\"\(end + 3)\" y=\"\(y + 14)\">\(mark)</text>")
      }
      svg.append(
        "<text class=\"outcome\" x=\"\(nameWidth + barWidth + 14)\" y=\"\(y + 14)\">\(call.outcome.rawValue)</text></g>"
      )
    }
    if timeline.omitted > 0 {
      let y = top + timeline.calls.count * row
      svg.append("<text class=\"name\" x=\"\(nameWidth)\" y=\"\(y + 14)\">… and \(timeline.omitted) more calls</text>")
    }
    let axis = top + rows * row + 4
    svg.append(
      "<line class=\"axis\" x1=\"\(nameWidth)\" y1=\"\(axis)\" x2=\"\(nameWidth + barWidth)\" y2=\"\(axis)\"/>")
    svg.append("<text class=\"tick\" x=\"\(nameWidth)\" y=\"\(axis + 16)\">0 s</text>")
    svg.append(
      "<text class=\"tick\" x=\"\(nameWidth + barWidth)\" y=\"\(axis + 16)\" text-anchor=\"end\">\(seconds(timeline.elapsed)) s</text>"
    )
    let key = axis + 38
    for (offset, kind, label) in [
      (0, "waiting", "waiting for its turn"), (190, "running ok", "running (ok)"),
      (320, "running timeout", "timed out ×"), (450, "running error", "raised !"),
      (560, "running cancelled", "cancelled /"),
    ] {
      svg.append("<rect class=\"\(kind)\" x=\"\(nameWidth + offset)\" y=\"\(key - 10)\" width=\"14\" height=\"12\"/>")
      svg.append("<text class=\"key\" x=\"\(nameWidth + offset + 18)\" y=\"\(key)\">\(label)</text>")
    }
    svg.append("</svg>")
    return svg.joined(separator: "\n")
  }

  /// Microseconds as seconds with three decimals.
  static func seconds(_ micros: Int64) -> String { Seconds.fixed(.microseconds(micros)) }

  // MARK: Text, style and script

  /// Escapes text for HTML and XML alike (element text and attribute values).
  static func html(_ text: String) -> String { xml(text) }

  static let css = """
    :root { color-scheme: light; --ok: #2e7d32; --fail: #c62828; --warn: #ef6c00; --muted: #6b6b6b; }
    body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 70rem; padding: 0 1rem; color: #1b1b1b; }
    h1 { font-size: 1.6rem; margin-bottom: 0.2rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #ddd; }
    .lead { color: var(--muted); } .hint { color: var(--muted); font-size: 0.9rem; }
    table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: 0.25rem 0.5rem; border-bottom: 1px solid #eee; vertical-align: top; }
    table.bars td.bar-cell, table.bars th.bar-cell { width: 45%; }
    .track { background: #eee; border-radius: 2px; } .bar { height: 0.9rem; min-width: 1px; border-radius: 2px; } .bar.pass { background: var(--ok); } .bar.fail { background: var(--fail); }
    table.sortable th { cursor: pointer; user-select: none; white-space: nowrap; }
    table.sortable th::after { content: " ↕"; color: #aaa; }
    table.sortable th[aria-sort="ascending"]::after { content: " ▲"; color: #1b1b1b; }
    table.sortable th[aria-sort="descending"]::after { content: " ▼"; color: #1b1b1b; }
    td.verdict.pass { color: var(--ok); } td.verdict.fail { color: var(--fail); font-weight: 600; }
    td.verdict.error { color: var(--warn); } td.verdict.missing { color: var(--muted); font-style: italic; }
    .warn { color: var(--warn); font-weight: 700; }
    code { font: 0.85em ui-monospace, SFMono-Regular, Menlo, monospace; background: #f4f4f4; padding: 0 0.2em; border-radius: 3px; }
    blockquote { margin: 0.3rem 0 0.8rem; padding-left: 0.8rem; border-left: 3px solid #ddd; color: #333; }
    svg.timeline { max-width: 100%; height: auto; font: 12px ui-monospace, Menlo, monospace; }
    svg .waiting { fill: #d9d9d9; } svg .running.ok { fill: var(--ok); } svg .running.timeout { fill: var(--warn); }
    svg .running.error { fill: var(--fail); } svg .running.cancelled { fill: #9e9e9e; }
    svg .mark { font-weight: 700; } svg .mark.timeout { fill: var(--warn); } svg .mark.error { fill: var(--fail); }
    svg .axis { stroke: #888; } svg .tick, svg .key, svg .outcome { fill: #444; }
    @media print {
      body { margin: 0; max-width: none; font-size: 11pt; }
      .hint, table.sortable th::after { display: none; }
      h2 { break-after: avoid; } tr, svg, dd { break-inside: avoid; }
      .bar, .track, svg rect { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      a.feedback::after { content: " (" attr(href) ")"; font-size: 0.85em; color: var(--muted); }
    }
    """

  /// Sorts the learners' table by the clicked column, by each cell's `data-value` (numbers as
  /// numbers), again to reverse. Written without `<` or `&` so that the page stays XML.
  static let script = """
    document.querySelectorAll("table.sortable").forEach(function (table) {
      var headers = table.querySelectorAll("th");
      headers.forEach(function (header, column) {
        header.setAttribute("tabindex", "0");
        function sort() {
          var ascending = header.getAttribute("aria-sort") !== "ascending";
          headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
          header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
          var number = header.getAttribute("data-type") === "number";
          var body = table.tBodies[0];
          var rows = Array.prototype.slice.call(body.rows);
          rows.sort(function (a, b) {
            var x = a.cells[column].getAttribute("data-value") || "";
            var y = b.cells[column].getAttribute("data-value") || "";
            var order = number ? Number(x) - Number(y) : x.localeCompare(y);
            return ascending ? order : -order;
          });
          rows.forEach(function (row) { body.appendChild(row); });
        }
        header.addEventListener("click", sort);
        header.addEventListener("keydown", function (event) { if (event.key === "Enter") { sort(); } });
      });
    });
    """
}
