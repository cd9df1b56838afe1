import Foundation
import PythonValues

/// `math`: the C library's functions (the same glibc CPython calls) and CPython's own integer
/// algorithms, with CPython's errors (`math domain error`, `math range error`).
enum MathModule {
  /// The largest `factorial`, `comb` or `perm` argument the machine computes (the result of
  /// `factorial(100_000)` has 456,574 digits).
  static let largestFactorial = 100_000

  static func make(_ m: Machine) -> ModuleObject {
    let mod = ModuleObject("math")
    mod.set("pi", FloatObject(Double.pi))
    mod.set("e", FloatObject(M_E))
    mod.set("tau", FloatObject(2 * Double.pi))
    mod.set("inf", FloatObject(.infinity))
    mod.set("nan", FloatObject(.nan))

    /// A one-argument function of a float that raises `math domain error` / `math range error`
    /// as CPython's `math_1` does: a NaN from a non-NaN argument is a domain error, an infinity
    /// from a finite argument a range error (when `canOverflow`).
    func real(_ name: String, canOverflow: Bool = false, _ f: @escaping (Double) -> Double) {
      mod.def(name) { m, a in
        try ArgCheck.positional(a, "math.\(name)", min: 1, max: 1)
        let x = try ArgCheck.double(m, a[0])
        let r = f(x)
        if r.isNaN && !x.isNaN { throw valueError("math domain error") }
        if r.isInfinite && x.isFinite {
          if canOverflow { throw pyError(Types.OverflowError, "math range error") }
          throw valueError("math domain error")
        }
        return FloatObject(r)
      }
    }
    real("sqrt") { $0.squareRoot() }
    real("exp", canOverflow: true) { Foundation.exp($0) }
    real("expm1", canOverflow: true) { Foundation.expm1($0) }
    real("fabs") { Swift.abs($0) }
    real("sin") { Foundation.sin($0) }
    real("cos") { Foundation.cos($0) }
    real("tan") { Foundation.tan($0) }
    real("asin") { Foundation.asin($0) }
    real("acos") { Foundation.acos($0) }
    real("atan") { Foundation.atan($0) }
    real("sinh", canOverflow: true) { Foundation.sinh($0) }
    real("cosh", canOverflow: true) { Foundation.cosh($0) }
    real("tanh") { Foundation.tanh($0) }
    real("degrees") { $0 * (180.0 / Double.pi) }
    real("radians") { $0 * (Double.pi / 180.0) }

    for (name, f) in [("log2", Foundation.log2), ("log10", Foundation.log10)] as [(String, (Double) -> Double)] {
      mod.def(name) { m, a in
        try ArgCheck.positional(a, "math.\(name)", min: 1, max: 1)
        return FloatObject(try logarithm(m, a[0], f))
      }
    }
    mod.def("log") { m, a in
      if !a.keywords.isEmpty { throw typeError("math.log() takes no keyword arguments") }
      if a.count < 1 || a.count > 2 {
        throw typeError(m.version.minor >= 12
          ? (a.count < 1 ? "log expected at least 1 argument, got 0" : "log expected at most 2 arguments, got \(a.count)")
          : "math.log requires 1 to 2 arguments")
      }
      let num = try logarithm(m, a[0], Foundation.log)
      guard a.count == 2 else { return FloatObject(num) }
      let den = try logarithm(m, a[1], Foundation.log)
      if den == 0 { throw pyError(Types.ZeroDivisionError, "float division by zero") }
      return FloatObject(num / den)
    }
    mod.def("log1p") { m, a in
      try ArgCheck.positional(a, "math.log1p", min: 1, max: 1)
      let x = try ArgCheck.double(m, a[0])
      if x <= -1 { throw valueError("math domain error") }
      return FloatObject(Foundation.log1p(x))
    }
    mod.def("pow") { m, a in
      try ArgCheck.positional(a, "pow", min: 2, max: 2)
      return FloatObject(try power(try ArgCheck.double(m, a[0]), try ArgCheck.double(m, a[1])))
    }
    mod.def("atan2") { m, a in
      try ArgCheck.positional(a, "atan2", min: 2, max: 2)
      return FloatObject(Foundation.atan2(try ArgCheck.double(m, a[0]), try ArgCheck.double(m, a[1])))
    }
    mod.def("copysign") { m, a in
      try ArgCheck.positional(a, "copysign", min: 2, max: 2)
      let x = try ArgCheck.double(m, a[0]), y = try ArgCheck.double(m, a[1])
      return FloatObject(Double(signOf: y, magnitudeOf: x))
    }
    mod.def("fmod") { m, a in
      try ArgCheck.positional(a, "fmod", min: 2, max: 2)
      let x = try ArgCheck.double(m, a[0]), y = try ArgCheck.double(m, a[1])
      if y.isInfinite && x.isFinite { return FloatObject(x) }
      if y == 0 && !x.isNaN || x.isInfinite { throw valueError("math domain error") }
      return FloatObject(PyFloat.fmod(x, y))
    }
    for (name, test) in [("isfinite", { (x: Double) in x.isFinite }), ("isnan", { $0.isNaN }), ("isinf", { $0.isInfinite })] {
      mod.def(name) { m, a in
        try ArgCheck.positional(a, "math.\(name)", min: 1, max: 1)
        return BoolObject.of(test(try ArgCheck.double(m, a[0])))
      }
    }

    // Rounding to integers.
    for (name, dunder) in [("floor", "__floor__"), ("ceil", "__ceil__")] {
      mod.def(name) { m, a in
        try ArgCheck.positional(a, "math.\(name)", min: 1, max: 1)
        let o = a[0]
        if let i = o as? IntObject { return IntObject.make(i.value) }
        if !(o is FloatObject), !o.type.isBuiltin, let f = o.type.lookup(dunder) { return try m.call(f, Args([o])) }
        let x = try ArgCheck.double(m, o)
        let r = name == "floor" ? PyFloat.floor(x) : -PyFloat.floor(-x)
        return IntObject.make(try values { () throws(PythonValuesError) in try BigInt(truncating: r) })
      }
    }
    mod.def("trunc") { m, a in
      try ArgCheck.positional(a, "math.trunc", min: 1, max: 1)
      let o = a[0]
      if let i = o as? IntObject { return IntObject.make(i.value) }
      if let f = o as? FloatObject { return IntObject.make(try values { () throws(PythonValuesError) in try BigInt(truncating: f.value) }) }
      if !o.type.isBuiltin, let f = o.type.lookup("__trunc__") { return try m.call(f, Args([o])) }
      throw typeError("type \(m.typeName(o)) doesn't define __trunc__ method")
    }
    mod.def("modf") { m, a in
      try ArgCheck.positional(a, "math.modf", min: 1, max: 1)
      let x = try ArgCheck.double(m, a[0])
      if x.isInfinite { return TupleObject([FloatObject(Double(signOf: x, magnitudeOf: 0)), FloatObject(x)]) }
      let whole = x.rounded(.towardZero)
      return TupleObject([FloatObject(Double(signOf: x, magnitudeOf: Swift.abs(x - whole))), FloatObject(whole)])
    }

    // Sums and products.
    mod.def("fsum") { m, a in
      try ArgCheck.positional(a, "math.fsum", min: 1, max: 1)
      let xs = try m.iterate(a[0]).map { try ArgCheck.double(m, $0) }
      return FloatObject(try values { () throws(PythonValuesError) in try PyFloat.fsum(xs) })
    }
    mod.def("prod") { m, a in
      try ArgCheck.keywords(a, "prod", ["start"])
      if a.count != 1 { throw typeError("prod() takes exactly 1 positional argument (\(a.count) given)") }
      var acc: PyObject = a.keyword("start") ?? IntObject.make(1)
      let it = try m.getIterator(a[0])
      while let x = try m.next(it) { acc = try m.binaryOp(acc, x, .mult) }
      return acc
    }
    mod.def("isclose") { m, a in
      try ArgCheck.keywords(a, "isclose", ["a", "b", "rel_tol", "abs_tol"])
      guard let ao = a.get(0, "a") else { throw typeError("isclose() missing required argument 'a' (pos 1)") }
      guard let bo = a.get(1, "b") else { throw typeError("isclose() missing required argument 'b' (pos 2)") }
      if a.count > 2 { throw typeError("isclose() takes exactly 2 positional arguments (\(a.count) given)") }
      let x = try ArgCheck.double(m, ao), y = try ArgCheck.double(m, bo)
      let rel = try a.keyword("rel_tol").map { try ArgCheck.double(m, $0) } ?? 1e-9
      let abs = try a.keyword("abs_tol").map { try ArgCheck.double(m, $0) } ?? 0
      if rel < 0 || abs < 0 { throw valueError("tolerances must be non-negative") }
      if x == y { return BoolObject.true }
      if x.isInfinite || y.isInfinite { return BoolObject.false }
      let diff = Swift.abs(y - x)
      return BoolObject.of((diff <= Swift.abs(rel * y)) || (diff <= Swift.abs(rel * x)) || diff <= abs)
    }
    mod.def("hypot") { m, a in
      try ArgCheck.keywords(a, "hypot", [])
      let xs = try a.positional.map { Swift.abs(try ArgCheck.double(m, $0)) }
      if let r = try trivialNorm(m, xs) { return FloatObject(r) }
      throw m.refuse("math.hypot()", "CPython's hypot has its own rounding algorithm, which lesson does not reproduce yet")
    }
    mod.def("dist") { m, a in
      try ArgCheck.positional(a, "dist", min: 2, max: 2)
      let p = try m.iterate(a[0]).map { try ArgCheck.double(m, $0) }
      let q = try m.iterate(a[1]).map { try ArgCheck.double(m, $0) }
      if p.count != q.count { throw valueError("both points must have the same number of dimensions") }
      let xs = zip(p, q).map { Swift.abs($0 - $1) }
      if let r = try trivialNorm(m, xs) { return FloatObject(r) }
      throw m.refuse("math.dist()", "CPython's dist has its own rounding algorithm, which lesson does not reproduce yet")
    }

    // Integers.
    mod.def("gcd") { m, a in
      try ArgCheck.keywords(a, "gcd", [])
      var g = BigInt.zero
      for o in a.positional { g = try gcd(g, try ArgCheck.int(m, o)) }
      return IntObject.make(g)
    }
    mod.def("lcm") { m, a in
      try ArgCheck.keywords(a, "lcm", [])
      var l = BigInt.one
      for o in a.positional {
        let v = try ArgCheck.int(m, o)
        if l.isZero || v.isZero { l = .zero; continue }
        let g = try gcd(l, v)
        l = (try values { () throws(PythonValuesError) in try (l.absoluteValue).floorDivided(by: g) }) * v.absoluteValue
      }
      return IntObject.make(l)
    }
    mod.def("isqrt") { m, a in
      try ArgCheck.positional(a, "math.isqrt", min: 1, max: 1)
      let n = try ArgCheck.int(m, a[0])
      if n.isNegative { throw valueError("isqrt() argument must be nonnegative") }
      return IntObject.make(try isqrt(n))
    }
    mod.def("factorial") { m, a in
      try ArgCheck.positional(a, "math.factorial", min: 1, max: 1)
      let n = try ArgCheck.int(m, a[0])
      if n.isNegative { throw valueError("factorial() not defined for negative values") }
      guard let k = n.int else { throw pyError(Types.OverflowError, "factorial() argument should not exceed \(Int.max)") }
      try budget(k, "math.factorial")
      return IntObject.make(product(from: 2, through: k))
    }
    mod.def("perm") { m, a in
      try ArgCheck.positional(a, "perm", min: 1, max: 2)
      let n = try ArgCheck.int(m, a[0])
      if n.isNegative { throw valueError("n must be a non-negative integer") }
      if a.count == 1 || a[1] is NoneObject {
        guard let k = n.int else { throw pyError(Types.OverflowError, "factorial() argument should not exceed \(Int.max)") }
        try budget(k, "math.perm")
        return IntObject.make(product(from: 2, through: k))
      }
      let k = try ArgCheck.int(m, a[1])
      if k.isNegative { throw valueError("k must be a non-negative integer") }
      if k > n { return IntObject.make(0) }
      guard let ks = k.int, let ns = n.int else { throw pyError(Types.OverflowError, "k must not exceed \(Int.max)") }
      try budget(ks, "math.perm")
      return IntObject.make(product(from: ns - ks + 1, through: ns))
    }
    mod.def("comb") { m, a in
      try ArgCheck.positional(a, "comb", min: 2, max: 2)
      let n = try ArgCheck.int(m, a[0]), k0 = try ArgCheck.int(m, a[1])
      if n.isNegative { throw valueError("n must be a non-negative integer") }
      if k0.isNegative { throw valueError("k must be a non-negative integer") }
      if k0 > n { return IntObject.make(0) }
      let k = (n - k0) < k0 ? n - k0 : k0
      guard let ks = k.int else { throw pyError(Types.OverflowError, "min(n - k, k) must not exceed \(Int.max)") }
      try budget(ks, "math.comb")
      var r = BigInt.one
      for i in 0..<ks {
        r = try values { () throws(PythonValuesError) in try (r * (n - BigInt(i))).floorDivided(by: BigInt(i + 1)) }
      }
      return IntObject.make(r)
    }
    return mod
  }

  /// `math.log`'s argument: ints of any size (as CPython's `loghelper`), else floats.
  static func logarithm(_ m: Machine, _ o: PyObject, _ f: (Double) -> Double) throws -> Double {
    if let i = o as? IntObject {
      if i.value.signum <= 0 { throw valueError("math domain error") }
      if let d = try? values({ () throws(PythonValuesError) in try i.value.toDouble() }) { return f(d) }
      // Too large for a float: x = m * 2**e with m in [0.5, 1) correctly rounded (`_PyLong_Frexp`).
      var e = i.value.bitLength
      var mant = try values { () throws(PythonValuesError) in try BigInt.trueDivide(i.value, BigInt.one << e) }
      if mant == 1.0 {
        mant = 0.5
        e += 1
      }
      return f(mant) + f(2.0) * Double(e)
    }
    let x = try ArgCheck.double(m, o)
    if x.isNaN { return x }
    if x <= 0 { throw valueError("math domain error") }
    return f(x)
  }

  /// `math.pow`, with CPython's special cases and errors.
  static func power(_ x: Double, _ y: Double) throws -> Double {
    if !x.isFinite || !y.isFinite {
      return Foundation.pow(x, y)
    }
    if x == 0 && y < 0 { throw valueError("math domain error") }
    if x < 0 && y != y.rounded(.towardZero) { throw valueError("math domain error") }
    let r = Foundation.pow(x, y)
    if r.isInfinite { throw pyError(Types.OverflowError, "math range error") }
    return r
  }

  /// `hypot`/`dist` where CPython returns the largest magnitude as it is (no rounding involved):
  /// an infinity, a NaN, all zeros, or a single coordinate. `nil` otherwise.
  static func trivialNorm(_ m: Machine, _ xs: [Double]) throws -> Double? {
    let biggest = xs.max() ?? 0
    if xs.contains(where: { $0.isInfinite }) { return .infinity }
    if xs.contains(where: { $0.isNaN }) { return .nan }
    if biggest == 0 || xs.count <= 1 { return biggest }
    return nil
  }

  static func gcd(_ a: BigInt, _ b: BigInt) throws -> BigInt {
    var x = a.absoluteValue, y = b.absoluteValue
    while !y.isZero {
      let r = try values { () throws(PythonValuesError) in try x.modulo(y) }
      x = y
      y = r
    }
    return x
  }

  /// `math.isqrt`: the integer square root, by Newton's method from above.
  static func isqrt(_ n: BigInt) throws -> BigInt {
    if n.isZero { return .zero }
    var x = BigInt.one << ((n.bitLength + 1) / 2)
    while true {
      let y = try values { () throws(PythonValuesError) in try (x + (try n.floorDivided(by: x))) >> 1 }
      if y >= x { return x }
      x = y
    }
  }

  static func budget(_ n: Int, _ what: String) throws {
    if n > largestFactorial {
      throw Halt.budget("memory: \(what)(\(n)) would hold a number of millions of digits; lesson computes factorials up to \(largestFactorial)")
    }
  }

  /// `lo * (lo + 1) * ... * hi` (1 when empty), by halving so that the big multiplications are few.
  static func product(from lo: Int, through hi: Int) -> BigInt {
    if lo > hi { return .one }
    if hi - lo < 16 {
      var r = BigInt.one
      for i in lo...hi { r = r * BigInt(i) }
      return r
    }
    let mid = (lo + hi) / 2
    return product(from: lo, through: mid) * product(from: mid + 1, through: hi)
  }
}
