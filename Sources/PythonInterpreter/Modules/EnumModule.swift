import PythonValues

/// `enum`: `Enum` and `auto`, as CPython's `EnumType` builds them: each plain class attribute
/// becomes a member (an instance with `name` and `value`), a repeated value an alias; the class
/// iterates its members, `Cls(value)` and `Cls[name]` find one. `IntEnum`, `StrEnum` and `Flag`
/// (whose `str()` and formatting changed between versions) are not provided: importing them is
/// refused.
enum EnumModule {
  static let enumType: TypeObject = {
    let t = TypeObject("Enum", bases: [Types.object], layout: .object, builtin: false, module: "enum")
    t.enumMembers = []
    TypeMethods.method(t, "__repr__") { m, a in
      let o = a[0]
      return StrObject("<\(o.type.name).\(try name(o)): \(try m.repr(try value(o)))>")
    }
    TypeMethods.method(t, "__str__") { _, a in StrObject("\(a[0].type.name).\(try name(a[0]))") }
    TypeMethods.method(t, "__format__") { m, a in StrObject(try m.format(StrObject(try m.str(a[0])), (a[1] as? StrObject)?.value ?? "")) }
    TypeMethods.method(t, "__hash__") { m, a in IntObject.make(try m.hash(StrObject(try name(a[0])))) }
    TypeMethods.method(t, "__eq__") { _, a in BoolObject.of(a[0] === a[1]) }
    TypeMethods.method(t, "__reduce_ex__") { _, a in a[0] }
    return t
  }()

  static let autoType: TypeObject = {
    let t = TypeObject("auto", bases: [Types.object], layout: .object, builtin: false, module: "enum")
    t.construct = { _, cls, _ in InstanceObject(type: cls) }
    return t
  }()

  static func make(_ m: Machine) -> ModuleObject {
    let mod = ModuleObject("enum")
    mod.dict.setStr("Enum", enumType)
    mod.dict.setStr("auto", autoType)
    mod.dict.setStr("unique", BuiltinFunctionObject("unique") { m, a in
      guard let t = a.positional.first as? TypeObject else { throw typeError("unique() needs an enumeration") }
      if let first = t.enumAliases.sorted().first, let member = t.enumMembers?.first(where: { $0.name == first })?.member {
        throw valueError("duplicate values found in \(try m.repr(t)): \(first) -> \(try name(member))")
      }
      return t
    })
    return mod
  }

  static func name(_ o: PyObject) throws -> String {
    guard let n = o.instanceDict?.getStr("_name_") as? StrObject else { throw typeError("not an enumeration member") }
    return n.value
  }
  static func value(_ o: PyObject) throws -> PyObject {
    guard let v = o.instanceDict?.getStr("_value_") else { throw typeError("not an enumeration member") }
    return v
  }

  /// The members without aliases, in definition order.
  static func canonical(_ t: TypeObject) -> [PyObject] {
    (t.enumMembers ?? []).filter { !t.enumAliases.contains($0.name) }.map(\.member)
  }

  /// Turns the class attributes of a new `Enum` subclass into its members.
  static func makeMembers(_ m: Machine, _ cls: TypeObject, base: TypeObject) throws {
    if let existing = base.enumMembers, !existing.isEmpty {
      throw typeError(m.version.minor >= 12
        ? "\(cls.name): cannot extend \(try m.repr(base))"
        : "\(cls.name): cannot extend enumeration '\(base.name)'")
    }
    if cls.bases.count > 1 || cls.bases.first !== enumType && cls.bases.first?.enumMembers == nil {
      throw Halt.refused(line: m.learnerLine, column: m.learnerColumn, construct: "an Enum with a mixin type", why: "only plain Enum subclasses are run by lesson yet")
    }
    var members: [(name: String, member: PyObject)] = []
    var lastInt: BigInt?
    for (k, v) in cls.dict.pairs {
      guard let key = (k as? StrObject)?.value else { continue }
      if key.hasPrefix("__") && key.hasSuffix("__") { continue }
      if key.hasPrefix("_") && key.hasSuffix("_") && key.count > 2 { continue }
      if v is FunctionObject || v is DescriptorObject || v is TypeObject || v is BuiltinFunctionObject { continue }
      var value = v
      if v.type === autoType {
        let next = (lastInt ?? BigInt(0)) + BigInt(1)
        value = IntObject.make(next)
      }
      if let i = value as? IntObject, !(value is BoolObject) { lastInt = i.value }
      if let alias = try members.first(where: { try m.eq(try Self.value($0.member), value) }) {
        members.append((key, alias.member))
        cls.enumAliases.insert(key)
        cls.dict.setStr(key, alias.member)
        continue
      }
      let member = InstanceObject(type: cls)
      member.dict.setStr("_name_", StrObject(key))
      member.dict.setStr("_value_", value)
      member.dict.setStr("name", StrObject(key))
      member.dict.setStr("value", value)
      members.append((key, member))
      cls.dict.setStr(key, member)
    }
    cls.enumMembers = members
    let mapping = DictObject()
    for (n, member) in members { mapping.setStr(n, member) }
    cls.dict.setStr("__members__", mapping)
  }

  /// `Cls(value)`: the member with that value.
  static func lookup(_ m: Machine, _ t: TypeObject, _ a: Args) throws -> PyObject {
    guard a.count == 1, a.keywords.isEmpty else {
      throw Halt.refused(line: m.learnerLine, column: m.learnerColumn, construct: "the functional Enum API", why: "making an Enum by calling it is not run by lesson yet")
    }
    for member in canonical(t) where try m.eq(try value(member), a[0]) { return member }
    if t === enumType { throw typeError("EnumMeta.__call__() missing 1 required positional argument: 'value'") }
    throw valueError("\(try m.repr(a[0])) is not a valid \(t.qualname)")
  }
}
