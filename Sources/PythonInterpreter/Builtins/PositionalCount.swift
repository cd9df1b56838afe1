/// How many positional arguments a built-in function or type takes, and CPython's words when it
/// is given another number: checked before the body runs, as CPython checks them before anything
/// else. The words are those of CPython 3.10 to 3.13 alike, but for `str` and `int`, whose words
/// changed in 3.13 (recorded by `Tests/Corpus/arity`).
enum PositionalCount {
  /// `len() takes exactly one argument (2 given)`.
  case exactlyOne
  /// `isinstance expected 2 arguments, got 3`.
  case exactly(Int)
  /// `iter expected at most 2 arguments, got 3` (fewer are the body's to judge).
  case atMost(Int)
  /// `sum() takes at most 2 arguments (3 given)`.
  case atMostGiven(Int)
  /// `str expected at most 3 arguments, got 4` from 3.13, `str() takes at most 3 arguments (4
  /// given)` before.
  case atMostChangedIn313(Int)

  /// The functions of `builtins` that take a fixed number (those taking any number, or whose
  /// words are not the same in every version, are not here).
  static let ofBuiltin: [String: PositionalCount] = {
    var table: [String: PositionalCount] = [:]
    for name in ["abs", "repr", "hash", "id", "chr", "ord", "len", "ascii", "callable", "bin", "hex", "oct", "any", "all"] {
      table[name] = .exactlyOne
    }
    for name in ["sorted", "reversed"] { table[name] = .exactly(1) }
    for name in ["hasattr", "isinstance", "issubclass", "divmod", "filter"] { table[name] = .exactly(2) }
    table["setattr"] = .exactly(3)
    for name in ["vars", "dir"] { table[name] = .atMost(1) }
    for name in ["iter", "next", "format"] { table[name] = .atMost(2) }
    table["getattr"] = .atMost(3)
    for name in ["sum", "round", "enumerate"] { table[name] = .atMostGiven(2) }
    table["pow"] = .atMostGiven(3)
    return table
  }()

  /// A built-in type called itself (a subclass's own `__init__` or `__new__` decides for it).
  static func of(_ t: TypeObject) -> PositionalCount? {
    if [Types.float, Types.bool, Types.list, Types.tuple, Types.dict, Types.set, Types.frozenset].contains(where: { $0 === t }) {
      return .atMost(1)
    }
    if t === Types.range || t === Types.slice { return .atMost(3) }
    if t === Types.bytes { return .atMostGiven(3) }
    if t === Types.str { return .atMostChangedIn313(3) }
    if t === Types.int { return .atMostChangedIn313(2) }
    return nil
  }

  /// Throws CPython's TypeError when `given` positional arguments are not what `name` takes.
  func check(_ given: Int, _ name: String, minor: Int = 13) throws {
    func plural(_ n: Int) -> String { n == 1 ? "argument" : "arguments" }
    switch self {
    case .exactlyOne:
      if given != 1 { throw typeError("\(name)() takes exactly one argument (\(given) given)") }
    case .exactly(let n):
      if given != n { throw typeError("\(name) expected \(n) \(plural(n)), got \(given)") }
    case .atMost(let n):
      if given > n { throw typeError("\(name) expected at most \(n) \(plural(n)), got \(given)") }
    case .atMostGiven(let n):
      if given > n { throw typeError("\(name)() takes at most \(n) \(plural(n)) (\(given) given)") }
    case .atMostChangedIn313(let n):
      if given > n {
        if minor >= 13 { throw typeError("\(name) expected at most \(n) \(plural(n)), got \(given)") }
        throw typeError("\(name)() takes at most \(n) \(plural(n)) (\(given) given)")
      }
    }
  }
}
