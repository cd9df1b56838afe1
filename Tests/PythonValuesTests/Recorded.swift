import Foundation
import PythonValues
import Testing

/// CPython's recorded answers (see `record.py`): each case is an array whose first element names
/// the operation and whose last is the answer, or `!Type: message` when CPython raised.
enum Recorded {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

  static func load(_ name: String) -> Any? {
    guard let data = try? Data(contentsOf: directory.appendingPathComponent(name)) else {
      return nil
    }
    return try? JSONSerialization.jsonObject(with: data)
  }

  /// The cases of a file recorded by 3.12.1.
  static func cases(_ name: String) -> [[Any]] {
    guard let object = load(name) as? [String: Any], object["python"] as? String == "3.12.1",
      let cases = object["cases"] as? [[Any]]
    else { return [] }
    return cases
  }

  static func int(_ text: Any) throws -> BigInt {
    try BigInt(parsing: text as! String, base: 0, limit: 0)
  }

  static func double(_ text: Any) -> Double {
    let s = text as! String
    guard let d = Double(s) else { fatalError("not a float: \(s)") }
    return d
  }

  /// A list of `f:hex` and `i:hex` tokens.
  static func values(_ text: Any) throws -> [(Double?, BigInt?)] {
    var out: [(Double?, BigInt?)] = []
    for token in (text as! String).split(separator: " ") {
      let body = String(token.dropFirst(2))
      if token.hasPrefix("f:") {
        out.append((double(body), nil))
      } else {
        out.append((nil, try int(body)))
      }
    }
    return out
  }

  static func hexFloat(_ x: Double) -> String {
    if x.isNaN { return "nan" }
    if x.isInfinite { return x < 0 ? "-inf" : "inf" }
    return x.hexPython
  }

  /// Runs `body` for every case and reports the first few disagreements; returns the count.
  static func compare(
    _ cases: [[Any]], file: String, sourceLocation: Testing.SourceLocation = #_sourceLocation,
    _ body: ([Any]) throws -> String?
  ) -> (agreed: Int, total: Int) {
    var agreed = 0
    var reported = 0
    for c in cases {
      let expected = "\(c[c.count - 1])"
      let observed: String?
      do { observed = try body(c) } catch let e as PythonValuesError { observed = "!\(e)" } catch {
        observed = "!\(error)"
      }
      guard let observed else { continue }  // not applicable
      if observed == expected {
        agreed += 1
      } else {
        reported += 1
        if reported <= 15 {
          Issue.record(
            "\(file): \(c.dropLast()) expected \(expected.debugDescription.prefix(300)) got \(observed.debugDescription.prefix(300))",
            sourceLocation: sourceLocation)
        }
      }
    }
    if reported > 15 {
      Issue.record("\(file): \(reported) disagreements in all", sourceLocation: sourceLocation)
    }
    print("\(file): \(agreed) of \(agreed + reported) cases agree with CPython")
    return (agreed, agreed + reported)
  }
}

extension Double {
  /// `float.hex(x)` as CPython writes it: `0x1.8000000000000p+1`, `-0x0.0p+0`, `0x0.0000000000001p-1022`.
  var hexPython: String {
    let sign = self.sign == .minus ? "-" : ""
    if self == 0 { return sign + "0x0.0p+0" }
    let frac = significandBitPattern
    let subnormal = exponentBitPattern == 0
    let e = subnormal ? -1022 : Int(exponentBitPattern) - 1023
    var hex = String(frac, radix: 16)
    hex = String(repeating: "0", count: 13 - hex.count) + hex
    return "\(sign)0x\(subnormal ? "0" : "1").\(hex)p\(e >= 0 ? "+" : "")\(e)"
  }
}
