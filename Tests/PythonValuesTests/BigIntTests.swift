import PythonValues
import Testing

/// ``BigInt`` agrees with CPython 3.12.1 on every recorded case of `ints.json`.
@Suite struct BigIntTests {
  static func hex(_ n: BigInt) -> String { n.hexString }

  @Test func agreesWithCPython() throws {
    let cases = Recorded.cases("ints.json")
    #expect(cases.count > 20000)
    let (agreed, total) = Recorded.compare(cases, file: "ints.json") { c in
      let op = c[0] as! String
      switch op {
      case "add": return Self.hex(try Recorded.int(c[1]) + Recorded.int(c[2]))
      case "sub": return Self.hex(try Recorded.int(c[1]) - Recorded.int(c[2]))
      case "mul": return Self.hex(try Recorded.int(c[1]) * Recorded.int(c[2]))
      case "floordiv": return Self.hex(try Recorded.int(c[1]).floorDivided(by: Recorded.int(c[2])))
      case "mod":
        return Self.hex(try Recorded.int(c[1]).modulo(Recorded.int(c[2]), release: .v3_12))
      case "and": return Self.hex(try Recorded.int(c[1]) & Recorded.int(c[2]))
      case "or": return Self.hex(try Recorded.int(c[1]) | Recorded.int(c[2]))
      case "xor": return Self.hex(try Recorded.int(c[1]) ^ Recorded.int(c[2]))
      case "cmp": return String(BigInt.compare(try Recorded.int(c[1]), try Recorded.int(c[2])))
      case "truediv":
        return Recorded.hexFloat(try BigInt.trueDivide(Recorded.int(c[1]), Recorded.int(c[2])))
      case "neg": return Self.hex(-(try Recorded.int(c[1])))
      case "invert": return Self.hex(~(try Recorded.int(c[1])))
      case "hash": return String(try Recorded.int(c[1]).pythonHash)
      case "float": return Recorded.hexFloat(try Recorded.int(c[1]).toDouble())
      case "bitlength": return String(try Recorded.int(c[1]).bitLength)
      case "lshift":
        return Self.hex(
          try Recorded.int(c[1]).shiftedLeft(by: BigInt(Int(c[2] as! String)!), budgetBits: 1 << 30)
        )
      case "rshift":
        return Self.hex(try Recorded.int(c[1]).shiftedRight(by: BigInt(Int(c[2] as! String)!)))
      case "pow":
        return Self.hex(
          try Recorded.int(c[1]).power(BigInt(Int(c[2] as! String)!), budgetBits: 1 << 30))
      case "powmod":
        return Self.hex(
          try Recorded.int(c[1]).power(Recorded.int(c[2]), modulus: Recorded.int(c[3])))
      case "round": return Self.hex(try Recorded.int(c[1]).rounded(toDigits: Int(c[2] as! String)!))
      case "cmpfloat":
        return try Recorded.int(c[1]).compare(toDouble: Recorded.double(c[2])).map { String($0) }
          ?? "nan"
      case "fromfloat": return Self.hex(try BigInt(truncating: Recorded.double(c[1])))
      case "str": return try Recorded.int(c[1]).pythonString(release: .v3_12)
      case "hex": return try Recorded.int(c[1]).hexString
      case "oct": return try Recorded.int(c[1]).octalString
      case "bin": return try Recorded.int(c[1]).binaryString
      case "int":
        return Self.hex(
          try BigInt(parsing: c[1] as! String, base: Int(c[2] as! String)!, release: .v3_12))
      default:
        Issue.record("unknown operation \(op)")
        return nil
      }
    }
    #expect(agreed == total)
    #expect(total == cases.count)
  }

  @Test func smallValuesStaySmall() {
    let big = BigInt(Int64.max) + BigInt(1)
    #expect(big.int64 == nil)
    #expect((big - BigInt(1)).int64 == Int64.max)
    #expect((-big).int64 == Int64.min)
  }

  @Test func hugePowerIsRefusedQuickly() throws {
    let seven = BigInt(7)
    #expect(throws: PythonValuesError.self) {
      try seven.power(BigInt(1_000_000_000), budgetBits: 1 << 23)
    }
    do {
      _ = try seven.power(try BigInt(parsing: "1000000000"), budgetBits: 1 << 23)
    } catch {
      #expect(error.pythonType == "ResourceLimit")
      #expect(error.message.contains("budget"))
    }
    #expect(try BigInt(2).power(BigInt(100), budgetBits: 200) == BigInt(1) << 100)
    #expect(throws: PythonValuesError.self) {
      try BigInt(1).shiftedLeft(by: BigInt(1 << 40), budgetBits: 1 << 23)
    }
  }
}
