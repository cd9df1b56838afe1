/// What ``CPythonNames`` says a module or built-in type has, version by version.
struct CPythonNameSet: Sendable {
  /// The names some version has.
  let all: Set<String>
  /// By minor version (10 for 3.10), the names of ``all`` that version lacks.
  let missing: [Int: Set<String>]

  func has(_ name: String, minor: Int) -> Bool { all.contains(name) && missing[minor]?.contains(name) != true }

  /// The names of `key` (`module statistics`, `type str`), read from ``CPythonNames/table`` the
  /// first time a run asks for them: a process reads only the few it uses.
  static func named(_ key: String) -> CPythonNameSet? {
    if let known = cache.withLock({ $0[key] }) { return known }
    guard let text = CPythonNames.table[key] else { return nil }
    let names = CPythonNameSet(text)
    cache.withLock { $0[key] = names }
    return names
  }

  /// Under an `NSLock` (``Locked``): the thread sanitizer reported a race through a `Mutex` held
  /// in a static here, as it had elsewhere, when two runs first asked for one entry at once.
  private static let cache = Locked<[String: CPythonNameSet]>([:])

  /// Parses `name name … | 3.10:name …`, byte by byte.
  private init(_ text: String) {
    var all = Set<String>()
    var missing: [Int: Set<String>] = [:]
    var afterBar = false
    for word in text.utf8.split(separator: UInt8(ascii: " ")) {
      if word.elementsEqual("|".utf8) {
        afterBar = true
        continue
      }
      guard afterBar else {
        all.insert(String(decoding: word, as: UTF8.self))
        continue
      }
      // `3.10:name`: the minor version is the digits between the dot and the colon.
      guard let dot = word.firstIndex(of: UInt8(ascii: ".")), let colon = word.firstIndex(of: UInt8(ascii: ":")),
        let minor = Int(String(decoding: word[word.index(after: dot)..<colon], as: UTF8.self))
      else { continue }
      missing[minor, default: []].insert(String(decoding: word[word.index(after: colon)...], as: UTF8.self))
    }
    self.all = all
    self.missing = missing
  }

  /// The table's key for a built-in type, when it has one.
  static func key(for type: TypeObject) -> String? {
    type.isBuiltin && CPythonNames.table["type " + type.name] != nil ? "type " + type.name : nil
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
  /// CPython's names for what `o` is (a module of the standard library lesson runs, a built-in type
  /// or one of its values); nil for anything else.
  func cpythonNames(of o: PyObject) -> CPythonNameSet? {
    switch o {
    case let m as ModuleObject: return m.cpythonNames
    case let t as TypeObject: return CPythonNameSet.key(for: t).flatMap(CPythonNameSet.named)
    default: return CPythonNameSet.key(for: o.type).flatMap(CPythonNameSet.named)
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
    m.cpythonNames?.missing[version.minor]?.contains(name) == true
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
    // Named only for a message: made on the way to an error, not on every call.
    var method: String { "\(owner.name).\(b.name)()" }
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
