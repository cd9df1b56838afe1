import Foundation
import PythonValues

/// `random.Random`: CPython's Mersenne Twister (``PyRandom``), once seeded with an int or a float.
///
/// An unseeded generator (`Random()`, or the module's functions before `random.seed(n)`) draws
/// different numbers on every CPython run, so the machine refuses to draw from one.
final class RandomObject: NativeObject {
  var rng: PyRandom?
  /// `gauss_next`: the second number of the last pair `gauss` drew (`seed` forgets it).
  var gaussNext: Double?

  init(type: TypeObject = RandomModule.randomType) {
    super.init(type: type)
  }

  static func of(_ o: PyObject, _ m: Machine) throws -> RandomObject {
    guard let r = o as? RandomObject else {
      throw typeError("descriptor requires a 'random.Random' object but received a '\(m.typeName(o))'")
    }
    return r
  }

  /// The generator, or a refusal when nothing seeded it.
  func generator(_ m: Machine, _ name: String) throws -> PyRandom {
    guard let rng else {
      throw m.refuse("random.\(name)() without a seed", "the numbers would differ on every run; call random.seed(n) (or use random.Random(n)) first")
    }
    return rng
  }

  /// Runs `body` on the generator and keeps its new state.
  func draw<T>(_ m: Machine, _ name: String, _ body: (inout PyRandom) throws -> T) throws -> T {
    var g = try generator(m, name)
    defer { rng = g }
    return try body(&g)
  }
}

/// `random`: the module's functions are the methods of one hidden `Random` instance, as in CPython.
enum RandomModule {
  /// Methods lesson does not run yet (CPython computes them with loops of libm calls, or SHA-512).
  static let unsupported = [
    "vonmisesvariate", "gammavariate", "betavariate",
    "paretovariate", "weibullvariate", "binomialvariate", "randbytes", "getstate", "setstate",
  ]

  static var methods: [(String, BuiltinFunctionObject.Body)] { [
    ("seed", { m, a in
      try ArgCheck.keywords(a, "seed", ["a", "version"])
      let r = try RandomObject.of(a[0], m)
      try seed(m, r, a.get(1, "a") ?? NoneObject.shared)
      return NoneObject.shared
    }),
    ("random", { m, a in
      try ArgCheck.positional(Args(Array(a.positional.dropFirst()), keywords: a.keywords), "random", min: 0, max: 0)
      return FloatObject(try RandomObject.of(a[0], m).draw(m, "random") { $0.random() })
    }),
    ("getrandbits", { m, a in
      guard a.count == 2 else { throw typeError("getrandbits() takes exactly one argument (\(a.count - 1) given)") }
      let k = try ArgCheck.smallInt(m, a[1])
      try m.checkElements(k / 64)
      return IntObject.make(try RandomObject.of(a[0], m).draw(m, "getrandbits") { g in
        try values { () throws(PythonValuesError) in try g.getrandbits(k) }
      })
    }),
    ("randrange", { m, a in
      try ArgCheck.keywords(a, "randrange", ["start", "stop", "step"])
      guard let start = a.get(1, "start") else { throw typeError("Random.randrange() missing 1 required positional argument: 'start'") }
      let stop = a.get(2, "stop").flatMap { $0 is NoneObject ? nil : $0 }
      let step = a.get(3, "step")
      let s = try integer(m, start, "randrange")
      let e = try stop.map { try integer(m, $0, "randrange") }
      let st = try step.map { try integer(m, $0, "randrange") } ?? .one
      if e == nil && step != nil && st != .one { throw typeError("Missing a non-None stop argument") }
      let release = m.release
      return IntObject.make(try RandomObject.of(a[0], m).draw(m, "randrange") { g in
        try values { () throws(PythonValuesError) in try g.randrange(s, e, step: st, release: release) }
      })
    }),
    ("randint", { m, a in
      try ArgCheck.keywords(a, "randint", ["a", "b"])
      guard let lo = a.get(1, "a"), let hi = a.get(2, "b") else {
        throw typeError("Random.randint() missing \(a.count < 2 ? "2 required positional arguments: 'a' and 'b'" : "1 required positional argument: 'b'")")
      }
      let x = try integer(m, lo, "randrange"), y = try integer(m, hi, "randrange")
      let release = m.release
      return IntObject.make(try RandomObject.of(a[0], m).draw(m, "randint") { g in
        try values { () throws(PythonValuesError) in try g.randint(x, y, release: release) }
      })
    }),
    ("choice", { m, a in
      guard a.count == 2, a.keywords.isEmpty else { throw typeError("Random.choice() takes 2 positional arguments but \(a.count) were given") }
      let seq = a[1]
      let n = try m.length(seq)
      let r = try RandomObject.of(a[0], m)
      if n == 0 {
        if m.version.minor >= 11 { throw indexError(PyRandom.emptyChoiceMessage) }
        return try m.getItem(seq, IntObject.make(0))
      }
      let i = try r.draw(m, "choice") { $0.choiceIndex(count: n)! }
      return try m.getItem(seq, IntObject.make(i))
    }),
    ("shuffle", { m, a in
      guard a.count == 2, a.keywords.isEmpty else {
        if a.count > 2 || !a.keywords.isEmpty {
          throw m.refuse("random.shuffle(x, random)", "the 'random' argument of shuffle is not run by lesson")
        }
        throw typeError("Random.shuffle() missing 1 required positional argument: 'x'")
      }
      let r = try RandomObject.of(a[0], m)
      if let l = a[1] as? ListObject {
        var items = l.items
        try r.draw(m, "shuffle") { $0.shuffle(&items) }
        l.items = items
        return NoneObject.shared
      }
      // Another sequence: `x[i], x[j] = x[j], x[i]` from the end, as random.py swaps.
      var i = try m.length(a[1]) - 1
      while i >= 1 {
        try m.countStep()
        let j = try r.draw(m, "shuffle") { $0.randbelow(BigInt(i + 1)).int! }
        let xj = try m.getItem(a[1], IntObject.make(j))
        let xi = try m.getItem(a[1], IntObject.make(i))
        try m.setItem(a[1], IntObject.make(i), xj)
        try m.setItem(a[1], IntObject.make(j), xi)
        i -= 1
      }
      return NoneObject.shared
    }),
    ("sample", { m, a in
      try ArgCheck.keywords(a, "sample", ["population", "k", "counts"])
      if let c = a.keyword("counts"), !(c is NoneObject) {
        throw m.refuse("random.sample(counts=...)", "the 'counts' argument of sample is not run by lesson yet")
      }
      guard let pop = a.get(1, "population"), let ko = a.get(2, "k") else {
        throw typeError("Random.sample() missing 1 required positional argument: 'k'")
      }
      if pop is SetObject || pop is DictObject {
        if pop is SetObject && m.version.minor == 10 {
          throw m.refuse("random.sample(a set)", "Python 3.10 warns that sampling from a set is deprecated; sample from sorted(s)")
        }
        throw typeError("Population must be a sequence.  For dicts or sets, use sorted(d).")
      }
      guard pop is ListObject || pop is TupleObject || pop is StrObject || pop is RangeObject || pop is BytesObject else {
        if pop.type.isBuiltin { throw typeError("Population must be a sequence.  For dicts or sets, use sorted(d).") }
        throw m.refuse("random.sample(population)", "sampling from a class of your own is not run by lesson yet")
      }
      let n = try m.length(pop)
      let k = try ArgCheck.smallInt(m, ko)
      try m.checkElements(k)
      let idx = try RandomObject.of(a[0], m).draw(m, "sample") { g in
        try values { () throws(PythonValuesError) in try g.sampleIndices(populationCount: n, k: k) }
      }
      return ListObject(try idx.map { try m.getItem(pop, IntObject.make($0)) })
    }),
    ("choices", { m, a in
      try ArgCheck.keywords(a, "choices", ["population", "weights", "cum_weights", "k"])
      guard let pop = a.get(1, "population") else {
        throw typeError("Random.choices() missing 1 required positional argument: 'population'")
      }
      let weights = a.get(2, "weights").flatMap { $0 is NoneObject ? nil : $0 }
      let cum = a.keyword("cum_weights").flatMap { $0 is NoneObject ? nil : $0 }
      let k = try a.keyword("k").map { try ArgCheck.smallInt(m, $0) } ?? 1
      try m.checkElements(k)
      let n = try m.length(pop)
      let r = try RandomObject.of(a[0], m)
      let idx: [Int]
      if weights == nil && cum == nil {
        idx = try r.draw(m, "choices") { $0.choicesIndices(populationCount: n, k: k) }
      } else {
        if weights != nil && cum != nil { throw typeError("Cannot specify both weights and cumulative weights") }
        if let w = weights, w is IntObject { throw typeError("The number of choices must be a keyword argument: k=\(try m.repr(w))") }
        var sums = try m.iterate(cum ?? weights!)
        if cum == nil {
          for i in sums.indices.dropFirst() { sums[i] = try m.binaryOp(sums[i - 1], sums[i], .add) }
        }
        if sums.count != n { throw valueError("The number of weights does not match the population") }
        let doubles: [Double] = try sums.map { s in
          if let f = s as? FloatObject { return f.value }
          if let i = s as? IntObject, let v = i.value.int64, v.magnitude <= 1 << 53 { return Double(v) }
          throw m.refuse("random.choices(weights)", "weights other than ints and floats are not run by lesson yet")
        }
        idx = try r.draw(m, "choices") { g in
          try values { () throws(PythonValuesError) in try g.choicesIndices(weights: doubles, cumulative: true, k: k) }
        }
      }
      return ListObject(try idx.map { try m.getItem(pop, IntObject.make($0)) })
    }),
    ("uniform", { m, a in
      try ArgCheck.keywords(a, "uniform", ["a", "b"])
      guard let lo = a.get(1, "a"), let hi = a.get(2, "b") else {
        throw typeError("Random.uniform() missing \(a.count < 2 ? "2 required positional arguments: 'a' and 'b'" : "1 required positional argument: 'b'")")
      }
      let x = try RandomObject.of(a[0], m).draw(m, "uniform") { $0.random() }
      // a + (b - a) * random(), with Python's arithmetic on the arguments.
      return try m.binaryOp(lo, try m.binaryOp(try m.binaryOp(hi, lo, .sub), FloatObject(x), .mult), .add)
    }),
    ("triangular", { m, a in
      try ArgCheck.keywords(a, "triangular", ["low", "high", "mode"])
      func number(_ x: PyObject?, _ otherwise: Double) throws -> Double? {
        guard let x, !(x is NoneObject) else { return otherwise }
        guard x is IntObject || x is FloatObject else { return nil }
        return try m.asDouble(x)
      }
      guard var low = try number(a.get(1, "low"), 0), var high = try number(a.get(2, "high"), 1) else {
        throw m.refuse("random.triangular() with these arguments", "only int and float bounds are run by lesson yet")
      }
      let modeObject = a.get(3, "mode")
      var u = try RandomObject.of(a[0], m).draw(m, "triangular") { $0.random() }
      // CPython's: c = 0.5 if mode is None else (mode - low) / (high - low); sqrt is correctly rounded.
      var c: Double
      if let modeObject, !(modeObject is NoneObject) {
        guard let mode = try number(modeObject, 0) else {
          throw m.refuse("random.triangular() with these arguments", "only int and float bounds are run by lesson yet")
        }
        if high - low == 0 { return a.get(1, "low") ?? FloatObject(0) }
        c = (mode - low) / (high - low)
      } else {
        c = 0.5
      }
      if u > c {
        u = 1.0 - u
        c = 1.0 - c
        swap(&low, &high)
      }
      return FloatObject(low + (high - low) * (u * c).squareRoot())
    }),
    // The normal and exponential distributions, as `random.py` writes them, with the same libm
    // functions CPython calls (`log`, `exp`, `sqrt`, `cos`, `sin`): the math module's, too.
    ("gauss", { m, a in
      let (mu, sigma) = try normalArguments(m, a, "gauss")
      let r = try RandomObject.of(a[0], m)
      var z = r.gaussNext
      r.gaussNext = nil
      if z == nil {
        let (u1, u2) = try r.draw(m, "gauss") { ($0.random(), $0.random()) }
        let x2pi = u1 * (2.0 * Double.pi)
        let g2rad = (-2.0 * Foundation.log(1.0 - u2)).squareRoot()
        z = Foundation.cos(x2pi) * g2rad
        r.gaussNext = Foundation.sin(x2pi) * g2rad
      }
      return try shifted(m, z!, mu, sigma)
    }),
    ("normalvariate", { m, a in
      let (mu, sigma) = try normalArguments(m, a, "normalvariate")
      return try shifted(m, try normal(m, a[0], "normalvariate"), mu, sigma)
    }),
    ("lognormvariate", { m, a in
      try ArgCheck.keywords(a, "lognormvariate", ["mu", "sigma"])
      guard let mu = a.get(1, "mu"), let sigma = a.get(2, "sigma") else {
        throw typeError("Random.lognormvariate() missing \(a.get(1, "mu") == nil ? "2 required positional arguments: 'mu' and 'sigma'" : "1 required positional argument: 'sigma'")")
      }
      let z = try normal(m, a[0], "lognormvariate")
      let x = try m.binaryOp(mu, try m.binaryOp(FloatObject(z), sigma, .mult), .add)
      guard let v = try m.asDouble(x) else { throw typeError("must be real number, not \(m.typeName(x))") }
      let e = Foundation.exp(v)
      if e.isInfinite && v.isFinite { throw pyError(Types.OverflowError, "math range error") }
      return FloatObject(e)
    }),
    ("expovariate", { m, a in
      try ArgCheck.keywords(a, "expovariate", ["lambd"])
      if a.count > 2 { throw typeError("Random.expovariate() takes from 1 to 2 positional arguments but \(a.count) were given") }
      let lambd: PyObject
      if let given = a.get(1, "lambd") {
        lambd = given
      } else if m.version.minor >= 12 {
        lambd = FloatObject(1.0)
      } else {
        throw typeError("Random.expovariate() missing 1 required positional argument: 'lambd'")
      }
      let u = try RandomObject.of(a[0], m).draw(m, "expovariate") { $0.random() }
      return try m.binaryOp(FloatObject(-Foundation.log(1.0 - u)), lambd, .div)
    }),
  ] }

  /// `mu` and `sigma` of `gauss`/`normalvariate`: defaults `0.0` and `1.0` from 3.11.
  static func normalArguments(_ m: Machine, _ a: Args, _ name: String) throws -> (PyObject, PyObject) {
    try ArgCheck.keywords(a, name, ["mu", "sigma"])
    if a.count > 3 { throw typeError("Random.\(name)() takes from 1 to 3 positional arguments but \(a.count) were given") }
    let mu = a.get(1, "mu"), sigma = a.get(2, "sigma")
    if m.version.minor < 11, mu == nil || sigma == nil {
      throw typeError("Random.\(name)() missing \(mu == nil ? "2 required positional arguments: 'mu' and 'sigma'" : "1 required positional argument: 'sigma'")")
    }
    return (mu ?? FloatObject(0.0), sigma ?? FloatObject(1.0))
  }

  /// `mu + z * sigma`, with Python's arithmetic on the arguments.
  static func shifted(_ m: Machine, _ z: Double, _ mu: PyObject, _ sigma: PyObject) throws -> PyObject {
    try m.binaryOp(mu, try m.binaryOp(FloatObject(z), sigma, .mult), .add)
  }

  /// Kinderman and Monahan's ratio method, as `normalvariate` runs it: a standard normal deviate.
  static func normal(_ m: Machine, _ o: PyObject, _ name: String) throws -> Double {
    let magic = 4 * Foundation.exp(-0.5) / (2.0).squareRoot()
    return try RandomObject.of(o, m).draw(m, name) { g in
      while true {
        let u1 = g.random()
        let u2 = 1.0 - g.random()
        let z = magic * (u1 - 0.5) / u2
        if z * z / 4.0 <= -Foundation.log(u2) { return z }
      }
    }
  }

  /// How many positional arguments (`self` counted) the methods CPython writes in Python take,
  /// the same in 3.10 to 3.13 (`shuffle` took `random` until 3.11): more raise the TypeError of a
  /// Python function.
  static let positionalRange: [String: ClosedRange<Int>] = [
    "seed": 1...3, "randrange": 2...4, "randint": 3...3, "sample": 3...3, "choices": 2...3,
    "uniform": 3...3, "triangular": 1...4, "lognormvariate": 3...3,
  ]

  static let randomType: TypeObject = {
    var all = methods.map { entry -> (String, BuiltinFunctionObject.Body) in
      let (name, body) = entry
      if name == "random" {
        // A method written in C (`METH_NOARGS`).
        return (name, { m, a in
          if a.count > 1 { throw typeError("Random.random() takes no arguments (\(a.count - 1) given)") }
          return try body(m, a)
        })
      }
      guard let range = positionalRange[name] else { return entry }
      return (name, { m, a in
        if a.count > range.upperBound {
          let takes =
            range.count == 1 ? "\(range.upperBound) positional argument\(range.upperBound == 1 ? "" : "s")"
            : "from \(range.lowerBound) to \(range.upperBound) positional arguments"
          throw typeError("Random.\(name)() takes \(takes) but \(a.count) were given")
        }
        return try body(m, a)
      })
    }
    for name in unsupported {
      all.append((name, { m, _ in
        throw m.refuse("random.\(name)()", "CPython computes it with floating-point functions (or hashes) whose exact results lesson does not reproduce yet")
      }))
    }
    let t = AsyncioModule.nativeType("Random", module: "random", all)
    t.construct = { m, cls, a in
      let r = RandomObject(type: cls)
      if a.count > 1 { throw typeError("Random() takes at most 1 positional argument (\(a.count) given)") }
      if let x = a.positional.first { try seed(m, r, x) }
      return r
    }
    return t
  }()

  /// `Random.seed(a)`: ints and floats as CPython seeds them; no seed (or `None`) seeds from the
  /// operating system, so the generator becomes one the machine refuses to draw from.
  static func seed(_ m: Machine, _ r: RandomObject, _ a: PyObject) throws {
    switch a {
    case is NoneObject: r.rng = nil; r.gaussNext = nil
    case let i as IntObject: r.rng = PyRandom(seed: i.value); r.gaussNext = nil
    case let f as FloatObject: r.rng = PyRandom(seed: f.value); r.gaussNext = nil
    case is StrObject, is BytesObject:
      throw m.refuse("random.seed(a string)", "CPython seeds from a string with SHA-512, which lesson does not run yet; seed with an int")
    default:
      if m.version.minor >= 11 {
        throw typeError(m.version.minor >= 13
          ? "The only supported seed types are:\nNone, int, float, str, bytes, and bytearray."
          : "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.")
      }
      throw m.refuse("random.seed(\(m.typeName(a)))", "Python 3.10 seeds from hash() with a deprecation warning")
    }
  }

  /// An int argument of `randrange`: floats are a `TypeError` from 3.12, deprecated before.
  static func integer(_ m: Machine, _ o: PyObject, _ fn: String) throws -> BigInt {
    if let i = o as? IntObject { return i.value }
    if o is FloatObject && m.version.minor < 12 {
      throw m.refuse("random.\(fn)(a float)", "Python \(m.version.minor == 10 ? "3.10" : "3.11") converts float arguments with a deprecation warning; pass ints")
    }
    return try ArgCheck.int(m, o)
  }

  static func make(_ m: Machine) -> ModuleObject {
    let mod = ModuleObject("random")
    mod.set("Random", randomType)
    let inst = RandomObject()
    for name in methods.map(\.0) { mod.set(name, (randomType.dict.getStr(name) as! BuiltinFunctionObject).bind(inst)) }
    for name in unsupported { mod.set(name, (randomType.dict.getStr(name) as! BuiltinFunctionObject).bind(inst)) }
    return mod
  }
}
