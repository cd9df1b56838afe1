import Foundation
import PythonValues

/// An exact rational number, as `statistics` computes with `fractions.Fraction` internally.
struct Rational {
  var num: BigInt
  var den: BigInt

  init(_ num: BigInt, _ den: BigInt = .one) {
    self.num = num
    self.den = den
  }

  /// A finite float, exactly.
  init(_ x: Double) {
    if x == 0 {
      self.init(.zero)
      return
    }
    let bits = x.significandBitPattern | (x.isNormal ? 1 << 52 : 0)
    let exp = (x.isNormal ? Int(x.exponent) : -1022) - 52
    let mag = BigInt(Int64(bits))
    let signed = x < 0 ? -mag : mag
    if exp >= 0 { self.init(signed << exp) } else { self.init(signed, BigInt.one << -exp) }
  }

  static func + (a: Rational, b: Rational) -> Rational { Rational(a.num * b.den + b.num * a.den, a.den * b.den) }
  static func - (a: Rational, b: Rational) -> Rational { Rational(a.num * b.den - b.num * a.den, a.den * b.den) }
  static func * (a: Rational, b: Rational) -> Rational { Rational(a.num * b.num, a.den * b.den) }
  /// `a / b` for a non-zero `b`.
  static func / (a: Rational, b: Rational) -> Rational {
    let r = Rational(a.num * b.den, a.den * b.num)
    return r.den.isNegative ? Rational(-r.num, -r.den) : r
  }

  /// In lowest terms.
  func reduced() throws -> Rational {
    let g = try MathModule.gcd(num, den)
    if g == .one || g.isZero { return self }
    return Rational(try values { () throws(PythonValuesError) in try num.floorDivided(by: g) },
                    try values { () throws(PythonValuesError) in try den.floorDivided(by: g) })
  }

  /// `float(Fraction)`: correctly rounded.
  func toDouble() throws -> Double {
    try values { () throws(PythonValuesError) in try BigInt.trueDivide(num, den) }
  }
}

/// `statistics`: CPython's exact algorithms for ints and floats (sums as exact fractions, one
/// rounding at the end). Other number types (`Decimal`, `Fraction`) are refused.
enum StatisticsModule {
  static let statisticsError = Types.exc("StatisticsError", Types.ValueError, module: "statistics")

  static func error(_ message: String) -> ExceptionObject { ExceptionObject(statisticsError, message) }

  /// The data as ints and floats; `containsFloat` is CPython's `T` being `float`.
  struct Numbers {
    var values: [PyObject] = []
    var containsFloat = false
    var nonFinite: [Double] = []

    init(_ m: Machine, _ items: [PyObject], _ fn: String) throws {
      for x in items {
        switch x {
        case let f as FloatObject:
          containsFloat = true
          if !f.value.isFinite { nonFinite.append(f.value) }
        case is IntObject: break
        default:
          if x.type.isBuiltin && !(x is NativeObject) && !(x is InstanceObject) {
            throw typeError("can't convert type '\(m.typeName(x))' to numerator/denominator")
          }
          throw m.refuse("statistics.\(fn)() of \(m.typeName(x)) values", "lesson runs statistics on ints and floats only")
        }
        values.append(x)
      }
    }

    func exact(_ x: PyObject) -> Rational {
      if let i = x as? IntObject { return Rational(i.value) }
      return Rational((x as! FloatObject).value)
    }

    /// The exact sum (finite data only).
    var sum: Rational { values.reduce(Rational(.zero)) { $0 + exact($1) } }

    /// `_convert(value, T)`: an int when every item is an int and the value is whole.
    func convert(_ r: Rational) throws -> PyObject {
      let v = try r.reduced()
      if !containsFloat && v.den == .one { return IntObject.make(v.num) }
      return FloatObject(try v.toDouble())
    }
  }

  /// The data argument of a statistics function, after checking the call against its Python
  /// signature (`data`, then `positional`, then keyword-only `allowed`).
  static func data(_ m: Machine, _ a: Args, _ fn: String, allowed: Set<String> = [], positional: [String] = []) throws
    -> [PyObject]
  {
    let signature = PythonSignature(
      qualname: fn, positional: ["data"] + positional, required: 1,
      keywordOnly: allowed.subtracting(positional).sorted(), countsSelf: false)
    try signature.check(a, version: m.version)
    guard let d = a.get(0, "data") else { throw typeError("\(fn)() missing 1 required positional argument: 'data'") }
    return try m.iterate(d)
  }

  static func mean(_ m: Machine, _ items: [PyObject], _ fn: String = "mean") throws -> PyObject {
    let nums = try Numbers(m, items, fn)
    if items.isEmpty { throw error("mean requires at least one data point") }
    if !nums.nonFinite.isEmpty {
      return FloatObject(nums.nonFinite.dropFirst().reduce(nums.nonFinite[0], +) / Double(items.count))
    }
    return try nums.convert(nums.sum / Rational(BigInt(items.count)))
  }

  /// `_float_sqrt_of_frac`: the correctly rounded square root of `n/m` (3.11 and later).
  static func sqrtOfFraction(_ r: Rational) throws -> Double {
    let n = r.num, m = r.den
    func rto(_ n: BigInt, _ m: BigInt) throws -> BigInt {
      let a = try MathModule.isqrt(try values { () throws(PythonValuesError) in try n.floorDivided(by: m) })
      return a * a * m != n ? (a.isOdd ? a : a + .one) : a
    }
    let q = (n.bitLength - m.bitLength - 109) >> 1
    if q >= 0 {
      let numerator = try rto(n, m << (2 * q)) << q
      return try values { () throws(PythonValuesError) in try numerator.toDouble() }
    }
    let numerator = try rto(n << (-2 * q), m)
    return try values { () throws(PythonValuesError) in try BigInt.trueDivide(numerator, BigInt.one << -q) }
  }

  /// The sum of squared deviations, its type, and the count, as `_ss` computes it in `release`.
  static func squaredDeviations(_ m: Machine, _ items: [PyObject], center: PyObject?, _ fn: String) throws -> (Numbers, Rational, Int) {
    let nums = try Numbers(m, items, fn)
    if !nums.nonFinite.isEmpty {
      throw m.refuse("statistics.\(fn)() of infinities or NaNs", "lesson does not run statistics' spread on non-finite data yet")
    }
    let n = items.count
    func pythonSquares(_ c: PyObject) throws -> (Numbers, Rational) {
      let sq = try items.map { x -> PyObject in
        let d = try m.binaryOp(x, c, .sub)
        return m.version.minor >= 11 ? try m.binaryOp(d, d, .mult) : try m.binaryOp(d, IntObject.make(2), .pow)
      }
      let s = try Numbers(m, sq, fn)
      return (s, s.sum)
    }
    if let c = center {
      if !(c is IntObject || c is FloatObject) { throw m.refuse("statistics.\(fn)() with a \(m.typeName(c)) center", "lesson runs statistics on ints and floats only") }
      let (t, ss) = try pythonSquares(c)
      return (t, ss, n)
    }
    // The exact sum of squares about the exact mean (3.10's `_ss` and 3.11's agree).
    if n == 0 { return (nums, Rational(.zero), 0) }
    var sx = Rational(.zero), sxx = Rational(.zero)
    for x in items {
      let e = nums.exact(x)
      sx = sx + e
      sxx = sxx + e * e
    }
    let count = Rational(BigInt(n))
    return (nums, (count * sxx - sx * sx) / count, n)
  }

  static func make(_ m: Machine) -> ModuleObject {
    let mod = ModuleObject("statistics")
    mod.set("StatisticsError", statisticsError)
    mod.def("mean") { m, a in try mean(m, try data(m, a, "mean")) }
    mod.def("fmean") { m, a in
      if let w = a.get(1, "weights"), !(w is NoneObject) {
        throw m.refuse("statistics.fmean(weights=...)", "weighted fmean is not run by lesson yet")
      }
      let items = try data(m, a, "fmean", allowed: m.version.minor >= 11 ? ["weights"] : [], positional: m.version.minor >= 11 ? ["weights"] : [])
      let xs = try items.map { try ArgCheck.double(m, $0) }
      if xs.isEmpty { throw error("fmean requires at least one data point") }
      return FloatObject(try values { () throws(PythonValuesError) in try PyFloat.fsum(xs) } / Double(xs.count))
    }
    mod.def("harmonic_mean") { m, a in
      if let w = a.get(1, "weights"), !(w is NoneObject) {
        throw m.refuse("statistics.harmonic_mean(weights=...)", "weighted harmonic_mean is not run by lesson yet")
      }
      let items = try data(m, a, "harmonic_mean", allowed: ["weights"], positional: ["weights"])
      let nums = try Numbers(m, items, "harmonic_mean")
      if !nums.nonFinite.isEmpty {
        throw m.refuse("statistics.harmonic_mean() of infinities or NaNs", "lesson runs statistics on finite data only")
      }
      let negative = "harmonic mean does not support negative values"
      func isNegative(_ x: PyObject) -> Bool { (x as? IntObject)?.value.isNegative ?? (((x as? FloatObject)?.value ?? 0) < 0) }
      if items.isEmpty { throw error("harmonic_mean requires at least one data point") }
      if items.count == 1 {
        if isNegative(items[0]) { throw error(negative) }
        return items[0]
      }
      // `_sum(1 / x for x in _fail_neg(data))`: each reciprocal a float, summed exactly; a zero
      // stops it (ZeroDivisionError) and the mean is 0.
      var total = Rational(.zero)
      for x in items {
        if isNegative(x) { throw error(negative) }
        let zero = (x as? IntObject)?.value.isZero ?? ((x as? FloatObject)?.value == 0)
        if zero { return IntObject.make(0) }
        guard let reciprocal = try m.binaryOp(IntObject.make(1), x, .div) as? FloatObject else {
          throw m.refuse("statistics.harmonic_mean() of these values", "lesson runs statistics on ints and floats only")
        }
        total = total + Rational(reciprocal.value)
      }
      if total.num.isNegative || total.num.isZero { throw error("Weighted sum must be positive") }
      return FloatObject(try (Rational(BigInt(items.count)) / total).toDouble())
    }
    mod.def("geometric_mean") { m, a in
      let items = try data(m, a, "geometric_mean")
      if m.version.minor >= 13 {
        // 3.13: exp(fsum(log(x)) / n) over the positive values; a zero makes it 0.0.
        var logs: [Double] = []
        var foundZero = false
        for x in items {
          let value = try ArgCheck.double(m, x)
          if value > 0 || value.isNaN {
            logs.append(try MathModule.logarithm(m, x, Foundation.log))
          } else if value == 0 {
            foundZero = true
          } else {
            throw ExceptionObject(statisticsError, [StrObject("No negative inputs allowed"), x])
          }
        }
        if items.isEmpty { throw error("Must have a non-empty dataset") }
        let total = try values { () throws(PythonValuesError) in try PyFloat.fsum(logs) }
        if total.isNaN { return FloatObject(.nan) }
        if foundZero { return FloatObject(total == .infinity ? .nan : 0.0) }
        return FloatObject(Foundation.exp(total / Double(items.count)))
      }
      // Before 3.13: exp(fmean(map(log, data))); a math domain error or no data is one message.
      let failure = error("geometric mean requires a non-empty dataset containing positive numbers")
      var logs: [Double] = []
      for x in items {
        do {
          logs.append(try MathModule.logarithm(m, x, Foundation.log))
        } catch let e as ExceptionObject where e.isInstance(of: Types.ValueError) {
          throw failure
        }
      }
      if logs.isEmpty { throw failure }
      let mean = try values { () throws(PythonValuesError) in try PyFloat.fsum(logs) } / Double(logs.count)
      let result = Foundation.exp(mean)
      if result.isInfinite, mean.isFinite { throw pyError(Types.OverflowError, "math range error") }
      return FloatObject(result)
    }
    for name in ["median", "median_low", "median_high"] {
      mod.def(name) { m, a in
        let items = try data(m, a, name)
        let l = ListObject(items)
        try m.sortList(l, key: nil, reverse: false)
        let n = l.items.count
        if n == 0 { throw error("no median for empty data") }
        switch name {
        case "median_low": return l.items[n % 2 == 1 ? n / 2 : n / 2 - 1]
        case "median_high": return l.items[n / 2]
        default:
          if n % 2 == 1 { return l.items[n / 2] }
          return try m.binaryOp(try m.binaryOp(l.items[n / 2 - 1], l.items[n / 2], .add), IntObject.make(2), .div)
        }
      }
    }
    func counts(_ m: Machine, _ items: [PyObject]) throws -> [(PyObject, Int)] {
      let index = DictObject()
      var out: [(PyObject, Int)] = []
      for x in items {
        if let i = try index.get(x, m) as? IntObject {
          out[i.intValue!].1 += 1
        } else {
          try index.set(x, IntObject.make(out.count), m)
          out.append((x, 1))
        }
      }
      return out
    }
    mod.def("mode") { m, a in
      let c = try counts(m, try data(m, a, "mode"))
      guard let best = c.max(by: { $0.1 < $1.1 }) else { throw error("no mode for empty data") }
      // max returns the last of equal maxima; CPython's most_common(1) the first.
      return c.first { $0.1 == best.1 }!.0
    }
    mod.def("multimode") { m, a in
      let c = try counts(m, try data(m, a, "multimode"))
      guard let top = c.map(\.1).max() else { return ListObject([]) }
      return ListObject(c.filter { $0.1 == top }.map(\.0))
    }
    for (name, sample, root) in [("variance", true, false), ("pvariance", false, false), ("stdev", true, true), ("pstdev", false, true)] {
      let centerName = sample ? "xbar" : "mu"
      mod.def(name) { m, a in
        let items = try data(m, a, name, allowed: [centerName], positional: [centerName])
        let center = a.get(1, centerName).flatMap { $0 is NoneObject ? nil : $0 }
        if m.version.minor == 10 && items.count < (sample ? 2 : 1) {
          throw error(sample ? "variance requires at least two data points" : "pvariance requires at least one data point")
        }
        let (t, ss, n) = try squaredDeviations(m, items, center: center, name)
        if n < (sample ? 2 : 1) {
          throw error("\(name) requires at least \(sample ? "two data points" : "one data point")")
        }
        let v = ss / Rational(BigInt(sample ? n - 1 : n))
        if !root { return try t.convert(v) }
        if m.version.minor >= 11 { return FloatObject(try sqrtOfFraction(try v.reduced())) }
        let converted = try t.convert(v)
        return FloatObject(try ArgCheck.double(m, converted).squareRoot())
      }
    }
    mod.def("quantiles") { m, a in
      let items = try data(m, a, "quantiles", allowed: ["n", "method"])
      let n = try a.keyword("n").map { try ArgCheck.smallInt(m, $0) } ?? 4
      let method = (a.keyword("method") as? StrObject)?.value ?? "exclusive"
      if n < 1 { throw error("n must be at least 1") }
      try m.checkElements(n)
      let l = ListObject(items)
      try m.sortList(l, key: nil, reverse: false)
      let d = l.items, ld = d.count
      if ld < 2 {
        if ld == 1 && m.version.minor >= 13 { return ListObject(Array(repeating: d[0], count: n - 1)) }
        throw error(m.version.minor >= 13 ? "must have at least one data point" : "must have at least two data points")
      }
      func interpolate(_ lo: PyObject, _ hi: PyObject, _ delta: Int) throws -> PyObject {
        let a = try m.binaryOp(lo, IntObject.make(n - delta), .mult)
        let b = try m.binaryOp(hi, IntObject.make(delta), .mult)
        return try m.binaryOp(try m.binaryOp(a, b, .add), IntObject.make(n), .div)
      }
      var out: [PyObject] = []
      switch method {
      case "inclusive":
        let mm = ld - 1
        for i in 1..<n {
          let j = i * mm / n, delta = i * mm % n
          out.append(try interpolate(d[j], d[min(j + 1, ld - 1)], delta))
        }
      case "exclusive":
        let mm = ld + 1
        for i in 1..<max(n, 1) {
          var j = i * mm / n
          j = j < 1 ? 1 : (j > ld - 1 ? ld - 1 : j)
          let delta = i * mm - j * n
          out.append(try interpolate(d[j - 1], d[j], delta))
        }
      default:
        throw valueError("Unknown method: \(try m.repr(a.keyword("method")!))")
      }
      return ListObject(out)
    }
    return mod
  }
}
