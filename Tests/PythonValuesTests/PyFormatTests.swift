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

  /// The same cases through a spec parsed once (`FormatSpec.forInt` and friends).
  static func runParsed(_ c: [Any], release: PythonRelease) throws -> String? {
    let spec = c[2] as! String
    if spec.isEmpty { return try run(c, release: release) }
    switch c[0] as! String {
    case "int":
      return try PyFormat.format(
        try Recorded.int(c[1]), parsed: .forInt(spec, release: release), release: release)
    case "float":
      return try PyFormat.format(Recorded.double(c[1]), parsed: .forFloat(spec, release: release))
    case "str":
      return try PyFormat.format(c[1] as! String, parsed: .forString(spec, release: release))
    case "bool":
      let f = try FormatSpec.forInt(spec, typeName: "bool", release: release)
      return try PyFormat.format(
        BigInt(c[1] as! String == "True" ? 1 : 0), parsed: f, typeName: "bool", release: release)
    default: return nil
    }
  }

  @Test func preParsedSpecsAgreeWithCPython() throws {
    let cases = Recorded.cases("formats.json")
    let (agreed, total) = Recorded.compare(cases, file: "formats.json (parsed once)") {
      try Self.runParsed($0, release: .v3_12)
    }
    #expect(agreed == total)
    #expect(total == cases.count)
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
