import PythonValues

extension Machine {
  func isInstance(_ o: PyObject, _ t: PyObject) throws -> Bool {
    if let c = t as? TypeObject {
      if o.type.isSubtype(of: c) { return true }
      if !c.isBuiltin, c.dict.getStr("_is_protocol") === BoolObject.true { return try protocolCheck(o, c) }
      return false
    }
    if let tuple = t as? TupleObject {
      for x in tuple.items where try isInstance(o, x) { return true }
      return false
    }
    if let g = t as? GenericAlias {
      _ = g
      throw typeError("isinstance() argument 2 cannot be a parameterized generic")
    }
    if let u = t as? UnionObject {
      for x in u.members where try isInstance(o, x) { return true }
      return false
    }
    if let special = t as? NativeObject, let check = special.type.lookup("__instancecheck__") {
      return try truthy(try call(check, Args([special, o])))
    }
    try refuseBuiltinTypeWrittenAsFunction(t, "isinstance")
    throw typeError("isinstance() arg 2 must be a type, a tuple of types, or a union")
  }

  /// `map`, `zip`, `filter`, `enumerate` and `reversed` are classes in CPython and functions
  /// here: `isinstance(x, map)` is refused rather than answered with a TypeError CPython would not
  /// raise.
  func refuseBuiltinTypeWrittenAsFunction(_ t: PyObject, _ caller: String) throws {
    guard let b = t as? BuiltinFunctionObject, b.owner == nil, b.boundSelf == nil,
      ["map", "zip", "filter", "enumerate", "reversed"].contains(b.name)
    else { return }
    throw refuse(
      "\(caller)(x, \(b.name))", "\(b.name) is a class in Python and a function in lesson; compare with the values you expect instead")
  }

  /// `isinstance(o, P)` for a protocol class: a `@runtime_checkable` one is satisfied by an
  /// object that has every member it declares; any other cannot be checked at all.
  func protocolCheck(_ o: PyObject, _ p: TypeObject) throws -> Bool {
    guard let attrs = p.dict.getStr("__protocol_attrs__"), p.dict.getStr("_is_runtime_protocol") === BoolObject.true
    else {
      throw typeError("Instance and class checks can only be used with @runtime_checkable protocols")
    }
    for case let name as StrObject in try iterate(attrs) where try findAttribute(o, name) == nil { return false }
    return true
  }

  func isSubclass(_ c: TypeObject, _ t: PyObject) throws -> Bool {
    if let x = t as? TypeObject { return c.isSubtype(of: x) }
    if let tuple = t as? TupleObject {
      for x in tuple.items where try isSubclass(c, x) { return true }
      return false
    }
    try refuseBuiltinTypeWrittenAsFunction(t, "issubclass")
    throw typeError("issubclass() arg 2 must be a class, a tuple of classes, or a union")
  }

  func round(_ a: Args) throws -> PyObject {
    let x = a[0]
    let nd = a.get(1, "ndigits")
    switch x {
    case let f as FloatObject:
      if let nd, !(nd is NoneObject) {
        guard let n = (nd as? IntObject)?.intValue else {
          throw typeError("'\(typeName(nd))' object cannot be interpreted as an integer")
        }
        return FloatObject(try values { () throws(PythonValuesError) in try PyFloat.round(f.value, digits: n) })
      }
      return IntObject.make(try values { () throws(PythonValuesError) in try PyFloat.roundToInteger(f.value) })
    case let i as IntObject:
      if let nd, let n = (nd as? IntObject)?.intValue, n < 0 {
        return IntObject.make(i.value.rounded(toDigits: n))
      }
      return IntObject.make(i.value)
    default:
      if let r = x.type.lookup("__round__") { return try call(r, Args([x] + (nd.map { [$0] } ?? []))) }
      throw typeError("type \(typeName(x)) doesn't define __round__ method")
    }
  }

  func sum(_ a: Args) throws -> PyObject {
    // The sum of a set in any order (`sum(<pure genexp over a set>)`): its values are kept, to
    // find out afterwards whether any order gives this total.
    if unorderedChecks.last == .waiting, a.count == 1, a.keywords.isEmpty {
      unorderedChecks[unorderedChecks.count - 1] = .working
      var values: [PyObject]? = []
      let total: PyObject
      do {
        total = try sum(a, keeping: &values)
      } catch let e as ExceptionObject {
        throw orderFreeRaised(e, by: "sum")
      }
      unorderedChecks[unorderedChecks.count - 1] =
        Self.addsUpInAnyOrder(values ?? []) ? .orderFree : .orderDependent(Self.sumDependsOnOrder)
      return total
    }
    var none: [PyObject]?
    return try sum(a, keeping: &none)
  }

  private func sum(_ a: Args, keeping kept: inout [PyObject]?) throws -> PyObject {
    var acc: PyObject = a.get(1, "start") ?? IntObject.make(0)
    if acc is StrObject { throw typeError("sum() can't sum strings [use ''.join(seq) instead]") }
    let it = try getIterator(a[0])
    var floatSum: PyFloatSum?
    while let v = try next(it) {
      kept?.append(v)
      if let fs = floatSum {
        if let f = v as? FloatObject {
          var s = fs
          s.add(f.value)
          floatSum = s
          continue
        }
        if let i = v as? IntObject, let d = i.intValue.map(Double.init), abs(d) < 9e15 {
          var s = fs
          s.add(d)
          floatSum = s
          continue
        }
        acc = FloatObject(fs.value)
        floatSum = nil
      }
      if let f = v as? FloatObject, acc is IntObject || acc is FloatObject {
        let start = try asDouble(acc)!
        var s = PyFloatSum(start, release: release)
        s.add(f.value)
        floatSum = s
        continue
      }
      if let f = acc as? FloatObject, let i = v as? IntObject, let d = i.intValue.map(Double.init) {
        var s = PyFloatSum(f.value, release: release)
        s.add(d)
        floatSum = s
        continue
      }
      acc = try binaryOp(acc, v, .add)
    }
    if let fs = floatSum { return FloatObject(fs.value) }
    return acc
  }

  /// `list.sort`'s keywords (`sorted` passes its own on): `key` and `reverse` only.
  func checkSortKeywords(_ a: Args) throws {
    if a.keywords.count > 2 { throw typeError("sort() takes at most 2 keyword arguments (\(a.keywords.count) given)") }
    if let (name, _) = a.keywords.first(where: { $0.0 != "key" && $0.0 != "reverse" }) {
      throw typeError(
        version.minor >= 13
          ? "sort() got an unexpected keyword argument '\(name)'"
          : "'\(name)' is an invalid keyword argument for sort()")
    }
  }

  /// `sorted(iterable, key=, reverse=)`.
  func sortedList(_ a: Args) throws -> ListObject {
    let l = ListObject(try iterateUnordered(a[0]))
    try checkSortKeywords(a)
    let key = a.keyword("key").flatMap { $0 is NoneObject ? nil : $0 }
    if let s = a[0] as? SetObject, let key, s.cpythonOrder == nil {
      // Equal keys keep the set's order: only then does the unknown order matter.
      let keys = try l.items.map { try call(key, Args([$0])) }
      for i in keys.indices {
        for j in keys.indices where j > i {
          if try eq(keys[i], keys[j]) { _ = try setOrder(s) }
        }
      }
    }
    try sortList(l, key: key, reverse: try a.keyword("reverse").map { try truthy($0) } ?? false)
    return l
  }

  func minMax(_ a: Args, isMax: Bool) throws -> PyObject {
    let name = isMax ? "max" : "min"
    // Over a set in any order: a pure genexp's (`max(<pure genexp over a set>)`), or the set's own.
    let watched = unorderedChecks.last == .waiting && a.count == 1 && a.keywords.isEmpty
    let unorderedSet =
      a.count == 1 && a.keywords.isEmpty && ((a[0] as? SetObject).map { $0.cpythonOrder == nil } ?? false)
    guard watched || unorderedSet else { return try extremum(a, isMax: isMax, name: name) }
    if watched { unorderedChecks[unorderedChecks.count - 1] = .working }
    let best: PyObject
    var items: [PyObject] = []
    do {
      items = try iterateUnordered(a[0])
      best = try extremum(Args([ListObject(items)]), isMax: isMax, name: name)
      // Another value equal to the one kept, that prints differently: which came first shows.
      for v in items where v !== best {
        if try !lessThan(v, best), try !lessThan(best, v), !(Self.alike(v, best) && Self.printsAsItsValue(v)) {
          if !watched {
            throw Halt.refused(
              line: learnerLine, column: learnerColumn, construct: "the order of a set",
              why: Self.extremumDependsOnOrder(name))
          }
          unorderedChecks[unorderedChecks.count - 1] = .orderDependent(Self.extremumDependsOnOrder(name))
          return best
        }
      }
    } catch let e as ExceptionObject where watched {
      throw orderFreeRaised(e, by: name)
    }
    if watched { unorderedChecks[unorderedChecks.count - 1] = .orderFree }
    return best
  }

  private func extremum(_ a: Args, isMax: Bool, name: String) throws -> PyObject {
    let key = a.keyword("key").flatMap { $0 is NoneObject ? nil : $0 }
    let items: [PyObject]
    if a.count == 1 {
      items = a.keyword("key") == nil ? try iterateUnordered(a[0]) : try iterate(a[0])
    } else if a.count == 0 {
      throw typeError("\(name) expected at least 1 argument, got 0")
    } else {
      items = a.positional
    }
    guard var best = items.first else {
      if let d = a.keyword("default") { return d }
      throw valueError("\(name)() \(version.minor >= 12 ? "iterable argument is empty" : "arg is an empty sequence")")
    }
    var bestKey = try key.map { try call($0, Args([best])) } ?? best
    for v in items.dropFirst() {
      let k = try key.map { try call($0, Args([v])) } ?? v
      // CPython asks `item > best` for max and `item < best` for min (which names the operator).
      let better = isMax ? try truthy(try richCompare(k, bestKey, .gt)) : try lessThan(k, bestKey)
      if better {
        best = v
        bestKey = k
      }
    }
    return best
  }

  /// `list.sort(key=, reverse=)`, as CPython sorts (``ListSort``): the keys are computed first
  /// (a key that raises leaves the list as it was), the list looks empty while it is sorted, and
  /// a comparison that raises leaves the list in the order the sort had reached.
  func sortList(_ l: ListObject, key: PyObject?, reverse: Bool) throws {
    let key = key.flatMap { $0 is NoneObject ? nil : $0 }
    let items = l.items
    l.items = []
    let keys: [PyObject]
    do {
      keys = try key.map { k in try items.map { try call(k, Args([$0])) } } ?? items
    } catch {
      l.items = items
      throw error
    }
    var sorter = ListSort(keys: keys, minor: version.minor) { try self.lessThan($0, $1) }
    if reverse { sorter.reverse() }
    var failure: Error?
    do { try sorter.sort() } catch { failure = error }
    if reverse && items.count > 1 { sorter.reverse() }
    let modified = !l.items.isEmpty
    l.items = sorter.order.map { items[$0] }
    if let failure { throw failure }
    if modified { throw valueError("list modified during sort") }
  }

  func makeSuper(_ a: Args) throws -> PyObject {
    if a.count == 2 {
      guard let t = a[0] as? TypeObject else {
        throw typeError("super() argument 1 must be a type, not \(typeName(a[0]))")
      }
      if !(a[1] is NoneObject) { try superCheck(t, a[1]) }
      return SuperObject(t, a[1])
    }
    guard let f = frames.last, let fn = f.function else { throw runtimeError("super(): no arguments") }
    guard let ci = f.code.freevars.firstIndex(of: "__class__"),
      let cls = f.cells[f.code.cellvars.count + ci].value as? TypeObject
    else {
      throw runtimeError("super(): __class__ cell not found")
    }
    _ = fn
    guard f.code.argcount > 0 || f.code.flags.contains(.varargs), let first = f.locals.first ?? nil else {
      throw runtimeError("super(): no arguments")
    }
    try superCheck(cls, first)
    return SuperObject(cls, first)
  }

  /// CPython's `supercheck`: `obj` is a subclass of `type` (a class method) or an instance of it.
  func superCheck(_ type: TypeObject, _ obj: PyObject) throws {
    if let t = obj as? TypeObject, t.mro.contains(where: { $0 === type }) { return }
    if obj.type.mro.contains(where: { $0 === type }) { return }
    guard version.minor >= 13 else { throw typeError("super(type, obj): obj must be an instance or subtype of type") }
    let (kind, name) = (obj as? TypeObject).map { ("type", $0.name) } ?? ("instance of", obj.type.name)
    throw typeError("super(type, obj): obj (\(kind) \(name)) is not an instance or subtype of type (\(type.name)).")
  }
}

/// `int | None` in annotations (3.10+).
final class UnionObject: PyObject {
  let members: [PyObject]
  init(_ members: [PyObject]) {
    self.members = members
    super.init(type: Types.unionType)
  }
}

extension Machine {
  /// `template.format(*args, **kwargs)` and `format_map`.
  func strFormat(_ template: String, _ a: Args, mapping: PyObject? = nil) throws -> String {
    do {
      return try PyStringFormat.render(
        template,
        lookup: { key -> PyObject in
          switch key {
          case .index(let i):
            guard i < a.positional.count else { throw indexError(PyStringFormat.indexErrorMessage(i)) }
            return a.positional[i]
          case .keyword(let k):
            if let mapping { return try self.getItem(mapping, StrObject(k)) }
            guard let v = a.keyword(k) else { throw keyError(StrObject(k)) }
            return v
          }
        },
        access: { v, acc -> PyObject in
          switch acc {
          case .attribute(let n): return try self.getAttribute(v, n)
          case .index(let i): return try self.getItem(v, IntObject.make(i))
          case .key(let k): return try self.getItem(v, StrObject(k))
          }
        },
        convert: { v, c -> PyObject in
          switch c {
          case "r": return StrObject(try self.repr(v))
          case "s": return StrObject(try self.str(v))
          default: return StrObject(PyPercent.ascii(try self.repr(v)))
          }
        },
        format: { v, spec in try self.format(v, spec) })
    } catch let e as PythonValuesError {
      if case .resourceLimit(let m) = e { throw Halt.budget("memory: \(m)") }
      throw e.exception
    }
  }
}

enum Dataclasses {
  static let frozenInstanceError = Types.exc("FrozenInstanceError", Types.AttributeError, module: "dataclasses")
}

extension Sandbox {
  static func refuse(_ m: Machine, construct: String, why: String) -> Halt {
    Halt.refused(line: m.learnerLine, column: m.learnerColumn, construct: construct, why: why)
  }
}

/// Where a `sum`, `max` or `min` over a set in any order stands (``Machine/unorderedChecks``).
enum OrderFreeCheck: Sendable, Equatable {
  /// The set was not let go in any order: nothing to check.
  case notWatched
  /// The set goes in any order; the built-in has not started.
  case waiting
  /// The built-in is going through the values.
  case working
  /// Its answer is the same in any order.
  case orderFree
  /// It may not be: the program is refused, for this reason.
  case orderDependent(String)
}
