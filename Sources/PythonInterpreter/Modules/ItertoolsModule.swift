import PythonValues

/// `itertools`: lazy iterators that follow CPython's C implementations step by step (what they
/// consume from their inputs, and when).
enum ItertoolsModule {
  static func make(_ m: Machine) -> ModuleObject {
    let mod = ModuleObject("itertools")
    mod.def("count") { m, a in
      try ArgCheck.keywords(a, "count", ["start", "step"])
      var current = a.get(0, "start") ?? IntObject.make(0)
      let step = a.get(1, "step") ?? IntObject.make(1)
      for v in [current, step] where !(v is IntObject || v is FloatObject) && v.type.isBuiltin {
        throw typeError("a number is required")
      }
      return IteratorObject("itertools.count") {
        let v = current
        current = try m.binaryOp(current, step, .add)
        return v
      }
    }
    mod.def("cycle") { m, a in
      try ArgCheck.positional(a, "cycle", min: 1, max: 1)
      let it = try m.getIterator(a[0])
      var saved: [PyObject] = []
      var exhausted = false
      var i = 0
      return IteratorObject("itertools.cycle") {
        if !exhausted {
          if let v = try m.next(it) {
            saved.append(v)
            return v
          }
          exhausted = true
        }
        if saved.isEmpty { return nil }
        defer { i = (i + 1) % saved.count }
        return saved[i]
      }
    }
    mod.def("repeat") { m, a in
      try ArgCheck.keywords(a, "repeat", ["object", "times"])
      guard let obj = a.get(0, "object") else { throw typeError("repeat() missing required argument 'object' (pos 1)") }
      var left = try a.get(1, "times").map { max(0, try ArgCheck.smallInt(m, $0)) }
      return IteratorObject("itertools.repeat") {
        if let l = left {
          if l <= 0 { return nil }
          left = l - 1
        }
        return obj
      }
    }
    let chain = AsyncioModule.nativeType("chain", module: "itertools", [])
    chain.construct = { m, _, a in
      if !a.keywords.isEmpty { throw typeError("chain() takes no keyword arguments") }
      return chained(m, IteratorObject("tuple_iterator", makeList(a.positional)))
    }
    chain.dict.setStr("from_iterable", BuiltinFunctionObject("from_iterable", classMethod: true, owner: chain) { m, a in
      guard a.count == 2 else { throw typeError("chain.from_iterable() takes exactly one argument (\(a.count - 1) given)") }
      return chained(m, try m.getIterator(a[1]))
    })
    mod.set("chain", chain)
    mod.def("islice") { m, a in
      if !a.keywords.isEmpty { throw typeError("islice() takes no keyword arguments") }
      if a.count < 2 || a.count > 4 {
        throw typeError(a.count < 2 ? "islice expected at least 2 arguments, got \(a.count)" : "islice expected at most 4 arguments, got \(a.count)")
      }
      func index(_ o: PyObject, _ message: String) throws -> Int? {
        if o is NoneObject { return nil }
        guard let i = o as? IntObject, let v = i.intValue, v >= 0 else { throw valueError(message) }
        return v
      }
      let stopMessage = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize."
      let indexMessage = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize."
      var start = 0, stop: Int?, step = 1
      if a.count == 2 {
        stop = try index(a[1], stopMessage)
      } else {
        start = try index(a[1], indexMessage) ?? 0
        stop = try index(a[2], stopMessage)
        if a.count == 4 {
          if a[3] is NoneObject { step = 1 } else {
            guard let s = (a[3] as? IntObject)?.intValue, s >= 1 else { throw valueError("Step for islice() must be a positive integer or None.") }
            step = s
          }
        }
      }
      let it = try m.getIterator(a[0])
      var count = 0, next = start
      var done = false
      return IteratorObject("itertools.islice") {
        if done { return nil }
        while count < next {
          guard try m.next(it) != nil else { done = true; return nil }
          count += 1
        }
        if let stop, count >= stop { done = true; return nil }
        guard let v = try m.next(it) else { done = true; return nil }
        count += 1
        let (moved, overflow) = next.addingReportingOverflow(step)
        // A step past every index there can be: CPython's counter then becomes its stop, which is
        // -1 without one (so the next item comes at once, and then none: islice's own quirk).
        if overflow {
          next = stop ?? -1
        } else {
          next = moved
          if let stop, next > stop { next = stop }
        }
        return v
      }
    }
    mod.def("zip_longest") { m, a in
      try ArgCheck.keywords(a, "zip_longest", ["fillvalue"])
      let fill = a.keyword("fillvalue") ?? NoneObject.shared
      var its: [PyObject?] = try a.positional.map { try m.getIterator($0) }
      var active = its.count
      return IteratorObject("itertools.zip_longest") {
        if its.isEmpty || active == 0 { return nil }
        var out: [PyObject] = []
        for i in its.indices {
          if let it = its[i], let v = try m.next(it) {
            out.append(v)
          } else {
            if its[i] != nil {
              its[i] = nil
              active -= 1
              if active == 0 { return nil }
            }
            out.append(fill)
          }
        }
        return TupleObject(out)
      }
    }
    mod.def("product") { m, a in
      try ArgCheck.keywords(a, "product", ["repeat"])
      let rep = try a.keyword("repeat").map { try ArgCheck.smallInt(m, $0) } ?? 1
      if rep < 0 { throw valueError("repeat argument cannot be negative") }
      if rep > 0, a.positional.count > Int.max / rep { throw pyError(Types.OverflowError, "repeat argument too large") }
      try m.checkElements(a.positional.count * rep)  // CPython allocates a tuple of that many pools first
      let pools0 = try a.positional.map { try m.iterate($0) }
      var pools: [[PyObject]] = []
      for _ in 0..<rep { pools += pools0 }
      var indices = Array(repeating: 0, count: pools.count)
      var first = true
      var done = pools.contains { $0.isEmpty }
      return IteratorObject("itertools.product") {
        if done { return nil }
        if first {
          first = false
          return TupleObject(zip(pools, indices).map { $0[$1] })
        }
        var i = pools.count - 1
        while i >= 0 {
          indices[i] += 1
          if indices[i] < pools[i].count { break }
          indices[i] = 0
          i -= 1
        }
        if i < 0 { done = true; return nil }
        return TupleObject(zip(pools, indices).map { $0[$1] })
      }
    }
    mod.def("permutations") { m, a in
      try ArgCheck.keywords(a, "permutations", ["iterable", "r"])
      guard let src = a.get(0, "iterable") else { throw typeError("permutations() missing required argument 'iterable' (pos 1)") }
      let pool = try m.iterate(src)
      let n = pool.count
      let r = try a.get(1, "r").flatMap { $0 is NoneObject ? nil : try ArgCheck.smallInt(m, $0) } ?? n
      if r < 0 { throw valueError("r must be non-negative") }
      try m.checkElements(r)  // CPython allocates r cycles first (MemoryError for a huge r)
      var indices = Array(0..<n)
      var cycles = r > n ? [] : Array(stride(from: n, to: n - r, by: -1))
      var first = true
      var done = r > n
      return IteratorObject("itertools.permutations") {
        if done { return nil }
        if first {
          first = false
          return TupleObject(indices.prefix(r).map { pool[$0] })
        }
        if n == 0 { done = true; return nil }
        var i = r - 1
        while i >= 0 {
          cycles[i] -= 1
          if cycles[i] == 0 {
            let moved = indices.remove(at: i)
            indices.append(moved)
            cycles[i] = n - i
          } else {
            let j = cycles[i]
            indices.swapAt(i, n - j)
            return TupleObject(indices.prefix(r).map { pool[$0] })
          }
          i -= 1
        }
        done = true
        return nil
      }
    }
    for withReplacement in [false, true] {
      let name = withReplacement ? "combinations_with_replacement" : "combinations"
      mod.def(name) { m, a in
        try ArgCheck.keywords(a, name, ["iterable", "r"])
        guard let src = a.get(0, "iterable"), let ro = a.get(1, "r") else {
          throw typeError("\(name)() missing required argument '\(a.get(0, "iterable") == nil ? "iterable' (pos 1)" : "r' (pos 2)")")
        }
        let pool = try m.iterate(src)
        let n = pool.count
        let r = try ArgCheck.smallInt(m, ro)
        if r < 0 { throw valueError("r must be non-negative") }
        try m.checkElements(r)  // CPython allocates r indices first (MemoryError for a huge r)
        var indices = (withReplacement ? n == 0 : r > n) ? [] : withReplacement ? Array(repeating: 0, count: r) : Array(0..<r)
        var first = true
        var done = withReplacement ? (n == 0 && r > 0) : r > n
        return IteratorObject("itertools.\(name)") {
          if done { return nil }
          if first {
            first = false
            return TupleObject(indices.map { pool[$0] })
          }
          var i = r - 1
          if withReplacement {
            while i >= 0 && indices[i] == n - 1 { i -= 1 }
            if i < 0 { done = true; return nil }
            let v = indices[i] + 1
            for j in i..<r { indices[j] = v }
          } else {
            while i >= 0 && indices[i] == i + n - r { i -= 1 }
            if i < 0 { done = true; return nil }
            indices[i] += 1
            for j in (i + 1)..<max(i + 1, r) { indices[j] = indices[j - 1] + 1 }
          }
          return TupleObject(indices.map { pool[$0] })
        }
      }
    }
    mod.def("accumulate") { m, a in
      try ArgCheck.keywords(a, "accumulate", ["iterable", "func", "initial"])
      guard let src = a.get(0, "iterable") else { throw typeError("accumulate() missing required argument 'iterable' (pos 1)") }
      let fn = a.get(1, "func").flatMap { $0 is NoneObject ? nil : $0 }
      var total: PyObject? = a.keyword("initial").flatMap { $0 is NoneObject ? nil : $0 }
      var pendingInitial = total != nil
      let it = try m.getIterator(src)
      return IteratorObject("itertools.accumulate") {
        if pendingInitial {
          pendingInitial = false
          return total
        }
        guard let v = try m.next(it) else { return nil }
        if let t = total {
          total = try fn.map { try m.call($0, Args([t, v])) } ?? (try m.binaryOp(t, v, .add))
        } else {
          total = v
        }
        return total
      }
    }
    mod.def("groupby") { m, a in
      try ArgCheck.keywords(a, "groupby", ["iterable", "key"])
      guard let src = a.get(0, "iterable") else { throw typeError("groupby() missing required argument 'iterable' (pos 1)") }
      let key = a.get(1, "key").flatMap { $0 is NoneObject ? nil : $0 }
      return GroupBy(iterator: try m.getIterator(src), key: key).iterator(m)
    }
    mod.def("starmap") { m, a in
      try ArgCheck.positional(a, "starmap", min: 2, max: 2)
      let fn = a[0]
      let it = try m.getIterator(a[1])
      return IteratorObject("itertools.starmap") {
        guard let v = try m.next(it) else { return nil }
        return try m.call(fn, Args(try m.iterate(v)))
      }
    }
    for (name, whileTrue) in [("takewhile", true), ("dropwhile", false)] {
      mod.def(name) { m, a in
        try ArgCheck.positional(a, name, min: 2, max: 2)
        let pred = a[0]
        let it = try m.getIterator(a[1])
        var stopped = false
        return IteratorObject("itertools.\(name)") {
          if whileTrue {
            if stopped { return nil }
            guard let v = try m.next(it) else { return nil }
            if try m.truthy(try m.call(pred, Args([v]))) { return v }
            stopped = true
            return nil
          }
          while let v = try m.next(it) {
            if stopped { return v }
            if try !m.truthy(try m.call(pred, Args([v]))) {
              stopped = true
              return v
            }
          }
          return nil
        }
      }
    }
    mod.def("filterfalse") { m, a in
      try ArgCheck.positional(a, "filterfalse", min: 2, max: 2)
      let pred = a[0]
      let it = try m.getIterator(a[1])
      return IteratorObject("itertools.filterfalse") {
        while let v = try m.next(it) {
          let keep = pred is NoneObject ? try m.truthy(v) : try m.truthy(try m.call(pred, Args([v])))
          if !keep { return v }
        }
        return nil
      }
    }
    mod.def("compress") { m, a in
      try ArgCheck.keywords(a, "compress", ["data", "selectors"])
      guard let d = a.get(0, "data"), let s = a.get(1, "selectors") else { throw typeError("compress() missing required argument 'data' (pos 1)") }
      let data = try m.getIterator(d), sel = try m.getIterator(s)
      return IteratorObject("itertools.compress") {
        while let v = try m.next(data) {
          guard let keep = try m.next(sel) else { return nil }
          if try m.truthy(keep) { return v }
        }
        return nil
      }
    }
    if m.version.minor >= 10 {
      mod.def("pairwise") { m, a in
        try ArgCheck.positional(a, "pairwise", min: 1, max: 1)
        let it = try m.getIterator(a[0])
        var old: PyObject?
        var done = false
        return IteratorObject("itertools.pairwise") {
          if done { return nil }
          if old == nil {
            guard let v = try m.next(it) else { done = true; return nil }
            old = v
          }
          guard let new = try m.next(it) else { done = true; old = nil; return nil }
          defer { old = new }
          return TupleObject([old!, new])
        }
      }
    }
    if m.version.minor >= 12 {
      mod.def("batched") { m, a in
        try ArgCheck.keywords(a, "batched", m.version.minor >= 13 ? ["iterable", "n", "strict"] : ["iterable", "n"])
        guard let src = a.get(0, "iterable"), let no = a.get(1, "n") else {
          throw typeError("batched() missing required argument '\(a.get(0, "iterable") == nil ? "iterable' (pos 1)" : "n' (pos 2)")")
        }
        let n = try ArgCheck.smallInt(m, no)
        if n < 1 { throw valueError("n must be at least one") }
        let strict = try a.keyword("strict").map { try m.truthy($0) } ?? false
        let it = try m.getIterator(src)
        var done = false
        return IteratorObject("itertools.batched") {
          if done { return nil }
          var batch: [PyObject] = []
          while batch.count < n, let v = try m.next(it) { batch.append(v) }
          if batch.count < n { done = true }
          if batch.isEmpty { return nil }
          if strict && batch.count < n { throw valueError("batched(): incomplete batch") }
          return TupleObject(batch)
        }
      }
    }
    mod.def("tee") { m, a in
      try ArgCheck.positional(a, "tee", min: 1, max: 2)
      let n = a.count > 1 ? try ArgCheck.int(m, a[1]) : BigInt(2)
      guard let count = n.int, count >= 0 else {
        if n.isNegative { throw valueError("n must be >= 0") }
        throw pyError(Types.OverflowError, "Python int too large to convert to C ssize_t")
      }
      // The copies share what was read from the source: each goes through it at its own pace.
      final class Shared {
        let source: PyObject
        var items: [PyObject] = []
        var ended = false
        init(_ source: PyObject) { self.source = source }
      }
      let shared = Shared(try m.getIterator(a[0]))
      return TupleObject(
        (0..<count).map { _ in
          var position = 0
          return IteratorObject("itertools._tee") {
            if position == shared.items.count {
              if shared.ended { return nil }
              guard let next = try m.next(shared.source) else {
                shared.ended = true
                return nil
              }
              shared.items.append(next)
              try m.checkElements(shared.items.count, added: 1)
            }
            defer { position += 1 }
            return shared.items[position]
          }
        })
    }
    return mod
  }

  /// A closure over a fixed list, for `IteratorObject`.
  static func makeList(_ items: [PyObject]) -> () throws -> PyObject? {
    var i = 0
    return {
      guard i < items.count else { return nil }
      defer { i += 1 }
      return items[i]
    }
  }

  /// `chain`: each iterable is only asked for its iterator when the one before runs out.
  static func chained(_ m: Machine, _ sources: PyObject) -> IteratorObject {
    var current: PyObject?
    var done = false
    return IteratorObject("itertools.chain") {
      while !done {
        if current == nil {
          guard let next = try m.next(sources) else { done = true; return nil }
          current = try m.getIterator(next)
        }
        if let v = try m.next(current!) { return v }
        current = nil
      }
      return nil
    }
  }
}

/// `itertools.groupby`: the groups share the underlying iterator, as in CPython's C code
/// (advancing the groupby invalidates the previous group).
final class GroupBy {
  let it: PyObject
  let key: PyObject?
  var targetKey: PyObject?
  var currentKey: PyObject?
  var currentValue: PyObject?
  var currentGrouper = 0

  init(iterator: PyObject, key: PyObject?) {
    it = iterator
    self.key = key
  }

  /// Reads the next value and its key; false at the end.
  func step(_ m: Machine) throws -> Bool {
    guard let v = try m.next(it) else { return false }
    let k = try key.map { try m.call($0, Args([v])) } ?? v
    currentValue = v
    currentKey = k
    return true
  }

  func iterator(_ m: Machine) -> IteratorObject {
    IteratorObject("itertools.groupby") { [self] in
      currentGrouper += 1
      while true {
        if let ck = currentKey {
          guard let tk = targetKey else { break }
          if try !m.eq(tk, ck) { break }
        }
        if try !step(m) { return nil }
      }
      targetKey = currentKey
      let id = currentGrouper
      let target = targetKey!
      let grouper = IteratorObject("itertools._grouper") { [self] in
        if currentGrouper != id { return nil }
        if currentValue == nil {
          if try !step(m) { return nil }
        }
        guard let ck = currentKey, try m.eq(target, ck) else { return nil }
        let r = currentValue
        currentValue = nil
        currentKey = nil
        return r
      }
      return TupleObject([target, grouper])
    }
  }
}
