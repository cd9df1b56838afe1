import GuardedGather

/// Walks one gathered call through the guarded function and the tool it awaits, noting the
/// semaphore it holds, the timeout around it (and whether that timeout also covers the wait for a
/// slot), the handlers that catch its timeout or its error, and what the tool does.
struct CallWalker {
  let analyzer: PythonAnalyzer
  var facts: PyCallFacts
  var depth = 0

  /// The context while walking: what encloses the statement being walked.
  struct Context {
    var locals: [String: PyValue]
    var semaphore: PyValue?
    var semaphorePosition: SourcePosition?
    /// A timeout around this point, and whether a semaphore was already held when it began.
    var timeout: (seconds: Double, position: SourcePosition, semaphoreHeld: Bool)?
    /// The exception being handled, for a bare `raise` in an except block.
    var current: (type: String, message: String)?
  }

  /// The outcome of walking a body: it returned a value, ran off its end, or raised.
  enum Exit {
    case returned(PyValue)
    case fellThrough
    case raised(type: String, message: String)
  }

  /// Which run of the call is being walked: the tool finishing, or its timeout firing.
  enum Mode { case finishes, timesOut }
  var mode = Mode.finishes
  /// Only the first walk notes what the call does; the second only follows the timeout.
  var collecting = true

  init(analyzer: PythonAnalyzer) {
    self.analyzer = analyzer
    self.facts = PyCallFacts(name: "", position: SourcePosition(line: 1, column: 1))
  }

  /// An exception travelling up through the walk, or a program lesson cannot read.
  enum Interruption: Error {
    case raised(type: String, message: String)
    case unreadable(PythonSyntaxError)
  }

  func fail(_ position: SourcePosition, _ message: String) -> PythonSyntaxError {
    PythonSyntaxError(position: position, message: message)
  }

  mutating func analyze(_ coroutine: PyCoroutine) throws(PythonSyntaxError) -> PyCallFacts {
    facts = PyCallFacts(name: "", position: coroutine.position)
    // First walk: the tool finishes (or raises); note everything the call does.
    mode = .finishes
    collecting = true
    let finished = try run(coroutine)
    switch finished {
    case .returned(let value) where facts.raises == nil:
      facts.okValue = value
    case .returned(let value):
      facts.errorValue = value
      facts.errorPolicy = value == PyValue.none ? .swallow : .capture
    case .fellThrough:
      if facts.raises != nil {
        facts.errorPolicy = .swallow
      }
      facts.okValue = .none
    case .raised:
      facts.errorPolicy = .propagate
    }
    // Second walk: the timeout fires where the tool waits.
    if facts.timeout != nil {
      mode = .timesOut
      collecting = false
      switch try run(coroutine) {
      case .returned(let value): facts.timeoutValue = value
      case .fellThrough: facts.timeoutValue = PyValue.none
      case .raised:
        throw fail(
          facts.timeoutPosition ?? coroutine.position,
          "nothing catches this timeout: wrap it in try/except asyncio.TimeoutError and return f\"{name}:timeout\"")
      }
    }
    let value = facts.okValue
    if facts.name.isEmpty {
      // The call's name: what its ok result names, else its first string argument.
      if case .string(let text) = value, let colon = text.lastIndex(of: ":") {
        facts.name = String(text[..<colon])
      } else if let first = coroutine.bindings.values.compactMap({ if case .string(let s) = $0 { s } else { nil } })
        .sorted().first
      {
        facts.name = first
      } else {
        facts.name = coroutine.function
      }
    }
    return facts
  }

  /// Walks the whole call once, in the current mode.
  mutating func run(_ coroutine: PyCoroutine) throws(PythonSyntaxError) -> Exit {
    var context = Context(locals: [:])
    if let outer = coroutine.outerTimeout {
      guard let seconds = outer.number else { throw fail(coroutine.position, "wait_for's timeout must be a number") }
      context.timeout = (seconds, coroutine.outerTimeoutPosition ?? coroutine.position, false)
      if collecting {
        facts.timeout = seconds
        facts.timeoutPosition = coroutine.outerTimeoutPosition
      }
    }
    do {
      let result = try follow(coroutine, &context, at: coroutine.position)
      if coroutine.outerTimeout != nil, facts.semaphore != nil { facts.timeoutOutsideSemaphore = true }
      return .returned(result)
    } catch {
      switch error {
      case .unreadable(let syntax): throw syntax
      case .raised(let type, let message):
        if coroutine.outerTimeout != nil, type == "CancelledError" { return .raised(type: "TimeoutError", message: "") }
        return .raised(type: type, message: message)
      }
    }
  }

  func unreadable(_ position: SourcePosition, _ message: String) -> Interruption {
    .unreadable(fail(position, message))
  }

  /// Evaluates with the analyzer, turning its errors into interruptions.
  func value(_ expression: PyExpr, _ locals: [String: PyValue]) throws(Interruption) -> PyValue {
    do { return try analyzer.evaluate(expression, locals) } catch { throw .unreadable(error) }
  }

  /// Awaits a call of an async function of the program: walks its body.
  mutating func follow(_ coroutine: PyCoroutine, _ outer: inout Context, at position: SourcePosition)
    throws(Interruption)
    -> PyValue
  {
    depth += 1
    defer { depth -= 1 }
    guard depth < 12 else { throw unreadable(position, "calls nested this deep are outside what lesson reads") }
    guard let function = analyzer.functions[coroutine.function] else {
      throw unreadable(position, "no async def \(coroutine.function)")
    }
    var context = outer
    context.locals = coroutine.bindings
    if let name = coroutine.bindings["name"], case .string(let text) = name, facts.name.isEmpty { facts.name = text }
    let exit = try walk(function.body, &context)
    outer.semaphore = outer.semaphore ?? context.semaphore
    switch exit {
    case .returned(let value): return value
    case .fellThrough: return .none
    case .raised(let type, let message): throw .raised(type: type, message: message)
    }
  }

  mutating func walk(_ body: [PyStmt], _ context: inout Context) throws(Interruption) -> Exit {
    for statement in body {
      if let exit = try step(statement, &context) { return exit }
    }
    return .fellThrough
  }

  /// One statement; a non-nil exit ends the body.
  mutating func step(_ statement: PyStmt, _ context: inout Context) throws(Interruption) -> Exit? {
    switch statement {
    case .assign(let targets, let assigned, _):
      let result = try evaluateAwaiting(assigned, &context)
      var made = result
      if case .semaphore(let permits, let position, _) = result, case .call = assigned {
        // A semaphore made inside the per-call function belongs to that call alone.
        made = .semaphore(permits: permits, made: position, perCall: true)
      }
      for target in targets { analyzer.bind(target, made, into: &context.locals) }
      return nil
    case .expression(let expression, let position):
      if case .call(let function, let arguments, _) = expression, function.dottedName == "time.sleep" {
        let seconds = try number(arguments.first, context, at: position, what: "time.sleep")
        if collecting {
          facts.delay += seconds
          facts.cpu = position
        }
        return nil
      }
      if case .call(let function, _, _) = expression, function.dottedName == "print" {
        throw unreadable(
          position, "print inside a gathered call is outside what lesson reads; print the results in main")
      }
      if case .string = expression { return nil }
      _ = try evaluateAwaiting(expression, &context)
      return nil
    case .returnStatement(let returned, _):
      guard let returned else { return .returned(.none) }
      return .returned(try evaluateAwaiting(returned, &context))
    case .with(let items, let body, let isAsync, let position):
      var inner = context
      var timeoutBlock = false
      for (item, bound) in items {
        if case .call(let function, let arguments, let at) = item, function.dottedName == "asyncio.timeout" {
          guard isAsync else { throw unreadable(position, "asyncio.timeout needs async with") }
          let seconds = try number(arguments.first, context, at: at, what: "asyncio.timeout")
          inner.timeout = (seconds, at, inner.semaphore != nil)
          timeoutBlock = true
          if collecting {
            facts.timeout = seconds
            facts.timeoutPosition = at
          }
          continue
        }
        let held = try value(item, context.locals)
        guard case .semaphore = held, isAsync else {
          throw unreadable(item.position, "only async with semaphore and async with asyncio.timeout(...) are read here")
        }
        inner.semaphore = held
        inner.semaphorePosition = item.position
        if collecting {
          facts.semaphore = held
          facts.semaphorePosition = item.position
          if let timeout = inner.timeout, !timeout.semaphoreHeld { facts.timeoutOutsideSemaphore = true }
        }
        if let bound { inner.locals[bound] = held }
      }
      let exit: Exit
      do {
        exit = try walk(body, &inner)
      } catch {
        // The timeout's cancellation becomes TimeoutError where the block ends.
        if timeoutBlock, case .raised("CancelledError", _) = error { throw .raised(type: "TimeoutError", message: "") }
        throw error
      }
      context.locals = inner.locals
      if case .fellThrough = exit { return nil }
      return exit
    case .tryStatement(let body, let handlers, let orElse, let finally, _):
      var exit: Exit
      do {
        exit = try walk(body, &context)
        if case .fellThrough = exit { exit = try walk(orElse, &context) }
      } catch {
        guard case .raised(let type, let message) = error,
          let handler = handlers.first(where: { Self.catches($0.type, type) })
        else { throw error }
        if collecting, facts.raises != nil, type != "CancelledError", type != "TimeoutError" {
          facts.handlerPosition = handler.position
        }
        if let name = handler.name { context.locals[name] = .exception(type: type, message: message) }
        context.current = (type, message)
        exit = try walk(handler.body, &context)
        context.current = nil
      }
      _ = try walk(finally, &context)
      if case .fellThrough = exit { return nil }
      return exit
    case .ifStatement(let test, let body, let orElse, _):
      let exit = try walk(try value(test, context.locals).truthy ? body : orElse, &context)
      if case .fellThrough = exit { return nil }
      return exit
    case .raise(let raised, let position):
      guard let raised else {
        guard let current = context.current else { throw unreadable(position, "a bare raise outside an except block") }
        throw .raised(type: current.type, message: current.message)
      }
      var type = "Exception"
      var message = ""
      if case .call(let function, let arguments, _) = raised, let name = function.dottedName {
        type = name.split(separator: ".").last.map(String.init) ?? name
        if case .positional(let argument)? = arguments.first { message = try value(argument, context.locals).str }
      } else if let name = raised.dottedName {
        type = name
      }
      if collecting { facts.raises = (type, message, position) }
      throw .raised(type: type, message: message)
    case .pass:
      return nil
    case .forStatement(_, _, _, _, let position), .function(_, _, _, _, let position),
      .augmentedAssign(_, _, _, let position),
      .importStatement(_, let position):
      throw unreadable(position, "this statement inside a gathered call is outside what lesson reads")
    }
  }

  /// Evaluates an expression, following `await` into the program's async functions.
  mutating func evaluateAwaiting(_ expression: PyExpr, _ context: inout Context) throws(Interruption) -> PyValue {
    guard case .await(let inner, let position) = expression else { return try value(expression, context.locals) }
    if case .call(let function, let arguments, let at) = inner {
      switch function.dottedName {
      case "asyncio.sleep":
        let seconds = try number(arguments.first, context, at: at, what: "asyncio.sleep")
        if collecting { facts.delay += seconds }
        // When the timeout fires, it fires here, while the tool waits: the task is cancelled.
        if mode == .timesOut, context.timeout != nil { throw .raised(type: "CancelledError", message: "") }
        return .none
      case "asyncio.wait_for":
        var wrapped: PyExpr?
        var timeoutExpression: PyExpr?
        for (index, argument) in arguments.enumerated() {
          switch argument {
          case .positional(let item): if index == 0 { wrapped = item } else { timeoutExpression = item }
          case .keyword("timeout", let item): timeoutExpression = item
          case .keyword("fut", let item): wrapped = item
          default: throw unreadable(at, "this wait_for is outside what lesson reads")
          }
        }
        guard let wrapped, let timeoutExpression else {
          throw unreadable(at, "wait_for needs an awaitable and a timeout")
        }
        guard let seconds = try value(timeoutExpression, context.locals).number else {
          throw unreadable(timeoutExpression.position, "wait_for's timeout must be a number")
        }
        var inner = context
        inner.timeout = (seconds, at, context.semaphore != nil)
        if collecting {
          facts.timeout = seconds
          facts.timeoutPosition = at
        }
        do {
          let result = try evaluateAwaiting(.await(wrapped, position), &inner)
          if collecting, inner.semaphore != nil, context.semaphore == nil { facts.timeoutOutsideSemaphore = true }
          return result
        } catch {
          if collecting, inner.semaphore != nil, context.semaphore == nil { facts.timeoutOutsideSemaphore = true }
          if case .raised("CancelledError", _) = error { throw .raised(type: "TimeoutError", message: "") }
          throw error
        }
      default:
        break
      }
    }
    let awaited = try value(inner, context.locals)
    guard case .coroutine(let coroutine) = awaited else {
      throw unreadable(
        position, "only awaiting asyncio.sleep, asyncio.wait_for or an async def of this file is read here")
    }
    var calling = context
    if let outer = coroutine.outerTimeout, let seconds = outer.number {
      calling.timeout = (seconds, coroutine.outerTimeoutPosition ?? position, context.semaphore != nil)
      if collecting {
        facts.timeout = seconds
        facts.timeoutPosition = coroutine.outerTimeoutPosition
      }
      do {
        let result = try follow(coroutine, &calling, at: position)
        if collecting, facts.semaphore != nil, context.semaphore == nil { facts.timeoutOutsideSemaphore = true }
        return result
      } catch {
        if collecting, facts.semaphore != nil, context.semaphore == nil { facts.timeoutOutsideSemaphore = true }
        if case .raised("CancelledError", _) = error { throw .raised(type: "TimeoutError", message: "") }
        throw error
      }
    }
    return try follow(coroutine, &calling, at: position)
  }

  func number(_ argument: PyArgument?, _ context: Context, at position: SourcePosition, what: String)
    throws(Interruption)
    -> Double
  {
    guard case .positional(let expression)? = argument, let seconds = try value(expression, context.locals).number
    else {
      throw unreadable(position, "\(what)(...) needs a number of seconds")
    }
    return seconds
  }

  /// Whether `except <type>` catches an exception named `raised`.
  static func catches(_ type: PyExpr?, _ raised: String) -> Bool {
    guard let type else { return true }
    if case .tuple(let items, _) = type { return items.contains { catches($0, raised) } }
    guard let name = type.dottedName?.split(separator: ".").last.map(String.init) else { return false }
    if name == raised || name == "BaseException" { return true }
    let ancestors: [String: [String]] = [
      "TimeoutError": ["OSError", "Exception"], "ConnectionError": ["OSError", "Exception"],
      "ConnectionResetError": ["ConnectionError", "OSError", "Exception"], "OSError": ["Exception"],
      "RuntimeError": ["Exception"], "ValueError": ["Exception"], "KeyError": ["LookupError", "Exception"],
      "Exception": [], "CancelledError": [],
    ]
    return (ancestors[raised] ?? ["Exception"]).contains(name)
  }
}
