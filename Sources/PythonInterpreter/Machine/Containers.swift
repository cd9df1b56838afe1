import AsyncioModel
import PythonValues

/// A built-in iterator: a Swift closure that gives the next value, or nil at the end.
final class IteratorObject: PyObject {
  let next: () throws -> PyObject?
  let kind: String
  /// For one that is also an async iterator (3.13's `as_completed`): the awaitable `__anext__`
  /// returns, nil once it is exhausted.
  var asyncNext: (() throws -> PyObject?)?
  init(_ kind: String, _ next: @escaping () throws -> PyObject?) {
    self.kind = kind
    self.next = next
    super.init(type: Types.iterator)
  }
}

extension Machine {
  func getIterator(_ o: PyObject) throws -> PyObject {
    switch o {
    case let l as ListObject where l.type.behavesAsBuiltin:
      var i = 0
      return IteratorObject("list_iterator") {
        guard i < l.items.count else {
          i = Int.max / 2
          return nil
        }
        defer { i += 1 }
        return l.items[i]
      }
    case let t as TupleObject where t.type === Types.tuple || !t.type.isBuiltin && t.type.lookup("__iter__") == nil:
      var i = 0
      return IteratorObject("tuple_iterator") {
        guard i < t.items.count else { return nil }
        defer { i += 1 }
        return t.items[i]
      }
    case let s as StrObject:
      let scalars = s.scalars
      var i = 0
      return IteratorObject("str_ascii_iterator") {
        guard i < scalars.count else { return nil }
        defer { i += 1 }
        return StrObject(String(scalars[i]))
      }
    case let r as RangeObject:
      var v = r.start
      let n = r.count
      var k = 0
      return IteratorObject("range_iterator") {
        guard k < n else { return nil }
        defer {
          k += 1
          v &+= r.step  // past the last number it may wrap, and is never read
        }
        return IntObject.make(v)
      }
    case let d as DictObject where d.type.behavesAsBuiltin || d.type.lookup("__iter__") is BuiltinFunctionObject:
      return dictIterator(d) { e in e.key }
    case let s as SetObject:
      let items = try setOrder(s)
      var i = 0
      let size = s.count
      return IteratorObject("set_iterator") {
        if s.count != size { throw runtimeError("Set changed size during iteration") }
        guard i < items.count else { return nil }
        defer { i += 1 }
        return items[i]
      }
    case let g as GeneratorObject where g.isAsyncGenerator || g.isCoroutine:
      // `for x in agen()` wants `async for`; a coroutine is not iterable at all.
      throw notIterable(
        g, typeError("'\(g.isAsyncGenerator ? "async_generator" : "coroutine")' object is not iterable"))
    case is IteratorObject, is GeneratorObject:
      return o
    case let t as TypeObject where t.enumMembers != nil:
      var items = EnumModule.canonical(t).makeIterator()
      return IteratorObject("enum_iterator") { items.next() }
    case let v as DictViewObject:
      switch v.kind {
      case .keys: return dictIterator(v.dict) { $0.key }
      case .values: return dictIterator(v.dict) { $0.value }
      case .items: return dictIterator(v.dict) { TupleObject([$0.key, $0.value]) }
      }
    case let b as BytesObject:
      var i = 0
      return IteratorObject("bytes_iterator") {
        guard i < b.value.count else { return nil }
        defer { i += 1 }
        return IntObject.make(Int(b.value[i]))
      }
    default:
      if let it = o.type.lookup("__iter__"), !(it is BuiltinFunctionObject) || o is NativeObject {
        let r = try call(it, Args([o]))
        if r.type.lookup("__next__") == nil, !(r is IteratorObject), !(r is GeneratorObject) {
          throw typeError("iter() returned non-iterator of type '\(typeName(r))'")
        }
        return r
      }
      if let gi = o.type.lookup("__getitem__"), !o.type.isBuiltin {
        var i = 0
        return IteratorObject("iterator") {
          do {
            let v = try self.call(gi, Args([o, IntObject.make(i)]))
            i += 1
            return v
          } catch let e as ExceptionObject
            where e.isInstance(of: Types.IndexError) || e.isInstance(of: Types.StopIteration)
          {
            return nil
          }
        }
      }
      throw notIterable(o, typeError("'\(typeName(o))' object is not iterable"))
    }
  }

  /// Remembers that `error` says `o` cannot be iterated at all (not that its `__iter__` failed),
  /// for ``rephrasingNotIterable(_:as:_:)``.
  func notIterable(_ o: PyObject, _ error: ExceptionObject) -> ExceptionObject {
    lastNotIterable = (ObjectIdentifier(o), error)
    return error
  }

  /// Runs `body`, which iterates `o`; when `o` cannot be iterated at all, the TypeError says so in
  /// the words of the statement that asked (`cannot unpack non-iterable int object`).
  func rephrasingNotIterable<T>(_ o: PyObject, as message: @autoclosure () -> String, _ body: () throws -> T) throws
    -> T
  {
    do {
      return try body()
    } catch let e as ExceptionObject
      where lastNotIterable?.error === e && lastNotIterable?.object == ObjectIdentifier(o)
    {
      lastNotIterable = nil
      throw typeError(message())
    }
  }

  func dictIterator(_ d: DictObject, _ pick: @escaping (DictObject.Entry) -> PyObject) -> IteratorObject {
    var i = 0
    let startVersion = d.version
    let startCount = d.count
    return IteratorObject("dict_keyiterator") {
      if d.count != startCount { throw runtimeError("dictionary changed size during iteration") }
      if d.version != startVersion { throw runtimeError("dictionary keys changed during iteration") }
      while i < d.tableSize {
        defer { i += 1 }
        if let e = d.entry(at: i) { return pick(e) }
      }
      return nil
    }
  }

  /// `next(it)`, or nil at the end.
  func next(_ it: PyObject) throws -> PyObject? {
    switch it {
    case let i as IteratorObject: return try i.next()
    case let g as GeneratorObject: return try g.next()
    default:
      guard let n = it.type.lookup("__next__") else { throw typeError("'\(typeName(it))' object is not an iterator") }
      do {
        return try call(n, Args([it]))
      } catch let e as ExceptionObject where e.isInstance(of: Types.StopIteration) {
        return nil
      }
    }
  }

  /// The iterator of `for t in s: t.cancel()`: over a set whose order CPython does not fix, its
  /// tasks in any order, each marked as cancelled among others (what it prints from then on
  /// comes in an order lesson does not promise, as for a TaskGroup's abort).
  func cancellingIterator(_ o: PyObject) throws -> PyObject {
    guard let s = o as? SetObject, s.cpythonOrder == nil, s.items.count >= 2 else { return try getIterator(o) }
    var items = s.items[...]
    return IteratorObject("set_iterator") {
      guard let next = items.popFirst() else { return nil }
      if let task = (next as? FutureObject)?.future as? AsyncioModel.Task { task.willBeCancelledAmongOthers() }
      return next
    }
  }

  /// The outer iterator of a read-only comprehension that is the whole argument of a built-in
  /// that does not care about order (``OrderFreeConsumer``): a set whose order CPython does not
  /// fix goes in any order. Only when the call is to that built-in (the stack holds it under the
  /// comprehension's function). For `len([...])`, whose list is made before `len` sees it, every
  /// task in the set must also answer what the comprehension asks without raising (a value for
  /// `result()`, an end for `exception()`); `sorted`, `sum`, `max` and `min` turn an exception
  /// raised on the way into a refusal themselves (which element raises first, and what was asked
  /// of the others by then, would be the set's order). Otherwise the set's order is asked for, as
  /// anywhere else.
  func unorderedIterator(_ o: PyObject, in f: Frame, consumer: OrderFreeConsumer, reads: UnorderedReads) throws
    -> PyObject
  {
    let n = f.stack.count
    let name = consumer.builtinName
    func answers(_ item: PyObject) -> Bool {
      guard let task = (item as? FutureObject)?.future else { return true }
      if reads.contains(.exceptions), task.state != .finished { return false }
      if reads.contains(.results), task.state != .finished || task.exceptionUnretrieved != nil { return false }
      return true
    }
    let accepted: Bool
    if let s = o as? SetObject, s.cpythonOrder == nil, n >= 2,
      let builtin = f.stack[n - 2] as? BuiltinFunctionObject, builtin.name == name, builtin.boundSelf == nil,
      builtins.getStr(name) === builtin, consumer != .len || s.items.allSatisfy(answers)
    {
      accepted = true
    } else {
      accepted = false
    }
    switch consumer {
    case .sorted: unorderedSorts.append(accepted)
    case .sum, .max, .min: unorderedChecks.append(accepted ? .waiting : .notWatched)
    case .len: break
    }
    guard accepted, let s = o as? SetObject else { return try getIterator(o) }
    var items = s.items[...]
    return IteratorObject("set_iterator") { items.popFirst() }
  }

  /// What a Python exception raised while a set went in any order becomes: the program is
  /// refused, since which element raised first depends on the set's order.
  func orderFreeRaised(_ e: ExceptionObject, by consumer: String) -> Halt {
    .refused(
      line: learnerLine, column: learnerColumn, construct: "the order of a set of tasks",
      why: "\(consumer)() went through the set in its order, which depends on memory addresses and which lesson does "
        + "not reproduce, and on the way \(e.cls.name) was raised, so which element raised first depends on that "
        + "order; go through your own list of tasks instead: [t for t in tasks if t in done]")
  }

  /// After `sum`, `max` or `min` over a set in any order: refused unless the answer is the same
  /// in every order.
  func checkOrderFree() throws {
    guard case .orderDependent(let why)? = unorderedChecks.popLast() else { return }
    throw Halt.refused(line: learnerLine, column: learnerColumn, construct: "the order of a set of tasks", why: why)
  }

  /// Why `sum` over a set in any order is refused.
  static let sumDependsOnOrder =
    "sum() adds the values in the set's order, which depends on memory addresses and which lesson does not "
    + "reproduce, and these values are not whole numbers that add up the same in any order; sum over your own "
    + "list of tasks instead: sum(... for t in tasks if t in done)"

  /// Why `max` or `min` over a set in any order is refused.
  static func extremumDependsOnOrder(_ name: String) -> String {
    "\(name)() keeps the first of equal values in the set's order, which depends on memory addresses and which "
      + "lesson does not reproduce, and equal values here print differently; make them distinct, or go through "
      + "your own list of tasks: \(name)(... for t in tasks if t in done)"
  }

  /// Whether two equal values would print alike: the same kind of value (and, for floats, the
  /// same sign, so `0.0` and `-0.0` differ), so that which of them a `sorted`, `max` or `min`
  /// keeps first cannot show.
  static func alike(_ a: PyObject, _ b: PyObject) -> Bool {
    guard a.type === b.type else { return false }
    if let x = a as? FloatObject, let y = b as? FloatObject { return x.value.sign == y.value.sign }
    if let x = a as? TupleObject, let y = b as? TupleObject {
      return x.items.count == y.items.count && zip(x.items, y.items).allSatisfy { alike($0, $1) }
    }
    return true
  }

  /// Values that print as what they are: equal ones of the same kind look alike.
  static func printsAsItsValue(_ v: PyObject) -> Bool {
    v is StrObject || v is IntObject || v is FloatObject || v is NoneObject
      || ((v as? TupleObject).map { $0.type === Types.tuple && $0.items.allSatisfy(printsAsItsValue) } ?? false)
  }

  /// Whether `values` (what one `sum` added) give the same total in any order: whole numbers
  /// always do; so do one or two numbers (`0 + a + b` is `0 + b + a`); more floats do when every
  /// partial sum is exact in every order (all are multiples of one power of two, and together
  /// they need fewer than 53 bits of it).
  static func addsUpInAnyOrder(_ values: [PyObject]) -> Bool {
    var doubles: [Double] = []
    var hasFloat = false
    for v in values {
      if let f = v as? FloatObject, f.type === Types.float {
        guard f.value.isFinite else { return false }
        hasFloat = true
        doubles.append(f.value)
      } else if let i = v as? IntObject, i.type === Types.int || i.type === Types.bool {
        doubles.append(i.intValue.flatMap { Double(exactly: $0) } ?? .nan)
      } else {
        return false
      }
    }
    guard hasFloat, values.count > 2 else { return true }
    guard doubles.allSatisfy(\.isFinite) else { return false }
    let nonzero = doubles.filter { $0 != 0 }
    guard let lowest = nonzero.map({ Int($0.exponent) - $0.significandWidth }).min() else { return true }
    var units: UInt64 = 0
    for d in nonzero {
      let exponent = Int(d.exponent) - d.significandWidth
      let significand =
        UInt64(d.magnitude.significandBitPattern | (d.isNormal ? 1 << 52 : 0)) >> (52 - d.significandWidth)
      let shift = exponent - lowest
      guard shift < 53, significand < (1 << 53) >> shift else { return false }
      let (sum, overflow) = units.addingReportingOverflow(significand << shift)
      guard !overflow, sum < 1 << 53 else { return false }
      units = sum
    }
    return true
  }

  /// After `sorted` over a set in any order: equal values that print differently (1 and 1.0, two
  /// objects) would come out in that order, which CPython's is not.
  func checkSortedTies(_ result: PyObject) throws {
    guard unorderedSorts.popLast() == true, let list = result as? ListObject, list.items.count >= 2 else { return }
    for (a, b) in zip(list.items, list.items.dropFirst()) {
      guard Self.printsAsItsValue(a), Self.printsAsItsValue(b) else {
        throw Halt.refused(
          line: learnerLine, column: learnerColumn, construct: "the order of a set",
          why:
            "sorted() over a set keeps equal values in the set's order, which lesson does not reproduce for objects; sort strings or numbers"
        )
      }
      if try !lessThan(a, b), try !lessThan(b, a), !Self.alike(a, b) {
        throw Halt.refused(
          line: learnerLine, column: learnerColumn, construct: "the order of a set",
          why:
            "sorted() keeps equal values in the order they came, which for a set is its hash table's, and these print differently; make the values distinct or sort a list"
        )
      }
    }
  }

  /// The elements of a set in the order CPython iterates them, or a refusal when that order is not
  /// known here (elements hashed by address, or a set made by a set operation).
  func setOrder(_ s: SetObject) throws -> [PyObject] {
    if let order = s.cpythonOrder { return order }
    // Tasks cannot be sorted: the fix is the list they came from.
    if s.items.contains(where: { $0 is FutureObject }) {
      throw Halt.refused(
        line: learnerLine, column: learnerColumn, construct: "the order of a set of tasks",
        why:
          "Python's order for a set of tasks (asyncio.wait's done and pending) depends on memory addresses, which lesson does not reproduce; go through your own list of tasks in order instead: [t for t in tasks if t in done]"
      )
    }
    throw Halt.refused(
      line: learnerLine, column: learnerColumn, construct: "the order of a set",
      why:
        "Python's order for this set depends on its hash table (memory addresses, or how a set operation built it), which lesson does not reproduce; sort it first: sorted(s)"
    )
  }

  /// The values of an iterable for a use where their order does not matter (`sorted`, `sum`,
  /// `min`, set operations): a set's elements without asking for CPython's order.
  func iterateUnordered(_ o: PyObject) throws -> [PyObject] {
    if let s = o as? SetObject { return s.items }
    if let v = o as? DictViewObject { return try iterate(v) }
    return try iterate(o)
  }

  /// All the values of an iterable.
  func iterate(_ o: PyObject, limit: Int = Int.max) throws -> [PyObject] {
    if let l = o as? ListObject, l.type.behavesAsBuiltin { return l.items }
    if let t = o as? TupleObject, t.type === Types.tuple { return t.items }
    let it = try getIterator(o)
    var out: [PyObject] = []
    while let v = try next(it) {
      out.append(v)
      if out.count >= limit { break }
      if out.count & 0xFFFF == 0 { try checkElements(out.count) }
    }
    return out
  }

  func length(_ o: PyObject) throws -> Int {
    switch o {
    case let s as StrObject: return s.count
    case let l as ListObject: return l.items.count
    case let t as TupleObject: return t.items.count
    case let d as DictObject: return d.count
    case let s as SetObject: return s.count
    case let r as RangeObject: return r.count
    case let b as BytesObject: return b.value.count
    case let v as DictViewObject: return v.dict.count
    case let t as TypeObject where t.enumMembers != nil: return EnumModule.canonical(t).count
    default:
      if let f = o.type.lookup("__len__") {
        let r = try call(f, Args([o]))
        guard let i = r as? IntObject else {
          throw typeError("'\(typeName(r))' object cannot be interpreted as an integer")
        }
        guard let n = i.intValue else {
          throw pyError(Types.OverflowError, "cannot fit 'int' into an index-sized integer")
        }
        if n < 0 { throw valueError("__len__() should return >= 0") }
        return n
      }
      throw typeError("object of type '\(typeName(o))' has no len()")
    }
  }

  func contains(_ container: PyObject, _ v: PyObject) throws -> Bool {
    switch container {
    case let s as StrObject:
      guard let sub = v as? StrObject else {
        throw typeError("'in <string>' requires string as left operand, not \(typeName(v))")
      }
      // By code points: Swift's `contains` matches whole characters (`"e" in "e\u{301}"` is True).
      return sub.value.isEmpty || PyStringSearch.find(s.value, sub.value) >= 0
    case let l as ListObject:
      var i = 0
      while i < l.items.count {
        if try keysEqual(l.items[i], v) { return true }
        i += 1
      }
      return false
    case let t as TupleObject:
      for x in t.items where try keysEqual(x, v) { return true }
      return false
    case let d as DictObject: return try d.get(v, self) != nil
    case let s as SetObject: return try s.contains(v, self)
    case let t as TypeObject where t.enumMembers != nil:
      return try EnumModule.contains(self, t, v)
    case let dv as DictViewObject:
      switch dv.kind {
      case .keys: return try dv.dict.get(v, self) != nil
      case .values:
        for x in dv.dict.values where try keysEqual(x, v) { return true }
        return false
      case .items:
        guard let t = v as? TupleObject, t.items.count == 2, let x = try dv.dict.get(t.items[0], self) else {
          return false
        }
        return try eq(x, t.items[1])
      }
    case let r as RangeObject:
      guard let i = (v as? IntObject)?.intValue else {
        for x in try iterate(r) where try eq(x, v) { return true }
        return false
      }
      if r.step > 0 { return i >= r.start && i < r.stop && (i - r.start) % r.step == 0 }
      return i <= r.start && i > r.stop && (r.start - i) % r.step == 0
    default:
      if let f = container.type.lookup("__contains__"), !(f is BuiltinFunctionObject) || container is NativeObject {
        return try truthy(try call(f, Args([container, v])))
      }
      let it = try rephrasingNotIterable(container, as: "argument of type '\(typeName(container))' is not iterable") {
        try getIterator(container)
      }
      while let x = try next(it) {
        if try keysEqual(x, v) { return true }
      }
      return false
    }
  }

  // MARK: Subscripts

  func index(_ o: PyObject, _ what: String) throws -> Int {
    if let i = o as? IntObject {
      guard let v = i.intValue else { throw indexError("cannot fit 'int' into an index-sized integer") }
      return v
    }
    if let f = o.type.lookup("__index__"), !o.type.isBuiltin, let r = try call(f, Args([o])) as? IntObject,
      let v = r.intValue
    {
      return v
    }
    if what == "string" {
      throw typeError(
        version.minor >= 11
          ? "string indices must be integers, not '\(typeName(o))'" : "string indices must be integers")
    }
    throw typeError("\(what) indices must be integers or slices, not \(typeName(o))")
  }

  func sliceIndices(_ s: SliceObject, count: Int) throws -> PySlice.Indices {
    func opt(_ o: PyObject) throws -> Int? {
      if o is NoneObject { return nil }
      if let i = o as? IntObject {
        if let v = i.intValue { return v }
        return i.value.signum < 0 ? Int.min / 2 : Int.max / 2
      }
      throw typeError("slice indices must be integers or None or have an __index__ method")
    }
    let a = try opt(s.start)
    let b = try opt(s.stop)
    let c = try opt(s.step)
    return try values { () throws(PythonValuesError) in try PySlice.indices(start: a, stop: b, step: c, length: count) }
  }

  func sliceItems<T>(_ items: [T], _ s: SliceObject) throws -> [T] {
    let ix = try sliceIndices(s, count: items.count)
    var out: [T] = []
    var i = ix.start
    for _ in 0..<ix.count {
      out.append(items[i])
      i &+= ix.step  // past the last index it may overflow, unused
    }
    return out
  }

  func getItem(_ o: PyObject, _ k: PyObject) throws -> PyObject {
    switch o {
    case let l as ListObject where l.type.behavesAsBuiltin:
      if let s = k as? SliceObject { return ListObject(try sliceItems(l.items, s)) }
      var i = try index(k, "list")
      if i < 0 { i += l.items.count }
      guard i >= 0, i < l.items.count else { throw indexError("list index out of range") }
      return l.items[i]
    case let t as TupleObject:
      if let s = k as? SliceObject { return TupleObject(try sliceItems(t.items, s)) }
      if !t.type.isBuiltin, let gi = t.type.lookup("__getitem__"), gi is FunctionObject {
        return try call(gi, Args([o, k]))
      }
      var i = try index(k, "tuple")
      if i < 0 { i += t.items.count }
      guard i >= 0, i < t.items.count else { throw indexError("tuple index out of range") }
      return t.items[i]
    case let s as StrObject:
      if let sl = k as? SliceObject {
        return StrObject(String(String.UnicodeScalarView(try sliceItems(s.scalars, sl))))
      }
      var i = try index(k, "string")
      let sc = s.scalars
      if i < 0 { i += sc.count }
      guard i >= 0, i < sc.count else { throw indexError("string index out of range") }
      return StrObject(String(sc[i]))
    case let d as DictObject:
      if let v = try d.get(k, self) { return v }
      if d.type !== Types.dict, let missing = d.type.lookup("__missing__") {
        return try call(missing, Args([d, k]))
      }
      throw keyError(k)
    case let r as RangeObject:
      if let s = k as? SliceObject {
        let ix = try sliceIndices(s, count: r.count)
        let (offset, o1) = ix.start.multipliedReportingOverflow(by: r.step)
        let (step, o2) = ix.step.multipliedReportingOverflow(by: r.step)
        let (span, o3) = ix.count.multipliedReportingOverflow(by: step)
        let (start, o4) = r.start.addingReportingOverflow(offset)
        let (stop, o5) = start.addingReportingOverflow(span)
        guard !(o1 || o2 || o3 || o4 || o5) else { throw tooLongRange() }
        return try range(start, stop, step)
      }
      var i = try index(k, "range")
      if i < 0 { i += r.count }
      guard i >= 0, i < r.count else { throw indexError("range object index out of range") }
      return IntObject.make(r.start + i * r.step)
    case let b as BytesObject:
      if let s = k as? SliceObject { return BytesObject(try sliceItems(b.value, s)) }
      var i = try index(k, "byte")
      if i < 0 { i += b.value.count }
      guard i >= 0, i < b.value.count else { throw indexError("index out of range") }
      return IntObject.make(Int(b.value[i]))
    case let t as TypeObject where t.enumMembers != nil:
      guard let name = k as? StrObject, let member = t.enumMembers?.first(where: { $0.name == name.value })?.member
      else {
        throw keyError(k)
      }
      return member
    case let t as TypeObject:
      if let cg = t.lookup("__class_getitem__") {
        if let d = cg as? DescriptorObject { return try call(d.function, Args([t, k])) }
        return try call(cg, Args([t, k]))
      }
      // list[int], deque[str]: a generic alias of a class that has `__class_getitem__` in
      // CPython (a subclass inherits it); keep the class. `int[str]` is a TypeError there.
      if t.mro.contains(where: Self.isGenericClass) { return GenericAlias(origin: t, args: k) }
      throw typeError(version.minor >= 11 ? "type '\(t.name)' is not subscriptable" : "'type' object is not subscriptable")
    default:
      if let gi = o.type.lookup("__getitem__"), !(gi is BuiltinFunctionObject) || o is NativeObject {
        return try call(gi, Args([o, k]))
      }
      throw typeError("'\(typeName(o))' object is not subscriptable")
    }
  }

  func setItem(_ o: PyObject, _ k: PyObject, _ v: PyObject) throws {
    switch o {
    case let l as ListObject where l.type.behavesAsBuiltin:
      if let s = k as? SliceObject {
        let ix = try sliceIndices(s, count: l.items.count)
        let before = l.items.count
        let new = try iterate(v)
        if ix.step == 1 {
          // Held to the list as it is now: iterating the value may have changed it (CPython clamps too).
          let start = min(ix.start, l.items.count)
          let end = min(max(start, ix.start + ix.count), l.items.count)
          l.items.replaceSubrange(start..<end, with: new)
        } else {
          if l.items.count != before {
            throw Halt.refused(
              line: learnerLine, column: learnerColumn,
              construct: "an extended slice assignment whose value changes the list",
              why: "CPython writes to the places it counted before; lesson does not reproduce that")
          }
          guard new.count == ix.count else {
            throw valueError("attempt to assign sequence of size \(new.count) to extended slice of size \(ix.count)")
          }
          var i = ix.start
          for x in new {
            l.items[i] = x
            i &+= ix.step  // past the last index it may overflow, unused
          }
        }
        return
      }
      var i = try index(k, "list")
      if i < 0 { i += l.items.count }
      guard i >= 0, i < l.items.count else { throw indexError("list assignment index out of range") }
      l.items[i] = v
    case let d as DictObject where d.type.isBuiltin || d.type.lookup("__setitem__") is BuiltinFunctionObject:
      try d.set(k, v, self)
    default:
      if let si = o.type.lookup("__setitem__") {
        _ = try call(si, Args([o, k, v]))
        return
      }
      throw typeError("'\(typeName(o))' object does not support item assignment")
    }
  }

  func deleteItem(_ o: PyObject, _ k: PyObject) throws {
    switch o {
    case let l as ListObject:
      if let s = k as? SliceObject {
        let ix = try sliceIndices(s, count: l.items.count)
        var drop = Set<Int>()
        var i = ix.start
        for _ in 0..<ix.count {
          drop.insert(i)
          i &+= ix.step  // past the last index it may overflow, unused
        }
        l.items = l.items.enumerated().filter { !drop.contains($0.offset) }.map(\.element)
        return
      }
      var i = try index(k, "list")
      if i < 0 { i += l.items.count }
      guard i >= 0, i < l.items.count else { throw indexError("list assignment index out of range") }
      l.items.remove(at: i)
    case let d as DictObject:
      guard try d.remove(k, self) != nil else { throw keyError(k) }
    default:
      if let di = o.type.lookup("__delitem__") {
        _ = try call(di, Args([o, k]))
        return
      }
      throw typeError("'\(typeName(o))' object does not support item deletion")
    }
  }

  /// `{**m}` and `f(**m)` (`callee` being `f`, named in the error a repeated keyword raises).
  func mergeMapping(into d: DictObject, _ m: PyObject, isCall: Bool, callee: PyObject? = nil) throws {
    if let src = m as? DictObject {
      for (k, v) in src.pairs {
        if isCall {
          guard k is StrObject else { throw typeError("keywords must be strings") }
          if try d.get(k, self) != nil {
            throw typeError(
              "\(functionString(callee)) got multiple values for keyword argument '\((k as! StrObject).value)'")
          }
        }
        try d.set(k, v, self)
      }
      return
    }
    guard let keysFn = try findAttribute(m, StrObject("keys")) else {
      if isCall { throw typeError("\(functionString(callee)) argument after ** must be a mapping, not \(typeName(m))") }
      throw typeError("'\(typeName(m))' object is not a mapping")
    }
    for k in try iterate(try call(keysFn, Args())) {
      let v = try getItem(m, k)
      // A keyword given twice (`f(a=1, **m)` where m has 'a', or keys() naming it twice).
      if isCall, let name = k as? StrObject, try d.get(k, self) != nil {
        throw typeError("\(functionString(callee)) got multiple values for keyword argument '\(name.value)'")
      }
      try d.set(k, v, self)
    }
  }

  /// A callable as CPython's `_PyObject_FunctionStr` names it: `__main__.K.m()`, `print()`.
  func functionString(_ o: PyObject?) -> String {
    func qualified(_ module: String?, _ qualname: String) -> String {
      module == nil || module == "builtins" ? "\(qualname)()" : "\(module!).\(qualname)()"
    }
    switch o {
    case let f as FunctionObject: return qualified((f.globals.getStr("__name__") as? StrObject)?.value, f.qualname)
    case let m as MethodObject: return functionString(m.function)
    case let t as TypeObject: return qualified(t.module, t.qualname)
    case let b as BuiltinFunctionObject: return "\(b.name)()"
    case let o?: return "\(typeName(o)) object"
    case nil: return "function"
    }
  }
}

/// `list[int]`, `dict[str, float]`: annotations that name a built-in generic.
extension Machine {
  /// The classes lesson makes whose CPython counterparts define `__class_getitem__`.
  static func isGenericClass(_ t: TypeObject) -> Bool {
    switch t.module {
    case "builtins": ["list", "dict", "tuple", "set", "frozenset", "type", "enumerate"].contains(t.name)
    case "collections": ["deque", "defaultdict", "OrderedDict", "Counter", "ChainMap"].contains(t.name)
    case "functools": t.name == "partial"
    case "_contextvars", "contextvars": t.name == "ContextVar" || t.name == "Token"
    case "_asyncio": t.name == "Future" || t.name == "Task"
    case "dataclasses": t.name == "Field"
    case let module where module == "asyncio" || module.hasPrefix("asyncio."):
      ["Future", "Task", "Queue", "LifoQueue", "PriorityQueue"].contains(t.name)
    default: false
    }
  }
}

final class GenericAlias: PyObject {
  let origin: TypeObject
  let args: PyObject
  init(origin: TypeObject, args: PyObject) {
    self.origin = origin
    self.args = args
    super.init(type: Types.genericAlias)
  }
}

enum PyStringSearch {
  static func find(_ s: String, _ sub: String) -> Int { PyString.find(s, sub) }
}

extension Machine {
  /// `range(start, stop, step)` whose length a machine word holds; a longer one is refused (Python
  /// keeps its length as a big integer, and some of its operations raise `OverflowError` on it).
  func range(_ start: Int, _ stop: Int, _ step: Int) throws -> RangeObject {
    let (span, overflow) =
      step > 0 ? stop.subtractingReportingOverflow(start) : start.subtractingReportingOverflow(stop)
    if overflow { throw tooLongRange() }
    _ = span
    return RangeObject(start, stop, step)
  }

  func tooLongRange() -> Halt {
    Halt.refused(
      line: learnerLine, column: learnerColumn, construct: "a range longer than 2**63 numbers",
      why: "lesson keeps a range's length in a machine word")
  }
}

extension Machine {
  /// The arguments of `await asyncio.gather(*s, return_exceptions=True)` whose value is unused,
  /// where `s` is a set of tasks whose order CPython does not fix (`asyncio.wait`'s pending): in
  /// any order, since nothing the program sees depends on it. Gather raises nothing, the list it
  /// returns is dropped, and when each task ends is the loop's business, not the order of the
  /// arguments. Should the gather itself be cancelled it would cancel them in that order, so they
  /// are marked as cancelled together (what they print from then on is refused). Nil for anything
  /// else, which goes as any `*args` does.
  func discardedGatherArguments(_ value: PyObject, callee: PyObject) -> [PyObject]? {
    guard let s = value as? SetObject, s.cpythonOrder == nil, s.items.count >= 2,
      s.items.allSatisfy({ ($0 as? FutureObject)?.future is AsyncioModel.Task }),
      let gather = modules["asyncio"]?.dict.getStr("gather"), callee === gather
    else { return nil }
    for item in s.items { ((item as? FutureObject)?.future as? AsyncioModel.Task)?.willBeCancelledAmongOthers() }
    return s.items
  }
}
