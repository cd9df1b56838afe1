import GuardedGather
import LessonKit

/// Renders a ``CheckReport`` for a person or as JSON.
struct CheckReportView {
  let report: CheckReport
  let strict: Bool

  var passed: Bool { report.passed(strict: strict) }

  /// The report for a person, one screen for a typical failure: what the run did, each check
  /// (skipped ones grouped by what they wait for), each mistake once with why and the fix. The
  /// closing line and the verdict come from ``closing(next:width:style:)``.
  func text(width: Int, style: Style) -> [String] {
    let lesson = report.lesson
    let isProgram = report.configuration.program != nil
    var lines = TextLayout.wrap("Lesson \(lesson.id) — \(lesson.title)", width: width, hanging: "  ").map(style.bold)
    lines += ["Checking \(report.file)", ""]
    lines.append(style.bold(isProgram ? "What your program printed:" : "What your configuration did:"))
    let trace = TraceReport(batch: report.configuration.batch, trace: report.trace)
    if let printed = report.configuration.observedOutput {
      // The program's own output, from its run on the interpreter.
      // The program's own output, wrapped to the width (a results list at its commas).
      lines += TextLayout.fit(Array(printed.prefix(12)), width: width, hanging: "  ")
      if printed.count > 12 { lines.append("… \(printed.count - 12) more lines ('lesson run \(report.file)' shows them all)") }
    } else {
      // The results list wraps at its commas, to the terminal's width.
      lines += TextLayout.fit(trace.summary(style: style), width: width)
    }
    // On a narrow terminal every line counts: the total time is in the line above the bars.
    lines += trace.timeline(width: width, style: style, axis: width >= 80)
    lines.append("")
    let judged = report.checks.filter { $0.status != .skipped }
    // Beside the titles where there is room, under them on a narrow terminal.
    let stacked = width < 80
    let titleWidth = min(judged.map { $0.title.count }.max() ?? 10, 28) + 2
    for check in judged where stacked {
      let mark = Self.mark(check.status, style)
      if check.status == .passed {
        lines += styled(
          TextLayout.wrap(check.title, width: width, indent: "  ✓ ", hanging: "      "), "  ✓ ", "  \(mark) ")
      } else {
        // The title and what was expected on one line where they fit, what was observed under.
        let together = "  ✗ \(check.title): expected \(check.expected)"
        if together.count <= width {
          lines += styled([together], "  ✗ ", "  \(mark) ")
        } else {
          lines += styled(
            TextLayout.wrap(check.title, width: width, indent: "  ✗ ", hanging: "      "), "  ✗ ", "  \(mark) ")
          lines += TextLayout.wrap(
            "expected " + check.expected, width: width, indent: "      ", hanging: "               ")
        }
        lines += TextLayout.wrap(
          "observed " + check.observed, width: width, indent: "      ", hanging: "               ")
      }
    }
    for check in judged where !stacked {
      let mark = Self.mark(check.status, style)
      if check.status == .passed {
        lines += styled(
          TextLayout.labelled(check.title, labelWidth: titleWidth, check.observed, width: width, indent: "  ✓ "),
          "  ✓ ", "  \(mark) ")
      } else {
        let plain = "  ✗ "
        lines += styled(
          TextLayout.labelled(
            check.title, labelWidth: titleWidth, "expected " + check.expected, width: width, indent: plain),
          plain, "  \(mark) ")
        lines += TextLayout.wrap(
          "observed " + check.observed, width: width, indent: String(repeating: " ", count: 4 + titleWidth),
          hanging: String(repeating: " ", count: 4 + titleWidth + 9))
      }
    }
    // Skipped checks, grouped by the checks they wait for.
    var groups: [(blockers: [String], titles: [String])] = []
    for check in report.checks where check.status == .skipped {
      if let index = groups.firstIndex(where: { $0.blockers == check.blockedBy }) {
        groups[index].titles.append(check.title)
      } else {
        groups.append((check.blockedBy, [check.title]))
      }
    }
    for group in groups {
      let after = group.blockers.count == 1 ? "\"\(group.blockers[0])\" passes" : "the checks above pass"
      lines += styled(
        TextLayout.wrap(
          "– \(group.titles.joined(separator: ", ")): checked once \(after)",
          width: width, indent: "  ", hanging: "    "),
        "  – ", "  " + style.dim("–") + " ")
    }
    if !report.mistakes.isEmpty { lines.append("") }
    for mistake in report.mistakes {
      let checks = report.checks(showing: mistake)
      let place = checks.lazy.compactMap { report.place(of: $0) }.first.map { place in
        isProgram ? "at line \(place.split(separator: ":").first ?? "")" : "at \"\(place)\""
      }
      let mark = mistake.isWarning ? "!" : "✗"
      let head =
        "\(mark) \(mistake.id)\(place.map { " " + $0 } ?? ""): \(mistake.title)"
        + (mistake.isWarning ? " (a warning)" : "")
      lines += styled(
        TextLayout.wrap(head, width: width, indent: "", hanging: "    "), "\(mark) \(mistake.id)",
        (mistake.isWarning ? style.yellow(mark) : style.red(mark)) + " " + style.bold(mistake.id))
      lines += TextLayout.wrap("why: " + mistake.why, width: width, indent: "    ", hanging: "         ")
      lines += TextLayout.wrap("fix: " + report.fix(for: mistake), width: width, indent: "    ", hanging: "         ")
    }
    return lines
  }

  /// The last lines: what to do next, then the verdict.
  func closing(next: String, width: Int, style: Style) -> [String] {
    var lines = TextLayout.wrap(next, width: width)
    let failed = report.checks.count(where: { $0.status == .failed })
    let warnings = report.checks.count(where: { $0.status == .warning })
    var counts = "\(report.score) of \(report.checks.count) checks passed"
    if warnings > 0 { counts += ", \(warnings) warning\(warnings == 1 ? "" : "s")" }
    if report.skipped > 0 { counts += ", \(report.skipped) not checked yet" }
    if passed {
      lines.append(style.green(style.bold("PASS")) + " — \(counts).")
    } else {
      lines.append(
        style.red(style.bold("FAIL")) + " — \(counts)" + (failed == 0 ? " (warnings fail with --strict)." : "."))
    }
    return lines
  }

  /// A check's mark: ✓ passed, ✗ failed, ! a warning.
  static func mark(_ status: CheckResult.Status, _ style: Style) -> String {
    switch status {
    case .passed: style.green("✓")
    case .failed: style.red("✗")
    case .warning, .skipped: style.yellow("!")
    }
  }

  /// Replaces the plain `prefix` of the first line with its `styled` form.
  func styled(_ lines: [String], _ prefix: String, _ styled: String) -> [String] {
    guard let first = lines.first, first.hasPrefix(prefix), prefix != styled else { return lines }
    return [styled + first.dropFirst(prefix.count)] + lines.dropFirst()
  }

  /// Breaks `text` into lines of at most `width` columns at spaces.
  static func wrap(_ text: String, width: Int, indent: String, hanging: String) -> [String] {
    TextLayout.wrap(text, width: width, indent: indent, hanging: hanging)
  }

  /// Findings as `file:location: severity: message [id]` lines, for standard error.
  var findingLines: [String] {
    report.findings.map { finding in
      let place = finding.location.map { "\(report.file):\($0)" } ?? report.file
      return "\(place): \(finding.severity.rawValue): \(finding.message) [\(finding.mistake.id)]"
    }
  }

  /// The verdict, the checks and the mistake ids.
  var json: JSONOutput {
    .object([
      ("lesson", .int(report.lesson.id)),
      ("file", .string(report.file)),
      ("python", .string(report.trace.python.rawValue)),
      ("verdict", .string(passed ? "pass" : "fail")),
      ("score", .int(report.score)),
      ("maxScore", .int(report.checks.count)),
      (
        "checks",
        .array(
          report.checks.map { check in
            .object([
              ("id", .string(check.id)),
              ("title", .string(check.title)),
              ("status", .string(check.status.rawValue)),
              ("expected", .string(check.expected)),
              ("observed", .string(check.observed)),
              ("mistake", check.mistake.map { .string($0.id) } ?? .null),
              ("location", report.place(of: check).map(JSONOutput.string) ?? .null),
              ("fix", check.isFinding ? .string(fix(of: check)) : .null),
              ("blockedBy", .array(check.blockedBy.map(JSONOutput.string))),
            ])
          })
      ),
      ("mistakes", .array(report.mistakes.filter { !$0.isWarning }.map { .string($0.id) })),
      ("warnings", .array(report.mistakes.filter(\.isWarning).map { .string($0.id) })),
      ("note", noteJSON),
      ("run", TraceReport(batch: report.configuration.batch, trace: report.trace).json),
    ])
  }

  /// A check's fix in the learner's language.
  func fix(of check: CheckResult) -> String {
    let program = report.configuration.program != nil
    return (program ? check.pythonFix : check.fix)
      ?? check.mistake.map { program ? $0.pythonFix : $0.fix } ?? ""
  }

  /// The note review: the note, each idea found or not, and whether a person should read it.
  var noteJSON: JSONOutput {
    guard let review = report.noteReview else { return .null }
    return .object([
      ("text", .string(review.note)),
      ("toReview", .bool(review.needsReview)),
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
