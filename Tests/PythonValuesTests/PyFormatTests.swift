import PythonValues
import Testing

/// `format(value, spec)` agrees with CPython 3.12.1 on every case of `formats.json`.
@Suite struct PyFormatTests {
  static func run(_ c: [Any], release: PythonRelease) throws -> String? {
    let spec = c[2] as! String
    switch c[0] as! String {
    case "int": return try PyFormat.format(try Recorded.int(c[1]), spec: spec, release: release)
    case "float": return try PyFormat.format(Recorded.double(c[1]), spec: spec, release: release)
    case "str": return try PyFormat.format(c[1] as! String, spec: spec, release: release)
    case "bool": return try PyFormat.format(c[1] as! String == "True", spec: spec, release: release)
    default: return nil
    }
  }

  @Test func agreesWithCPython() throws {
    let cases = Recorded.cases("formats.json")
    #expect(cases.count > 40000)
    let (agreed, total) = Recorded.compare(cases, file: "formats.json") {
      try Self.run($0, release: .v3_12)
    }
    #expect(agreed == total)
  }
}
