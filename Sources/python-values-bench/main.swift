// Times the hot paths of PythonValues: `swift run -c release python-values-bench`.
import PythonValues

func measure(_ name: String, iterations: Int, _ body: (Int) throws -> Int) rethrows {
  var sink = 0
  for i in 0..<min(iterations, 1000) { sink &+= try body(i) }  // warm up
  let clock = ContinuousClock()
  let start = clock.now
  for i in 0..<iterations { sink &+= try body(i) }
  let elapsed = clock.now - start
  let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
  let ns = seconds * 1e9 / Double(iterations)
  let shown = PyFloat.repr(try! PyFloat.round(ns, digits: 1))
  print("\(name): \(shown) ns per operation (\(iterations) operations, sink \(sink & 0xF))")
}

var generator = SystemRandomNumberGenerator()
let doubles = (0..<4096).map { _ in
  Double.random(in: -1000...1000, using: &generator) * [1, 1e-7, 1e12, 1e300][Int.random(in: 0..<4)]
}
let prices = (0..<4096).map { _ in (Double(Int.random(in: 0..<1_000_000)) / 100) + 0.005 }

/// Times a whole loop written inline (no closure call per operation), for the cheapest paths.
func measureLoop(_ name: String, iterations: Int, operations: Int, _ body: (Int) throws -> Int) rethrows {
  _ = try body(1000)
  let clock = ContinuousClock()
  let start = clock.now
  let sink = try body(iterations)
  let elapsed = clock.now - start
  let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
  let ns = seconds * 1e9 / Double(iterations * operations)
  print("\(name): \(PyFloat.repr(try! PyFloat.round(ns, digits: 2))) ns per operator (sink \(sink & 0xF))")
}

try measureLoop("small int: a = (a * 31 + i) % 1000003", iterations: 5_000_000, operations: 3) { n in
  var a = BigInt(1)
  for i in 0..<n { a = try (a * BigInt(31) + BigInt(i)).modulo(BigInt(1_000_003)) }
  return a.int ?? 0
}
try measureLoop("small int: x // 7, x % 7, x & 255, x << 3", iterations: 5_000_000, operations: 4) { n in
  var s = BigInt(0)
  for i in 0..<n {
    let x = BigInt(i)
    s = s + (try x.floorDivided(by: BigInt(7))) + (try x.modulo(BigInt(7))) + (x & BigInt(255)) + (x << 3)
  }
  return s.int ?? 0
}
measure("float repr (random magnitudes)", iterations: 1_000_000) { i in
  PyFloat.repr(doubles[i & 4095]).utf8.count
}
measure("float repr (prices such as 1234.56)", iterations: 1_000_000) { i in
  PyFloat.repr(prices[i & 4095]).utf8.count
}
try measure("f\"{x:.2f}\"", iterations: 1_000_000) { i in
  try PyFormat.format(prices[i & 4095], spec: ".2f").utf8.count
}
let twoPlaces = try FormatSpec.forFloat(".2f")
try measure("f\"{x:.2f}\", spec parsed once", iterations: 1_000_000) { i in
  try PyFormat.format(prices[i & 4095], parsed: twoPlaces).utf8.count
}
try measure("f\"tool_{i:02d}\"", iterations: 1_000_000) { i in
  ("tool_" + (try PyFormat.format(BigInt(i & 127), spec: "02d"))).utf8.count
}
try measure("f\"{name:<10}|{elapsed:>8.3f}s\"", iterations: 1_000_000) { i in
  (try PyFormat.format("fetch", spec: "<10") + "|" + PyFormat.format(prices[i & 4095], spec: ">8.3f") + "s").utf8
    .count
}
try measure("'%s: %d items, %.1f%%' % (...)", iterations: 500_000) { i in
  try PyPercent.format(
    "%s: %d items, %.1f%%", .tuple([PercentOperand.str("db"), .int(BigInt(i)), .float(prices[i & 4095])]),
    operand: { $0 }, str: { $0.defaultStr ?? "" }, repr: { $0.defaultRepr ?? "" }
  ).utf8.count
}
let big = try BigInt(3).power(BigInt(20000), budgetBits: 1 << 20)
try measure("str(3 ** 20000) (9542 digits, no limit)", iterations: 200) { _ in
  try big.pythonString(limit: 0).utf8.count
}
measure("(3 ** 20000) * (3 ** 20000)", iterations: 2000) { _ in
  (big * big).bitLength
}
measure("7 ** (10 ** 9) refused", iterations: 100_000) { _ in
  do { _ = try BigInt(7).power(BigInt(1_000_000_000), budgetBits: 1 << 26) } catch { return 1 }
  return 0
}
