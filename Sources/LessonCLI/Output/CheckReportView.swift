import GuardedGather
import LessonKit

/// Renders a ``CheckReport`` for a person or as JSON.
struct CheckReportView {
  let report: CheckReport
  let strict: Bool

  var passed: Bool { report.passed(strict: strict) }

  /// The report for a person: each check with a mark, the verdict, every mistake explained, and the run.
  func text(width: Int, style: Style) -> [String] {
    let lesson = report.lesson
    var lines = [style.bold("Lesson \(lesson.id) — \(lesson.title)"), "Checking \(report.file)", ""]
    let titleWidth = min(report.checks.map { $0.title.count }.max() ?? 10, 30)
    for check in report.checks {
      let mark: String
      switch check.status {
      case .passed: mark = style.green("✓")
      case .failed: mark = style.red("✗")
      case .warning: mark = style.yellow("!")
      }
      let title = TraceReport.fit(check.title, titleWidth)
      if check.status == .passed {
        lines.append("  \(mark) \(title)  \(style.dim(check.observed))")
      } else {
        lines.append("  \(mark) \(title)  expected \(check.expected)")
        lines.append("    " + String(repeating: " ", count: titleWidth) + "  observed \(check.observed)")
      }
    }
    lines.append("")
    let failed = report.checks.count(where: { $0.status == .failed })
    let warnings = report.checks.count(where: { $0.status == .warning })
    let counts =
      "\(report.score) of \(report.checks.count) checks passed"
      + (warnings > 0 ? ", \(warnings) warning\(warnings == 1 ? "" : "s")" : "")
    if passed {
      lines.append(style.green(style.bold("PASS")) + " — \(counts).")
    } else {
      lines.append(
        style.red(style.bold("FAIL")) + " — \(counts)" + (failed == 0 ? " (warnings fail with --strict)." : "."))
    }
    for mistake in report.mistakes {
      let check = report.checks.first { $0.mistake?.id == mistake.id && $0.status != .passed }
      lines.append("")
      let mark = mistake.isWarning ? style.yellow("! warning") : style.red("✗")
      lines.append("\(mark) \(style.bold(mistake.id)): \(mistake.title)")
      if let check {
        let place = report.place(of: check).map { report.configuration.program != nil ? "\(report.file):\($0)" : $0 }
        lines.append("    at \(place ?? "the configuration"): expected \(check.expected)")
        lines.append("    observed \(check.observed)")
      }
      lines += Self.wrap("why: " + mistake.why, width: width, indent: "    ", hanging: "         ")
      lines += Self.wrap("fix: " + report.fix(for: mistake), width: width, indent: "    ", hanging: "         ")
    }
    lines.append("")
    lines.append(style.bold("The run of your configuration:"))
    if let program = report.configuration.program {
      lines += (try? ProgramOutput.lines(of: program, trace: report.trace, style: style)) ?? []
      lines.append("")
      lines += TraceReport(batch: report.configuration.batch, trace: report.trace).timeline(width: width, style: style)
    } else {
      lines += TraceReport(batch: report.configuration.batch, trace: report.trace).text(width: width, style: style)
    }
    return lines
  }

  /// Breaks `text` into lines of at most `width` columns at spaces.
  static func wrap(_ text: String, width: Int, indent: String, hanging: String) -> [String] {
    var lines: [String] = []
    var line = indent
    for word in text.split(separator: " ") {
      let candidate = line == indent || line == hanging ? line + word : line + " " + word
      if candidate.count > width, line != indent, line != hanging {
        lines.append(line)
        line = hanging + word
      } else {
        line = candidate
      }
    }
    lines.append(line)
    return lines
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
            ])
          })
      ),
      ("mistakes", .array(report.mistakes.filter { !$0.isWarning }.map { .string($0.id) })),
      ("warnings", .array(report.mistakes.filter(\.isWarning).map { .string($0.id) })),
      ("run", TraceReport(batch: report.configuration.batch, trace: report.trace).json),
    ])
  }
}
