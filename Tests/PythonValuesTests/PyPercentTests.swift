import PythonValues
import Testing

/// `format % args` agrees with CPython 3.12.1 on every case of `percent.json`.
@Suite struct PyPercentTests {
  /// A recorded argument: `i:0x2a`, `f:0x1.8p+1`, `s:text`, `b:True`, `n:`, `o:list:[1, 2]`.
  struct Arg {
    let operand: PercentOperand
    let text: String  // repr for `.other`

    init(_ encoded: String) throws {
      let tag = encoded.prefix(2)
      let body = String(encoded.dropFirst(2))
      switch tag {
      case "i:": operand = .int(try Recorded.int(body))
      case "f:": operand = .float(Recorded.double(body))
      case "s:": operand = .str(body)
      case "b:": operand = .bool(body == "True")
      case "n:": operand = .none
      default:
        let parts = body.split(separator: ":", maxSplits: 1)
        operand = .other(typeName: String(parts[0]), int: nil, index: nil, float: nil)
        text = String(parts[1])
        return
      }
      text = ""
    }

    var str: String { operand.defaultStr ?? text }
    var repr: String { operand.defaultRepr ?? text }
    var isMapping: Bool {
      if case .other(let name, _, _, _) = operand { return name == "list" || name == "dict" }
      return false
    }
  }

  @Test func agreesWithCPython() throws {
    let cases = Recorded.cases("percent.json")
    #expect(cases.count > 1500)
    let (agreed, total) = Recorded.compare(cases, file: "percent.json") { c in
      let fmt = c[1] as! String
      let enc = c[2] as! [String]
      let args: PyPercent.Arguments<Arg>
      switch enc[0] {
      case "tuple": args = .tuple(try enc.dropFirst().map(Arg.init))
      case "single":
        let a = try Arg(enc[1])
        args = .single(
          a,
          mapping: a.isMapping
            ? { _ in
              throw PythonValuesError.typeError("list indices must be integers or slices, not str")
            } : nil)
      default:
        var dict: [String: Arg] = [:]
        for item in enc.dropFirst() {
          let parts = item.split(separator: "=", maxSplits: 1)
          dict[String(parts[0])] = try Arg(String(parts[1]))
        }
        let repr =
          "{"
          + enc.dropFirst().map { item in
            let parts = item.split(separator: "=", maxSplits: 1)
            return "'\(parts[0])': \(try! Arg(String(parts[1])).repr)"
          }.joined(separator: ", ") + "}"
        let whole = Arg(
          operand: .other(typeName: "dict", int: nil, index: nil, float: nil), text: repr)
        args = .single(whole) { key in
          guard let v = dict[key] else { throw KeyError(key: key) }
          return v
        }
      }
      do {
        return try PyPercent.format(
          fmt, args, operand: { $0.operand }, str: { $0.str }, repr: { $0.repr })
      } catch let e as KeyError {
        return "!KeyError: '\(e.key)'"
      }
    }
    #expect(agreed == total)
  }

  struct KeyError: Error { let key: String }
}

extension PyPercentTests.Arg {
  init(operand: PercentOperand, text: String) {
    self.operand = operand
    self.text = text
  }
}
