import PythonValues
import Testing

/// `template.format(*args, **kwargs)` agrees with CPython 3.12.1 on every template of
/// `strformat.json`, errors and their order included, over a small model of Python objects.
@Suite struct PyStringFormatTests {
  indirect enum Value {
    case int(Int)
    case float(Double)
    case str(String)
    case list([Value])
    case dict([(String, Value)])

    var repr: String {
      switch self {
      case .int(let n): String(n)
      case .float(let x): PyFloat.repr(x)
      case .str(let s): PyString.repr(s)
      case .list(let items): "[" + items.map(\.repr).joined(separator: ", ") + "]"
      case .dict(let items):
        "{" + items.map { "\(PyString.repr($0.0)): \($0.1.repr)" }.joined(separator: ", ") + "}"
      }
    }

    var str: String {
      if case .str(let s) = self { return s }
      return repr
    }

    var typeName: String {
      switch self {
      case .int: "int"
      case .float: "float"
      case .str: "str"
      case .list: "list"
      case .dict: "dict"
      }
    }
  }

  struct Raised: Error {
    let text: String
  }

  static let args: [Value] = [
    .int(42), .float(3.14159), .str("abc"), .list([.int(1), .int(2), .list([.int(3), .int(4)])]),
    .dict([("k", .str("v")), ("n", .int(5))]), .int(-7), .str("é\n"),
  ]
  static let kwargs: [(String, Value)] = [
    ("name", .str("Ann")), ("x", .float(2.5)), ("w", .int(10)), ("p", .int(3)),
    ("d", .dict([("a", .int(1)), ("0", .str("zero"))])), ("l", .list([.int(10), .int(20)])),
    ("s", .str("it's")),
  ]

  static func lookup(_ key: PyStringFormat.FieldKey) throws -> Value {
    switch key {
    case .index(let i):
      guard i < args.count else {
        throw Raised(text: "IndexError: " + PyStringFormat.indexErrorMessage(i))
      }
      return args[i]
    case .keyword(let k):
      guard let v = kwargs.first(where: { $0.0 == k })?.1 else {
        throw Raised(text: "KeyError: \(PyString.repr(k))")
      }
      return v
    }
  }

  static func access(_ value: Value, _ accessor: PyStringFormat.Accessor) throws -> Value {
    switch (value, accessor) {
    case (.int, .attribute("real")): return value
    case (.float, .attribute("imag")): return .float(0)
    case (.list(let items), .index(let i)): return items[i]
    case (.str(let s), .index(let i)): return .str(String(Array(s.unicodeScalars)[i]))
    case (.dict(let items), .key(let k)):
      guard let v = items.first(where: { $0.0 == k })?.1 else {
        throw Raised(text: "KeyError: \(PyString.repr(k))")
      }
      return v
    case (.dict, .index(let i)): throw Raised(text: "KeyError: \(i)")
    case (.int, .index), (.int, .key):
      throw Raised(text: "TypeError: 'int' object is not subscriptable")
    default: throw Raised(text: "unexpected access \(accessor) on \(value)")
    }
  }

  static func convert(_ value: Value, _ conversion: Unicode.Scalar) -> Value {
    switch conversion {
    case "r": .str(value.repr)
    case "a": .str(PyPercent.ascii(value.repr))
    default: .str(value.str)
    }
  }

  static func format(_ value: Value, _ spec: String) throws -> String {
    switch value {
    case .int(let n): return try PyFormat.format(BigInt(n), spec: spec, release: .v3_12)
    case .float(let x): return try PyFormat.format(x, spec: spec, release: .v3_12)
    case .str(let s): return try PyFormat.format(s, spec: spec, release: .v3_12)
    case .list, .dict:
      if !spec.isEmpty {
        throw Raised(
          text: "TypeError: unsupported format string passed to \(value.typeName).__format__")
      }
      return value.str
    }
  }

  @Test func agreesWithCPython() throws {
    let cases = Recorded.cases("strformat.json")
    #expect(cases.count > 100)
    let (agreed, total) = Recorded.compare(cases, file: "strformat.json") { c in
      do {
        return try PyStringFormat.render(
          c[1] as! String, lookup: Self.lookup, access: Self.access, convert: Self.convert,
          format: Self.format)
      } catch let e as Raised {
        return "!" + e.text
      }
    }
    #expect(agreed == total)
  }
}
