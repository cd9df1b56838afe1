import Foundation
import GuardedGather

/// What one gathered call does, read off the program.
struct PyCallFacts {
  var name: String
  var position: SourcePosition
  var delay: Double = 0
  var cpu: SourcePosition?
  var raises: (type: String, message: String, position: SourcePosition)?
  var okValue: PyValue = .none
  var timeout: Double?
  var timeoutPosition: SourcePosition?
  var timeoutOutsideSemaphore = false
  var semaphore: PyValue?
  var semaphorePosition: SourcePosition?
  /// The value the timeout handler returns, or `nil` when no handler catches the timeout.
  var timeoutValue: PyValue?
  var errorPolicy: GatherErrorPolicy = .propagate
  var errorValue: PyValue = .none
  var handlerPosition: SourcePosition?
}

/// Reads a guarded-gather program: its constants, its `main`, the gathered calls and what each does.
struct PythonAnalyzer {
  var functions: [String: (parameters: [PyParameter], body: [PyStmt], isAsync: Bool, position: SourcePosition)] = [:]
  var globals: [String: PyValue] = [:]
  var mainName = "main"
  var mainPosition = SourcePosition(line: 1, column: 1)

  init() {}

  func fail(_ position: SourcePosition, _ message: String) -> PythonSyntaxError {
    PythonSyntaxError(position: position, message: message)
  }

  // MARK: The module

  mutating func readModule(_ body: [PyStmt]) throws(PythonSyntaxError) {
    var entry: (String, SourcePosition)?
    func findEntry(_ statements: [PyStmt]) {
      for statement in statements {
        if case .expression(.call(let function, let arguments, let position), _) = statement,
          function.dottedName == "asyncio.run", case .positional(.call(let main, _, _))? = arguments.first,
          let name = main.dottedName
        {
          entry = (name, position)
        }
        if case .ifStatement(_, let body, _, _) = statement { findEntry(body) }
      }
    }
    for statement in body {
      switch statement {
      case .function(let name, let parameters, let body, let isAsync, let position):
        functions[name] = (parameters, body, isAsync, position)
      case .assign(let targets, let value, _):
        if let result = try? evaluate(value, [:]) {
          for target in targets { bind(target, result, into: &globals) }
        }
      default: break
      }
    }
    findEntry(body)
    guard let (name, _) = entry else {
      throw fail(SourcePosition(line: 1, column: 1), "no asyncio.run(main()) to start the program")
    }
    guard let main = functions[name], main.isAsync else {
      throw fail(
        SourcePosition(line: 1, column: 1), "asyncio.run starts \(name), which is not an async def in this file")
    }
    mainName = name
    mainPosition = main.position
  }

  /// Binds `for` targets, unpacking groups.
  func bind(
    _ targets: [PyTarget], _ value: PyValue, into environment: inout [String: PyValue], at position: SourcePosition
  )
    throws(PythonSyntaxError)
  {
    if targets.count == 1, case .name(let name) = targets[0] {
      environment[name] = value
      return
    }
    let items = try elements(of: value, at: position)
    guard items.count == targets.count else {
      throw fail(position, "cannot unpack \(items.count) values into \(targets.count) names")
    }
    for (target, item) in zip(targets, items) {
      switch target {
      case .name(let name): environment[name] = item
      case .group(let inner): try bind(inner, item, into: &environment, at: position)
      }
    }
  }

  func bind(_ targets: [String], _ value: PyValue, into environment: inout [String: PyValue]) {
    if targets.count == 1 {
      environment[targets[0]] = value
    } else if case .tuple(let items) = value, items.count == targets.count {
      for (name, item) in zip(targets, items) { environment[name] = item }
    } else if case .list(let items) = value, items.count == targets.count {
      for (name, item) in zip(targets, items) { environment[name] = item }
    }
  }

  // MARK: Expressions

  /// Evaluates an expression that does not await.
  func evaluate(_ expression: PyExpr, _ locals: [String: PyValue]) throws(PythonSyntaxError) -> PyValue {
    switch expression {
    case .number(let value, let text, _):
      let isFloat = text.contains(".") || text.lowercased().contains("e")
      return isFloat || value != value.rounded() || abs(value) > 1e15 ? .float(value) : .int(Int(value))
    case .string(let text, _): return .string(text)
    case .none: return .none
    case .bool(let value, _): return .bool(value)
    case .fstring(let parts, _):
      var text = ""
      for part in parts {
        switch part {
        case .text(let literal): text += literal
        case .value(let inner): text += try evaluate(inner, locals).str
        }
      }
      return .string(text)
    case .name(let name, let position):
      if let value = locals[name] ?? globals[name] { return value }
      throw fail(position, "'\(name)' has no value lesson can work out here")
    case .tuple(let items, _):
      return .tuple(try items.map { (item) throws(PythonSyntaxError) in try evaluate(item, locals) })
    case .list(let items, _):
      var values: [PyValue] = []
      for item in items {
        if case .starred(let inner, _) = item {
          values.append(contentsOf: try elements(of: try evaluate(inner, locals), at: inner.position))
        } else {
          values.append(try evaluate(item, locals))
        }
      }
      return .list(values)
    case .comprehension(let element, let targets, let iterable, let conditions, let position):
      var values: [PyValue] = []
      for item in try elements(of: try evaluate(iterable, locals), at: position) {
        var scope = locals
        try bind(targets, item, into: &scope, at: position)
        var keep = true
        for condition in conditions where keep { keep = try evaluate(condition, scope).truthy }
        if keep { values.append(try evaluate(element, scope)) }
      }
      return .list(values)
    case .unary(let op, let operand, let position):
      let value = try evaluate(operand, locals)
      switch (op, value) {
      case ("not", _): return .bool(!value.truthy)
      case ("-", .int(let n)): return .int(-n)
      case ("-", .float(let n)): return .float(-n)
      case ("+", .int), ("+", .float): return value
      default: throw fail(position, "'\(op)' on \(value.repr) is outside what lesson reads")
      }
    case .binary(let op, let left, let right, let position):
      return try binary(op, try evaluate(left, locals), try evaluate(right, locals), at: position)
    case .conditional(let value, let test, let orElse, _):
      return try evaluate(test, locals).truthy ? try evaluate(value, locals) : try evaluate(orElse, locals)
    case .subscript(let base, let key, let position):
      let container = try evaluate(base, locals)
      guard case .int(var index) = try evaluate(key, locals) else {
        throw fail(position, "only a whole-number index is read here")
      }
      let items = try elements(of: container, at: position)
      if index < 0 { index += items.count }
      guard items.indices.contains(index) else { throw fail(position, "the index \(index) is out of range") }
      return items[index]
    case .call(let function, let arguments, let position):
      return try call(function, arguments, locals, at: position)
    case .attribute(_, _, let position):
      throw fail(position, "the attribute \(expression.dottedName ?? "…") is outside what lesson reads")
    case .await(_, let position):
      throw fail(position, "await here is outside what lesson reads")
    case .dict(let position):
      throw fail(position, "dicts are outside what lesson reads")
    case .starred(_, let position):
      throw fail(position, "a starred value here is outside what lesson reads")
    }
  }

  func elements(of value: PyValue, at position: SourcePosition) throws(PythonSyntaxError) -> [PyValue] {
    switch value {
    case .list(let items), .tuple(let items): return items
    case .string(let text): return text.map { .string(String($0)) }
    default: throw fail(position, "\(value.repr) is not a list lesson can go through")
    }
  }

  /// The longest string an expression may build.
  static let longestString = 1_000_000
  /// The largest integer lesson computes with: every integer up to it is exact as a `Double`.
  static let largestInteger = 9_007_199_254_740_992.0

  /// `value` as a Python `int`, refusing what is not finite or beyond 2**53 (Python's integers
  /// have no bound; a Swift `Int` traps, and no lesson needs such a number).
  func integer(_ value: Double, at position: SourcePosition) throws(PythonSyntaxError) -> PyValue {
    guard value.isFinite, abs(value) < Self.largestInteger else {
      throw fail(position, "an integer beyond 2**53 is outside what lesson reads")
    }
    return .int(Int(value))
  }

  func binary(_ op: String, _ left: PyValue, _ right: PyValue, at position: SourcePosition) throws(PythonSyntaxError)
    -> PyValue
  {
    switch op {
    case "and": return left.truthy ? right : left
    case "or": return left.truthy ? left : right
    case "==": return .bool(left == right || (left.number != nil && left.number == right.number))
    case "!=": return .bool(!(left == right || (left.number != nil && left.number == right.number)))
    case "is": return .bool(left == right)
    case "is not": return .bool(left != right)
    case "in", "not in":
      let found: Bool
      if case .string(let haystack) = right, case .string(let needle) = left {
        found = haystack.contains(needle)
      } else {
        found = try elements(of: right, at: position).contains(left)
      }
      return .bool(op == "in" ? found : !found)
    default: break
    }
    if case .string(let a) = left, case .string(let b) = right, op == "+" { return .string(a + b) }
    if case .list(let a) = left, case .list(let b) = right, op == "+" { return .list(a + b) }
    if case .string(let a) = left, case .int(let n) = right, op == "*" {
      guard n <= 0 || a.isEmpty || n <= Self.longestString / a.count else {
        throw fail(position, "a string of more than \(Self.longestString) characters is outside what lesson reads")
      }
      return .string(String(repeating: a, count: max(0, n)))
    }
    guard let a = left.number, let b = right.number else {
      throw fail(position, "'\(op)' on \(left.repr) and \(right.repr) is outside what lesson reads")
    }
    let bothInts: Bool = {
      if case .int = left, case .int = right { return true }
      if case .bool = left, case .int = right { return true }
      if case .int = left, case .bool = right { return true }
      return false
    }()
    switch op {
    case "<": return .bool(a < b)
    case ">": return .bool(a > b)
    case "<=": return .bool(a <= b)
    case ">=": return .bool(a >= b)
    case "+": return bothInts ? try integer(a + b, at: position) : .float(a + b)
    case "-": return bothInts ? try integer(a - b, at: position) : .float(a - b)
    case "*": return bothInts ? try integer(a * b, at: position) : .float(a * b)
    case "/":
      guard b != 0 else { throw fail(position, "division by zero") }
      return .float(a / b)
    case "//":
      guard b != 0 else { throw fail(position, "division by zero") }
      guard bothInts else { return .float((a / b).rounded(.down)) }
      let (x, y) = (Int(a), Int(b))
      return .int(x / y - (x % y != 0 && (x < 0) != (y < 0) ? 1 : 0))
    case "%":
      guard b != 0 else { throw fail(position, "division by zero") }
      guard bothInts else { return .float(a - b * (a / b).rounded(.down)) }
      let (x, y) = (Int(a), Int(b))
      let r = x % y
      return .int(r != 0 && (r < 0) != (y < 0) ? r + y : r)
    case "**": return bothInts && b >= 0 ? try integer(pow(a, b), at: position) : .float(pow(a, b))
    default: throw fail(position, "'\(op)' is outside what lesson reads")
    }
  }

  func call(_ function: PyExpr, _ arguments: [PyArgument], _ locals: [String: PyValue], at position: SourcePosition)
    throws(PythonSyntaxError) -> PyValue
  {
    func positional() throws(PythonSyntaxError) -> [PyValue] {
      var values: [PyValue] = []
      for argument in arguments {
        switch argument {
        case .positional(let value): values.append(try evaluate(value, locals))
        case .starred(let value):
          values.append(contentsOf: try elements(of: try evaluate(value, locals), at: value.position))
        case .keyword: break
        }
      }
      return values
    }
    func keyword(_ name: String) throws(PythonSyntaxError) -> PyValue? {
      for case .keyword(name, let value) in arguments { return try evaluate(value, locals) }
      return nil
    }
    // A method on a value: results.count(x), name.endswith(":timeout"), ", ".join(list).
    if case .attribute(let base, let method, _) = function,
      base.dottedName.map({ !$0.hasPrefix("asyncio") && !$0.hasPrefix("time") }) ?? true
    {
      let receiver = try evaluate(base, locals)
      let values = try positional()
      switch (receiver, method) {
      case (.string(let text), "endswith"):
        guard case .string(let suffix)? = values.first else { break }
        return .bool(text.hasSuffix(suffix))
      case (.string(let text), "startswith"):
        guard case .string(let prefix)? = values.first else { break }
        return .bool(text.hasPrefix(prefix))
      case (.string(let text), "upper"): return .string(text.uppercased())
      case (.string(let text), "lower"): return .string(text.lowercased())
      case (.string(let text), "strip"): return .string(text.trimmingCharacters(in: .whitespacesAndNewlines))
      case (.string(let separator), "join"):
        guard let first = values.first else { break }
        return .string(try elements(of: first, at: position).map(\.str).joined(separator: separator))
      case (.string(let text), "split"):
        if case .string(let separator)? = values.first {
          return .list(text.components(separatedBy: separator).map { .string($0) })
        }
        return .list(text.split(separator: " ").map { .string(String($0)) })
      case (.list(let items), "count"), (.tuple(let items), "count"):
        guard let first = values.first else { break }
        return .int(items.count(where: { $0 == first }))
      default: break
      }
      throw fail(position, "the method \(method) is outside what lesson reads")
    }
    guard let name = function.dottedName else { throw fail(position, "this call is outside what lesson reads") }
    switch name {
    case "asyncio.Semaphore", "asyncio.BoundedSemaphore":
      let named = try keyword("value")
      let permits = try positional().first ?? named ?? .int(1)
      guard case .int(let n) = permits, n >= 0 else {
        throw fail(position, "Semaphore takes a whole number of permits")
      }
      return .semaphore(permits: n, made: position, perCall: false)
    case "asyncio.wait_for":
      var values = try positional()
      guard !values.isEmpty, case .coroutine(var coroutine) = values.removeFirst() else {
        throw fail(position, "wait_for here must wrap a call of an async function of this file")
      }
      let named = try keyword("timeout")
      guard let timeout = values.first ?? named else {
        throw fail(position, "wait_for needs a timeout")
      }
      coroutine.outerTimeout = timeout
      coroutine.outerTimeoutPosition = position
      return .coroutine(coroutine)
    case "len": return .int(try elements(of: try positional().first ?? .none, at: position).count)
    case "sum":
      var total = PyValue.int(0)
      for item in try elements(of: try positional().first ?? .none, at: position) {
        total = try binary("+", total, item, at: position)
      }
      return total
    case "str": return .string(try positional().first?.str ?? "")
    case "repr": return .string(try positional().first?.repr ?? "")
    case "int":
      guard let number = try positional().first?.number else {
        throw fail(position, "int() of this is outside what lesson reads")
      }
      return try integer(number.rounded(.towardZero), at: position)
    case "float":
      guard let number = try positional().first?.number else {
        throw fail(position, "float() of this is outside what lesson reads")
      }
      return .float(number)
    case "round":
      let values = try positional()
      guard let number = values.first?.number else {
        throw fail(position, "round() of this is outside what lesson reads")
      }
      if let digits = values.dropFirst().first?.number {
        let scale = pow(10, digits)
        return .float((number * scale).rounded(.toNearestOrEven) / scale)
      }
      return try integer(number.rounded(.toNearestOrEven), at: position)
    case "list", "tuple", "sorted":
      let items = try elements(of: try positional().first ?? .list([]), at: position)
      if name == "sorted" {
        return .list(items.sorted { a, b in a.number.flatMap { x in b.number.map { x < $0 } } ?? (a.str < b.str) })
      }
      return name == "tuple" ? .tuple(items) : .list(items)
    case "max", "min":
      let values = try positional()
      let items = values.count == 1 ? try elements(of: values[0], at: position) : values
      guard let numbers = Optional(items.compactMap(\.number)), numbers.count == items.count, !numbers.isEmpty else {
        throw fail(position, "\(name)() of this is outside what lesson reads")
      }
      let chosen = name == "max" ? numbers.max()! : numbers.min()!
      return items.first { $0.number == chosen }!
    case "range":
      var values: [Int] = []
      for number in try positional().compactMap(\.number) {
        guard case .int(let value) = try integer(number.rounded(.towardZero), at: position) else { continue }
        values.append(value)
      }
      let (low, high) = values.count == 1 ? (0, values[0]) : (values.first ?? 0, values.dropFirst().first ?? 0)
      guard high - low <= 100_000 else { throw fail(position, "range() this long is outside what lesson reads") }
      return .list(low < high ? (low..<high).map { .int($0) } : [])
    case "enumerate":
      let items = try elements(of: try positional().first ?? .list([]), at: position)
      return .list(items.enumerated().map { .tuple([.int($0.offset), $0.element]) })
    case "zip":
      let lists = try positional().map { (value) throws(PythonSyntaxError) in try elements(of: value, at: position) }
      let count = lists.map(\.count).min() ?? 0
      return .list((0..<count).map { index in .tuple(lists.map { $0[index] }) })
    default:
      if let target = functions[name], target.isAsync {
        return .coroutine(try bindCall(name, target.parameters, arguments, locals, at: position))
      }
      throw fail(position, "the call \(name)() is outside what lesson reads")
    }
  }

  /// Binds a call's arguments to the async function's parameters.
  func bindCall(
    _ name: String, _ parameters: [PyParameter], _ arguments: [PyArgument], _ locals: [String: PyValue],
    at position: SourcePosition
  ) throws(PythonSyntaxError) -> PyCoroutine {
    var bindings: [String: PyValue] = [:]
    var index = 0
    for argument in arguments {
      switch argument {
      case .positional(let value):
        guard index < parameters.count else { throw fail(position, "\(name)() takes \(parameters.count) arguments") }
        bindings[parameters[index].name] = try evaluate(value, locals)
        index += 1
      case .starred(let value):
        for item in try elements(of: try evaluate(value, locals), at: value.position) {
          guard index < parameters.count else { throw fail(position, "\(name)() takes \(parameters.count) arguments") }
          bindings[parameters[index].name] = item
          index += 1
        }
      case .keyword(let keyword, let value):
        guard parameters.contains(where: { $0.name == keyword }) else {
          throw fail(position, "\(name)() has no parameter \(keyword)")
        }
        bindings[keyword] = try evaluate(value, locals)
      }
    }
    for parameter in parameters where bindings[parameter.name] == nil {
      guard let defaultValue = parameter.defaultValue else {
        throw fail(position, "\(name)() is called without \(parameter.name)")
      }
      bindings[parameter.name] = try evaluate(defaultValue, [:])
    }
    return PyCoroutine(function: name, bindings: bindings, position: position)
  }
}
