import PythonValues
import Testing

/// The `str` helpers agree with CPython 3.12.1 on every case of `strings.json` and, code point
/// by code point, on the character classes and case mappings of `unicode.json`.
@Suite struct PyStringTests {
  static func list(_ items: [String]) -> String {
    "[" + items.map { PyString.repr($0) }.joined(separator: ", ") + "]"
  }

  @Test func agreesWithCPython() throws {
    let cases = Recorded.cases("strings.json").map { c -> [Any] in
      // Lists and booleans are compared through their Python repr.
      var c = c
      if let l = c[c.count - 1] as? [String] { c[c.count - 1] = Self.list(l) }
      if let b = c[c.count - 1] as? Bool { c[c.count - 1] = b ? "True" : "False" }
      return c
    }
    #expect(cases.count > 10000)
    let (agreed, total) = Recorded.compare(cases, file: "strings.json") { c in
      let s = c[1] as! String
      let n = c.count > 3 ? Int(c[2] as! String) ?? 0 : 0
      let bound = { (i: Int) -> Int? in c.count > i ? Int(c[i] as! String) : nil }
      func b(_ v: Bool) -> String { v ? "True" : "False" }
      switch c[0] as! String {
      case "repr": return PyString.repr(s)
      case "split": return Self.list(try PyString.split(s))
      case "split1": return Self.list(try PyString.split(s, maxSplit: 1))
      case "rsplit1": return Self.list(try PyString.rsplit(s, maxSplit: 1))
      case "splitsep":
        return Self.list(try PyString.split(s, separator: c.count > 3 ? c[2] as! String : " "))
      case "splitsep2": return Self.list(try PyString.split(s, separator: "l", maxSplit: 1))
      case "splitlines": return Self.list(PyString.splitLines(s))
      case "splitlineskeep": return Self.list(PyString.splitLines(s, keepEnds: true))
      case "strip": return PyString.strip(s)
      case "lstrip": return PyString.lstrip(s)
      case "rstrip": return PyString.rstrip(s)
      case "stripchars": return PyString.strip(s, "a \t")
      case "title": return PyString.title(s)
      case "capitalize": return PyString.capitalize(s)
      case "upper": return PyString.upper(s)
      case "lower": return PyString.lower(s)
      case "swapcase": return PyString.swapCase(s)
      case "center": return PyString.center(s, n)
      case "center*": return PyString.center(s, n, fill: "*")
      case "ljust": return PyString.ljust(s, n, fill: "-")
      case "rjust": return PyString.rjust(s, n)
      case "zfill": return PyString.zfill(s, n)
      case "expandtabs": return PyString.expandTabs(s, tabSize: n)
      case "isdigit": return b(PyString.isDigit(s))
      case "isdecimal": return b(PyString.isDecimal(s))
      case "isnumeric": return b(PyString.isNumeric(s))
      case "isalpha": return b(PyString.isAlpha(s))
      case "isalnum": return b(PyString.isAlnum(s))
      case "isspace": return b(PyString.isSpace(s))
      case "islower": return b(PyString.isLower(s))
      case "isupper": return b(PyString.isUpper(s))
      case "istitle": return b(PyString.isTitle(s))
      case "isprintable": return b(PyString.isPrintable(s))
      case "isascii": return b(PyString.isASCII(s))
      case "isidentifier": return b(PyString.isIdentifier(s))
      case "bytesrepr":
        let hex = Array(s.utf8)
        let bytes = stride(from: 0, to: hex.count, by: 2).map {
          UInt8(String(decoding: hex[$0..<($0 + 2)], as: UTF8.self), radix: 16)!
        }
        return PyBytes.repr(bytes)
      case "find": return String(PyString.find(s, c[2] as! String, start: bound(3), end: bound(4)))
      case "rfind":
        return String(PyString.rfind(s, c[2] as! String, start: bound(3), end: bound(4)))
      case "count":
        return String(PyString.count(s, c[2] as! String, start: bound(3), end: bound(4)))
      case "startswith":
        return b(PyString.startsWith(s, c[2] as! String, start: bound(3), end: bound(4)))
      case "endswith":
        return b(PyString.endsWith(s, c[2] as! String, start: bound(3), end: bound(4)))
      case "index":
        return String(try PyString.index(s, c[2] as! String, start: bound(3), end: bound(4)))
      case "replace": return PyString.replace(s, c[2] as! String, c[3] as! String, count: bound(4)!)
      case "partition":
        let (x, y, z) = try PyString.partition(s, c[2] as! String)
        return "\(x)|\(y)|\(z)"
      case "rpartition":
        let (x, y, z) = try PyString.rpartition(s, c[2] as! String)
        return "\(x)|\(y)|\(z)"
      default: return nil
      }
    }
    #expect(agreed == total)
    #expect(total == cases.count)
  }

  @Test func slicesAgreeWithCPython() throws {
    let cases = Recorded.cases("slices.json")
    #expect(cases.count > 5000)
    let (agreed, total) = Recorded.compare(cases, file: "slices.json") { c in
      let v = (1...4).map { Int(c[$0] as! String) }
      let r = try PySlice.indices(start: v[0], stop: v[1], step: v[2], length: v[3]!)
      let items = r.positions.map(String.init).joined(separator: ",")
      return "\(r.start) \(r.stop) \(r.step) \(items)"
    }
    #expect(agreed == total)
  }

  /// Every code point CPython 3.12 has assigned (planes 0 to 2 and the special planes): ten
  /// character classes and the three case mappings. The few disagreements allowed are
  /// properties that Unicode changed after 15.0, the version of CPython 3.12's tables; Swift's
  /// standard library carries a newer one.
  @Test func codePointsAgreeWithCPython() throws {
    let blocks = Recorded.cases("unicode.json")
    #expect(blocks.count > 700)
    let names = [
      "isdigit", "isdecimal", "isnumeric", "isalpha", "isspace", "islower", "isupper", "istitle",
      "isprintable", "isidentifier",
    ]
    var disagreements: [String: Int] = [:]
    var examples: [String: [String]] = [:]
    var checked = 0
    var unassignedInPython = 0
    for block in blocks {
      let start = Int(block[1] as! String)!
      let flags = block[2] as! [Int]
      let cased = Dictionary(
        uniqueKeysWithValues: (block[3] as! [[Any]]).map { ($0[0] as! Int, $0) })
      var k = 0
      for v in start..<(start + 0x100) where !(0xD800..<0xE000).contains(v) {
        defer { k += 1 }
        if flags[k] >> 10 & 1 == 1 {
          // Unassigned in CPython's Unicode 15.0; Swift's newer tables may know it.
          unassignedInPython += 1
          continue
        }
        let s = String(Unicode.Scalar(UInt32(v))!)
        let observed = [
          PyString.isDigit(s), PyString.isDecimal(s), PyString.isNumeric(s), PyString.isAlpha(s),
          PyString.isSpace(s), PyString.isLower(s), PyString.isUpper(s), PyString.isTitle(s),
          PyString.isPrintable(s), PyString.isIdentifier(s),
        ]
        for (i, name) in names.enumerated() where observed[i] != (flags[k] >> i & 1 == 1) {
          disagreements[name, default: 0] += 1
          if examples[name, default: []].count < 5 {
            examples[name, default: []].append(String(v, radix: 16))
          }
        }
        let expected =
          cased[v].map { ($0[1] as! String, $0[2] as! String, $0[3] as! String) } ?? (s, s, s)
        if PyString.upper(s) != expected.0 { disagreements["upper", default: 0] += 1 }
        if PyString.lower(s) != expected.1 { disagreements["lower", default: 0] += 1 }
        if PyString.title(s) != expected.2 { disagreements["title", default: 0] += 1 }
        checked += 1
      }
    }
    #expect(checked + unassignedInPython > 190_000)
    // Known: code points Unicode 15.1/16.0 assigned after CPython 3.12's Unicode 15.0.
    let allowed = Self.unicodeVersionDisagreements
    for (name, count) in disagreements where count > allowed[name, default: 0] {
      Issue.record("\(name): \(count) code points disagree, e.g. \(examples[name] ?? [])")
    }
  }

  /// Measured: U+0295 stopped being lower case (Ll to Lo), 18 CJK ideographs gained numeric
  /// values, and 4 letters gained an upper-case partner (U+019B and others).
  static let unicodeVersionDisagreements: [String: Int] = [
    "islower": 1, "isnumeric": 18, "title": 4, "upper": 4,
  ]
}
