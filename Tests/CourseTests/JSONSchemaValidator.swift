import Foundation

/// A small JSON Schema validator for the course's schemas, written for the tests: `type` (one or a
/// list), `enum`, `const`, `required`, `properties`, `additionalProperties` (a boolean), `items`,
/// `minItems`, `maxItems`, `minimum`, `maximum`, `minLength`, `maxLength`, `pattern`, `oneOf` and
/// `$ref` to `#/$defs/...`. A keyword it does not know fails validation, so that a schema cannot
/// silently ask for more than is checked. Documents are read with `JSONSerialization`, not with
/// the package's own reader.
struct JSONSchemaValidator {
  let root: [String: Any]

  static let keywords: Set<String> = [
    "$schema", "$defs", "$ref", "title", "description", "type", "enum", "const", "required", "properties",
    "additionalProperties", "items", "minItems", "maxItems", "minimum", "maximum", "minLength", "maxLength", "pattern",
    "oneOf",
  ]

  struct NotASchema: Error {}

  init(schema: Data) throws {
    guard let root = try JSONSerialization.jsonObject(with: schema) as? [String: Any] else { throw NotASchema() }
    self.root = root
  }

  /// The problems of `document` against the schema, as `path: what` lines (empty when valid).
  func validate(_ document: Data) throws -> [String] {
    let value = try JSONSerialization.jsonObject(with: document, options: [.fragmentsAllowed])
    var problems: [String] = []
    check(value, against: root, at: "$", into: &problems)
    return problems
  }

  /// The JSON type names `value` has: an integer is also a number.
  static func types(of value: Any) -> Set<String> {
    switch value {
    case is NSNull: return ["null"]
    case is String: return ["string"]
    case is [Any]: return ["array"]
    case is [String: Any]: return ["object"]
    case let number as NSNumber:
      if String(cString: number.objCType) == "c" { return ["boolean"] }
      let double = number.doubleValue
      return double.rounded() == double && abs(double) < 1e15 ? ["integer", "number"] : ["number"]
    default: return []
    }
  }

  static func equal(_ a: Any, _ b: Any) -> Bool {
    switch (a, b) {
    case (let x as String, let y as String): return x == y
    case (let x as NSNumber, let y as NSNumber): return types(of: x) == types(of: y) && x == y
    case (is NSNull, is NSNull): return true
    default: return false
    }
  }

  func check(_ value: Any, against schema: [String: Any], at path: String, into problems: inout [String]) {
    for key in schema.keys where !Self.keywords.contains(key) {
      problems.append("\(path): the schema uses '\(key)', which this validator does not check")
    }
    if let reference = schema["$ref"] as? String {
      let name = reference.replacingOccurrences(of: "#/$defs/", with: "")
      guard reference.hasPrefix("#/$defs/"), let target = (root["$defs"] as? [String: Any])?[name] as? [String: Any]
      else {
        problems.append("\(path): cannot resolve $ref \(reference)")
        return
      }
      check(value, against: target, at: path, into: &problems)
    }
    let types = Self.types(of: value)
    if let type = schema["type"] {
      let allowed = (type as? [String]) ?? [(type as? String) ?? ""]
      if types.isDisjoint(with: allowed) {
        problems.append(
          "\(path): expected \(allowed.joined(separator: " or ")), found \(types.sorted().joined(separator: "/"))")
        return
      }
    }
    if let options = schema["enum"] as? [Any], !options.contains(where: { Self.equal($0, value) }) {
      problems.append("\(path): expected one of \(options), found \(value)")
    }
    if let constant = schema["const"], !Self.equal(constant, value) {
      problems.append("\(path): expected \(constant), found \(value)")
    }
    if let number = value as? NSNumber, !types.contains("boolean") {
      if let minimum = (schema["minimum"] as? NSNumber)?.doubleValue, number.doubleValue < minimum {
        problems.append("\(path): \(number) is below the minimum \(minimum)")
      }
      if let maximum = (schema["maximum"] as? NSNumber)?.doubleValue, number.doubleValue > maximum {
        problems.append("\(path): \(number) is above the maximum \(maximum)")
      }
    }
    if let text = value as? String {
      if let minimum = schema["minLength"] as? Int, text.count < minimum {
        problems.append("\(path): shorter than \(minimum) characters")
      }
      if let maximum = schema["maxLength"] as? Int, text.count > maximum {
        problems.append("\(path): longer than \(maximum) characters")
      }
      if let pattern = schema["pattern"] as? String {
        let regex = try? NSRegularExpression(pattern: pattern)
        let range = NSRange(text.startIndex..., in: text)
        if regex?.firstMatch(in: text, range: range) == nil { problems.append("\(path): does not match \(pattern)") }
      }
    }
    if let items = value as? [Any] {
      if let minimum = schema["minItems"] as? Int, items.count < minimum {
        problems.append("\(path): fewer than \(minimum) items")
      }
      if let maximum = schema["maxItems"] as? Int, items.count > maximum {
        problems.append("\(path): more than \(maximum) items")
      }
      if let itemSchema = schema["items"] as? [String: Any] {
        for (index, item) in items.enumerated() {
          check(item, against: itemSchema, at: "\(path)[\(index)]", into: &problems)
        }
      }
    }
    if let object = value as? [String: Any] {
      for key in (schema["required"] as? [String]) ?? [] where object[key] == nil {
        problems.append("\(path): missing \(key)")
      }
      let properties = (schema["properties"] as? [String: Any]) ?? [:]
      for key in object.keys.sorted() {
        if let property = properties[key] as? [String: Any] {
          check(object[key]!, against: property, at: "\(path).\(key)", into: &problems)
        } else if schema["additionalProperties"] as? Bool == false {
          problems.append("\(path): unknown key \(key)")
        }
      }
    }
    if let variants = schema["oneOf"] as? [[String: Any]] {
      let matching = variants.filter { variant in
        var own: [String] = []
        check(value, against: variant, at: path, into: &own)
        return own.isEmpty
      }
      if matching.count != 1 {
        problems.append("\(path): matches \(matching.count) of the \(variants.count) choices; expected exactly one")
      }
    }
  }
}
