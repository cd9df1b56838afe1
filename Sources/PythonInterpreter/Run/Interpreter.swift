import AsyncioModel
import Foundation
import PythonSyntax

/// What one run of a program gave: its output, its exit, the virtual time it took.
public struct ProgramRun: Sendable, Equatable {
  /// Why the machine did not run the program to its end as CPython would.
  public enum Stop: Sendable, Equatable {
    /// Outside an exercise run: the construct, where, and why.
    case refused(line: Int, column: Int, construct: String, why: String)
    /// A budget ran out.
    case budget(String)
  }
  public var stdout: String
  public var stderr: String
  /// The process's exit status; nil when the program deadlocked (CPython would wait forever).
  public var exitCode: Int?
  public var deadlock: Bool
  /// What the program was waiting on when it deadlocked.
  public var deadlockDetail: String?
  /// Virtual seconds when the program ended.
  public var elapsed: Double
  /// The line the program was at when a budget stopped it.
  public var stopLine: Int?
  /// What the run showed about gather, timeouts and the semaphore.
  public var observation = Observation()
  public var stop: Stop?
}

/// Runs a learner's Python program on the interpreter: the entry point of the target.
public enum Interpreter {
  /// Runs `source` as `python FILENAME` would under `version`, on the virtual clock.
  public static func run(source: String, filename: String, version: PythonVersion, budgets: Budgets = Budgets()) -> ProgramRun {
    if canRunHere { return runHere(source: source, filename: filename, version: version, budgets: budgets) }
    return RunnerThreads.shared.perform { runHere(source: source, filename: filename, version: version, budgets: budgets) }
  }

  /// Runs a file given as bytes: a UTF-8 byte-order mark is dropped; bytes that are not UTF-8 are
  /// CPython's `SyntaxError`.
  public static func run(utf8 bytes: [UInt8], filename: String, version: PythonVersion, budgets: Budgets = Budgets()) -> ProgramRun {
    var text = bytes[...]
    if text.starts(with: [0xEF, 0xBB, 0xBF]) { text = text.dropFirst(3) }
    // Bytes that are not UTF-8 get CPython's SyntaxError; the rest is parsed once, by the compile.
    if String(validating: text, as: UTF8.self) == nil {
      do {
        _ = try PythonParser.parse(utf8: bytes, version: version)
      } catch {
        return ProgramRun(stdout: "", stderr: syntaxErrorText(error, filename: filename, source: String(decoding: bytes, as: UTF8.self)), exitCode: 1, deadlock: false, elapsed: 0)
      }
    }
    return run(source: String(decoding: text, as: UTF8.self), filename: filename, version: version, budgets: budgets)
  }

  /// Runs on the calling thread, which must have a stack of at least 64 MiB (a thread made with
  /// `Thread.stackSize`): for callers that run many programs on one thread of their own.
  public static func runOnCurrentThread(source: String, filename: String, version: PythonVersion, budgets: Budgets = Budgets()) -> ProgramRun {
    runHere(source: source, filename: filename, version: version, budgets: budgets)
  }

  /// The stack a thread that runs programs needs.
  public static let stackSize = 256 << 20

  /// Runs on the calling thread, which must have a large stack.
  static func runHere(source: String, filename: String, version: PythonVersion, budgets: Budgets) -> ProgramRun {
    let module: Module
    do {
      module = try PythonParser.compile(source, version: version)
    } catch {
      let text = syntaxErrorText(error, filename: filename, source: source)
      return ProgramRun(stdout: "", stderr: text, exitCode: 1, deadlock: false, elapsed: 0)
    }
    let code: CodeObject
    do {
      code = try Compiler.compile(module, filename: filename, text: source, version: version)
    } catch {
      return ProgramRun(stdout: "", stderr: "", exitCode: nil, deadlock: false, elapsed: 0,
                        stop: .refused(line: error.line, column: error.column, construct: error.construct, why: error.why))
    }
    let m = Machine(version: version, filename: filename, source: source, budgets: budgets)
    m.memoryAtStart = budgets.memoryMeter?() ?? 0
    m.globalsRebound = code.globalsRebound
    m.stackBase = currentStackAddress()
    m.stackAllowance = UInt(stackSize - (24 << 20))
    let main = ModuleObject("__main__")
    main.dict.setStr("__file__", StrObject(filename))
    main.dict.setStr("__doc__", code.docstring.map { StrObject($0) } ?? NoneObject.shared)
    m.modules["__main__"] = main
    let frame = Frame(code: code, globals: main.dict, namespace: nil, function: nil, closure: [])
    // 3.12+ warn as they compile of a backslash that starts no escape ("C:\\data"); 3.10 and 3.11
    // raise a DeprecationWarning, which is not shown.
    if version.minor >= 12 {
      for escape in module.invalidEscapes { m.writeSyntaxWarning(line: escape.line, "invalid escape sequence '\(escape.escape)'") }
    }
    // Then the compiler's (a missed comma: calling or indexing a literal).
    for (line, message) in code.compileWarnings { m.writeSyntaxWarning(line: line, message) }
    var run = ProgramRun(stdout: "", stderr: "", exitCode: 0, deadlock: false, elapsed: 0)
    // The program ended as Python programs end (returned, exited, or died of an exception): the
    // interpreter then clears the module, and what that frees (a coroutine never awaited) speaks.
    var ended = true
    do {
      _ = try m.runCall(frame)
    } catch let e as ExceptionObject {
      if e.cls.isSubtype(of: Types.SystemExit) {
        let codeObj: PyObject = e.args.isEmpty ? NoneObject.shared : e.args[0]
        if codeObj is NoneObject {
          run.exitCode = 0
        } else if let i = codeObj as? IntObject {
          run.exitCode = (i.intValue ?? 1) & 0xFF
        } else {
          try? m.write(((try? m.str(codeObj)) ?? "") + "\n", toStderr: true)
          run.exitCode = 1
        }
      } else {
        do {
          try m.write((try? m.formatTraceback(e)) ?? "\(e.cls.name)\n", toStderr: true)
        } catch let h as Halt {
          // The traceback itself is not Python's to promise (it shows an object's address): at
          // the line where the exception was raised.
          var halt = h
          if case .refused(let line, let column, let construct, let why) = h, line < 1 {
            let raisedAt = e.traceback.first(where: { $0.file == filename })?.line ?? 1
            halt = .refused(line: raisedAt, column: column, construct: construct, why: why)
          }
          m.halt = m.halt ?? halt
        } catch {}
        // An uncaught KeyboardInterrupt: after the traceback, CPython ends itself with SIGINT, which
        // its parent sees as -2 (a shell shows 130).
        run.exitCode = e.cls.isSubtype(of: Types.KeyboardInterrupt) ? -2 : 1
      }
      // The interpreter exits: what the exception's traceback held dies now.
      m.shuttingDown = true
      // Each exception of the chain once: a chain may loop (`a.__context__ = b; b.__context__ = a`).
      var released = Set<ObjectIdentifier>()
      for x in sequence(first: e, next: { $0.contextException ?? $0.causeException }) {
        guard released.insert(ObjectIdentifier(x)).inserted else { break }
        x.keptFrames.removeAll()
        x.keptObjects.removeAll()
      }
      // Tasks that died of it, never asked about: freed with its traceback, they are logged.
      if m.unretrievedAtExit.count == 1, let (message, x) = m.unretrievedAtExit.first {
        try? m.asyncioLogError(message, x)
      } else if m.unretrievedAtExit.count > 1 {
        m.halt = m.halt ?? .refused(
          line: m.learnerLine, column: m.learnerColumn, construct: "\(m.unretrievedAtExit.count) tasks dying of the exception that ends the program",
          why: "Python logs each as it frees it, in an order that depends on what still holds the tasks; catch the exception in the task")
      }
      do {
        // The program died of an exception while failed tasks were never asked about: CPython
        // reports them (or not) as it tears the interpreter down, which lesson does not predict.
        if !m.unretrieved.isEmpty {
          throw Halt.refused(line: m.learnerLine, column: m.learnerColumn, construct: "a task exception never retrieved, as the program dies of another", why: "whether and when Python reports it depends on how it tears the interpreter down; await every task or gather with return_exceptions=True")
        }
      } catch let h as Halt {
        if case .refused(let line, let column, let construct, let why) = h { run.stop = .refused(line: line, column: column, construct: construct, why: why) }
        if case .budget(let w) = h { run.stop = .budget(w) }
      } catch {}
    } catch let h as Halt {
      ended = false
      switch h {
      case .refused(let line, let column, let construct, let why):
        run.stop = .refused(line: line, column: column, construct: construct, why: why)
        run.exitCode = nil
      case .budget(let what):
        run.stop = .budget(what)
        run.exitCode = nil
      case .deadlock(let detail):
        m.waitingGather?()
        run.deadlock = true
        run.deadlockDetail = detail
        run.exitCode = nil
      }
    } catch {
      ended = false
      run.stop = .budget("internal: \(error)")
      run.exitCode = nil
    }
    if ended, m.halt == nil { m.clearModuleAtExit(main.dict) }
    // A task of a loop run by hand that failed and that nothing asked about: CPython reports it
    // when it frees the task, with a traceback and the task's repr.
    if m.halt == nil, run.stop == nil, !run.deadlock,
      m.futureObjects.values.contains(where: { $0.future is AsyncioModel.Task && $0.future.unretrievedException != nil })
    {
      m.halt = .refused(
        line: max(1, m.lastAsyncioRunLine ?? 1), column: 1, construct: "a task exception never retrieved, on a loop run by hand",
        why: "Python reports it when it frees the task, with the task's repr and a traceback, which lesson does not reproduce; await the task or gather with return_exceptions=True")
    }
    if m.halt == nil, run.stop == nil, !run.deadlock, let g = m.generatorLeftInTry {
      m.halt = .refused(
        line: max(1, g.frame.line), column: 1, construct: "generator '\(g.function.qualname)' still suspended inside try or with as the program ends",
        why: "Python runs its cleanup (finally, except, __exit__) as it shuts down, which lesson does not run yet; let the generator finish or call close() on it")
    }
    if let h = m.halt, run.stop == nil, !run.deadlock {
      if case .budget(let w) = h { run.stop = .budget(w) }
      if case .refused(let line, let column, let construct, let why) = h { run.stop = .refused(line: line, column: column, construct: construct, why: why) }
      run.exitCode = nil
    }
    run.observation = m.observation
    if run.stop != nil { run.stopLine = m.haltLine }
    run.stdout = m.stdout
    run.stderr = m.stderr
    run.elapsed = (Double(m.nowTicks) / 1_000_000 * 1_000_000).rounded() / 1_000_000
    m.namespacesMade.append(main.dict)
    m.releaseWhatTheRunMade()
    return run
  }

  static func syntaxErrorText(_ e: PythonSyntaxError, filename: String, source: String) -> String {
    let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
    var out = "  File \"\(filename)\", line \(e.line)\n"
    if e.line >= 1 && e.line <= lines.count {
      let text = String(lines[e.line - 1])
      let stripped = text.drop { $0 == " " || $0 == "\t" }
      out += "    \(stripped)\n"
    }
    out += "\(e.kind.rawValue): \(e.message)\n"
    return out
  }
}

extension Machine {
  /// CPython's traceback text for an exception that escaped, with its chain.
  func formatTraceback(_ e: ExceptionObject, forOutput: Bool = false, fromModule: Bool = false) throws -> String {
    if forOutput, Self.passedThroughLibrary(e) {
      throw Halt.refused(line: learnerLine, column: learnerColumn, construct: "a traceback through asyncio's own code", why: "Python's text would name lines inside asyncio's library, which lesson does not reproduce; log str(error) or type(error).__name__ instead")
    }
    var context = GroupPrinting()
    tracebacksInexact = false
    return formatException(e, &context, fromModule: fromModule)
  }

  /// Whether `e`, an exception of its chain or of a group in it passed through a coroutine of
  /// asyncio's whose frame lesson does not know (``ExceptionObject/throughLibrary``).
  static func passedThroughLibrary(_ e: ExceptionObject) -> Bool {
    var pending = [e]
    var seen = Set<ObjectIdentifier>()
    while let x = pending.popLast() {
      guard seen.insert(ObjectIdentifier(x)).inserted else { continue }
      if x.throughLibrary { return true }
      if let cause = x.causeException { pending.append(cause) }
      if let context = x.contextException { pending.append(context) }
      pending += x.members
    }
    return false
  }

  /// What `TracebackException.format` prints for `e` and its chain (causes and contexts, each
  /// once), inside exception groups as deep as `context` says (CPython's `_ExceptionPrintContext`).
  func formatException(_ e: ExceptionObject, _ context: inout GroupPrinting, fromModule: Bool) -> String {
    var chain: [(ExceptionObject, String?)] = []
    var seen = Set<ObjectIdentifier>()
    var cur: ExceptionObject? = e
    var link: String? = nil
    while let x = cur, !seen.contains(ObjectIdentifier(x)) {
      seen.insert(ObjectIdentifier(x))
      chain.append((x, link))
      if let c = x.causeException {
        cur = c
        link = "\nThe above exception was the direct cause of the following exception:\n\n"
      } else if let c = x.contextException, !x.suppressContext {
        cur = c
        link = "\nDuring handling of the above exception, another exception occurred:\n\n"
      } else {
        cur = nil
      }
    }
    var out = ""
    // Innermost cause first; each followed by the sentence that leads to the exception after it.
    for (x, link) in chain.reversed() {
      if x.members.isEmpty {
        out += context.emit(traceText(x, fromModule: fromModule))
      } else if context.depth > GroupPrinting.maxDepth {
        out += context.emit("... (max_group_depth is \(GroupPrinting.maxDepth))\n")
      } else {
        out += groupText(x, &context, fromModule: fromModule)
      }
      if let link { out += context.emit(link) }
    }
    return out
  }

  /// An exception group as CPython's traceback module draws it (boxes of `|`, `+-+`): at most
  /// 15 members shown, 10 groups deep, one closing line where the innermost last member ends.
  func groupText(_ g: ExceptionObject, _ context: inout GroupPrinting, fromModule: Bool) -> String {
    var out = ""
    let topLevel = context.depth == 0
    if topLevel { context.depth += 1 }
    if !g.traceback.isEmpty {
      out += context.emit("Exception Group Traceback (most recent call last):\n", margin: topLevel ? "+" : "|")
      var exact = true
      let frames = frameChunks(g.traceback.reversed().filter { !SourceModule.isLibraryFile($0.file) }, exact: &exact)
      if !exact { tracebacksInexact = true }
      out += context.emit(frames.joined())
    }
    var line = exceptionLine(g, fromModule: fromModule) + "\n"
    for n in g.notes { line += ((try? str(n)) ?? "") + "\n" }
    out += context.emit(line)
    let count = g.members.count
    let shown = count <= GroupPrinting.maxWidth ? count : GroupPrinting.maxWidth + 1
    context.needClose = false
    for i in 0..<shown {
      let last = i == shown - 1
      if last { context.needClose = true }
      let truncated = i >= GroupPrinting.maxWidth
      let title = truncated ? "..." : String(i + 1)
      out += context.indent + (i == 0 ? "+-" : "  ") + "+---------------- \(title) ----------------\n"
      context.depth += 1
      if !truncated {
        out += formatException(g.members[i], &context, fromModule: fromModule)
      } else {
        let remaining = count - GroupPrinting.maxWidth
        out += context.emit("and \(remaining) more exception\(remaining > 1 ? "s" : "")\n")
      }
      if last && context.needClose {
        out += context.indent + "+------------------------------------\n"
        context.needClose = false
      }
      context.depth -= 1
    }
    if topLevel { context.depth = 0 }
    return out
  }

  /// What `traceback.format_exception` returns: the header, one chunk per frame (its line and
  /// source), the exception's line (and notes), for each exception of the chain, innermost last.
  /// `limit` keeps the first frames (negative: the last ones); 0 shows none, and no header.
  func tracebackChunks(_ e: ExceptionObject, limit: Int?, chain: Bool, exact: inout Bool) throws -> [String] {
    var x: ExceptionObject? = e
    var walked = Set<ObjectIdentifier>()
    while let y = x, walked.insert(ObjectIdentifier(y)).inserted {
      // With no frame shown (limit=0), where the exception passed does not matter.
      if y.throughLibrary, limit != 0 {
        throw Halt.refused(line: learnerLine, column: learnerColumn, construct: "a traceback through asyncio's own code", why: "Python's text would name lines inside asyncio's library, which lesson does not reproduce; print str(error) or type(error).__name__ instead")
      }
      if !y.members.isEmpty {
        if Self.passedThroughLibrary(y) {
          throw Halt.refused(line: learnerLine, column: learnerColumn, construct: "a traceback through asyncio's own code", why: "Python's text would name lines inside asyncio's library, which lesson does not reproduce; print str(error) or type(error).__name__ instead")
        }
        guard limit == nil, chain else {
          throw Halt.refused(line: learnerLine, column: learnerColumn, construct: "traceback of an exception group with a limit or without its chain", why: "not run by lesson yet; print the group's exceptions instead")
        }
        // The group's boxes, as `TracebackException.format` yields them: line by line.
        var context = GroupPrinting()
        tracebacksInexact = false
        let text = formatException(e, &context, fromModule: true)
        if tracebacksInexact { exact = false }
        return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { $0 + "\n" }
      }
      x = chain ? (y.causeException ?? (y.suppressContext ? nil : y.contextException)) : nil
    }
    var links: [(ExceptionObject, String?)] = []
    var seen = Set<ObjectIdentifier>()
    var current: ExceptionObject? = e
    var link: String?
    while let x = current, !seen.contains(ObjectIdentifier(x)) {
      seen.insert(ObjectIdentifier(x))
      links.append((x, link))
      guard chain else { break }
      if let c = x.causeException {
        current = c
        link = "\nThe above exception was the direct cause of the following exception:\n\n"
      } else if let c = x.contextException, !x.suppressContext {
        current = c
        link = "\nDuring handling of the above exception, another exception occurred:\n\n"
      } else {
        current = nil
      }
    }
    var chunks: [String] = []
    for (x, link) in links.reversed() {
      var entries = Array(x.traceback.reversed())
      if let limit { entries = limit >= 0 ? Array(entries.prefix(limit)) : Array(entries.suffix(limit == .min ? Int.max : -limit)) }
      if !entries.isEmpty { chunks.append("Traceback (most recent call last):\n") }
      chunks += frameChunks(entries, exact: &exact)
      chunks.append(exceptionLine(x, fromModule: true) + "\n")
      for n in x.notes { chunks.append(((try? str(n)) ?? "") + "\n") }
      if let link { chunks.append(link) }
    }
    return chunks
  }

  func traceText(_ e: ExceptionObject, fromModule: Bool = false) -> String {
    var out = ""
    if !e.traceback.isEmpty {
      out += "Traceback (most recent call last):\n"
      // The library lesson writes in Python is not CPython's: its frames are left out, as
      // asyncio's are, rather than shown under paths CPython would not print.
      var exact = true
      out += frameChunks(e.traceback.reversed().filter { !SourceModule.isLibraryFile($0.file) }, exact: &exact).joined()
      if !exact { tracebacksInexact = true }
    }
    out += exceptionLine(e, fromModule: fromModule) + "\n"
    for n in e.notes { out += ((try? str(n)) ?? "") + "\n" }
    return out
  }

  /// What `StackSummary.format` makes of frames, outermost first: each frame's `File` line and
  /// its source (with 3.11+'s markers), and past three of the same frame in a row, how many more
  /// there were. `exact` turns false when a frame's markers are not known (``TracebackSource``):
  /// its line is shown without them.
  func frameChunks(_ entries: [TraceEntry], exact: inout Bool) -> [String] {
    let source = TracebackSource(version: version, lines: sourceLines)
    var chunks: [String] = []
    var last: (file: String, line: Int, function: String)?
    var count = 0
    func repeatedLine() {
      guard count > Self.recursiveCutoff else { return }
      let more = count - Self.recursiveCutoff
      chunks.append("  [Previous line repeated \(more) more time\(more > 1 ? "s" : "")]\n")
    }
    for entry in entries {
      if let last, last.file == entry.file, last.line == entry.line, last.function == entry.function {
        count += 1
      } else {
        repeatedLine()
        last = (entry.file, entry.line, entry.function)
        count = 1
      }
      if count > Self.recursiveCutoff { continue }
      var frame = "  File \"\(entry.file)\", line \(entry.line), in \(entry.function)\n"
      if entry.file == filename {
        if let text = source.text(line: entry.line, span: entry.span) {
          frame += text
        } else {
          exact = false
          frame += source.plainText(line: entry.line)
        }
      } else if let line = entry.source, let span = entry.span {
        // A frame of asyncio's own Python code, whose line lesson knows.
        let own = TracebackSource(version: version, lines: [Substring(line)])
        frame += own.text(line: 1, span: SourceSpan(line: 1, endLine: 1, column: span.column, endColumn: span.endColumn)) ?? ""
      }
      chunks.append(frame)
    }
    repeatedLine()
    return chunks
  }

  /// `traceback._RECURSIVE_CUTOFF`: how many of the same frame in a row a traceback shows.
  static let recursiveCutoff = 3

  /// The last line of a traceback. The `traceback` module (`fromModule`) never names
  /// `__main__`; the interpreter's own printer does before 3.11.
  func exceptionLine(_ e: ExceptionObject, fromModule: Bool = false) -> String {
    let t = e.cls
    let bare = t.module == "builtins" || (t.module == "__main__" && (version.minor >= 11 || fromModule))
    let name = bare ? t.qualname : "\(t.module).\(t.qualname)"
    var text = (try? str(e)) ?? "<exception str() failed>"
    // The traceback module offers "Did you mean" from 3.12; before, only the interpreter's own
    // printer does.
    if !fromModule || version.minor >= 12, let suggestion = suggestion(for: e) { text += suggestion }
    return text.isEmpty ? name : "\(name): \(text)"
  }

  /// CPython's "Did you mean" for NameError and AttributeError.
  func suggestion(for e: ExceptionObject) -> String? {
    if e.cls === Types.NameError, let n = (e.dict.getStr("name") as? StrObject)?.value {
      let close =
        e.selfHasName
        ? "self.\(n)"
        : Suggestions.closest(n, e.nameCandidates) ?? Suggestions.closest(n, builtins.keys.compactMap { ($0 as? StrObject)?.value })
      var text = close.map { ". Did you mean: '\($0)'?" }
      // 3.12+: a module of the standard library, not imported.
      if version.minor >= 12, StdlibModuleNames.contains(n, minor: version.minor) {
        text = (text ?? "") + (close == nil ? ". Did you forget to import '\(n)'?" : " Or did you forget to import '\(n)'?")
      }
      if let text { return text }
    }
    if e.cls === Types.AttributeError, let n = (e.dict.getStr("name") as? StrObject)?.value, let obj = e.dict.getStr("obj") {
      var candidates: [String] = []
      if let d = obj.instanceDict { candidates += d.keys.compactMap { ($0 as? StrObject)?.value } }
      if let mod = obj as? ModuleObject, mod.name == "asyncio" {
        candidates += AsyncioNames.versions.filter { $0.value.contains(version.minor) }.keys.sorted()
      }
      for t in ((obj as? TypeObject).map { $0.mro } ?? obj.type.mro) {
        candidates += t.dict.keys.compactMap { ($0 as? StrObject)?.value }
      }
      if let s = Suggestions.closest(n, candidates) { return ". Did you mean: '\(s)'?" }
    }
    return nil
  }
}


/// CPython's suggestion algorithm (`Python/suggestions.c`): the closest name by a weighted
/// Levenshtein distance, within a bound.
enum Suggestions {
  static let moveCost = 2
  static let caseCost = 1
  static let maxCandidates = 750

  static func closest(_ name: String, _ candidates: [String]) -> String? {
    if candidates.count > maxCandidates { return nil }
    let nameBytes = Array(name.utf8)
    var best: String?
    var bestDistance = Int.max
    for c in candidates where c != name {
      let cb = Array(c.utf8)
      let maxDistance = (nameBytes.count + cb.count + 3) * moveCost / 6
      let limit = min(maxDistance, bestDistance - 1)
      let d = distance(nameBytes, cb, limit)
      if d > limit { continue }
      if best == nil || d < bestDistance {
        best = c
        bestDistance = d
      }
    }
    return best
  }

  static func substitutionCost(_ a: UInt8, _ b: UInt8) -> Int {
    if a == b { return 0 }
    let la = (a >= 65 && a <= 90) ? a + 32 : a
    let lb = (b >= 65 && b <= 90) ? b + 32 : b
    return la == lb ? caseCost : moveCost
  }

  static func distance(_ a0: [UInt8], _ b0: [UInt8], _ maxCost: Int) -> Int {
    var a = a0[...], b = b0[...]
    while let x = a.first, let y = b.first, x == y { a = a.dropFirst(); b = b.dropFirst() }
    while let x = a.last, let y = b.last, x == y { a = a.dropLast(); b = b.dropLast() }
    if a.isEmpty || b.isEmpty { return (a.count + b.count) * moveCost }
    if a.count > 40 || b.count > 40 { return maxCost + 1 }
    if b.count < a.count { swap(&a, &b) }
    if (b.count - a.count) * moveCost > maxCost { return maxCost + 1 }
    var buffer = (0..<a.count).map { ($0 + 1) * moveCost }
    var result = 0
    for (bi, bc) in b.enumerated() {
      var distance = bi * moveCost
      result = distance
      var minimum = Int.max
      for (ai, ac) in a.enumerated() {
        let substitute = distance + substitutionCost(bc, ac)
        distance = buffer[ai]
        let insertDelete = min(result, distance) + moveCost
        result = min(insertDelete, substitute)
        buffer[ai] = result
        if result < minimum { minimum = result }
      }
      if minimum > maxCost { return maxCost + 1 }
    }
    return result
  }
}

/// Where printing an exception group has got to (CPython's `_ExceptionPrintContext`).
struct GroupPrinting {
  static let maxDepth = 10
  static let maxWidth = 15
  var depth = 0
  var needClose = false

  var indent: String { String(repeating: " ", count: 2 * depth) }

  /// `text` with every line indented, and marked by `margin` inside a group.
  func emit(_ text: String, margin: Character = "|") -> String {
    let prefix = indent + (depth > 0 ? "\(margin) " : "")
    if prefix.isEmpty { return text }
    var out = ""
    for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
      out += prefix + line + "\n"
    }
    if !text.hasSuffix("\n"), let tail = text.split(separator: "\n", omittingEmptySubsequences: false).last {
      out += prefix + tail
    }
    return out
  }
}
