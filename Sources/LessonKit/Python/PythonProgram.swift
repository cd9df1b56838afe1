import Foundation
import GuardedGather
import PythonInterpreter

/// A learner's asyncio program, read (never run) into the same configuration model as the JSON
/// form, plus what is needed to print what the program would print.
public final class PythonProgram: Sendable {
  /// The program's source file, as named in messages.
  public let file: String
  /// Where things are in the program, by the configuration path they stand for (`limit`,
  /// `timeoutScope`, `errors`, `calls[2].work`, `evidence.timeouts` …).
  public let locations: [String: SourcePosition]
  let analyzer: PythonAnalyzer
  let mainBody: [PyStmt]
  let calls: [PyCallFacts]
  let gatherTargets: [String]

  /// The most a program may hold, in bytes, and the most calls it may gather.
  public static let maximumSize = 256 * 1024
  public static let maximumCalls = 10_000

  /// The shapes `lesson` reads, for the message of a program it cannot read.
  public static let readableShapes =
    "lesson reads: module constants and tables of (name, delay) tuples; async def main() gathering calls of "
    + "an async def (literal calls, a list or generator comprehension over a table, or a list built before); "
    + "asyncio.Semaphore(n) made in main (or in the per-call function); async with semaphore; "
    + "asyncio.wait_for(...) or async with asyncio.timeout(...); try/except TimeoutError and Exception "
    + "returning a value or None; await asyncio.sleep(d), time.sleep(d), raise after the delay; "
    + "print(...) of the results and counts; asyncio.run(main())"

  init(
    file: String, analyzer: PythonAnalyzer, mainBody: [PyStmt], calls: [PyCallFacts], gatherTargets: [String],
    locations: [String: SourcePosition]
  ) {
    self.file = file
    self.analyzer = analyzer
    self.mainBody = mainBody
    self.calls = calls
    self.gatherTargets = gatherTargets
    self.locations = locations
  }

  /// A program read from its run (``RunReading``): only where things are.
  convenience init(file: String, locations: [String: SourcePosition]) {
    self.init(file: file, analyzer: PythonAnalyzer(), mainBody: [], calls: [], gatherTargets: [], locations: locations)
  }

  /// Reads a program into a configuration (its ``LearnerConfiguration/program`` is this).
  public static func read(_ bytes: [UInt8], file: String) throws(LessonKitError) -> LearnerConfiguration {
    guard bytes.count <= maximumSize else {
      throw .unreadableFile(
        path: file, reason: "it is \(bytes.count) bytes; a program may be at most \(maximumSize) bytes")
    }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      var line = 1
      var column = 1
      var index = 0
      while index < bytes.count, String(validating: bytes[...index], as: UTF8.self) != nil || bytes[index] < 0x80 {
        if bytes[index] == 0x0A {
          line += 1
          column = 1
        } else {
          column += 1
        }
        index += 1
      }
      throw .pythonProgram(path: file, line: line, column: column, message: "the text is not valid UTF-8")
    }
    let reading: Result<LearnerConfiguration, PythonSyntaxError>
    let key = SourceBytes(bytes)
    if let done = readings.withLock({ $0[key] }) {
      reading = done
    } else {
      do {
        reading = .success(try readProgram(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text, file: file))
      } catch {
        reading = .failure(error)
      }
      readings.withLock { cache in
        if cache.count >= Self.cacheSize { cache.removeAll() }
        cache[key] = reading
      }
    }
    switch reading {
    case .success(var configuration):
      if let program = configuration.program, program.file != file { configuration.program = program.named(file) }
      return configuration
    case .failure(let error):
      throw .pythonProgram(
        path: file, line: error.position.line, column: error.position.column,
        message: error.message + Self.shapesPointer)
    }
  }

  /// Programs already read, by their bytes: a class hands in the same program many times (the
  /// unchanged starter, a shared solution), and a reading is the same every time but for the
  /// file's name, which ``named(_:)`` puts on again.
  /// How many programs a cache keeps before it starts again: enough for the files a class shares
  /// (the starter, a solution passed around), few enough that a class of different files does not
  /// fill memory with readings never used again.
  static let cacheSize = 256
  static let readings = Locked<[SourceBytes: Result<LearnerConfiguration, PythonSyntaxError>]>([:])

  /// This program, as read from a file of another name.
  func named(_ file: String) -> PythonProgram {
    PythonProgram(
      file: file, analyzer: analyzer, mainBody: mainBody, calls: calls, gatherTargets: gatherTargets,
      locations: locations)
  }

  static func readProgram(_ text: String, file: String) throws(PythonSyntaxError) -> LearnerConfiguration {
    var tokenizer = PythonTokenizer()
    let tokens = try tokenizer.tokenize(text)
    var parser = PythonParser(tokens: tokens)
    let module = try parser.module()
    var analyzer = PythonAnalyzer()
    try analyzer.readModule(module)
    guard let main = analyzer.functions[analyzer.mainName] else {
      throw PythonSyntaxError(position: .init(line: 1, column: 1), message: "no main")
    }

    // Run main up to the gather: its arguments are the calls.
    var interpreter = MainInterpreter(analyzer: analyzer)
    try interpreter.run(main.body, until: true)
    guard let site = interpreter.gather else {
      throw PythonSyntaxError(
        position: main.position, message: "\(analyzer.mainName)() never awaits asyncio.gather(...)")
    }
    guard site.coroutines.count <= maximumCalls else {
      throw PythonSyntaxError(
        position: site.position, message: "\(site.coroutines.count) calls; a program may gather at most \(maximumCalls)"
      )
    }
    guard !site.coroutines.isEmpty else {
      throw PythonSyntaxError(position: site.position, message: "gather has no calls")
    }
    var locations: [String: SourcePosition] = [
      "calls": site.position, "evidence": main.position, "evidence.note": .init(line: 1, column: 1),
    ]
    var facts: [PyCallFacts] = []
    for coroutine in site.coroutines {
      var walker = CallWalker(analyzer: analyzer)
      facts.append(try walker.analyze(coroutine))
    }
    let batch = try assemble(facts, site: site, locations: &locations)

    // Evidence: the printed count, the note in the docstring and comments.
    var evidence = LearnerEvidence()
    let scan = EvidenceScan(body: main.body, results: site.targets)
    if let (claim, position) = scan.hardCodedTimeouts {
      evidence.timeouts = claim
      locations["evidence.timeouts"] = position
    } else if let position = scan.computedTimeouts {
      evidence.timeoutsComputed = true
      locations["evidence.timeouts"] = position
    }
    evidence.resultsComputed = scan.printsResults
    var note = ""
    if case .expression(.string(let docstring, _), _)? = module.first { note = docstring }
    note += "\n" + tokenizer.comments.map(\.1).joined(separator: "\n")
    evidence.note = note.trimmingWhiteSpace

    let program = PythonProgram(
      file: file, analyzer: analyzer, mainBody: main.body, calls: facts, gatherTargets: site.targets,
      locations: locations)
    var configuration = LearnerConfiguration(batch: batch, evidence: evidence)
    configuration.program = program
    return configuration
  }

  /// One gather's worth of calls becomes a batch; calls that disagree on the semaphore, the
  /// timeout's place or the error handling are outside what a batch can say.
  static func assemble(_ facts: [PyCallFacts], site: GatherSite, locations: inout [String: SourcePosition])
    throws(PythonSyntaxError) -> GatherBatch
  {
    var calls: [GatherCall] = []
    var names: Set<String> = []
    for (index, fact) in facts.enumerated() {
      var name = fact.name
      if !names.insert(name).inserted {
        name = "\(name)#\(index)"
        names.insert(name)
      }
      guard fact.delay >= 0, fact.delay <= 3_600 else {
        throw PythonSyntaxError(position: fact.position, message: "a delay of \(fact.delay) s is outside 0 ... 3600")
      }
      calls.append(
        GatherCall(
          name: name, delay: .microseconds(Int64((fact.delay * 1_000_000).rounded())),
          timeout: fact.timeout.map { .after(.microseconds(Int64(($0 * 1_000_000).rounded()))) } ?? .none,
          failure: fact.raises.map { $0.message.isEmpty ? $0.type : $0.message }, work: fact.cpu == nil ? .io : .cpu))
      if let position = fact.timeoutPosition { locations["calls[\(index)].timeout"] = position }
      if let position = fact.cpu { locations["calls[\(index)].work"] = position }
      locations["calls[\(index)]"] = fact.position
    }
    // The semaphore: one shared, one per call, or none.
    var limit: Int?
    var kind = GatherSemaphoreKind.shared
    let semaphores = facts.map(\.semaphore)
    if let first = semaphores.first, case .semaphore(let permits, let made, let perCall)? = first {
      for other in semaphores {
        guard case .semaphore(_, let otherMade, let otherPerCall)? = other, otherMade == made, otherPerCall == perCall
        else {
          throw PythonSyntaxError(
            position: site.position, message: "the gathered calls do not all use the same semaphore")
        }
      }
      limit = permits
      kind = perCall ? .perCall : .shared
      locations[perCall ? "semaphore" : "limit"] = made
      if perCall { locations["limit"] = made }
    } else {
      guard semaphores.allSatisfy({ $0 == nil }) else {
        throw PythonSyntaxError(position: site.position, message: "some gathered calls use a semaphore and some do not")
      }
      locations["limit"] = site.position
    }
    let outside = Set(facts.filter { $0.timeout != nil }.map(\.timeoutOutsideSemaphore))
    guard outside.count <= 1 else {
      throw PythonSyntaxError(
        position: site.position, message: "the timeout is inside the semaphore for some calls and outside for others")
    }
    if let position = facts.first(where: { $0.timeoutOutsideSemaphore })?.timeoutPosition {
      locations["timeoutScope"] = position
    }
    if let position = facts.first(where: { $0.timeoutPosition != nil })?.timeoutPosition {
      locations["timeout"] = position
    }
    let failing = facts.filter { $0.raises != nil }
    let policies = Set(failing.map(\.errorPolicy))
    guard policies.count <= 1 else {
      throw PythonSyntaxError(
        position: site.position, message: "the failing calls' errors are handled in different ways")
    }
    if let handler = (failing.first ?? facts.first)?.handlerPosition ?? failing.first?.raises?.position {
      locations["errors"] = handler
    }
    return GatherBatch(
      limit: limit, timeout: nil, timeoutScope: outside.first == true && limit != nil ? .queue : .call, semaphore: kind,
      errors: policies.first ?? .propagate, calls: calls)
  }

  /// Where in the program a configuration path (`limit`, `calls[2].timeout`, …) stands.
  public func position(for path: String?) -> SourcePosition {
    guard let path else { return locations["calls"] ?? SourcePosition(line: 1, column: 1) }
    if let exact = locations[path] { return exact }
    // calls[2].timeout → calls[2] → timeout; evidence.results → evidence.
    if let dot = path.lastIndex(of: "."), let parent = locations[String(path[..<dot])] { return parent }
    if let bracket = path.firstIndex(of: "["), let close = path.firstIndex(of: "]"), close > bracket {
      let rest = path[path.index(after: close)...].drop { $0 == "." }
      if !rest.isEmpty, let general = locations[String(rest)] { return general }
    }
    return locations["calls"] ?? SourcePosition(line: 1, column: 1)
  }

  /// What the program prints when it runs as `trace` says, line by line.
  ///
  /// What a message about a shape the reader does not follow ends with: where the shapes are.
  static let shapesPointer = " (see 'lesson help run' for the shapes lesson reads)"

  /// - Throws: ``LessonKitError`` for a statement after the gather that `lesson` cannot evaluate.
  public func printedLines(for trace: GatherTrace) throws(LessonKitError) -> [String] {
    var interpreter = MainInterpreter(analyzer: analyzer)
    interpreter.outcome = trace
    interpreter.callFacts = calls
    do {
      try interpreter.run(mainBody, until: false)
    } catch {
      throw .pythonProgram(
        path: file, line: error.position.line, column: error.position.column,
        message: error.message + Self.shapesPointer)
    }
    return interpreter.output
  }

  /// The exception that escapes the program (a failure nobody caught), as Python's last traceback line.
  public func escapingException(for trace: GatherTrace) -> String? {
    guard case .callFailed(let name, _)? = trace.failure,
      let index = trace.calls.firstIndex(where: { $0.name == name }),
      let raised = calls[index].raises
    else { return nil }
    var interpreter = MainInterpreter(analyzer: analyzer)
    interpreter.outcome = trace
    interpreter.callFacts = calls
    guard (try? interpreter.runCatchingEscape(mainBody)) != nil, interpreter.escaped else { return nil }
    return raised.message.isEmpty ? raised.type : "\(raised.type): \(raised.message)"
  }
}

/// The gather in `main`: where it is, what its results are bound to, and its calls.
struct GatherSite {
  var position: SourcePosition
  var targets: [String]
  var coroutines: [PyCoroutine]
}

/// Runs `main` statement by statement: up to the gather (to find the calls), or all of it with the
/// gather's results in hand (to print what the program prints).
struct MainInterpreter {
  let analyzer: PythonAnalyzer
  var locals: [String: PyValue] = [:]
  var output: [String] = []
  var gather: GatherSite?
  var outcome: GatherTrace?
  var callFacts: [PyCallFacts] = []
  /// An error left gather and nothing in main caught it.
  var escaped = false
  private var stopped = false

  init(analyzer: PythonAnalyzer) { self.analyzer = analyzer }

  struct Stop: Error {}

  mutating func run(_ body: [PyStmt], until stopAtGather: Bool) throws(PythonSyntaxError) {
    for statement in body where !stopped {
      try execute(statement, stopAtGather: stopAtGather)
    }
  }

  /// The gather call inside an expression (`await asyncio.gather(...)`), if it is one.
  func gatherCall(_ expression: PyExpr) -> (arguments: [PyArgument], position: SourcePosition)? {
    if case .await(.call(let function, let arguments, let position), _) = expression,
      function.dottedName == "asyncio.gather"
    {
      return (arguments, position)
    }
    return nil
  }

  mutating func handleGather(
    _ arguments: [PyArgument], at position: SourcePosition, targets: [String], stopAtGather: Bool
  )
    throws(PythonSyntaxError)
  {
    if stopAtGather {
      var coroutines: [PyCoroutine] = []
      for argument in arguments {
        switch argument {
        case .positional(let value):
          guard case .coroutine(let coroutine) = try analyzer.evaluate(value, locals) else {
            throw PythonSyntaxError(
              position: value.position, message: "gather's arguments must be calls of an async def")
          }
          coroutines.append(coroutine)
        case .starred(let value):
          for item in try analyzer.elements(of: try analyzer.evaluate(value, locals), at: value.position) {
            guard case .coroutine(let coroutine) = item else {
              throw PythonSyntaxError(
                position: value.position, message: "gather's arguments must be calls of an async def")
            }
            coroutines.append(coroutine)
          }
        case .keyword(let name, let value):
          throw PythonSyntaxError(position: value.position, message: "gather(\(name)=...) is outside what lesson reads")
        }
      }
      gather = GatherSite(position: position, targets: targets, coroutines: coroutines)
      stopped = true
      return
    }
    guard let trace = outcome else { return }
    if trace.failure != nil {
      throw PythonSyntaxError(position: position, message: "\u{0}failed")
    }
    var values: [PyValue] = []
    for (index, call) in trace.calls.enumerated() {
      switch call.outcome {
      case .ok: values.append(callFacts[index].okValue)
      case .timeout: values.append(callFacts[index].timeoutValue ?? .none)
      case .error: values.append(callFacts[index].errorValue)
      case .cancelled: values.append(.none)
      }
    }
    analyzer.bind(targets, .list(values), into: &locals)
  }

  mutating func execute(_ statement: PyStmt, stopAtGather: Bool) throws(PythonSyntaxError) {
    switch statement {
    case .assign(let targets, let value, _):
      if let (arguments, position) = gatherCall(value) {
        try handleGather(arguments, at: position, targets: targets.first ?? [], stopAtGather: stopAtGather)
        return
      }
      let result = try analyzer.evaluate(value, locals)
      for target in targets { analyzer.bind(target, result, into: &locals) }
    case .augmentedAssign(let name, let op, let value, let position):
      guard let current = locals[name] ?? analyzer.globals[name] else {
        throw PythonSyntaxError(position: position, message: "'\(name)' has no value yet")
      }
      locals[name] = try analyzer.binary(
        String(op.dropLast()), current, try analyzer.evaluate(value, locals), at: position)
    case .expression(let value, let position):
      if let (arguments, gatherPosition) = gatherCall(value) {
        try handleGather(arguments, at: gatherPosition, targets: [], stopAtGather: stopAtGather)
        return
      }
      if case .call(let function, let arguments, _) = value, function.dottedName == "print" {
        guard !stopAtGather else { return }
        var parts: [String] = []
        var separator = " "
        var end = ""
        for argument in arguments {
          switch argument {
          case .positional(let item): parts.append(try analyzer.evaluate(item, locals).str)
          case .starred(let item):
            parts.append(
              contentsOf: try analyzer.elements(of: try analyzer.evaluate(item, locals), at: item.position).map(\.str))
          case .keyword("sep", let item): separator = try analyzer.evaluate(item, locals).str
          case .keyword("end", let item): end = try analyzer.evaluate(item, locals).str
          case .keyword(let name, _):
            throw PythonSyntaxError(position: position, message: "print(\(name)=...) is outside what lesson reads")
          }
        }
        let text = parts.joined(separator: separator) + (end == "\n" ? "" : end)
        output.append(contentsOf: text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        return
      }
      if case .string = value { return }  // a docstring
      throw PythonSyntaxError(
        position: position, message: "this statement in \(analyzer.mainName)() is outside what lesson reads")
    case .tryStatement(let body, let handlers, let orElse, let finally, _):
      do {
        try run(body, until: stopAtGather)
        if !stopped { try run(orElse, until: stopAtGather) }
      } catch  where error.message == "\u{0}failed" {
        // The gather raised: the first handler for the failing call's exception runs.
        guard let trace = outcome, case .callFailed(let name, _)? = trace.failure,
          let index = trace.calls.firstIndex(where: { $0.name == name }), let raised = callFacts[index].raises,
          let handler = handlers.first(where: { CallWalker.catches($0.type, raised.type) })
        else { throw error }
        if let bound = handler.name { locals[bound] = .exception(type: raised.type, message: raised.message) }
        try run(handler.body, until: false)
      }
      try run(finally, until: stopAtGather)
    case .ifStatement(let test, let body, let orElse, _):
      try run(try analyzer.evaluate(test, locals).truthy ? body : orElse, until: stopAtGather)
    case .forStatement(let targets, let iterable, let body, let isAsync, let position):
      if isAsync { throw PythonSyntaxError(position: position, message: "async for is outside what lesson reads") }
      if stopAtGather { return }
      for item in try analyzer.elements(of: try analyzer.evaluate(iterable, locals), at: position) {
        try analyzer.bind(targets, item, into: &locals, at: position)
        try run(body, until: false)
      }
    case .returnStatement:
      stopped = true
    case .pass, .importStatement:
      return
    case .with(_, _, _, let position):
      throw PythonSyntaxError(
        position: position,
        message: "a with block in \(analyzer.mainName)() is outside what lesson reads (an overall deadline, say)")
    case .function(_, _, _, _, let position), .raise(_, let position):
      throw PythonSyntaxError(
        position: position, message: "this statement in \(analyzer.mainName)() is outside what lesson reads")
    }
  }
}

extension MainInterpreter {
  /// Runs main; an error that escapes it is recorded instead of thrown.
  mutating func runCatchingEscape(_ body: [PyStmt]) throws(PythonSyntaxError) {
    do { try run(body, until: false) } catch  where error.message == "\u{0}failed" { escaped = true }
  }
}

/// Finds the printed timeout count (hard-coded or computed) and whether the results are printed.
struct EvidenceScan {
  var hardCodedTimeouts: (Int, SourcePosition)?
  var computedTimeouts: SourcePosition?
  var printsResults = false

  init(body: [PyStmt], results: [String]) {
    visit(body, results: results)
  }

  mutating func visit(_ body: [PyStmt], results: [String]) {
    for statement in body {
      switch statement {
      case .expression(.call(let function, let arguments, let position), _) where function.dottedName == "print":
        inspect(arguments, at: position, results: results)
      case .tryStatement(let inner, let handlers, let orElse, let finally, _):
        visit(inner + orElse + finally, results: results)
        for handler in handlers { visit(handler.body, results: results) }
      case .ifStatement(_, let inner, let orElse, _): visit(inner + orElse, results: results)
      case .forStatement(let targets, let iterable, let inner, _, _):
        // `for result in results: print(result)` prints the results too.
        var names = results
        if case .name(let name, _) = iterable, results.contains(name) {
          for case .name(let target) in targets { names.append(target) }
        }
        visit(inner, results: names)
      default: break
      }
    }
  }

  mutating func inspect(_ arguments: [PyArgument], at position: SourcePosition, results: [String]) {
    let values = arguments.compactMap { if case .positional(let value) = $0 { value } else { nil } }
    for value in values { if case .name(let name, _) = value, results.contains(name) { printsResults = true } }
    guard let first = values.first else { return }
    func isTimeoutLabel(_ text: String) -> Bool {
      text.lowercased().trimmingCharacters(in: .whitespaces).hasPrefix("timeout")
    }
    switch first {
    case .string(let label, _) where isTimeoutLabel(label):
      guard values.count > 1 else {
        if let number = Int(label.filter(\.isNumber)), label.contains(where: \.isNumber) {
          hardCodedTimeouts = (number, position)
        }
        return
      }
      if case .number(let number, _, _) = values[1] {
        hardCodedTimeouts = (Int(number), position)
      } else {
        computedTimeouts = position
      }
    case .fstring(let parts, _):
      guard case .text(let label)? = parts.first, isTimeoutLabel(label) else { return }
      if parts.contains(where: { if case .value = $0 { true } else { false } }) {
        if parts.contains(where: { if case .value(.number) = $0 { true } else { false } }),
          case .value(.number(let number, _, _))? = parts.first(where: { if case .value = $0 { true } else { false } })
        {
          hardCodedTimeouts = (Int(number), position)
        } else {
          computedTimeouts = position
        }
      } else if let number = Int(label.filter(\.isNumber)) {
        hardCodedTimeouts = (number, position)
      }
    default: break
    }
  }
}
