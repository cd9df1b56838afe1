import PythonValues
import Testing

/// The behaviours that differ between releases agree with each of CPython 3.10.13, 3.11.7,
/// 3.12.1 and 3.13.0 (`versioned.json`): the int digit limit's wording, the modulo-by-zero
/// messages, the `z` option of format specs, and `random` seeded from ints and floats.
@Suite struct VersionedTests {
  static let releases: [(String, PythonRelease)] = [
    ("3.10.13", .v3_10), ("3.11.7", .v3_11), ("3.12.1", .v3_12), ("3.13.0", .v3_13),
  ]

  /// `sum(values, start)` as the VM runs it: the int path, then the float path.
  static func builtinSum(_ c: [Any], release: PythonRelease) throws -> String {
    let values = try Recorded.values(c[1])
    let startText = c[2] as! String
    var int: BigInt? = startText == "0" ? .zero : nil
    var float = PyFloatSum(
      startText == "0" ? 0 : Recorded.double(String(startText.dropFirst(2))), release: release)
    var generic: Double? = nil  // after the float path ended: plain `+`
    for (x, n) in values {
      if var g = generic {
        let item = try x ?? n!.toDouble()
        g += item
        generic = g
      } else if let i = int {
        if let n, let a = i.int64, let b = n.int64, !a.addingReportingOverflow(b).overflow {
          int = BigInt(a + b)
        } else if let n {
          int = i + n
        } else {
          int = nil
          float = PyFloatSum(try i.toDouble() + x!, release: release)
        }
      } else if let x {
        float.add(x)
      } else if let v = n!.int64 {
        float.add(int: v)
      } else {
        generic = float.value + (try n!.toDouble())
      }
    }
    if let i = int { return i.hexString }
    return Recorded.hexFloat(generic ?? float.value)
  }

  @Test(arguments: releases.map(\.0))
  func agreesWithCPython(_ name: String) throws {
    let all = try #require(Recorded.load("versioned.json") as? [String: [[Any]]])
    let cases = try #require(all[name])
    let release = Self.releases.first { $0.0 == name }!.1
    #expect(cases.count > 600)
    #expect(cases.filter { $0[0] as! String == "random" }.count == 216)
    let (agreed, total) = Recorded.compare(cases, file: "versioned.json \(name)") { c in
      switch c[0] as! String {
      case "intstr": return try Recorded.int(c[1]).pythonString(release: release)
      case "parse":
        return try BigInt(parsing: c[1] as! String, base: Int(c[2] as! String)!, release: release)
          .hexString
      case "mod":
        return try Recorded.int(c[1]).modulo(Recorded.int(c[2]), release: release).decimalString()
      case "floordiv":
        return try Recorded.int(c[1]).floorDivided(by: Recorded.int(c[2])).decimalString()
      case "truediv":
        return PyFloat.repr(try BigInt.trueDivide(Recorded.int(c[1]), Recorded.int(c[2])))
      case "sum": return try Self.builtinSum(c, release: release)
      case "random":
        return try PyRandomScripts.run(c[1] as! String, c[2] as! String, release: release)
      case "fmod": return try String(PyFloat.modulo(1, 0, release: release))
      case "ffloordiv": return try String(PyFloat.floorDivide(1, 0))
      case "fdivmod": return try String(describing: PyFloat.divmod(1, 0))
      case "fdiv": return try String(PyFloat.divide(1, 0))
      default: return try PyFormatTests.run(c, release: release)
      }
    }
    #expect(agreed == total)
  }
}
