import GuardedGather
import LessonKit

/// Renders a ``GatherTrace`` for a person (results, timeouts, a timeline) or as the JSON contract.
struct TraceReport {
  let batch: GatherBatch
  let trace: GatherTrace
  /// Whether the run used real time rather than the virtual clock.
  var realTime = false

  // MARK: JSON

  /// The machine contract of `lesson run --json`.
  var json: JSONOutput {
    .object([
      ("python", .string(trace.python.rawValue)),
      (
        "results",
        trace.failure != nil
          ? .null
          : .list(count: trace.calls.count) { [trace] index, item in
            if let (name, outcome) = trace.result(at: index) {
              item.string(name, suffix: outcome.suffix)
            } else {
              item.null()
            }
          }
      ),
      ("error", trace.failure.map { .string($0.description) } ?? .null),
      ("timeouts", trace.timeouts.map(JSONOutput.int) ?? .null),
      // Written row by row straight into the text: a million calls are not held twice.
      (
        "calls",
        .table(count: trace.calls.count, keys: ["name", "outcome", "startedAt", "endedAt"]) {
          [calls = trace.calls] index, row in
          let (startedAt, endedAt) = calls.microseconds(at: index)
          row.string(calls.name(at: index))
          row.string(calls.outcome(at: index).rawValue)
          if let startedAt { row.seconds(microseconds: startedAt) } else { row.null() }
          row.seconds(microseconds: endedAt)
        }
      ),
      ("peakConcurrency", .int(trace.peakConcurrency)),
      ("elapsed", .number(Seconds.json(trace.elapsed))),
    ])
  }

  // MARK: Text

  /// What the program would print, then the timeline.
  func text(width: Int, style: Style) -> [String] {
    var lines = TextLayout.fit(summary(style: style), width: width)
    lines.append("")
    lines += timeline(width: width, style: style)
    return lines
  }

  /// The results list and the timeout count, or what stopped the batch.
  func summary(style: Style) -> [String] {
    switch trace.failure {
    case nil:
      return [trace.pythonResults ?? "[]", "timeouts: \(trace.timeouts ?? 0)"]
    case .callFailed(let name, let message)?:
      return [
        style.red("gather raised: \(name): \(message)"),
        "There is no results list: the error from '\(name)' propagated out of gather, and the calls still "
          + "running or waiting were cancelled. To keep everyone else's results, capture the error per call "
          + "(\"errors\": \"capture\") and name the call that failed.",
      ]
    case .interrupted?:
      let finished = trace.calls.filter { $0.outcome != .cancelled }.map(\.name)
      return [
        style.yellow(
          "interrupted at \(Seconds.fixed(trace.elapsed)) s: the run was stopped before every call finished"),
        finished.isEmpty
          ? "No call had finished; every call was cancelled."
          : "Finished before the stop: \(finished.joined(separator: ", ")); the others were cancelled.",
      ]
    case .deadlock(let waiting)?:
      let names = waiting.prefix(5).joined(separator: ", ") + (waiting.count > 5 ? ", …" : "")
      return [
        style.red("deadlock: \(names) waited for a turn that could never come"),
        "A semaphore with no permits never lets a call start, and nothing can release one. The run "
          + "stopped at \(Seconds.fixed(trace.elapsed)) s instead of hanging. Use a limit of at least 1.",
      ]
    }
  }

  /// One row per call: waiting for a slot, running, and how it ended; then the scale and a key.
  /// Batches with more calls than this show their first and last rows only.
  static let maximumRows = 60
  static let headRows = 20
  static let tailRows = 10

  /// `12345` as `12,345`.
  static func grouped(_ number: Int) -> String {
    let digits = Array(String(number))
    var out = ""
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
      out.append(digit)
    }
    return out
  }

  /// `axis`: the line under the bars from 0 s to the end (a narrow `check` leaves it out: the
  /// line above the bars gives the total).
  func timeline(width: Int, style: Style, axis showAxis: Bool = true) -> [String] {
    let limit = batch.limit.map(String.init) ?? "none"
    let perCall = batch.semaphore == .perCall ? " (a semaphore per call: no real limit)" : ""
    let parts = [
      "limit \(limit)\(perCall)", "at most \(trace.peakConcurrency) at once",
      "\(Seconds.fixed(trace.elapsed)) s" + (realTime ? ", real time" : ", virtual time"),
    ]
    // The parts on as few lines as the width allows, " · " between them on a line.
    var header: [String] = []
    for part in parts {
      if let last = header.last, last.count + 3 + part.count <= width {
        header[header.count - 1] = last + " · " + part
      } else {
        header.append(part)
      }
    }
    var lines = header.map(style.bold)
    // Narrow terminals lose the times first, then name width; the bar keeps at least 10 columns.
    let showTimes = width >= 64
    let nameWidth = min(max(trace.calls.map { $0.name.count }.max() ?? 4, 4), showTimes ? 18 : max(6, width / 4))
    let rightWidth = showTimes ? 27 : 9
    let barWidth = max(10, width - nameWidth - rightWidth - 2)
    let total = Seconds.micros(trace.elapsed)

    func cell(_ time: Duration) -> Int {
      guard total > 0 else { return 0 }
      return Int(Seconds.micros(time) * Int64(barWidth - 1) / total)
    }

    // A batch of thousands of calls would fill thousands of lines: the first and the last rows
    // stand for it, with what the rows left out did.
    let calls = trace.calls
    let shown: [Int] =
      calls.count > Self.maximumRows
      ? Array(0..<Self.headRows) + Array((calls.count - Self.tailRows)..<calls.count) : Array(calls.indices)
    var previous = -1
    for index in shown {
      if index != previous + 1 {
        let skipped = calls[(previous + 1)..<index]
        var counts: [GatherOutcome: Int] = [:]
        for call in skipped { counts[call.outcome, default: 0] += 1 }
        let summary = GatherOutcome.allCases.compactMap { outcome in
          counts[outcome].map { "\(Self.grouped($0)) \(outcome.rawValue)" }
        }.joined(separator: ", ")
        let line = "… \(Self.grouped(skipped.count)) more calls: \(summary)"
        let hint = " ('lesson run FILE --json' lists every call)"
        lines.append(style.dim(line.count + hint.count <= width ? line + hint : line))
      }
      previous = index
      let call = calls[index]
      var cells = Array(repeating: " ", count: barWidth)
      let end = cell(call.endedAt)
      let start = call.startedAt.map(cell) ?? end
      for i in 0..<start { cells[i] = style.dim("░") }
      if call.startedAt != nil {
        for i in start...end { cells[i] = color(call.outcome, "█", style) }
      }
      if let mark = Self.marks[call.outcome] { cells[end] = color(call.outcome, mark, style) }
      let times =
        call.startedAt.map { "\(Seconds.fixed($0)) → \(Seconds.fixed(call.endedAt))" }
        ?? "never ran → \(Seconds.fixed(call.endedAt))"
      let outcome =
        showTimes ? call.outcome.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0) : call.outcome.rawValue
      let row = "\(Self.fit(call.name, nameWidth)) \(cells.joined()) \(color(call.outcome, outcome, style))"
      lines.append(showTimes ? row + times : row)
    }
    let totalText = Seconds.fixed(trace.elapsed) + " s"
    let axis = "0 s" + String(repeating: " ", count: max(1, barWidth - 3 - totalText.count)) + totalText
    if showAxis { lines.append(String(repeating: " ", count: nameWidth + 1) + style.dim(axis)) }
    if width >= 72 {
      lines.append(style.dim("░ waiting for its turn  █ running  × timed out  ! raised  / cancelled"))
    } else if width >= 58 {
      lines.append(style.dim("░ waiting  █ running  × timed out  ! raised  / cancelled"))
    } else {
      lines.append(style.dim("░ waiting  █ running"))
      lines.append(style.dim("× timed out  ! raised  / cancelled"))
    }
    return lines
  }

  static let marks: [GatherOutcome: String] = [.timeout: "×", .error: "!", .cancelled: "/"]

  func color(_ outcome: GatherOutcome, _ text: String, _ style: Style) -> String {
    switch outcome {
    case .ok: style.green(text)
    case .timeout: style.yellow(text)
    case .error: style.red(text)
    case .cancelled: style.dim(text)
    }
  }

  /// Pads or shortens `text` to exactly `width` characters.
  static func fit(_ text: String, _ width: Int) -> String {
    if text.count <= width { return text.padding(toLength: width, withPad: " ", startingAt: 0) }
    return String(text.prefix(width - 1)) + "…"
  }
}
