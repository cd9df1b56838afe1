import GuardedGather
import LessonKit

/// `lesson explain ID`: the long form of a mistake, as `rustc --explain` does for an error code.
struct ExplainCommand: LessonCommand {
  static let name = "explain"
  static let abstract = "Explain a mistake by its id (such as no-limit): before and after, JSON and Python."
  static let usage = "lesson explain [ID]"
  static let discussion = """
    Prints what the mistake is, why it matters, a small configuration that shows it and the same one
    fixed (with the timeline of each run), and the lines that change in Python. Without an ID, lists
    every mistake id. 'lesson check' names the ids it finds.
    """

  var id: String?

  init(arguments words: [String]) throws(UsageError) {
    let arguments = try Arguments(words, flags: [], options: [])
    guard arguments.positionals.count <= 1 else {
      throw UsageError("expected one mistake id, found \(arguments.positionals.count) arguments")
    }
    id = arguments.positionals.first
    if let id, Mistake.named(id) == nil {
      let hint = Arguments.nearest(id, in: Mistake.all.map(\.id)).map { "; did you mean '\($0)'?" }
      throw UsageError("no mistake '\(id)'" + (hint ?? " (see 'lesson explain' for the list)"))
    }
  }

  func run(_ context: CommandContext) throws(CommandFailure) -> ExitCode {
    let width = context.console.width
    let style = context.style
    guard let id, let mistake = Mistake.named(id) else {
      context.console.print(style.bold("The mistakes lesson knows:"))
      let idWidth = Mistake.all.map(\.id.count).max() ?? 10
      for mistake in Mistake.all {
        let lines = TextLayout.labelled(mistake.id, labelWidth: idWidth + 2, mistake.title, width: width, indent: "  ")
        for line in lines { context.console.print(line) }
      }
      context.console.print()
      context.console.print("See one with 'lesson explain ID', such as 'lesson explain no-limit'.")
      return .success
    }
    var lines = TextLayout.wrap(
      "\(mistake.id): \(mistake.title)" + (mistake.isWarning ? " (a warning)" : ""), width: width, hanging: "  "
    ).map(style.bold)
    lines.append("")
    if let explanation = mistake.explanation {
      lines += TextLayout.wrap(explanation.long, width: width)
      lines.append("")
    }
    lines += TextLayout.wrap("Why it matters: " + mistake.why, width: width)
    if let explanation = mistake.explanation {
      lines.append("")
      lines += example("Before, as a configuration:", explanation.beforeJSON, width: width, style: style)
      lines.append("")
      lines += example("After:", explanation.afterJSON, width: width, style: style)
      lines.append("")
      lines.append(style.bold("In Python, before:"))
      lines += explanation.beforePython.split(separator: "\n").map { style.cyan("    " + $0) }
      lines.append(style.bold("After:"))
      lines += explanation.afterPython.split(separator: "\n").map { style.cyan("    " + $0) }
    }
    lines.append("")
    lines += TextLayout.wrap("Fix: " + mistake.fix, width: width, hanging: "     ")
    lines += TextLayout.wrap("In Python: " + mistake.pythonFix, width: width, hanging: "           ")
    for line in lines { context.console.print(line) }
    return .success
  }

  /// A configuration, one call a line, and the timeline of its run.
  func example(_ title: String, _ json: String, width: Int, style: Style) -> [String] {
    var lines = [style.bold(title)]
    let laidOut = json.replacingOccurrences(of: "\"calls\": [", with: "\"calls\": [\n    ")
      .replacingOccurrences(of: "}, {", with: "},\n    {")
      .replacingOccurrences(of: "], \"evidence\": ", with: "\n  ],\n  \"evidence\": ")
      .replacingOccurrences(of: "}]}", with: "}\n  ]\n}")
    lines += laidOut.split(separator: "\n").map { style.cyan("    " + $0) }
    guard let configuration = try? LearnerConfiguration.parse(Array(json.utf8), file: "example.json") else {
      return lines
    }
    let trace = GatherEngine.runVirtual(configuration.batch)
    let report = TraceReport(batch: configuration.batch, trace: trace)
    lines += TextLayout.fit(report.summary(style: style), width: width - 2).map { "  " + $0 }
    lines += report.timeline(width: width - 2, style: style).dropLast().map { "  " + $0 }
    return lines
  }
}
