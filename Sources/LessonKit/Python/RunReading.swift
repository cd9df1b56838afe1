import AsyncioModel
import Foundation
import GuardedGather
import PythonInterpreter

/// A learner's program read from its run rather than from its text: the batch is what the
/// interpreter saw each gathered call do (the semaphore it asked for, the timeout armed in it,
/// how long it waited or blocked, what it raised), and the evidence is what the program printed.
///
/// This reads programs in any style the interpreter runs, where ``PythonProgram`` reads known
/// shapes only. What it reads is still held to the run by ``ProgramCrossCheck``: the batch is
/// run on the model and must end every call the same way, at the same virtual time, or the
/// program is not checked.
enum RunReading {
  /// Why a run does not show the lesson's pattern in a form a batch can say, for a learner.
  struct Unread: Error {
    var reason: String
    /// The line the reason is about, when it is about one.
    var line: Int?
  }

  /// The configuration the run of `bytes` shows, or nil when it does not show the lesson's
  /// pattern in a form a batch can say.
  static func configuration(_ bytes: [UInt8], file: String, python: PythonVersion) -> LearnerConfiguration? {
    try? read(bytes, file: file, python: python)
  }

  /// The configuration the run of `bytes` shows; or why there is none (no gather finished, calls
  /// that both wait and block, a semaphore shared by some calls only, timeouts armed in
  /// different places).
  static func read(_ bytes: [UInt8], file: String, python: PythonVersion) throws(Unread) -> LearnerConfiguration {
    // A class hands in the same program many times: its reading is the same but for the file,
    // unless what it printed names the file (a traceback, __file__).
    let name = (file as NSString).lastPathComponent
    let run = ProgramCrossCheck.run(bytes, name: name, python: python)
    let namesFile = run.stdout.containsText(name) || run.stderr.containsText(name)
    let key = Key(bytes: SourceBytes(bytes), python: python, name: namesFile ? name : "")
    let reading: Result<LearnerConfiguration, Unread>
    if let done = readings.withLock({ $0[key] }) {
      reading = done
    } else {
      reading = Result { () throws(Unread) in try readRun(bytes, file: file, python: python) }
      readings.withLock { cache in
        if cache.count >= ProgramCrossCheck.cacheSize { cache.removeAll() }
        cache[key] = reading
      }
    }
    var configuration = try reading.get()
    if let program = configuration.program, program.file != file {
      configuration.program = PythonProgram(file: file, locations: program.locations)
    }
    return configuration
  }

  /// Readings already made, by program text, Python and file name.
  static let readings = Locked<[Key: Result<LearnerConfiguration, Unread>]>([:])
  struct Key: Hashable {
    let bytes: SourceBytes
    let python: PythonVersion
    let name: String
  }

  static func readRun(_ bytes: [UInt8], file: String, python: PythonVersion) throws(Unread) -> LearnerConfiguration {
    let run = ProgramCrossCheck.run(bytes, name: (file as NSString).lastPathComponent, python: python)
    guard run.stop == nil else { throw Unread(reason: "lesson does not run all of it") }
    let observation = run.observation
    let records = observation.callRecords
    // A wait forever that a batch says: calls that wait for a semaphore that has no slot to give
    // (`Semaphore(0)`). Any other (a lock never released, an event never set) is the program's own.
    if run.deadlock {
      guard observation.gatherWaiting, !records.isEmpty,
        records.allSatisfy({ $0.facts.semaphore?.initial == 0 && $0.outcome == "waiting" })
      else { throw Unread(reason: "it waits forever") }
    }
    if let line = observation.gatherNeverAwaitedLine {
      throw Unread(
        reason: "asyncio.gather(...) at line \(line) is never awaited: it only schedules the calls and gives back a "
          + "future (Python prints it as <_GatheringFuture pending>), main() goes on without waiting for them, and "
          + "asyncio.run cancels them when main() returns; write 'results = await asyncio.gather(...)'",
        line: line)
    }
    guard !records.isEmpty else {
      if let line = observation.gatherOutsideLoopLine {
        throw Unread(
          reason: "asyncio.gather(...) at line \(line) is called where no event loop runs (a plain def, not an async def "
            + "run by asyncio.run), so it only schedules the calls and none of them ever runs; make the function "
            + "'async def', 'await' the gather, and start it with asyncio.run(main())",
          line: line)
      }
      throw Unread(reason: "no asyncio.gather(...) of the calls finished in its run (the lessons check a gather)")
    }
    guard records.count <= PythonProgram.maximumCalls else {
      throw Unread(reason: "it gathers \(records.count) calls; lesson checks at most \(PythonProgram.maximumCalls)")
    }
    let gatherLine = SourcePosition(line: observation.gatherLine ?? 1, column: 1)
    var locations: [String: SourcePosition] = [
      "calls": gatherLine, "errors": gatherLine, "evidence.note": SourcePosition(line: 1, column: 1),
      // The evidence is printed by the function that gathers.
      "evidence": SourcePosition(line: observation.gatherFunctionLine ?? gatherLine.line, column: 1),
    ]

    // A timeout that expired and came back as an error: a handler for every exception caught it
    // before the one for timeouts could (TimeoutError is an Exception).
    for (index, record) in records.enumerated() where record.outcome == "timeout" {
      guard let results = observation.results, index < results.count, case let text = results[index],
        text.hasSuffix(":error") || text.hasSuffix(":failed"),
        let line = record.facts.timeoutHandledAt, let sourceLine = Self.line(line, of: bytes)
      else { continue }
      let clause = sourceLine.trimmingCharacters(in: .whitespaces)
      guard clause.hasPrefix("except Exception") || clause.hasPrefix("except BaseException") || clause.hasPrefix("except:")
      else { continue }
      throw Unread(
        reason: "\(record.name)'s timeout expired, but its result reads '\(text)': '\(clause)' at line \(line) catches the "
          + "TimeoutError first (a TimeoutError is an Exception), so the timeout is counted as an error; put "
          + "'except asyncio.TimeoutError:' before it",
        line: line)
    }

    // The semaphore: one for every call, one for each call (made in it, or made for it in a loop in
    // main: either way no call ever waits for another), or none.
    let semaphores = records.map(\.facts.semaphore)
    var limit: Int?
    var kind = GatherSemaphoreKind.shared
    if semaphores.allSatisfy({ $0 == nil }) {
      limit = nil
    } else if let first = semaphores.first ?? nil, semaphores.allSatisfy({ $0?.serial == first.serial }) {
      limit = first.initial
      locations["limit"] = SourcePosition(line: first.line, column: 1)
    } else if semaphores.allSatisfy({ $0 != nil }), Set(semaphores.map { $0!.serial }).count == records.count,
      let first = semaphores.first ?? nil, semaphores.allSatisfy({ $0?.initial == first.initial })
    {
      kind = .perCall
      limit = first.initial
      locations["semaphore"] = SourcePosition(line: first.line, column: 1)
      locations["limit"] = SourcePosition(line: first.line, column: 1)
    } else {
      throw Unread(reason: "its calls do not all share one semaphore, nor each make their own")
    }

    // Every duration a configuration can say: from 0 to an hour (not NaN, not infinity).
    let most = ConfigurationLimits.maximumSeconds
    for record in records {
      let durations = [("timeout", record.facts.timeout?.seconds), ("wait", record.facts.waited), ("blocking work", record.facts.blocked)]
      for case let (what, seconds?) in durations where !(seconds >= 0 && seconds <= most) {
        throw Unread(
          reason: "\(record.name)'s \(what) of \(seconds.isNaN ? "nan" : seconds.isInfinite ? (seconds > 0 ? "inf" : "-inf") : "\(seconds)") s is outside what a check can follow (0 to \(Int(most)) s)")
      }
    }

    // The timeout: the one most calls have, the others as their own; where it starts.
    let timeouts = records.map { $0.facts.timeout?.seconds }
    var counts: [Double: Int] = [:]
    for case let seconds? in timeouts { counts[seconds, default: 0] += 1 }
    var commonTimeout: Double?
    var mostCalls = 0
    for case let seconds? in timeouts where counts[seconds]! > mostCalls {
      mostCalls = counts[seconds]!
      commonTimeout = seconds
    }
    var scope = GatherTimeoutScope.call
    let timed = records.filter { $0.facts.timeout != nil && $0.facts.semaphore != nil }
    if let first = timed.first {
      guard timed.allSatisfy({ $0.facts.timeoutBeforeSemaphore == first.facts.timeoutBeforeSemaphore }) else {
        throw Unread(reason: "some calls start their timeout before the semaphore and some after")
      }
      scope = first.facts.timeoutBeforeSemaphore ? .queue : .call
    }
    if let line = records.lazy.compactMap({ $0.facts.timeout?.line }).first {
      locations["timeout"] = SourcePosition(line: line, column: 1)
      locations["timeoutScope"] = SourcePosition(line: line, column: 1)
    }

    // What happens to a call that raises.
    var errors = GatherErrorPolicy.propagate
    let results = observation.results
    if !observation.gatherRaised, records.contains(where: { $0.outcome == "error" }) {
      let swallowed = records.indices.contains { records[$0].outcome == "error" && results?[$0] == "None" }
      errors = swallowed ? .swallow : .capture
      // The handler that caught the error is where the mistake is (or the fix goes).
      if let line = records.lazy.filter({ $0.outcome == "error" }).compactMap(\.facts.handledAt).first {
        locations["errors"] = SourcePosition(line: line, column: 1)
      }
    } else if observation.gatherRaised,
      let line = records.lazy.filter({ $0.outcome == "error" }).compactMap(\.facts.raisedAt).first
    {
      // The error escaped the gather: where it is raised is where a handler must catch it.
      locations["errors"] = SourcePosition(line: line, column: 1)
    }

    // The calls.
    var calls: [GatherCall] = []
    var offloaded: [String] = []
    var names: Set<String> = []
    for (index, record) in records.enumerated() {
      let facts = record.facts
      // Work handed to a worker thread is, for the loop, a wait.
      let waited = facts.waited + facts.offloaded
      guard waited == 0 || facts.blocked == 0 else {
        throw Unread(reason: "\(record.name) both waits (asyncio.sleep or a worker thread) and blocks (time.sleep)")
      }
      let work: GatherWork = facts.blocked > 0 ? .cpu : .io
      let seconds = work == .cpu ? facts.blocked : waited
      var name = record.name
      var copy = 2
      while names.contains(name) {
        name = "\(record.name)#\(copy)"
        copy += 1
      }
      names.insert(name)
      if facts.offloaded > 0 { offloaded.append(name) }
      let timeout: GatherCallTimeout =
        switch facts.timeout?.seconds {
        case nil: commonTimeout == nil ? .inherit : .none
        case let own? where own == commonTimeout: .inherit
        case let own?: .after(duration(own))
        }
      calls.append(
        GatherCall(
          name: name, delay: duration(seconds), timeout: timeout,
          failure: record.outcome == "error" ? (facts.failure ?? "error") : nil, work: work))
      // Where the call's timeout is armed, whether or not it is the common one.
      if let line = facts.timeout?.line { locations["calls[\(index)].timeout"] = SourcePosition(line: line, column: 1) }
      if let line = record.line { locations["calls[\(index)]"] = SourcePosition(line: line, column: 1) }
      if work == .cpu, let line = facts.blockedAt { locations["calls[\(index)].work"] = SourcePosition(line: line, column: 1) }
    }
    // No timeout anywhere: one belongs around the first call.
    if locations["timeout"] == nil, let first = locations["calls[0]"] { locations["timeout"] = first }
    let batch = GatherBatch(
      limit: limit, timeout: commonTimeout.map(duration), timeoutScope: scope, semaphore: kind, errors: errors,
      calls: calls)

    // The evidence: what the program printed, and its note.
    var evidence = LearnerEvidence()
    let printed = run.stdout
    if let repr = observation.resultsRepr, printed.containsText(repr) { evidence.resultsComputed = true }
    // Or the lesson's form of them, made by the program from gather's values (an exception
    // returned by return_exceptions=True, written as f"{name}:error").
    let lessonForm = GatherTrace.pythonList(records.map { "\($0.name):\($0.outcome)" })
    if printed.utf8.split(separator: UInt8(ascii: "\n")).contains(where: { $0.elementsEqual(lessonForm.utf8) }) {
      evidence.resultsComputed = true
    }
    let source = String(decoding: bytes, as: UTF8.self)
    var tokenizer = PythonTokenizer()
    let tokens = (try? tokenizer.tokenize(source)) ?? []
    let timedOut = records.count(where: { $0.outcome == "timeout" })
    if let literal = literalCount(in: tokens) {
      evidence.timeouts = literal.count
      locations["evidence.timeouts"] = literal.position
    } else if let count = printedCount(in: printed, names: records.map(\.name), observed: timedOut) {
      if count.computed {
        evidence.timeoutsComputed = true
      } else {
        // Computed by the program (no number is written into it), but not from the results.
        evidence.timeouts = count.count
        evidence.timeoutsMiscounted = true
      }
      if let position = countPrintPosition(in: tokens) { locations["evidence.timeouts"] = position }
    }
    evidence.note = note(of: tokens, comments: tokenizer.comments)

    let program = PythonProgram(file: file, locations: locations)
    var configuration = LearnerConfiguration(batch: batch, evidence: evidence)
    configuration.program = program
    configuration.offloadedCalls = offloaded
    if limit == nil, let line = observation.firstSemaphoreLine { configuration.semaphoreNoCallTakes = line }
    return configuration
  }

  /// The text of line `number` (from 1) of `bytes`, or nil past the last.
  static func line(_ number: Int, of bytes: [UInt8]) -> String? {
    guard number >= 1 else { return nil }
    var start = 0
    for _ in 1..<number {
      guard let newline = bytes[start...].firstIndex(of: 0x0A) else { return nil }
      start = newline + 1
    }
    let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
    return String(decoding: bytes[start..<end], as: UTF8.self)
  }

  static func duration(_ seconds: Double) -> Duration {
    .nanoseconds(Int64((seconds * 1e9).rounded()))
  }

  /// A count of timeouts the program prints as a literal: `print("timeouts:", 2)`.
  static func literalCount(in tokens: [PythonToken]) -> (count: Int, position: SourcePosition)? {
    var index = 0
    while index < tokens.count {
      defer { index += 1 }
      guard case .name("print") = tokens[index].kind, index + 1 < tokens.count, tokens[index + 1].kind == .op("(")
      else { continue }
      // The print's arguments, to its closing bracket.
      var depth = 0
      var end = index + 1
      var mentionsTimeouts = false
      var number: (Int, SourcePosition)?
      var hasOther = false
      while end < tokens.count {
        switch tokens[end].kind {
        case .op("("), .op("["), .op("{"): depth += 1
        case .op(")"), .op("]"), .op("}"): depth -= 1
        case .string(let text, let isFormat):
          if text.lowercased().containsText("timeout") { mentionsTimeouts = true }
          if isFormat, text.contains("{") {
            hasOther = true
          } else if depth == 1, number == nil, text.utf8.contains(where: { (0x30...0x39).contains($0) || $0 >= 0x80 }) {
            // A count written into the text itself, at its start or its end: print("timeouts: 3"),
            // print("3 calls timed out").
            let written = text.split { !$0.isNumber }.compactMap { Int($0) }
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if written.count == 1, trimmed.first?.isNumber == true || trimmed.last?.isNumber == true {
              number = (written[0], tokens[index].position)
            }
          }
        case .number(let value, _) where depth == 1:
          if value == value.rounded(), value >= 0, value < 1e6 { number = (Int(value), tokens[end].position) }
        case .name: hasOther = true
        default: break
        }
        if depth == 0 { break }
        end += 1
      }
      if mentionsTimeouts, !hasOther, let number { return (number.0, number.1) }
    }
    return nil
  }

  /// Where the program prints its count of timeouts: the first `print(...)` whose text speaks of
  /// timeouts.
  static func countPrintPosition(in tokens: [PythonToken]) -> SourcePosition? {
    var index = 0
    while index + 1 < tokens.count {
      defer { index += 1 }
      guard case .name("print") = tokens[index].kind, tokens[index + 1].kind == .op("(") else { continue }
      var depth = 0
      var end = index + 1
      while end < tokens.count {
        switch tokens[end].kind {
        case .op("("), .op("["), .op("{"): depth += 1
        case .op(")"), .op("]"), .op("}"): depth -= 1
        case .string(let text, _):
          let lower = text.lowercased()
          if lower.contains("timeout") || lower.contains("timed out") { return tokens[index].position }
        default: break
        }
        if depth == 0 { break }
        end += 1
      }
    }
    return nil
  }

  /// What the program printed as its count of timeouts: on a line that speaks of timeouts and
  /// names no call (`timeouts: 2`, `2 of 8 calls timed out`), the observed count if it is there
  /// (computed), else the one number on the line (a count that differs from the run).
  static func printedCount(in stdout: String, names: [String], observed: Int) -> (count: Int, computed: Bool)? {
    for bytes in stdout.utf8.split(separator: UInt8(ascii: "\n")) {
      let line = Substring(bytes)
      let lower = line.lowercased()
      guard lower.containsText("timeout") || lower.containsText("timed out") || lower.containsText("time out") else {
        continue
      }
      if names.contains(where: { !$0.isEmpty && line.containsText($0) }) { continue }
      let numbers = line.split { !$0.isNumber }.compactMap { Int($0) }
      if numbers.contains(observed) { return (observed, true) }
      if numbers.count == 1 { return (numbers[0], false) }
    }
    return nil
  }

  /// The module's docstring and its comments: where the lessons ask for the explanation.
  static func note(of tokens: [PythonToken], comments: [(SourcePosition, String)]) -> String {
    var note = ""
    if let first = tokens.first(where: { $0.kind != .newline }), case .string(let docstring, false) = first.kind {
      note = docstring
    }
    note += "\n" + comments.map(\.1).joined(separator: "\n")
    return note.trimmingWhiteSpace
  }
}
