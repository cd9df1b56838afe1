/// `abc`: `ABC`, `ABCMeta` and `abstractmethod`. A class whose abstract methods are not all
/// implemented cannot be instantiated, with each version's message.
enum AbcModule {
  /// `ABCMeta`: only ever named as a metaclass (`metaclass=ABCMeta`).
  static let metaType: TypeObject = {
    let t = TypeObject("ABCMeta", bases: [Types.type], layout: .builtin, builtin: false, module: "abc")
    // Shared by every run: no program may change it (see `Machine.mayChange`).
    t.isShared = true
    return t
  }()

  /// `ABC`: a class with `ABCMeta` for its metaclass.
  static let abcType: TypeObject = {
    let t = TypeObject("ABC", bases: [Types.object], layout: .object, builtin: false, module: "abc")
    t.isShared = true
    t.dict.setStr("__abstractmethods__", SetObject(frozen: true))
    return t
  }()

  static let source = #"""
def abstractmethod(funcobj):
    funcobj.__isabstractmethod__ = True
    return funcobj
"""#

  static func make(_ m: Machine) throws -> ModuleObject {
    try SourceModule.load(m, name: "abc", source: source, values: [("ABC", abcType), ("ABCMeta", metaType)])
  }

  /// Whether a class is abstract-aware: made by `ABCMeta`, or a subclass of `ABC`.
  static func applies(to cls: TypeObject, metaclass: PyObject?) -> Bool {
    metaclass === metaType || cls.mro.contains { $0 === abcType || $0.dict.getStr("__abstractmethods__") != nil }
  }

  /// `ABCMeta.__new__`: the class's abstract methods, those it defines and those of its bases it
  /// does not override, as `__abstractmethods__`.
  static func computeAbstracts(_ m: Machine, _ cls: TypeObject) throws {
    func isAbstract(_ v: PyObject?) throws -> Bool {
      guard let v, let flag = try? m.getAttribute(v, "__isabstractmethod__") else { return false }
      return try m.truthy(flag)
    }
    var names: [String] = []
    for (k, v) in cls.dict.pairs {
      if let name = (k as? StrObject)?.value, try isAbstract(v) { names.append(name) }
    }
    for base in cls.bases {
      guard let inherited = base.lookup("__abstractmethods__") as? SetObject else { continue }
      for case let name as StrObject in try m.iterate(inherited) where !names.contains(name.value) {
        if try isAbstract(cls.lookup(name.value)) { names.append(name.value) }
      }
    }
    let set = SetObject(frozen: true)
    for name in names { try set.add(StrObject(name), m) }
    cls.dict.setStr("__abstractmethods__", set)
  }

  /// `object.__new__` of a class with abstract methods left: the `TypeError`, or nil.
  static func instantiationError(_ m: Machine, _ t: TypeObject) -> ExceptionObject? {
    guard let set = t.dict.getStr("__abstractmethods__") as? SetObject, set.count > 0,
      let items = try? m.iterate(set)
    else { return nil }
    let names = items.compactMap { ($0 as? StrObject)?.value }.sorted()
    let methods = names.count == 1 ? "method" : "methods"
    if m.version.minor >= 12 {
      return typeError(
        "Can't instantiate abstract class \(t.name) without an implementation for abstract \(methods) "
          + names.map { "'\($0)'" }.joined(separator: ", "))
    }
    return typeError("Can't instantiate abstract class \(t.name) with abstract \(methods) \(names.joined(separator: ", "))")
  }
}
