import PythonValues
import Testing

/// `repr`, `round` and `hash` of floats agree with CPython 3.12.1 on every case of `floats.json`.
@Suite struct PyFloatTests {
  @Test func agreesWithCPython() throws {
    let cases = Recorded.cases("floats.json")
    #expect(cases.count > 30000)
    let (agreed, total) = Recorded.compare(cases, file: "floats.json") { c in
      switch c[0] as! String {
      case "parse": return Recorded.hexFloat(try PyFloat.parse(c[1] as! String))
      case "fsum":
        return Recorded.hexFloat(try PyFloat.fsum(try Recorded.values(c[1]).map { $0.0! }))
      case "fmean":
        return Recorded.hexFloat(try PyFloat.fmean(try Recorded.values(c[1]).map { $0.0! })!)
      case "mean":
        let values = try Recorded.values(c[1])
        switch PyFloat.exactMean(floats: values.compactMap(\.0), ints: values.compactMap(\.1)) {
        case .int(let n)?: return n.hexString
        case .float(let x)?: return Recorded.hexFloat(x)
        case nil: return "!empty"
        }
      default: break
      }
      let x = Recorded.double(c[1])
      switch c[0] as! String {
      case "repr": return PyFloat.repr(x)
      case "round":
        if c[2] as! String == "None" { return try PyFloat.roundToInteger(x).hexString }
        return Recorded.hexFloat(try PyFloat.round(x, digits: Int(c[2] as! String)!))
      case "hash": return String(PyFloat.hash(x))
      case "floordiv": return Recorded.hexFloat(try PyFloat.floorDivide(x, Recorded.double(c[2])))
      case "mod":
        return Recorded.hexFloat(try PyFloat.modulo(x, Recorded.double(c[2]), release: .v3_12))
      case "div": return Recorded.hexFloat(try PyFloat.divide(x, Recorded.double(c[2])))
      case "divmod":
        let (q, r) = try PyFloat.divmod(x, Recorded.double(c[2]))
        return Recorded.hexFloat(q) + " " + Recorded.hexFloat(r)
      default: return nil
      }
    }
    #expect(agreed == total)
  }

  @Test func reprExamples() {
    #expect(PyFloat.repr(1e-5) == "1e-05")
    #expect(PyFloat.repr(1e16) == "1e+16")
    #expect(PyFloat.repr(-0.0) == "-0.0")
    #expect(PyFloat.repr(100.0) == "100.0")
    #expect(PyFloat.repr(1.5e300) == "1.5e+300")
    #expect(PyFloat.repr(.infinity) == "inf")
    #expect(PyFloat.repr(.nan) == "nan")
    #expect(PyFloat.repr(0.1 + 0.2) == "0.30000000000000004")
  }
}
