import Foundation

/// A recursive-descent parser for the part of Python 3 that guarded-gather programs use.
///
/// Anything else is a ``PythonSyntaxError`` naming the construct, never a guess.
struct PythonParser {
  static let maximumDepth = 60
  static let keywords: Set<String> = [
    "def", "class", "return", "import", "from", "with", "for", "while", "if", "else", "elif", "try", "except",
    "lambda", "yield", "in", "and", "or", "not", "is", "as", "async", "await", "pass", "raise",
  ]

  private let tokens: [PythonToken]
  private var index = 0
  private var depth = 0

  init(tokens: [PythonToken]) { self.tokens = tokens }

  private var current: PythonToken { tokens[index] }
  private var position: SourcePosition { current.position }

  private func isOp(_ op: String) -> Bool { if case .op(op) = current.kind { true } else { false } }
  private func isName(_ name: String) -> Bool { if case .name(name) = current.kind { true } else { false } }

  private mutating func advance() { if index < tokens.count - 1 { index += 1 } }

  private func fail(_ message: String) -> PythonSyntaxError { PythonSyntaxError(position: position, message: message) }

  private var describe: String {
    switch current.kind {
    case .name(let name): "'\(name)'"
    case .number(_, let text): "the number \(JSONValue.shortened(number: text))"
    case .string: "a string"
    case .op(let op): "'\(op)'"
    case .newline: "the end of the line"
    case .indent: "an indented block"
    case .dedent, .end: "the end of the block"
    }
  }

  private mutating func expect(_ op: String) throws(PythonSyntaxError) {
    guard isOp(op) else { throw fail("expected '\(op)', found \(describe)") }
    advance()
  }

  private mutating func name() throws(PythonSyntaxError) -> String {
    guard case .name(let name) = current.kind else { throw fail("expected a name, found \(describe)") }
    advance()
    return name
  }

  private mutating func enter() throws(PythonSyntaxError) {
    depth += 1
    if depth > Self.maximumDepth { throw fail("nesting deeper than \(Self.maximumDepth) levels") }
  }

  // MARK: Statements

  mutating func module() throws(PythonSyntaxError) -> [PyStmt] {
    var body: [PyStmt] = []
    while current.kind != .end {
      if current.kind == .newline {
        advance()
        continue
      }
      body.append(try statement())
    }
    return body
  }

  private mutating func block() throws(PythonSyntaxError) -> [PyStmt] {
    try expect(":")
    try enter()
    defer { depth -= 1 }
    if current.kind != .newline {
      // A one-line block: `if x: return y`.
      return [try simpleStatement()]
    }
    advance()
    guard current.kind == .indent else { throw fail("expected an indented block") }
    advance()
    var body: [PyStmt] = []
    while current.kind != .dedent && current.kind != .end {
      if current.kind == .newline {
        advance()
        continue
      }
      body.append(try statement())
    }
    advance()
    return body
  }

  private mutating func statement() throws(PythonSyntaxError) -> PyStmt {
    let start = position
    if isOp("@") { throw fail("decorators are outside what lesson reads") }
    if isName("async") {
      advance()
      if isName("def") { return try function(isAsync: true, start: start) }
      if isName("with") { return try withStatement(isAsync: true, start: start) }
      if isName("for") { return try forStatement(isAsync: true, start: start) }
      throw fail("expected def, with or for after async, found \(describe)")
    }
    if isName("def") { return try function(isAsync: false, start: start) }
    if isName("with") { return try withStatement(isAsync: false, start: start) }
    if isName("for") { return try forStatement(isAsync: false, start: start) }
    if isName("if") { return try ifStatement(start: start) }
    if isName("try") {
      advance()
      let body = try block()
      var handlers: [PyHandler] = []
      while isName("except") {
        let handlerStart = position
        advance()
        var type: PyExpr?
        var bound: String?
        if !isOp(":") {
          type = try expression()
          if isName("as") {
            advance()
            bound = try name()
          }
        }
        handlers.append(PyHandler(type: type, name: bound, body: try block(), position: handlerStart))
      }
      var orElse: [PyStmt] = []
      var finally: [PyStmt] = []
      if isName("else") {
        advance()
        orElse = try block()
      }
      if isName("finally") {
        advance()
        finally = try block()
      }
      return .tryStatement(body: body, handlers: handlers, orElse: orElse, finally: finally, start)
    }
    for word in ["class", "while", "lambda", "yield", "global", "nonlocal", "del", "assert", "match"] where isName(word)
    {
      throw fail("'\(word)' is outside what lesson reads")
    }
    return try simpleStatement()
  }

  private mutating func simpleStatement() throws(PythonSyntaxError) -> PyStmt {
    let start = position
    let statement: PyStmt
    if isName("return") {
      advance()
      statement = .returnStatement(current.kind == .newline || isOp(";") ? nil : try expressionList(), start)
    } else if isName("pass") {
      advance()
      statement = .pass(start)
    } else if isName("raise") {
      advance()
      let value = current.kind == .newline ? nil : try expression()
      if isName("from") {
        advance()
        _ = try expression()
      }
      statement = .raise(value, start)
    } else if isName("import") {
      advance()
      var modules = [try dotted()]
      if isName("as") {
        advance()
        _ = try name()
      }
      while isOp(",") {
        advance()
        modules.append(try dotted())
        if isName("as") {
          advance()
          _ = try name()
        }
      }
      statement = .importStatement(modules: modules, start)
    } else if isName("from") {
      advance()
      let module = try dotted()
      guard isName("import") else { throw fail("expected import, found \(describe)") }
      advance()
      while !(current.kind == .newline) {
        advance()
      }
      statement = .importStatement(modules: [module], start)
    } else {
      let value = try expressionList()
      if isOp("=") {
        var targets = [try targetNames(value)]
        advance()
        var right = try expressionList()
        while isOp("=") {
          targets.append(try targetNames(right))
          advance()
          right = try expressionList()
        }
        statement = .assign(targets: targets, right, start)
      } else if case .op(let op) = current.kind, ["+=", "-=", "*=", "/="].contains(op) {
        guard case .name(let target, _) = value else { throw fail("only a name can be updated with \(op)") }
        advance()
        statement = .augmentedAssign(target, op: op, try expression(), start)
      } else if isOp(":") {
        throw fail("annotations are outside what lesson reads")
      } else {
        statement = .expression(value, start)
      }
    }
    if isOp(";") { throw fail("several statements on one line are outside what lesson reads") }
    guard current.kind == .newline || current.kind == .end || current.kind == .dedent else {
      throw fail("unexpected \(describe) at the end of a statement")
    }
    if current.kind == .newline { advance() }
    return statement
  }

  private mutating func dotted() throws(PythonSyntaxError) -> String {
    var parts = [try name()]
    while isOp(".") {
      advance()
      parts.append(try name())
    }
    return parts.joined(separator: ".")
  }

  private func targetNames(_ expression: PyExpr) throws(PythonSyntaxError) -> [String] {
    switch expression {
    case .name(let name, _): return [name]
    case .tuple(let items, _), .list(let items, _):
      var names: [String] = []
      for item in items {
        guard case .name(let name, _) = item else {
          throw PythonSyntaxError(position: item.position, message: "only names can be assigned to here")
        }
        names.append(name)
      }
      return names
    default:
      throw PythonSyntaxError(position: expression.position, message: "only names can be assigned to here")
    }
  }

  private mutating func function(isAsync: Bool, start: SourcePosition) throws(PythonSyntaxError) -> PyStmt {
    advance()
    let functionName = try name()
    try expect("(")
    var parameters: [PyParameter] = []
    while !isOp(")") {
      if isOp("*") || isOp("**") { throw fail("*args and **kwargs are outside what lesson reads") }
      let parameter = try name()
      if isOp(":") {
        advance()
        _ = try expression()
      }
      var defaultValue: PyExpr?
      if isOp("=") {
        advance()
        defaultValue = try expression()
      }
      parameters.append(PyParameter(name: parameter, defaultValue: defaultValue))
      if isOp(",") { advance() } else { break }
    }
    try expect(")")
    if isOp("->") {
      advance()
      _ = try expression()
    }
    return .function(name: functionName, parameters: parameters, body: try block(), isAsync: isAsync, start)
  }

  private mutating func withStatement(isAsync: Bool, start: SourcePosition) throws(PythonSyntaxError) -> PyStmt {
    advance()
    var items: [(PyExpr, String?)] = []
    repeat {
      if isOp(",") { advance() }
      let context = try expression()
      var bound: String?
      if isName("as") {
        advance()
        bound = try name()
      }
      items.append((context, bound))
    } while isOp(",")
    return .with(items: items, body: try block(), isAsync: isAsync, start)
  }

  /// `a`, or `(a, b)`: one target of a `for`.
  private mutating func target() throws(PythonSyntaxError) -> PyTarget {
    guard isOp("(") else { return .name(try name()) }
    advance()
    var items = [try target()]
    while isOp(",") {
      advance()
      if isOp(")") { break }
      items.append(try target())
    }
    try expect(")")
    return .group(items)
  }

  private mutating func targets() throws(PythonSyntaxError) -> [PyTarget] {
    var items = [try target()]
    while isOp(",") {
      advance()
      items.append(try target())
    }
    return items
  }

  private mutating func forStatement(isAsync: Bool, start: SourcePosition) throws(PythonSyntaxError) -> PyStmt {
    advance()
    let targets = try targets()
    guard isName("in") else { throw fail("expected in, found \(describe)") }
    advance()
    let iterable = try expressionList()
    return .forStatement(targets: targets, iterable, body: try block(), isAsync: isAsync, start)
  }

  private mutating func ifStatement(start: SourcePosition) throws(PythonSyntaxError) -> PyStmt {
    advance()
    let test = try expression()
    let body = try block()
    var orElse: [PyStmt] = []
    if isName("elif") {
      orElse = [try ifStatement(start: position)]
    } else if isName("else") {
      advance()
      orElse = try block()
    }
    return .ifStatement(test, body: body, orElse: orElse, start)
  }

  // MARK: Expressions

  /// Expressions separated by commas: a bare tuple.
  private mutating func expressionList() throws(PythonSyntaxError) -> PyExpr {
    let start = position
    let first = try starredOrExpression()
    guard isOp(",") else { return first }
    var items = [first]
    while isOp(",") {
      advance()
      if current.kind == .newline || isOp("=") || isOp(")") { break }
      items.append(try starredOrExpression())
    }
    return .tuple(items, start)
  }

  private mutating func starredOrExpression() throws(PythonSyntaxError) -> PyExpr {
    if isOp("*") {
      let start = position
      advance()
      return .starred(try expression(), start)
    }
    return try expression()
  }

  mutating func expression() throws(PythonSyntaxError) -> PyExpr {
    try enter()
    defer { depth -= 1 }
    if isName("lambda") { throw fail("lambda is outside what lesson reads") }
    let value = try orTest()
    if isName("if") {
      let start = position
      advance()
      let test = try orTest()
      guard isName("else") else { throw fail("expected else, found \(describe)") }
      advance()
      return .conditional(value, test: test, orElse: try expression(), start)
    }
    return value
  }

  private mutating func orTest() throws(PythonSyntaxError) -> PyExpr {
    var left = try andTest()
    while isName("or") {
      let start = position
      advance()
      left = .binary("or", left, try andTest(), start)
    }
    return left
  }

  private mutating func andTest() throws(PythonSyntaxError) -> PyExpr {
    var left = try notTest()
    while isName("and") {
      let start = position
      advance()
      left = .binary("and", left, try notTest(), start)
    }
    return left
  }

  private mutating func notTest() throws(PythonSyntaxError) -> PyExpr {
    if isName("not") {
      let start = position
      advance()
      try enter()
      defer { depth -= 1 }
      return .unary("not", try notTest(), start)
    }
    return try comparison()
  }

  private mutating func comparison() throws(PythonSyntaxError) -> PyExpr {
    var left = try arithmetic()
    while true {
      let start = position
      var op: String?
      if case .op(let symbol) = current.kind, ["==", "!=", "<", ">", "<=", ">="].contains(symbol) {
        op = symbol
        advance()
      } else if isName("in") {
        op = "in"
        advance()
      } else if isName("not"), index + 1 < tokens.count, case .name("in") = tokens[index + 1].kind {
        op = "not in"
        advance()
        advance()
      } else if isName("is") {
        advance()
        if isName("not") {
          advance()
          op = "is not"
        } else {
          op = "is"
        }
      }
      guard let op else { return left }
      left = .binary(op, left, try arithmetic(), start)
    }
  }

  private mutating func arithmetic() throws(PythonSyntaxError) -> PyExpr {
    var left = try term()
    while case .op(let op) = current.kind, op == "+" || op == "-" {
      let start = position
      advance()
      left = .binary(op, left, try term(), start)
    }
    return left
  }

  private mutating func term() throws(PythonSyntaxError) -> PyExpr {
    var left = try factor()
    while case .op(let op) = current.kind, ["*", "/", "//", "%"].contains(op) {
      let start = position
      advance()
      left = .binary(op, left, try factor(), start)
    }
    return left
  }

  private mutating func factor() throws(PythonSyntaxError) -> PyExpr {
    if case .op(let op) = current.kind, op == "-" || op == "+" {
      let start = position
      advance()
      try enter()
      defer { depth -= 1 }
      return .unary(op, try factor(), start)
    }
    let base = try awaitExpression()
    if isOp("**") {
      let start = position
      advance()
      return .binary("**", base, try factor(), start)
    }
    return base
  }

  private mutating func awaitExpression() throws(PythonSyntaxError) -> PyExpr {
    if isName("await") {
      let start = position
      advance()
      return .await(try primary(), start)
    }
    return try primary()
  }

  private mutating func primary() throws(PythonSyntaxError) -> PyExpr {
    var value = try atom()
    while true {
      let start = position
      if isOp(".") {
        advance()
        value = .attribute(value, try name(), start)
      } else if isOp("(") {
        advance()
        value = .call(value, try arguments(), value.position)
      } else if isOp("[") {
        advance()
        let key = try expression()
        if isOp(":") { throw fail("slices are outside what lesson reads") }
        try expect("]")
        value = .subscript(value, key, start)
      } else {
        return value
      }
    }
  }

  private mutating func arguments() throws(PythonSyntaxError) -> [PyArgument] {
    var arguments: [PyArgument] = []
    while !isOp(")") {
      if isOp("*") {
        advance()
        arguments.append(.starred(try expression()))
      } else if isOp("**") {
        throw fail("**kwargs are outside what lesson reads")
      } else if case .name(let keyword) = current.kind, index + 1 < tokens.count, case .op("=") = tokens[index + 1].kind
      {
        advance()
        advance()
        arguments.append(.keyword(keyword, try expression()))
      } else {
        let value = try expression()
        if isName("for") {
          // A generator expression as the only argument: sum(x for x in y).
          arguments.append(.positional(try comprehension(value, start: value.position, closing: ")")))
          return arguments
        }
        arguments.append(.positional(value))
      }
      if isOp(",") { advance() } else { break }
    }
    try expect(")")
    return arguments
  }

  /// The `for … in … if …` part of a comprehension whose element was just read; consumes `closing`.
  private mutating func comprehension(_ element: PyExpr, start: SourcePosition, closing: String)
    throws(PythonSyntaxError)
    -> PyExpr
  {
    advance()
    let targets = try targets()
    guard isName("in") else { throw fail("expected in, found \(describe)") }
    advance()
    let iterable = try orTest()
    var conditions: [PyExpr] = []
    while isName("if") {
      advance()
      conditions.append(try orTest())
    }
    if isName("for") { throw fail("nested comprehensions are outside what lesson reads") }
    try expect(closing)
    return .comprehension(element: element, targets: targets, iterable: iterable, conditions: conditions, start)
  }

  private mutating func atom() throws(PythonSyntaxError) -> PyExpr {
    let start = position
    switch current.kind {
    case .name(let word):
      if [
        "def", "class", "return", "import", "from", "with", "for", "while", "if", "else", "elif", "try", "except",
        "lambda", "yield", "in", "and", "or", "not", "is", "as", "async", "await", "pass", "raise",
      ].contains(word) {
        throw fail("expected a value, found '\(word)'")
      }
      advance()
      switch word {
      case "None": return .none(start)
      case "True": return .bool(true, start)
      case "False": return .bool(false, start)
      default: return .name(word, start)
      }
    case .number(let value, let text):
      advance()
      return .number(value, text: text, start)
    case .string(let first, let isFormat):
      advance()
      var parts: [PyExpr] = [try stringValue(first, isFormat: isFormat, start: start)]
      // Adjacent literals join: "a" "b".
      while case .string(let next, let format) = current.kind {
        let at = position
        advance()
        parts.append(try stringValue(next, isFormat: format, start: at))
      }
      if parts.count == 1 { return parts[0] }
      var joined: [PyExpr.FPart] = []
      for part in parts {
        switch part {
        case .string(let text, _): joined.append(.text(text))
        case .fstring(let inner, _): joined.append(contentsOf: inner)
        default: break
        }
      }
      return .fstring(joined, start)
    case .op("("):
      advance()
      if isOp(")") {
        advance()
        return .tuple([], start)
      }
      let first = try starredOrExpression()
      if isName("for") { return try comprehension(first, start: start, closing: ")") }
      if isOp(")") {
        advance()
        return first
      }
      var items = [first]
      while isOp(",") {
        advance()
        if isOp(")") { break }
        items.append(try starredOrExpression())
      }
      try expect(")")
      return .tuple(items, start)
    case .op("["):
      advance()
      if isOp("]") {
        advance()
        return .list([], start)
      }
      let first = try starredOrExpression()
      if isName("for") {
        let value = try comprehension(first, start: start, closing: "]")
        return .call(.name("list", start), [.positional(value)], start)
      }
      var items = [first]
      while isOp(",") {
        advance()
        if isOp("]") { break }
        items.append(try starredOrExpression())
      }
      try expect("]")
      return .list(items, start)
    case .op("{"):
      advance()
      if isOp("}") {
        advance()
        return .dict(start)
      }
      throw PythonSyntaxError(position: start, message: "dict and set literals are outside what lesson reads")
    default:
      throw fail("expected a value, found \(describe)")
    }
  }

  /// A string token as a value; an f-string's `{…}` parts are parsed as expressions.
  private func stringValue(_ text: String, isFormat: Bool, start: SourcePosition) throws(PythonSyntaxError) -> PyExpr {
    guard isFormat else { return .string(text, start) }
    var parts: [PyExpr.FPart] = []
    var literal = ""
    var scalars = Array(text)
    scalars.append("\u{0}")
    var i = 0
    while i < scalars.count - 1 {
      let c = scalars[i]
      if c == "{" && scalars[i + 1] == "{" {
        literal.append("{")
        i += 2
        continue
      }
      if c == "}" && scalars[i + 1] == "}" {
        literal.append("}")
        i += 2
        continue
      }
      if c == "{" {
        var j = i + 1
        var nesting = 0
        while j < scalars.count - 1, !(scalars[j] == "}" && nesting == 0) {
          if scalars[j] == "{" || scalars[j] == "(" || scalars[j] == "[" { nesting += 1 }
          if (scalars[j] == "}" || scalars[j] == ")" || scalars[j] == "]") && nesting > 0 { nesting -= 1 }
          j += 1
        }
        guard j < scalars.count - 1 else {
          throw PythonSyntaxError(position: start, message: "an f-string's '{' is never closed")
        }
        var inner = String(scalars[(i + 1)..<j])
        if let bang = inner.firstIndex(of: "!"), !inner.contains("!=") { inner = String(inner[..<bang]) }
        if let colon = inner.lastIndex(of: ":"), !inner[colon...].contains(")") { inner = String(inner[..<colon]) }
        if !literal.isEmpty {
          parts.append(.text(literal))
          literal = ""
        }
        var tokenizer = PythonTokenizer()
        let innerTokens = try tokenizer.tokenize(inner.trimmingCharacters(in: .whitespaces))
        var parser = PythonParser(tokens: innerTokens)
        let value = try parser.expression()
        parts.append(.value(value.relocated(to: start)))
        i = j + 1
        continue
      }
      literal.append(c)
      i += 1
    }
    if !literal.isEmpty { parts.append(.text(literal)) }
    return .fstring(parts, start)
  }
}

extension PyExpr {
  /// The same expression, reported at `position` (an f-string's inner parts have no position of
  /// their own in the file).
  func relocated(to position: SourcePosition) -> PyExpr {
    switch self {
    case .name(let n, _): .name(n, position)
    case .attribute(let base, let n, _): .attribute(base.relocated(to: position), n, position)
    case .call(let f, let args, _): .call(f.relocated(to: position), args, position)
    default: self
    }
  }
}
