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
    /// Enclosing handlers, innermost last.
    var handlers: [(PyHandler, locals: [String: PyValue])] = []
  }

  /// The outcome of walking a body: it returned a value, or ran off its end.
  enum Exit {
    case returned(PyValue)
    case fellThrough
  }

  init(analyzer: PythonAnalyzer) {
    self.analyzer = analyzer
    self.facts = PyCallFacts(name: "", position: SourcePosition(line: 1, column: 1))
  }

  func fail(_ position: SourcePosition, _ message: String) -> PythonSyntaxError {
    PythonSyntaxError(position: position, message: message)
  }

  mutating func analyze(_ coroutine: PyCoroutine) throws(PythonSyntaxError) -> PyCallFacts {
    facts = PyCallFacts(name: "", position: coroutine.position)
    var context = Context(locals: [:])
    if let outer = coroutine.outerTimeout {
      guard let seconds = outer.number else { throw fail(coroutine.position, "wait_for's timeout must be a number") }
      context.timeout = (seconds, coroutine.outerTimeoutPosition ?? coroutine.position, false)
      facts.timeout = seconds
      facts.timeoutPosition = coroutine.outerTimeoutPosition
    }
    let value = try follow(coroutine, &context, at: coroutine.position)
    facts.okValue = value
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
    if let timeout = facts.timeout, facts.timeoutValue == nil, timeout >= 0 {
      throw fail(
        facts.timeoutPosition ?? coroutine.position,
        "nothing catches this timeout: wrap it in try/except asyncio.TimeoutError and return f\"{name}:timeout\"")
    }
    return facts
  }

  /// Awaits a call of an async function of the program: walks its body.
  mutating func follow(_ coroutine: PyCoroutine, _ outer: inout Context, at position: SourcePosition)
    throws(PythonSyntaxError) -> PyValue
  {
    depth += 1
    defer { depth -= 1 }
    guard depth < 12 else { throw fail(position, "calls nested this deep are outside what lesson reads") }
    guard let function = analyzer.functions[coroutine.function] else {
      throw fail(position, "no async def \(coroutine.function)")
    }
    var context = outer
    context.locals = coroutine.bindings
    if let name = coroutine.bindings["name"], case .string(let text) = name, facts.name.isEmpty { facts.name = text }
    let exit = try walk(function.body, &context)
    outer.semaphore = outer.semaphore ?? context.semaphore
    switch exit {
    case .returned(let value): return value
    case .fellThrough: return .none
    }
  }

  mutating func walk(_ body: [PyStmt], _ context: inout Context) throws(PythonSyntaxError) -> Exit {
    for statement in body {
      if let exit = try step(statement, &context) { return exit }
    }
    return .fellThrough
  }

  /// One statement; a non-nil exit ends the body.
  mutating func step(_ statement: PyStmt, _ context: inout Context) throws(PythonSyntaxError) -> Exit? {
    switch statement {
    case .assign(let targets, let value, _):
      let result = try evaluateAwaiting(value, &context)
      var made = result
      if case .semaphore(let permits, let position, _) = result, case .call = value {
        // A semaphore made inside the per-call function belongs to that call alone.
        made = .semaphore(permits: permits, made: position, perCall: true)
      }
      for target in targets { analyzer.bind(target, made, into: &context.locals) }
      return nil
    case .expression(let value, let position):
      if case .call(let function, let arguments, _) = value, function.dottedName == "time.sleep" {
        let seconds = try number(arguments.first, context, at: position, what: "time.sleep")
        facts.delay += seconds
        facts.cpu = position
        return nil
      }
      if case .call(let function, _, _) = value, function.dottedName == "print" {
        throw fail(position, "print inside a gathered call is outside what lesson reads; print the results in main")
      }
      if case .string = value { return nil }
      _ = try evaluateAwaiting(value, &context)
      return nil
    case .returnStatement(let value, _):
      guard let value else { return .returned(.none) }
      return .returned(try evaluateAwaiting(value, &context))
    case .with(let items, let body, let isAsync, let position):
      var inner = context
      for (item, bound) in items {
        if case .call(let function, let arguments, let at) = item, function.dottedName == "asyncio.timeout" {
          guard isAsync else { throw fail(position, "asyncio.timeout needs async with") }
          let seconds = try number(arguments.first, context, at: at, what: "asyncio.timeout")
          inner.timeout = (seconds, at, inner.semaphore != nil)
          facts.timeout = seconds
          facts.timeoutPosition = at
          // Its TimeoutError is raised where the block ends: the handlers around the block catch it.
          try noteTimeoutHandler(context)
          continue
        }
        let value = try analyzer.evaluate(item, context.locals)
        guard case .semaphore = value, isAsync else {
          throw fail(item.position, "only async with semaphore and async with asyncio.timeout(...) are read here")
        }
        inner.semaphore = value
        inner.semaphorePosition = item.position
        facts.semaphore = value
        facts.semaphorePosition = item.position
        if let timeout = inner.timeout, !timeout.semaphoreHeld { facts.timeoutOutsideSemaphore = true }
        if let bound { inner.locals[bound] = value }
      }
      let exit = try walk(body, &inner)
      context.locals = inner.locals
      return exit == nil ? nil : exit
    case .tryStatement(let body, let handlers, _, _, _):
      var inner = context
      for handler in handlers.reversed() { inner.handlers.append((handler, context.locals)) }
      let exit = try walk(body, &inner)
      context.locals = inner.locals
      return exit
    case .ifStatement(let test, let body, let orElse, _):
      return try walkExit(try analyzer.evaluate(test, context.locals).truthy ? body : orElse, &context)
    case .raise(let value, let position):
      guard let value else { throw fail(position, "a bare raise here is outside what lesson reads") }
      var type = "Exception"
      var message = ""
      if case .call(let function, let arguments, _) = value, let name = function.dottedName {
        type = name.split(separator: ".").last.map(String.init) ?? name
        if case .positional(let argument)? = arguments.first {
          message = try analyzer.evaluate(argument, context.locals).str
        }
      } else if let name = value.dottedName {
        type = name
      }
      facts.raises = (type, message, position)
      try noteErrorHandler(context, type: type)
      return .returned(.none)
    case .pass:
      return nil
    case .forStatement(_, _, _, _, let position), .function(_, _, _, _, let position),
      .augmentedAssign(_, _, _, let position),
      .importStatement(_, let position):
      throw fail(position, "this statement inside a gathered call is outside what lesson reads")
    }
  }

  mutating func walkExit(_ body: [PyStmt], _ context: inout Context) throws(PythonSyntaxError) -> Exit? {
    switch try walk(body, &context) {
    case .fellThrough: return nil
    case let exit: return exit
    }
  }

  /// Evaluates an expression, following `await` into the program's async functions.
  mutating func evaluateAwaiting(_ expression: PyExpr, _ context: inout Context) throws(PythonSyntaxError) -> PyValue {
    guard case .await(let inner, let position) = expression else {
      return try analyzer.evaluate(expression, context.locals)
    }
    if case .call(let function, let arguments, let at) = inner {
      switch function.dottedName {
      case "asyncio.sleep":
        facts.delay += try number(arguments.first, context, at: at, what: "asyncio.sleep")
        return .none
      case "asyncio.wait_for":
        var wrapped: PyExpr?
        var timeoutExpression: PyExpr?
        for (index, argument) in arguments.enumerated() {
          switch argument {
          case .positional(let value): if index == 0 { wrapped = value } else { timeoutExpression = value }
          case .keyword("timeout", let value): timeoutExpression = value
          case .keyword("fut", let value): wrapped = value
          default: throw fail(at, "this wait_for is outside what lesson reads")
          }
        }
        guard let wrapped, let timeoutExpression else { throw fail(at, "wait_for needs an awaitable and a timeout") }
        guard let seconds = try analyzer.evaluate(timeoutExpression, context.locals).number else {
          throw fail(timeoutExpression.position, "wait_for's timeout must be a number")
        }
        var inner = context
        inner.timeout = (seconds, at, context.semaphore != nil)
        facts.timeout = seconds
        facts.timeoutPosition = at
        try noteTimeoutHandler(context)
        let result = try evaluateAwaiting(.await(wrapped, position), &inner)
        if inner.semaphore != nil, context.semaphore == nil { facts.timeoutOutsideSemaphore = true }
        return result
      default:
        break
      }
    }
    let value = try analyzer.evaluate(inner, context.locals)
    guard case .coroutine(let coroutine) = value else {
      throw fail(position, "only awaiting asyncio.sleep, asyncio.wait_for or an async def of this file is read here")
    }
    var calling = context
    if let outer = coroutine.outerTimeout, let seconds = outer.number {
      calling.timeout = (seconds, coroutine.outerTimeoutPosition ?? position, context.semaphore != nil)
      facts.timeout = seconds
      facts.timeoutPosition = coroutine.outerTimeoutPosition
      try noteTimeoutHandler(context)
    }
    let result = try follow(coroutine, &calling, at: position)
    if facts.semaphore != nil, context.semaphore == nil, calling.timeout != nil, context.timeout == nil,
      coroutine.outerTimeout != nil
    {
      facts.timeoutOutsideSemaphore = true
    }
    return result
  }

  func number(_ argument: PyArgument?, _ context: Context, at position: SourcePosition, what: String)
    throws(PythonSyntaxError) -> Double
  {
    guard case .positional(let expression)? = argument,
      let value = try analyzer.evaluate(expression, context.locals).number
    else {
      throw fail(position, "\(what)(...) needs a number of seconds")
    }
    return value
  }

  /// The first handler around `context` that catches a timeout decides its result.
  mutating func noteTimeoutHandler(_ context: Context) throws(PythonSyntaxError) {
    for (handler, locals) in context.handlers.reversed() where Self.catches(handler.type, "TimeoutError") {
      facts.timeoutValue = try handlerValue(handler, locals, exception: .exception(type: "TimeoutError", message: ""))
      return
    }
  }

  /// The first handler around the raise that catches it decides the policy and the result.
  mutating func noteErrorHandler(_ context: Context, type: String) throws(PythonSyntaxError) {
    for (handler, locals) in context.handlers.reversed() where Self.catches(handler.type, type) {
      let value = try handlerValue(
        handler, locals, exception: .exception(type: type, message: facts.raises?.message ?? ""))
      facts.handlerPosition = handler.position
      facts.errorValue = value ?? .none
      facts.errorPolicy = value == nil ? .propagate : (value == PyValue.none ? .swallow : .capture)
      return
    }
    facts.errorPolicy = .propagate
  }

  /// What a handler returns (`nil` when it raises again).
  func handlerValue(_ handler: PyHandler, _ locals: [String: PyValue], exception: PyValue) throws(PythonSyntaxError)
    -> PyValue?
  {
    var scope = locals
    if let name = handler.name { scope[name] = exception }
    for statement in handler.body {
      switch statement {
      case .returnStatement(let value, _):
        return try value.map { (v) throws(PythonSyntaxError) in try analyzer.evaluate(v, scope) } ?? PyValue.none
      case .raise: return nil
      case .pass: continue
      case .expression(.string, _): continue
      case .expression(.call(let function, _, _), let position) where function.dottedName == "print":
        throw fail(
          position, "print in a handler is outside what lesson reads; return f\"{name}:error\" to name the call")
      case .assign(let targets, let value, _):
        let result = try analyzer.evaluate(value, scope)
        for target in targets { analyzer.bind(target, result, into: &scope) }
      default:
        throw fail(statement.position, "this statement in an except block is outside what lesson reads")
      }
    }
    return PyValue.none
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
      "Exception": [],
    ]
    return (ancestors[raised] ?? ["Exception"]).contains(name)
  }
}
