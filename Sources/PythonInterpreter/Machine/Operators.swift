import Foundation
import PythonSyntax
import PythonValues

extension BinaryOperator {
  var symbol: String {
    switch self {
    case .add: "+"
    case .sub: "-"
    case .mult: "*"
    case .matMult: "@"
    case .div: "/"
    case .mod: "%"
    case .pow: "**"
    case .lShift: "<<"
    case .rShift: ">>"
    case .bitOr: "|"
    case .bitXor: "^"
    case .bitAnd: "&"
    case .floorDiv: "//"
    }
  }
  var dunder: String {
    switch self {
    case .add: "add"
    case .sub: "sub"
    case .mult: "mul"
    case .matMult: "matmul"
    case .div: "truediv"
    case .mod: "mod"
    case .pow: "pow"
    case .lShift: "lshift"
    case .rShift: "rshift"
    case .bitOr: "or"
    case .bitXor: "xor"
    case .bitAnd: "and"
    case .floorDiv: "floordiv"
    }
  }
}

extension Machine {
  /// The number as a Double when it is an int or a float.
  func asDouble(_ o: PyObject) throws -> Double? {
    if let f = o as? FloatObject { return f.value }
    if let i = o as? IntObject {
      if let s = i.intValue { return Double(s) }
      return try values { () throws(PythonValuesError) in try i.value.toDouble() }
    }
    return nil
  }

  /// Whether `o`'s class, written in Python, defines the special method itself (`Counter.__or__`,
  /// `OrderedDict.__eq__`), so that the built-in type's fast path must not answer for it.
  /// `dict.__eq__`: the same keys with equal values, in any order.
  func dictEquals(_ a: DictObject, _ b: DictObject) throws -> Bool {
    guard a.count == b.count else { return false }
    // Nested dictionaries compare recursively, as lists do (``sequenceCompare``).
    reprDepth += 1
    defer { reprDepth -= 1 }
    if nestingTooDeep(reprDepth) {
      throw raising(pyError(Types.RecursionError, "maximum recursion depth exceeded in comparison"))
    }
    for (k, v) in a.pairs {
      guard let w = try b.get(k, self), try eq(v, w) else { return false }
    }
    return true
  }

  func overrides(_ o: PyObject, _ name: String) -> Bool {
    !o.type.isBuiltin && o.type.lookup(name) is FunctionObject
  }

  func binaryOp(_ l: PyObject, _ r: PyObject, _ op: BinaryOperator) throws -> PyObject {
    if let v = try builtinBinary(l, r, op) { return v }
    // `int | None`, `list[int] | str`: a `types.UnionType`, as `type.__or__` makes it.
    if op == .bitOr, isUnionable(l), isUnionable(r) { return try union(l, r) }
    // User classes: __op__, then __rop__.
    let lt = l.type
    let rt = r.type
    let rightFirst = rt !== lt && rt.isSubtype(of: lt) && !rt.isBuiltin
    if rightFirst, let rf = rt.lookup("__r\(op.dunder)__"), !(rf is BuiltinFunctionObject) {
      let v = try call(rf, Args([r, l]))
      if v !== SentinelObject.notImplemented { return v }
    }
    // A subclass of a built-in type that does not define the operator itself has only the built-in
    // type's (which the fast paths above and the errors below stand for; calling it would come back here).
    if !lt.isBuiltin, let lf = lt.lookup("__\(op.dunder)__"), !(lf is BuiltinFunctionObject) {
      let v = try call(lf, Args([l, r]))
      if v !== SentinelObject.notImplemented { return v }
    }
    if !rightFirst, !rt.isBuiltin, rt !== lt, let rf = rt.lookup("__r\(op.dunder)__"), !(rf is BuiltinFunctionObject) {
      let v = try call(rf, Args([r, l]))
      if v !== SentinelObject.notImplemented { return v }
    }
    if op == .mod, l is StrObject { return try percentFormat(l as! StrObject, r) }
    if op == .add, l is StrObject, !(r is StrObject) {
      throw typeError("can only concatenate str (not \"\(typeName(r))\") to str")
    }
    if op == .add, l is ListObject, !(r is ListObject) {
      throw typeError("can only concatenate list (not \"\(typeName(r))\") to list")
    }
    if op == .add, l is TupleObject, !(r is TupleObject) {
      throw typeError("can only concatenate tuple (not \"\(typeName(r))\") to tuple")
    }
    if op == .mult,
      l is StrObject || l is ListObject || l is TupleObject || r is StrObject || r is ListObject || r is TupleObject
    {
      let seq = (l is StrObject || l is ListObject || l is TupleObject) ? l : r
      let other = seq === l ? r : l
      throw typeError("can't multiply sequence by non-int of type '\(typeName(other))'")
    }
    if op == .pow {
      throw typeError("unsupported operand type(s) for ** or pow(): '\(typeName(l))' and '\(typeName(r))'")
    }
    throw typeError("unsupported operand type(s) for \(op.symbol): '\(typeName(l))' and '\(typeName(r))'")
  }

  func inplaceOp(_ l: PyObject, _ r: PyObject, _ op: BinaryOperator) throws -> PyObject {
    if let list = l as? ListObject, list.type.behavesAsBuiltin {
      if op == .add {
        let new = try iterate(r)
        list.items.append(contentsOf: new)
        try checkElements(list.items.count, added: new.count)
        return list
      }
    }
    if let s = l as? SetObject, !s.frozen, let o = r as? SetObject {
      switch op {
      case .bitOr:
        for x in o.items { try s.add(x, self) }
        if s.count > 1, o.count > 0 { s.order.exact = false }
        return s
      default: break
      }
    }
    if let d = l as? DictObject, op == .bitOr, version.minor >= 9 {
      try mergeMapping(into: d, r, isCall: false)
      return d
    }
    if !l.type.isBuiltin, let f = l.type.lookup("__i\(op.dunder)__") {
      let v = try call(f, Args([l, r]))
      if v !== SentinelObject.notImplemented { return v }
    }
    do {
      return try binaryOp(l, r, op)
    } catch let e as ExceptionObject where e.cls === Types.TypeError {
      if let m = (e.args.first as? StrObject)?.value, m.hasPrefix("unsupported operand type(s) for ") {
        throw typeError("unsupported operand type(s) for \(op.symbol)=: '\(typeName(l))' and '\(typeName(r))'")
      }
      throw e
    }
  }

  /// A set-like dict view: `d.keys()` or `d.items()` (not `d.values()`).
  func isSetView(_ o: PyObject) -> Bool { (o as? DictViewObject).map { $0.kind != .values } ?? false }

  /// The elements of an iterable as a new set, added in iteration order.
  func setOf(_ o: PyObject) throws -> SetObject {
    if let s = o as? SetObject { return s }
    let out = SetObject()
    for x in try iterate(o) { try out.add(x, self) }
    return out
  }

  /// The operators a float takes (the others, `<<` and `&` among them, name both operands' types).
  private static let floatOperators: Set<BinaryOperator> = [.add, .sub, .mult, .div, .floorDiv, .mod, .pow]

  private func builtinBinary(_ l: PyObject, _ r: PyObject, _ op: BinaryOperator) throws -> PyObject? {
    if let a = l as? IntObject, let b = r as? IntObject {
      return try intBinary(a.value, b.value, op)
    }
    if (l is FloatObject || l is IntObject) && (r is FloatObject || r is IntObject), Self.floatOperators.contains(op) {
      guard let x = try asDouble(l), let y = try asDouble(r) else { return nil }
      return try floatBinary(x, y, op)
    }
    // `d.keys()` and `d.items()` are sets too: with any iterable, `& | - ^` make a new set.
    if op == .bitAnd || op == .bitOr || op == .sub || op == .bitXor, isSetView(l) || isSetView(r) {
      // The result is a set whatever the left side is (a frozenset or a list too).
      let left = SetObject()
      for x in try iterate(l) { try left.add(x, self) }
      return try setBinary(left, try setOf(r), op)
    }
    switch (l, r) {
    case (let a as StrObject, let b as StrObject):
      if op == .add {
        try checkElements(a.value.utf8.count + b.value.utf8.count)
        return StrObject(a.value + b.value)
      }
      if op == .mod { return try percentFormat(a, b) }
    case (let a as StrObject, let n as IntObject) where op == .mult:
      return StrObject(try repeated(a.value, n))
    case (let n as IntObject, let a as StrObject) where op == .mult:
      return StrObject(try repeated(a.value, n))
    case (let a as ListObject, let b as ListObject) where op == .add:
      try checkElements(a.items.count + b.items.count)
      return ListObject(a.items + b.items)
    case (let a as ListObject, let n as IntObject) where op == .mult:
      return ListObject(try repeatedItems(a.items, n))
    case (let n as IntObject, let a as ListObject) where op == .mult:
      return ListObject(try repeatedItems(a.items, n))
    case (let a as TupleObject, let b as TupleObject) where op == .add:
      try checkElements(a.items.count + b.items.count)
      return TupleObject(a.items + b.items)
    case (let a as TupleObject, let n as IntObject) where op == .mult:
      return TupleObject(try repeatedItems(a.items, n))
    case (let a as SetObject, let b as SetObject):
      return try setBinary(a, b, op)
    case (let a as DictObject, let b as DictObject)
    where op == .bitOr && !overrides(a, "__or__") && !overrides(b, "__ror__"):
      let d = a.copy()
      try mergeMapping(into: d, b, isCall: false)
      return d
    case (let a as BytesObject, let b as BytesObject) where op == .add:
      return BytesObject(a.value + b.value)
    case (let a as BytesObject, let n as IntObject) where op == .mult,
      (let n as IntObject, let a as BytesObject) where op == .mult:
      let times = max(0, n.intValue ?? Int.max)
      try checkElements(a.value.isEmpty ? 0 : (times > Int.max / a.value.count ? Int.max : times * a.value.count))
      return BytesObject(Array([[UInt8]](repeating: a.value, count: a.value.isEmpty ? 0 : times).joined()))
    case (is BytesObject, _) where op == .mod:
      throw refuse("bytes % values", "formatting bytes with % is not run by lesson yet")
    default: break
    }
    if op == .mod, let s = l as? StrObject, l.type.behavesAsBuiltin { return try percentFormat(s, r) }
    return nil
  }

  func repeated(_ s: String, _ n: IntObject) throws -> String {
    guard let k = n.intValue else { throw pyError(Types.OverflowError, "cannot fit 'int' into an index-sized integer") }
    if k <= 0 || s.isEmpty { return "" }
    try checkElements(s.utf8.count.multipliedReportingOverflow(by: k).overflow ? Int.max : s.utf8.count * k)
    return String(repeating: s, count: k)
  }

  func repeatedItems(_ items: [PyObject], _ n: IntObject) throws -> [PyObject] {
    guard let k = n.intValue else { throw pyError(Types.OverflowError, "cannot fit 'int' into an index-sized integer") }
    if k <= 0 || items.isEmpty { return [] }
    try checkElements(items.count.multipliedReportingOverflow(by: k).overflow ? Int.max : items.count * k)
    var out: [PyObject] = []
    out.reserveCapacity(items.count * k)
    for _ in 0..<k { out.append(contentsOf: items) }
    return out
  }

  func intBinary(_ a: BigInt, _ b: BigInt, _ op: BinaryOperator) throws -> PyObject {
    switch op {
    case .add: return IntObject.make(a + b)
    case .sub: return IntObject.make(a - b)
    case .mult:
      if a.bitLength + b.bitLength > budgets.elements * 8 {
        throw Halt.budget("memory: an integer of more than \(budgets.elements * 8) bits")
      }
      try countIntegerWork(words: a.bitLength / 64 + 1, b.bitLength / 64 + 1)
      return IntObject.make(a * b)
    case .floorDiv:
      if b.signum == 0 { throw pyError(Types.ZeroDivisionError, ZeroDivisionMessages.floorDivide) }
      try countIntegerWork(words: a.bitLength / 64 + 1, b.bitLength / 64 + 1)
      return IntObject.make(try values { () throws(PythonValuesError) in try a.floorDivided(by: b) })
    case .mod:
      if b.signum == 0 { throw pyError(Types.ZeroDivisionError, ZeroDivisionMessages.modulo(release)) }
      try countIntegerWork(words: a.bitLength / 64 + 1, b.bitLength / 64 + 1)
      let (q, _) = try values { () throws(PythonValuesError) in try a.quotientAndRemainder(dividingBy: b) }
      _ = q
      let fq = try values { () throws(PythonValuesError) in try a.floorDivided(by: b) }
      return IntObject.make(a - fq * b)
    case .div:
      if b.signum == 0 { throw pyError(Types.ZeroDivisionError, "division by zero") }
      if let x = a.int, let y = b.int, x.magnitude < (1 << 53), y.magnitude < (1 << 53) {
        return FloatObject(Double(x) / Double(y))
      }
      return FloatObject(try values { () throws(PythonValuesError) in try BigInt.trueDivide(a, b) })
    case .pow:
      if b.signum < 0 {
        if a.signum == 0 {
          throw pyError(Types.ZeroDivisionError, "0.0 cannot be raised to a negative power")
        }
        let x = try values { () throws(PythonValuesError) in try a.toDouble() }
        let y = try values { () throws(PythonValuesError) in try b.toDouble() }
        return try floatBinary(x, y, .pow)
      }
      let budget = budgets.elements * 8
      // Squaring up to a result of about bitLength(a) * b bits: as much work as multiplying it by itself.
      // A result surely past the limit of one value is the memory budget's, below: `bits` is
      // at most twice the result's size (bitLength(a) <= 2 log2(a) for a >= 2).
      if let exponent = b.int, a.bitLength > 1 {
        let (bits, overflow) = a.bitLength.multipliedReportingOverflow(by: exponent)
        if !overflow, bits <= 2 * budget {
          let words = min(bits, budget) / 64 + 1
          try countIntegerWork(words: words, words)
        }
      }
      do {
        return IntObject.make(try a.power(b, budgetBits: budget))
      } catch {
        throw Halt.budget(
          "memory: \(a.description.prefix(20)) ** \(b.description.prefix(20)) would need more than \(budget) bits")
      }
    case .lShift:
      if b.signum < 0 { throw valueError("negative shift count") }
      do {
        return IntObject.make(try a.shiftedLeft(by: b, budgetBits: budgets.elements * 8))
      } catch {
        throw Halt.budget("memory: a shift would make an integer of more than \(budgets.elements * 8) bits")
      }
    case .rShift:
      if b.signum < 0 { throw valueError("negative shift count") }
      return IntObject.make(try values { () throws(PythonValuesError) in try a.shiftedRight(by: b) })
    case .bitAnd, .bitOr, .bitXor:
      guard let x = a.int, let y = b.int else {
        throw Halt.refused(
          line: learnerLine, column: learnerColumn, construct: op.symbol,
          why: "bitwise operations on integers this large are not run by lesson yet")
      }
      switch op {
      case .bitAnd: return IntObject.make(x & y)
      case .bitOr: return IntObject.make(x | y)
      default: return IntObject.make(x ^ y)
      }
    case .matMult:
      throw typeError("unsupported operand type(s) for @: 'int' and 'int'")
    }
  }

  func floatBinary(_ x: Double, _ y: Double, _ op: BinaryOperator) throws -> PyObject {
    switch op {
    case .add: return FloatObject(x + y)
    case .sub: return FloatObject(x - y)
    case .mult: return FloatObject(x * y)
    case .div:
      if y == 0 {
        throw pyError(
          Types.ZeroDivisionError, version.minor >= 12 ? "float division by zero" : "float division by zero")
      }
      return FloatObject(x / y)
    case .floorDiv:
      if y == 0 { throw pyError(Types.ZeroDivisionError, "float floor division by zero") }
      return FloatObject(try values { () throws(PythonValuesError) in try PyFloat.floorDivide(x, y) })
    case .mod:
      if y == 0 {
        throw pyError(Types.ZeroDivisionError, version.minor >= 13 ? "float modulo by zero" : "float modulo")
      }
      return FloatObject(try values { () throws(PythonValuesError) in try PyFloat.modulo(x, y, release: release) })
    case .pow:
      if x == 0 && y < 0 {
        throw pyError(Types.ZeroDivisionError, "0.0 cannot be raised to a negative power")
      }
      if x < 0 && y != y.rounded() {
        throw Halt.refused(
          line: learnerLine, column: learnerColumn, construct: "**",
          why: "a negative number to a fractional power is a complex number, which lesson does not run")
      }
      let r = Foundation_pow(x, y)
      if r.isInfinite && x.isFinite && y.isFinite {
        throw pyError(Types.OverflowError, "(34, 'Numerical result out of range')")
      }
      return FloatObject(r)
    default:
      throw typeError("unsupported operand type(s) for \(op.symbol): 'float' and 'float'")
    }
  }

  func setBinary(_ a: SetObject, _ b: SetObject, _ op: BinaryOperator) throws -> PyObject? {
    let out = SetObject(frozen: a.frozen)
    switch op {
    case .bitOr:
      for x in a.items { try out.add(x, self) }
      for x in b.items { try out.add(x, self) }
    case .bitAnd:
      for x in a.items where try b.contains(x, self) { try out.add(x, self) }
    case .sub:
      for x in a.items where try !b.contains(x, self) { try out.add(x, self) }
    case .bitXor:
      for x in a.items where try !b.contains(x, self) { try out.add(x, self) }
      for x in b.items where try !a.contains(x, self) { try out.add(x, self) }
    default: return nil
    }
    // CPython builds these its own way (set_merge copies a table, intersection walks the smaller).
    out.order.exact = out.order.exact && out.count < 2
    return out
  }

  func unaryOp(_ v: PyObject, _ op: UnaryOperator) throws -> PyObject {
    switch op {
    case .not: return BoolObject.of(try !truthy(v))
    case .uSub:
      if let i = v as? IntObject { return IntObject.make(-i.value) }
      if let f = v as? FloatObject { return FloatObject(-f.value) }
      if let m = v.type.lookup("__neg__"), !v.type.isBuiltin { return try call(m, Args([v])) }
      throw typeError("bad operand type for unary -: '\(typeName(v))'")
    case .uAdd:
      if let i = v as? IntObject { return IntObject.make(i.value) }
      if v is FloatObject { return v }
      if let m = v.type.lookup("__pos__"), !v.type.isBuiltin { return try call(m, Args([v])) }
      throw typeError("bad operand type for unary +: '\(typeName(v))'")
    case .invert:
      if let i = v as? IntObject { return IntObject.make(-i.value - BigInt(1)) }
      if let m = v.type.lookup("__invert__"), !v.type.isBuiltin { return try call(m, Args([v])) }
      throw typeError("bad operand type for unary ~: '\(typeName(v))'")
    }
  }

  // MARK: Truth

  func truthy(_ v: PyObject) throws -> Bool {
    switch v {
    case let b as BoolObject: return b.bool
    case is NoneObject: return false
    case let i as IntObject: return i.value.signum != 0
    case let f as FloatObject: return f.value != 0
    case let s as StrObject: return !s.value.isEmpty
    case let l as ListObject: return !l.items.isEmpty
    case let t as TupleObject: return !t.items.isEmpty
    case let d as DictObject: return d.count > 0
    case let s as SetObject: return s.count > 0
    case let r as RangeObject: return r.count > 0
    case is FunctionObject, is BuiltinFunctionObject, is TypeObject, is ModuleObject: return true
    default:
      if !v.type.isBuiltin || v is NativeObject {
        if let b = v.type.lookup("__bool__"), !(b is BuiltinFunctionObject) || v is NativeObject {
          let r = try call(b, Args([v]))
          guard let rb = r as? BoolObject else {
            throw typeError("__bool__ should return bool, returned \(typeName(r))")
          }
          return rb.bool
        }
        if let l = v.type.lookup("__len__") {
          let r = try call(l, Args([v]))
          guard let n = (r as? IntObject)?.intValue else {
            throw typeError("'\(typeName(r))' object cannot be interpreted as an integer")
          }
          return n != 0
        }
      }
      return true
    }
  }

  // MARK: Comparison

  func compareOp(_ l: PyObject, _ r: PyObject, _ op: CompareOperator) throws -> PyObject {
    switch op {
    case .is: return BoolObject.of(l === r)
    case .isNot: return BoolObject.of(l !== r)
    case .in: return BoolObject.of(try contains(r, l))
    case .notIn: return BoolObject.of(try !contains(r, l))
    default:
      // 3.10 enters a recursive call for every rich comparison.
      if version.minor == 10 {
        depth += 1
        defer { depth -= 1 }
        if depth > budgets.recursion {
          throw recursionError("maximum recursion depth exceeded in comparison")
        }
      }
      return try richCompare(l, r, op)
    }
  }

  func eq(_ a: PyObject, _ b: PyObject) throws -> Bool {
    if a === b { return true }
    return try truthy(try richCompare(a, b, .eq))
  }

  /// Identity, then `==` (dict keys and `in`).
  func keysEqual(_ a: PyObject, _ b: PyObject) throws -> Bool {
    if a === b { return true }
    return try eq(a, b)
  }

  static let reflected: [CompareOperator: CompareOperator] = [
    .eq: .eq, .notEq: .notEq, .lt: .gt, .gt: .lt, .ltE: .gtE, .gtE: .ltE,
  ]
  static let dunders: [CompareOperator: String] = [
    .eq: "__eq__", .notEq: "__ne__", .lt: "__lt__", .gt: "__gt__", .ltE: "__le__", .gtE: "__ge__",
  ]
  static let symbols: [CompareOperator: String] = [.eq: "==", .notEq: "!=", .lt: "<", .gt: ">", .ltE: "<=", .gtE: ">="]

  func richCompare(_ l: PyObject, _ r: PyObject, _ op: CompareOperator) throws -> PyObject {
    if let c = try builtinCompare(l, r, op) { return BoolObject.of(c) }
    let lt = l.type
    let rt = r.type
    let lUser = !lt.isBuiltin || l is ExceptionObject
    let rUser = !rt.isBuiltin
    let reflectedFirst = rt !== lt && rt.isSubtype(of: lt) && rUser
    if reflectedFirst, let f = rt.lookup(Machine.dunders[Machine.reflected[op]!]!), !(f is BuiltinFunctionObject) {
      let v = try call(f, Args([r, l]))
      if v !== SentinelObject.notImplemented { return v }
    }
    if lUser, let f = lt.lookup(Machine.dunders[op]!), !(f is BuiltinFunctionObject) {
      let v = try withRecursionGuard { try call(f, Args([l, r])) }
      if v !== SentinelObject.notImplemented { return v }
    }
    if !reflectedFirst, rUser, let f = rt.lookup(Machine.dunders[Machine.reflected[op]!]!),
      !(f is BuiltinFunctionObject)
    {
      let v = try call(f, Args([r, l]))
      if v !== SentinelObject.notImplemented { return v }
    }
    if op == .notEq, lUser, let f = lt.lookup("__eq__"), !(f is BuiltinFunctionObject) {
      let v = try call(f, Args([l, r]))
      if v !== SentinelObject.notImplemented { return BoolObject.of(try !truthy(v)) }
    }
    // Both methods written in Python gave NotImplemented: the built-in one of the dicts
    // decides (`Counter(...) == {...}` is dict.__eq__ reflected).
    if op == .eq || op == .notEq, let a = l as? DictObject, let b = r as? DictObject {
      return BoolObject.of(try dictEquals(a, b) == (op == .eq))
    }
    switch op {
    case .eq: return BoolObject.of(l === r)
    case .notEq: return BoolObject.of(l !== r)
    default:
      throw typeError(
        "'\(Machine.symbols[op]!)' not supported between instances of '\(typeName(l))' and '\(typeName(r))'")
    }
  }

  /// Runs a comparison method written in Python.
  func withRecursionGuard<T>(_ body: () throws -> T) throws -> T {
    comparisonFrames += 1
    defer { comparisonFrames -= 1 }
    return try body()
  }

  /// CPython 3.10 counts comparisons and calls on one C stack: when a recursion runs through a
  /// comparison method, which of the two trips the limit (and so the message) depends on C frames
  /// lesson does not model. Such a program is refused under 3.10 rather than guessed.
  func recursionError(_ message: String) -> Error {
    if version.minor == 10, comparisonFrames > 0 {
      return Halt.refused(
        line: learnerLine, column: learnerColumn, construct: "recursion through a comparison method",
        why: "Python 3.10's message here depends on its own C frames; the recursion never ends, so fix it first")
    }
    return raising(pyError(Types.RecursionError, message))
  }

  /// Comparisons of built-in values; nil when the types are not built-in comparable ones.
  func builtinCompare(_ l: PyObject, _ r: PyObject, _ op: CompareOperator) throws -> Bool? {
    // Unions are equal with the same members, in any order (`int | str == str | int`).
    if let a = l as? UnionObject, let b = r as? UnionObject, op == .eq || op == .notEq {
      let same =
        a.members.count == b.members.count
        && a.members.allSatisfy { x in b.members.contains { $0 === x } }
      return op == .eq ? same : !same
    }
    func result(_ c: Int) -> Bool {
      switch op {
      case .eq: return c == 0
      case .notEq: return c != 0
      case .lt: return c < 0
      case .ltE: return c <= 0
      case .gt: return c > 0
      case .gtE: return c >= 0
      default: return false
      }
    }
    switch (l, r) {
    case (let a as IntObject, let b as IntObject):
      if let x = a.intValue, let y = b.intValue { return result(x < y ? -1 : (x == y ? 0 : 1)) }
      return result(BigInt.compare(a.value, b.value))
    case (let a as FloatObject, let b as FloatObject):
      return floatCompare(a.value, b.value, op)
    case (let a as IntObject, let b as FloatObject):
      if b.value.isNaN { return op == .notEq }
      guard let c = a.value.compare(toDouble: b.value) else { return op == .notEq }
      return result(c)
    case (let a as FloatObject, let b as IntObject):
      if a.value.isNaN { return op == .notEq }
      guard let c = b.value.compare(toDouble: a.value) else { return op == .notEq }
      return result(-c)
    case (let a as StrObject, let b as StrObject):
      if op == .eq { return PyString.same(a.value, b.value) }
      if op == .notEq { return !PyString.same(a.value, b.value) }
      return result(compareScalars(a.value, b.value))
    case (let a as ListObject, let b as ListObject):
      return try sequenceCompare(a.items, b.items, op)
    case (let a as TupleObject, let b as TupleObject):
      return try sequenceCompare(a.items, b.items, op)
    case (let a as DictObject, let b as DictObject)
    where (op == .eq || op == .notEq) && !overrides(a, "__eq__") && !overrides(b, "__eq__"):
      return try dictEquals(a, b) == (op == .eq)
    case (let a as SetObject, let b as SetObject):
      let sub = try a.items.allSatisfy { try b.contains($0, self) }
      let sup = try b.items.allSatisfy { try a.contains($0, self) }
      switch op {
      case .eq: return sub && sup
      case .notEq: return !(sub && sup)
      case .ltE: return sub
      case .lt: return sub && !sup
      case .gtE: return sup
      case .gt: return sup && !sub
      default: return nil
      }
    case (is NoneObject, is NoneObject):
      if op == .eq { return true }
      if op == .notEq { return false }
      return nil
    case (let a as RangeObject, let b as RangeObject) where op == .eq || op == .notEq:
      let same = a.count == b.count && (a.count == 0 || (a.start == b.start && (a.count == 1 || a.step == b.step)))
      return op == .eq ? same : !same
    case (let a as BytesObject, let b as BytesObject):
      if op == .eq { return a.value == b.value }
      if op == .notEq { return a.value != b.value }
      return result(a.value.lexicographicallyPrecedes(b.value) ? -1 : (a.value == b.value ? 0 : 1))
    default:
      // A set-like dict view compares with a set or another such view as a set.
      if isSetView(l) || isSetView(r), isSetView(l) || l is SetObject, isSetView(r) || r is SetObject {
        return try builtinCompare(try setOf(l), try setOf(r), op)
      }
      if l.type.isBuiltin && r.type.isBuiltin && !(l is NativeObject) && !(r is NativeObject) && !(l is ExceptionObject)
        && !(r is ExceptionObject) && !(l is TupleObject && !l.type.isBuiltin)
      {
        if op == .eq { return l === r }
        if op == .notEq { return l !== r }
      }
      return nil
    }
  }

  func floatCompare(_ x: Double, _ y: Double, _ op: CompareOperator) -> Bool {
    switch op {
    case .eq: return x == y
    case .notEq: return x != y
    case .lt: return x < y
    case .ltE: return x <= y
    case .gt: return x > y
    case .gtE: return x >= y
    default: return false
    }
  }

  func compareScalars(_ a: String, _ b: String) -> Int {
    var i = a.unicodeScalars.makeIterator()
    var j = b.unicodeScalars.makeIterator()
    while true {
      switch (i.next(), j.next()) {
      case (nil, nil): return 0
      case (nil, _): return -1
      case (_, nil): return 1
      case (let x?, let y?):
        if x.value != y.value { return x.value < y.value ? -1 : 1 }
      }
    }
  }

  func sequenceCompare(_ a: [PyObject], _ b: [PyObject], _ op: CompareOperator) throws -> Bool {
    if (op == .eq || op == .notEq) && a.count != b.count { return op == .notEq }
    // Nested lists compare recursively: as deep as Python's recursion limit, then RecursionError.
    reprDepth += 1
    defer { reprDepth -= 1 }
    if nestingTooDeep(reprDepth) {
      throw raising(pyError(Types.RecursionError, "maximum recursion depth exceeded in comparison"))
    }
    try checkStack()
    for i in 0..<min(a.count, b.count) {
      let x = a[i]
      let y = b[i]
      if x === y { continue }
      if try !eq(x, y) {
        if op == .eq { return false }
        if op == .notEq { return true }
        return try truthy(try richCompare(x, y, op))
      }
    }
    let c = a.count < b.count ? -1 : (a.count == b.count ? 0 : 1)
    switch op {
    case .eq: return c == 0
    case .notEq: return c != 0
    case .lt: return c < 0
    case .ltE: return c <= 0
    case .gt: return c > 0
    case .gtE: return c >= 0
    default: return false
    }
  }

  /// `a < b` as `sorted`, `min` and `max` use it.
  func lessThan(_ a: PyObject, _ b: PyObject) throws -> Bool {
    try truthy(try richCompare(a, b, .lt))
  }

  // MARK: Hashing

  func hash(_ o: PyObject) throws -> Int {
    switch o {
    case let s as StrObject: return s.hashValue
    case let i as IntObject:
      if let v = i.intValue, v != -1, v < (1 << 61) - 1, v > -((1 << 61) - 1) { return v }
      let h = Int(i.value.pythonHash)
      return h
    case let f as FloatObject: return Int(PyFloat.hash(f.value))
    case is NoneObject: return 0x5f37_59df
    case let t as TupleObject:
      // CPython's tuple hash, over lesson's own hashes of the items.
      return try CPythonHash.tuple(t.items) { try hash($0) }!
    case let s as SetObject where s.frozen:
      if let h = s.cachedHash { return h }
      var h = 0
      for x in s.items { h ^= try hash(x) &* 0x9E37_79B9 }
      s.cachedHash = h
      return h
    case is ListObject, is DictObject, is SetObject:
      throw typeError("unhashable type: '\(typeName(o))'")
    case let b as BytesObject:
      return StrHash.hash(String(decoding: b.value, as: UTF8.self))
    default:
      if !o.type.isBuiltin {
        if let h = o.type.lookup("__hash__") {
          if h is NoneObject { throw typeError("unhashable type: '\(typeName(o))'") }
          if !(h is BuiltinFunctionObject) || h !== Types.object.dict.getStr("__hash__") && o.type.enumMembers != nil {
            let r = try call(h, Args([o]))
            guard let i = r as? IntObject else { throw typeError("__hash__ method should return an integer") }
            // A value that fits a machine word is the hash as it stands (-1 becomes -2); a larger
            // one is hashed as an int, as CPython's slot does.
            if let v = i.intValue { return v == -1 ? -2 : v }
            return try hash(i)
          }
        }
        if o.type.lookup("__eq__") is FunctionObject, o.type.dict.getStr("__hash__") == nil,
          o.type.lookup("__hash__") == nil
        {
          throw typeError("unhashable type: '\(typeName(o))'")
        }
      }
      return ObjectIdentifier(o).hashValue >> 4
    }
  }
}

@inline(__always) func Foundation_pow(_ x: Double, _ y: Double) -> Double { Foundation.pow(x, y) }

extension Machine {
  /// What `X | Y` may join into a union: classes, `None`, `list[int]`-like aliases and unions.
  func isUnionable(_ o: PyObject) -> Bool {
    o is TypeObject || o is NoneObject || o is UnionObject || o is GenericAlias
  }

  /// `l | r` of types: their members in order, each once (`None` as `NoneType`); a single
  /// member is itself (`int | int` is `int`).
  func union(_ l: PyObject, _ r: PyObject) throws -> PyObject {
    func members(_ o: PyObject) -> [PyObject] {
      if let u = o as? UnionObject { return u.members }
      if o is NoneObject { return [Types.noneType] }
      return [o]
    }
    var joined: [PyObject] = []
    for x in members(l) + members(r) {
      var seen = false
      for y in joined {
        let same = try y === x || (!(x is TypeObject) && !(y is TypeObject) && eq(x, y))
        if same {
          seen = true
          break
        }
      }
      if !seen { joined.append(x) }
    }
    return joined.count == 1 ? joined[0] : UnionObject(joined)
  }
}
