/// What ``CPythonNames`` says a module or built-in type has, version by version.
struct CPythonNameSet: Sendable {
  /// The names some version has.
  let all: Set<String>
  /// By minor version (10 for 3.10), the names of ``all`` that version lacks.
  let missing: [Int: Set<String>]

  func has(_ name: String, minor: Int) -> Bool { all.contains(name) && missing[minor]?.contains(name) != true }

  /// Read once from ``CPythonNames/table``, by key (`module statistics`, `type str`).
  static let byKey: [String: CPythonNameSet] = CPythonNames.table.mapValues { text in
    let parts = text.split(separator: "|", maxSplits: 1)
    var missing: [Int: Set<String>] = [:]
    for entry in parts.count > 1 ? parts[1].split(separator: " ") : [] {
      guard let colon = entry.firstIndex(of: ":"), let minor = Int(entry[..<colon].split(separator: ".").last ?? "")
      else { continue }
      missing[minor, default: []].insert(String(entry[entry.index(after: colon)...]))
    }
    return CPythonNameSet(all: Set(parts[0].split(separator: " ").map(String.init)), missing: missing)
  }

  /// The built-in types the table knows, by lesson's type object.
  static func key(for type: TypeObject) -> String? {
    type.isBuiltin && byKey["type " + type.name] != nil ? "type " + type.name : nil
  }
}

extension Machine {
  /// CPython's names for what `o` is (a module of the standard library lesson runs, a built-in type
  /// or one of its values); nil for anything else.
  func cpythonNames(of o: PyObject) -> CPythonNameSet? {
    switch o {
    case let m as ModuleObject: return CPythonNameSet.byKey["module " + m.name]
    case let t as TypeObject: return CPythonNameSet.key(for: t).flatMap { CPythonNameSet.byKey[$0] }
    default: return CPythonNameSet.key(for: o.type).flatMap { CPythonNameSet.byKey[$0] }
    }
  }

  /// A name lesson lacks on a module or built-in value while this version of CPython has it is
  /// refused: an AttributeError (or False from hasattr) there would be a guess at what CPython does.
  func refuseMissingStandardName(_ o: PyObject, _ name: String) throws {
    guard let names = cpythonNames(of: o), names.has(name, minor: version.minor) else { return }
    let owner: String
    switch o {
    case let m as ModuleObject: owner = m.name
    case let t as TypeObject: owner = t.name
    default: owner = typeName(o)
    }
    throw refuse("\(owner).\(name)", "'\(owner).\(name)' is not something lesson runs yet")
  }

  /// A name of a standard module that lesson has and this version of CPython does not (it came
  /// later, or went): missing here, as in that CPython.
  func absentInThisVersion(_ m: ModuleObject, _ name: String) -> Bool {
    guard let names = CPythonNameSet.byKey["module " + m.name] else { return false }
    return names.all.contains(name) && !names.has(name, minor: version.minor)
  }
}

/// How many positional arguments a method of a built-in type takes (``CPythonNames/arity``).
enum BuiltinArity {
  static let byType: [String: [String: String]] = CPythonNames.arity.mapValues { text in
    var kinds: [String: String] = [:]
    for entry in text.split(separator: " ") {
      guard let colon = entry.firstIndex(of: ":") else { continue }
      kinds[String(entry[..<colon])] = String(entry[entry.index(after: colon)...])
    }
    return kinds
  }
}

extension Machine {
  /// A method of a built-in type called with more positional arguments than CPython's takes, or
  /// with keywords it takes none of: CPython's TypeError where its words are the same in every
  /// version (`str.join() takes exactly one argument (2 given)`), else refused. Never run with
  /// the extra arguments ignored.
  func checkArity(_ b: BuiltinFunctionObject, _ args: Args) throws {
    guard let owner = b.owner, owner.isBuiltin, !b.isClassMethod,
      let kind = BuiltinArity.byType[owner.name]?[b.name], kind != "*"
    else { return }
    let given = args.positional.count - 1  // the first is the object the method is called on
    let method = "\(owner.name).\(b.name)()"
    switch kind {
    case "n":
      if !args.keywords.isEmpty { throw typeError("\(method) takes no keyword arguments") }
      if given > 0 { throw typeError("\(method) takes no arguments (\(given) given)") }
    case "o":
      if !args.keywords.isEmpty { throw typeError("\(method) takes no keyword arguments") }
      if given != 1 { throw typeError("\(method) takes exactly one argument (\(given) given)") }
    default:
      if let most = Int(kind), given > most {
        throw refuse(
          "\(method) with \(given) arguments",
          "it takes at most \(most), and Python's words for the error differ by version")
      }
    }
  }
}
