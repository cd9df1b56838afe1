/// Sums of floats as CPython computes them: the builtin `sum()`, `math.fsum` and
/// `statistics.mean`/`fmean`.
///
/// The builtin changed in 3.12: it compensates float additions (Neumaier), so
/// `sum([0.1] * 10)` is `0.9999999999999999` in 3.10 and 3.11 but `1.0` from 3.12.
public struct PyFloatSum: Sendable {
  var total: Double
  var compensation = 0.0
  let compensated: Bool

  /// The float path of `builtin_sum`, entered with the running total `start` (a float).
  ///
  /// - Parameters:
  ///   - start: The total so far (the `start` argument, or what the int path reached).
  ///   - release: 3.12 and later compensate; 3.10 and 3.11 add plainly.
  public init(_ start: Double, release: PythonRelease = .default) {
    total = start
    compensated = Self.compensates(release)
  }

  /// Whether `sum()` compensates float additions in `release`: from 3.12.
  public static func compensates(_ release: PythonRelease) -> Bool { release >= .v3_12 }

  /// Adds an item that is exactly a `float`.
  public mutating func add(_ x: Double) {
    guard compensated else {
      total += x
      return
    }
    let t = total + x
    if abs(total) >= abs(x) {
      compensation += (total - t) + x
    } else {
      compensation += (x - t) + total
    }
    total = t
  }

  /// Adds an `int` item that fits in a C `long` (not compensated, as in CPython). A larger int,
  /// or any other item, ends the float path: take ``value`` and continue with `+`.
  public mutating func add(int value: Int64) {
    total += Double(value)
  }

  /// The sum so far, as the float path returns it.
  public var value: Double {
    compensated && compensation != 0 && compensation.isFinite ? total + compensation : total
  }
}

extension PyFloat {
  /// `math.fsum(values)`: the correctly rounded sum (Shewchuk's partials, as CPython's `msum`).
  ///
  /// - Throws: `OverflowError: intermediate overflow in fsum`, `ValueError: -inf + inf in fsum`.
  public static func fsum<S: Sequence>(_ values: S) throws(PythonValuesError) -> Double where S.Element == Double {
    var partials: [Double] = []
    var specialSum = 0.0
    var infSum = 0.0
    for value in values {
      var x = value
      let xsave = x
      var i = 0
      for j in 0..<partials.count {
        var y = partials[j]
        if abs(x) < abs(y) { swap(&x, &y) }
        let hi = x + y
        let lo = y - (hi - x)
        if lo != 0 {
          partials[i] = lo
          i += 1
        }
        x = hi
      }
      partials.removeSubrange(i...)
      if x != 0 {
        if !x.isFinite {
          if xsave.isFinite { throw .overflowError("intermediate overflow in fsum") }
          if xsave.isInfinite { infSum += xsave }
          specialSum += xsave
          partials.removeAll()
        } else {
          partials.append(x)
        }
      }
    }
    if specialSum != 0 {
      if infSum.isNaN { throw .valueError("-inf + inf in fsum") }
      return specialSum
    }
    var hi = 0.0
    var lo = 0.0
    var n = partials.count
    if n > 0 {
      n -= 1
      hi = partials[n]
      while n > 0 {
        let x = hi
        n -= 1
        let y = partials[n]
        hi = x + y
        lo = y - (hi - x)
        if lo != 0 { break }
      }
      if n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0)) {
        let y = lo * 2
        let x = hi + y
        if y == x - hi { hi = x }
      }
    }
    return hi
  }

  /// `statistics.fmean(values)`: `fsum(values) / len(values)`; `nil` for no values (the VM
  /// raises `StatisticsError: fmean requires at least one data point`).
  public static func fmean(_ values: [Double]) throws(PythonValuesError) -> Double? {
    if values.isEmpty { return nil }
    return try fsum(values) / Double(values.count)
  }

  /// `statistics.mean` of finite floats and ints: the exact sum divided exactly, rounded once.
  ///
  /// With only ints the result is an `int` when the division is exact (`.int`), else a
  /// correctly rounded `float`. `nil` for no values (`StatisticsError: mean requires at least
  /// one data point`). Infinities and NaNs are the VM's (`statistics` returns them as is).
  public static func exactMean(floats: [Double], ints: [BigInt]) -> ExactMean? {
    let count = floats.count + ints.count
    if count == 0 { return nil }
    // Every finite double is m * 2**e with e >= -1074: scale the whole sum by 2**1074.
    var total = BigInt.zero
    for i in ints { total = total + (i << 1074) }
    for x in floats where x != 0 {
      let (m, e) = Dtoa.decompose(x)
      let scaled = BigInt(Int64(m)) << (e + 1074)
      total = x < 0 ? total - scaled : total + scaled
    }
    let denominator = BigInt(count) << 1074
    if floats.isEmpty, let (q, r) = try? (total >> 1074).quotientAndRemainder(dividingBy: BigInt(count)),
      r.isZero
    {
      return .int(q)
    }
    guard let d = try? BigInt.trueDivide(total, denominator) else { return .float(.infinity) }
    return .float(d)
  }

  /// The value of `statistics.mean`: an `int` or a `float`.
  public enum ExactMean: Sendable, Equatable {
    case int(BigInt)
    case float(Double)
  }
}
