import LessonKit

/// The gradebook in each format `lesson grade` writes. Every format is byte-for-byte the same for
/// the same inputs: learners and lessons in order, no times or paths outside the class folder.
enum GradebookFormat: String, CaseIterable {
  case table, csv, json, junit, gradescope
}

struct GradebookView {
  let book: Gradebook
  let course: Course

  func render(_ format: GradebookFormat, style: Style = Style(enabled: false)) -> String {
    switch format {
    case .table: table(style: style)
    case .csv: csv
    case .json: json.pretty + "\n"
    case .junit: junit
    case .gradescope: gradescope.pretty + "\n"
    }
  }

  // MARK: Table (the terminal)

  func table(style: Style) -> String {
    var lines: [String] = []
    let lessons = book.lessons
    let nameWidth = min(max(book.learners.map(\.count).max() ?? 7, 7), 24)
    lines.append(
      style.bold(
        TraceReport.fit("learner", nameWidth) + "  "
          + lessons.map { "L\($0)".padding(toLength: 7, withPad: " ", startingAt: 0) }.joined()))
    for learner in book.learners {
      var row = TraceReport.fit(learner, nameWidth) + "  "
      for lesson in lessons {
        guard let record = book.records(of: learner).first(where: { $0.lesson == lesson }) else {
          row += "       "
          continue
        }
        let cell: String
        switch record.status {
        case .pass:
          cell = style.green("✓ \(record.score)/\(record.maxScore)".padding(toLength: 7, withPad: " ", startingAt: 0))
        case .fail:
          cell = style.red("✗ \(record.score)/\(record.maxScore)".padding(toLength: 7, withPad: " ", startingAt: 0))
        case .error: cell = style.yellow("error  ")
        }
        row += cell
      }
      lines.append(row)
    }
    lines.append("")
    lines.append(style.bold("Pass rate per lesson"))
    for lesson in lessons {
      let (passed, total) = book.passRate(lesson)
      let title = course.entry(lesson)?.title ?? "lesson \(lesson)"
      let percent = total == 0 ? 0 : passed * 100 / total
      lines.append("  L\(lesson)  \(passed)/\(total) (\(percent)%)  \(title)")
    }
    let mistakes = book.mistakeCounts
    if !mistakes.isEmpty {
      lines.append("")
      lines.append(style.bold("Mistakes, most common first"))
      for (id, learners) in mistakes {
        lines.append(
          "  \(String(learners).leftPadded(to: 4, with: " ")) learner\(learners == 1 ? " " : "s") \(id): \(Mistake.named(id)?.title ?? "")"
        )
      }
    }
    let attention = book.needAttention
    lines.append("")
    if attention.isEmpty {
      lines.append("Every learner passed every lesson graded.")
    } else {
      lines.append(style.bold("Need attention"))
      for (learner, failed, errors) in attention {
        var parts: [String] = []
        if failed > 0 { parts.append("\(failed) failed") }
        if errors > 0 { parts.append("\(errors) could not be graded") }
        let first = book.records(of: learner).first { $0.status != .pass }
        lines.append(
          "  \(learner): \(parts.joined(separator: ", "))" + (first.map { " — L\($0.lesson) \($0.explanation)" } ?? ""))
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  // MARK: CSV (RFC 4180)

  var csv: String {
    var lines = ["learner,lesson,status,score,max_score,mistakes,explanation,file"]
    for record in book.records {
      lines.append(
        [
          record.learner, String(record.lesson), record.status.rawValue, String(record.score), String(record.maxScore),
          record.mistakes.joined(separator: ";"), record.explanation, record.file,
        ].map(Self.csvField).joined(separator: ","))
    }
    return lines.joined(separator: "\r\n") + "\r\n"
  }

  /// Quotes a field when it holds a comma, a quote, a line break or leading/trailing space, and
  /// defuses spreadsheet formulas (a field starting with = + - @ is prefixed with ').
  static func csvField(_ text: String) -> String {
    var field = text
    if let first = field.first, "=+-@\t\r".contains(first), Double(field) == nil { field = "'" + field }
    let needsQuotes =
      field.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
      || field.hasPrefix(" ") || field.hasSuffix(" ")
    return needsQuotes ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
  }

  // MARK: JSON

  var json: JSONOutput {
    .object([
      ("formatVersion", .int(1)),
      ("course", .string(course.title)),
      (
        "learners",
        .array(
          book.learners.map { learner in
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
                      ("explanation", .string(record.explanation)), ("file", .string(record.file)),
                    ])
                  })
              ),
            ])
          })
      ),
      (
        "summary",
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
        ])
      ),
    ])
  }

  // MARK: JUnit XML

  var junit: String {
    let failures = book.records.flatMap(\.checks).count(where: { $0.status == .failed })
    let errors = book.records.count(where: { $0.status == .error })
    let tests = book.records.reduce(0) { $0 + max($1.checks.count, $1.status == .error ? 1 : 0) }
    var xml = [
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
      "<testsuites name=\"lesson\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\">",
    ]
    for learner in book.learners {
      let own = book.records(of: learner)
      let ownTests = own.reduce(0) { $0 + max($1.checks.count, $1.status == .error ? 1 : 0) }
      let ownFailures = own.flatMap(\.checks).count(where: { $0.status == .failed })
      let ownErrors = own.count(where: { $0.status == .error })
      xml.append(
        "  <testsuite name=\"\(Self.xml(learner))\" tests=\"\(ownTests)\" failures=\"\(ownFailures)\" errors=\"\(ownErrors)\">"
      )
      for record in own {
        let classname = Self.xml("\(learner).lesson\(record.lesson)")
        if record.status == .error {
          xml.append("    <testcase classname=\"\(classname)\" name=\"lesson \(record.lesson)\">")
          xml.append("      <error message=\"\(Self.xml(record.explanation))\" type=\"invalid-submission\"/>")
          xml.append("    </testcase>")
          continue
        }
        for check in record.checks {
          let name = Self.xml("\(check.id): \(check.title)")
          if check.status == .failed {
            xml.append("    <testcase classname=\"\(classname)\" name=\"\(name)\">")
            let message = Self.xml("expected \(check.expected), observed \(check.observed)")
            let type = Self.xml(check.mistake?.id ?? "failed")
            let body = Self.xml(check.mistake.map { "\($0.title). Why: \($0.why) Fix: \($0.fix)" } ?? "")
            xml.append("      <failure message=\"\(message)\" type=\"\(type)\">\(body)</failure>")
            xml.append("    </testcase>")
          } else if check.status == .skipped {
            xml.append("    <testcase classname=\"\(classname)\" name=\"\(name)\">")
            let message = Self.xml("checked once \(check.blockedBy.joined(separator: ", ")) pass")
            xml.append("      <skipped message=\"\(message)\"/>")
            xml.append("    </testcase>")
          } else {
            xml.append("    <testcase classname=\"\(classname)\" name=\"\(name)\"/>")
          }
        }
      }
      xml.append("  </testsuite>")
    }
    xml.append("</testsuites>")
    return xml.joined(separator: "\n") + "\n"
  }

  /// Escapes text for XML 1.0, dropping characters XML cannot hold at all.
  static func xml(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&apos;"
      case "\n": out += "&#10;"
      case "\t": out += "&#9;"
      case "\r": out += "&#13;"
      case _ where scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value): out += "\u{FFFD}"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  // MARK: Gradescope

  /// The autograder's `results.json`: one submission, one test per check.
  var gradescope: JSONOutput {
    var tests: [JSONOutput] = []
    for record in book.records {
      let title = course.entry(record.lesson)?.title ?? "lesson \(record.lesson)"
      if record.status == .error {
        tests.append(
          .object([
            ("name", .string("Lesson \(record.lesson) (\(title))")), ("score", .int(0)), ("max_score", .int(1)),
            ("status", .string("failed")), ("output", .string("Could not be graded: \(record.explanation)")),
          ]))
        continue
      }
      for check in record.checks {
        let passed = check.status == .passed || check.status == .warning
        var output =
          check.status == .skipped
          ? "not checked: it waits for \(check.blockedBy.joined(separator: ", "))"
          : "expected \(check.expected)\nobserved \(check.observed)"
        if let mistake = check.mistake, check.status != .passed {
          output += "\n\n\(mistake.id): \(mistake.title)\nWhy: \(mistake.why)\nFix: \(mistake.fix)"
        }
        tests.append(
          .object([
            ("name", .string("Lesson \(record.lesson): \(check.title)")), ("score", .int(passed ? 1 : 0)),
            ("max_score", .int(1)), ("status", .string(passed ? "passed" : "failed")), ("output", .string(output)),
          ]))
      }
    }
    let score = book.records.reduce(0) {
      $0 + ($1.status == .error ? 0 : $1.checks.count(where: { $0.status == .passed || $0.status == .warning }))
    }
    let maximum = book.records.reduce(0) { $0 + ($1.status == .error ? 1 : $1.checks.count) }
    return .object([("score", .int(score)), ("max_score", .int(maximum)), ("tests", .array(tests))])
  }
}
