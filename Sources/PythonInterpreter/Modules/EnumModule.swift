import PythonValues

/// `enum`: `Enum` and `auto`, as CPython's `EnumType` builds them: each plain class attribute
/// becomes a member (an instance with `name` and `value`), a repeated value an alias; the class
/// iterates its members, `Cls(value)` and `Cls[name]` find one. An enum may mix in `str` or `int`
/// (`class Status(str, Enum)`, `IntEnum`, and `StrEnum` from 3.11): its members are strings or
/// integers, with the enum's `repr()` and, version by version, its `str()` and `format()`.
/// `Flag` is written in Python on top (``flagSource``).
enum EnumModule {
  static let enumType: TypeObject = {
    let t = TypeObject("Enum", bases: [Types.object], layout: .object, builtin: false, module: "enum")
    t.isShared = true
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

  /// `format()` of a member of an enum that mixes in `str`: 3.10 formats the member's value,
  /// 3.11 and later its `str()` (`Status.OK`).
  static let mixinFormat = BuiltinFunctionObject("__format__") { m, a in
    let spec = (a.positional.count > 1 ? a[1] as? StrObject : nil)?.value ?? ""
    if m.version.minor < 11 { return StrObject(try m.format(try value(a[0]), spec)) }
    return StrObject(try m.format(StrObject(try m.str(a[0])), spec))
  }

  /// `enum.IntEnum`: members are integers. In 3.10 it is `(int, Enum)` (`str()` is
  /// `Priority.HIGH`); from 3.11 a `ReprEnum`, whose `str()` is the integer's. `format()` gives
  /// the value in every version.
  static let intEnumType: TypeObject = {
    let t = TypeObject("IntEnum", bases: [Types.int, enumType], layout: .int, builtin: false, module: "enum")
    t.isShared = true
    t.enumMembers = []
    TypeMethods.method(t, "__str__") { m, a in
      m.version.minor < 11
        ? StrObject("\(a[0].type.name).\(try name(a[0]))") : StrObject(try m.str(IntObject.make((a[0] as! IntObject).value)))
    }
    TypeMethods.method(t, "__format__") { m, a in
      StrObject(try m.format(IntObject.make((a[0] as! IntObject).value), (a.positional.count > 1 ? a[1] as? StrObject : nil)?.value ?? ""))
    }
    return t
  }()

  /// `enum.StrEnum` (3.11+): members are strings whose `str()` and `format()` are the value's
  /// own (it is a `ReprEnum`: only the `repr()` is the enum's).
  static let strEnumType: TypeObject = {
    let t = TypeObject("StrEnum", bases: [Types.str, enumType], layout: .str, builtin: false, module: "enum")
    t.isShared = true
    t.enumMembers = []
    TypeMethods.method(t, "__str__") { _, a in StrObject((a[0] as! StrObject).value) }
    TypeMethods.method(t, "__format__") { m, a in
      StrObject(try m.format(StrObject((a[0] as! StrObject).value), (a.positional.count > 1 ? a[1] as? StrObject : nil)?.value ?? ""))
    }
    return t
  }()

  static let autoType: TypeObject = {
    let t = TypeObject("auto", bases: [Types.object], layout: .object, builtin: false, module: "enum")
    t.isShared = true
    t.construct = { _, cls, _ in InstanceObject(type: cls) }
    return t
  }()

  /// `enum.Flag`, in Python on the machine's `Enum`: members are single bits (`auto()` gives the
  /// next power of two), combined with `|`, `&` and `^` into members made on demand, tested with
  /// `in` and `bool()`. What differs between versions for a combination (its name, `repr()`,
  /// `str()`, hash) and `~` are refused.
  static let flagSource = #"""
class Flag(Enum):
    _lesson_flag_ = True

    def _lesson_combined(self):
        return '_name_' not in self.__dict__

    def __or__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.__class__(self._value_ | other._value_)

    def __and__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.__class__(self._value_ & other._value_)

    def __xor__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.__class__(self._value_ ^ other._value_)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            _lesson_refuse('`in` on a Flag with something else', "Python's error for it differs between versions")
        return other._value_ & self._value_ == other._value_

    def __bool__(self):
        return bool(self._value_)

    def __invert__(self):
        _lesson_refuse('~ on a Flag', 'what it gives differs between versions')

    def __repr__(self):
        if self._lesson_combined():
            _lesson_refuse('repr() of combined Flag members', 'Python 3.10 and 3.11+ write it differently; print .value, or each member')
        return Enum.__repr__(self)

    def __str__(self):
        if self._lesson_combined():
            _lesson_refuse('str() of combined Flag members', 'Python 3.10 and 3.11+ write it differently; print .value, or each member')
        return Enum.__str__(self)

    def __format__(self, spec):
        return format(str(self), spec)

    def __hash__(self):
        if self._lesson_combined():
            _lesson_refuse('hashing combined Flag members', 'their hash comes from a name that differs between versions')
        return Enum.__hash__(self)

    def __getattr__(self, attr):
        if attr in ('name', '_name_'):
            _lesson_refuse('the name of combined Flag members', 'Python 3.10 and 3.11+ name them differently')
        return object.__getattribute__(self, attr)
"""#

  static func make(_ m: Machine) throws -> ModuleObject {
    let mod = ModuleObject("enum")
    mod.dict.setStr("Enum", enumType)
    mod.dict.setStr("auto", autoType)
    mod.dict.setStr("IntEnum", intEnumType)
    if m.version.minor >= 11 { mod.dict.setStr("StrEnum", strEnumType) }
    mod.dict.setStr("unique", BuiltinFunctionObject("unique") { m, a in
      guard let t = a.positional.first as? TypeObject else { throw typeError("unique() needs an enumeration") }
      if let first = t.enumAliases.sorted().first, let member = t.enumMembers?.first(where: { $0.name == first })?.member {
        throw valueError("duplicate values found in \(try m.repr(t)): \(first) -> \(try name(member))")
      }
      return t
    })
    mod.dict.setStr(SourceModule.refuse.0, BuiltinFunctionObject(SourceModule.refuse.0, SourceModule.refuse.1))
    try SourceModules.run(m, flagSource, in: mod)
    return mod
  }

  /// Whether `t` is a `Flag`.
  static func isFlag(_ t: TypeObject) -> Bool { t.mro.contains { $0.dict.getStr("_lesson_flag_") != nil } }

  /// `Flag(value)`: the member with that value, or the combination of members it is made of
  /// (one object per value, as CPython keeps them).
  static func flagLookup(_ m: Machine, _ t: TypeObject, _ v: PyObject) throws -> PyObject {
    guard let i = v as? IntObject, !(v is BoolObject), let n = i.intValue else {
      throw m.refuse("\(t.name)(\(m.typeName(v)))", "a Flag is made from an int by lesson")
    }
    for member in canonical(t) where (try value(member) as? IntObject)?.intValue == n { return member }
    let all = try canonical(t).reduce(0) { $0 | ((try value($1) as? IntObject)?.intValue ?? 0) }
    guard n >= 0, n & ~all == 0 else {
      throw m.refuse("\(t.name)(\(n))", "a value with no member's bits, or bits of no member, is handled differently by each version")
    }
    let cache: DictObject
    if let c = t.dict.getStr("_lesson_combined_") as? DictObject { cache = c } else {
      cache = DictObject()
      t.dict.setStr("_lesson_combined_", cache)
    }
    if let made = try cache.get(v, m) { return made }
    let made = InstanceObject(type: t)
    made.instanceDict!.setStr("_value_", v)
    made.instanceDict!.setStr("value", v)
    try cache.set(v, made, m)
    return made
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
    // Plain (Enum, or an enum without members), or mixing in str: (str, Enum) or StrEnum.
    let enumBases = cls.bases.filter { $0 !== Types.str && $0 !== Types.int }
    let mixesInStr = cls.mro.contains { $0 === Types.str }
    let mixesInInt = cls.mro.contains { $0 === Types.int }
    guard enumBases.count == 1, enumBases[0].enumMembers != nil,
      cls.bases.count == 1 || cls.bases[0] === Types.str || cls.bases[0] === Types.int
    else {
      throw Halt.refused(line: m.learnerLine, column: m.learnerColumn, construct: "an Enum with a mixin type", why: "only plain Enum subclasses and str or int mixins are run by lesson yet")
    }
    let isStrEnum = cls.mro.contains { $0 === strEnumType }
    let isFlag = Self.isFlag(cls) && cls.dict.getStr("_lesson_flag_") == nil
    if isFlag, mixesInStr || mixesInInt {
      throw Halt.refused(line: m.learnerLine, column: m.learnerColumn, construct: "a Flag with a mixin type", why: "not run by lesson yet")
    }
    let isReprEnum = isStrEnum || cls.mro.contains { $0 === intEnumType }
    if mixesInStr || mixesInInt {
      // What EnumType does for a mixin: the enum's repr, and for (str, Enum) its str and format,
      // unless the class defines its own.
      for (name, method) in [("__repr__", enumType.dict.getStr("__repr__")!)] + (isReprEnum ? [] : [
        ("__str__", enumType.dict.getStr("__str__")!), ("__format__", mixinFormat as PyObject),
      ]) where cls.dict.getStr(name) == nil {
        cls.dict.setStr(name, method)
      }
    }
    var members: [(name: String, member: PyObject)] = []
    var lastInt: BigInt?
    for (k, v) in cls.dict.pairs {
      guard let key = (k as? StrObject)?.value else { continue }
      if key.hasPrefix("__") && key.hasSuffix("__") { continue }
      if key.hasPrefix("_") && key.hasSuffix("_") && key.count > 2 { continue }
      if v is FunctionObject || v is DescriptorObject || v is TypeObject || v is BuiltinFunctionObject { continue }
      var value = v
      if isFlag, v.type === autoType {
        // Flag's _generate_next_value_: 1 first, then the power of two above the highest value
        // so far (3.11+) or above the last one (3.10).
        let previous = members.compactMap { (try? Self.value($0.member)) as? IntObject }.map(\.value)
        if let basis = m.version.minor >= 11 ? previous.max() : previous.last {
          value = IntObject.make(BigInt(1) << basis.bitLength)
        } else {
          value = IntObject.make(1)
        }
      } else if v.type === autoType {
        if isStrEnum {
          value = StrObject(key.lowercased())
        } else if mixesInStr {
          throw Halt.refused(line: m.learnerLine, column: m.learnerColumn, construct: "auto() in a (str, Enum)", why: "its value depends on the version's _generate_next_value_; use StrEnum or write the strings")
        } else {
          let next = (lastInt ?? BigInt(0)) + BigInt(1)
          value = IntObject.make(next)
        }
      }
      if isFlag {
        guard let i = value as? IntObject, value.type === Types.int, let n = i.intValue, n > 0, n & (n - 1) == 0 else {
          throw Halt.refused(
            line: m.learnerLine, column: m.learnerColumn, construct: "a \(cls.name) member that is not one bit",
            why: "Flag members of several bits, of none, or not ints, behave differently from version to version")
        }
      }
      if mixesInStr, !(value is StrObject) || !value.type.behavesAsBuiltin {
        throw Halt.refused(line: m.learnerLine, column: m.learnerColumn, construct: "a \(cls.name) member that is not a string", why: "a str enum's members are run by lesson only when their values are strings")
      }
      if mixesInInt, !(value is IntObject) || value.type !== Types.int {
        throw Halt.refused(line: m.learnerLine, column: m.learnerColumn, construct: "a \(cls.name) member that is not an int", why: "an int enum's members are run by lesson only when their values are integers")
      }
      if let i = value as? IntObject, !(value is BoolObject) { lastInt = i.value }
      if let alias = try members.first(where: { try m.eq(try Self.value($0.member), value) }) {
        members.append((key, alias.member))
        cls.enumAliases.insert(key)
        cls.dict.setStr(key, alias.member)
        continue
      }
      let member: PyObject =
        mixesInStr
        ? StrObject((value as! StrObject).value, subclass: cls)
        : mixesInInt ? IntSubclassObject((value as! IntObject).value, type: cls) : InstanceObject(type: cls)
      let dict = member.instanceDict!
      dict.setStr("_name_", StrObject(key))
      dict.setStr("_value_", value)
      dict.setStr("name", StrObject(key))
      dict.setStr("value", value)
      members.append((key, member))
      cls.dict.setStr(key, member)
    }
    cls.enumMembers = members
    let mapping = DictObject()
    for (n, member) in members { mapping.setStr(n, member) }
    cls.dict.setStr("__members__", mapping)
  }

  /// `x in Cls`: a member is in its class. Anything else raises `TypeError` (with a
  /// `DeprecationWarning`) before 3.12; from 3.12 a member's value is in the class too.
  static func contains(_ m: Machine, _ t: TypeObject, _ v: PyObject) throws -> Bool {
    if v.type.isSubtype(of: t) || v.type.enumMembers != nil {
      return (t.enumMembers ?? []).contains { $0.member === v }
    }
    if m.version.minor < 12 {
      m.warnAtLearnerLine(
        "DeprecationWarning",
        m.version.minor == 10
          ? "in 3.12 __contains__ will no longer raise TypeError, but will return True if\nobj is a member or a member's value"
          : "in 3.12 __contains__ will no longer raise TypeError, but will return True or\nFalse depending on whether the value is a member or the value of a member")
      throw typeError("unsupported operand type(s) for 'in': '\(m.typeName(v))' and '\(m.version.minor == 10 ? "EnumMeta" : "EnumType")'")
    }
    for member in canonical(t) where try m.eq(try value(member), v) { return true }
    return false
  }

  /// `Cls(value)`: the member with that value.
  static func lookup(_ m: Machine, _ t: TypeObject, _ a: Args) throws -> PyObject {
    guard a.count == 1, a.keywords.isEmpty else {
      throw Halt.refused(line: m.learnerLine, column: m.learnerColumn, construct: "the functional Enum API", why: "making an Enum by calling it is not run by lesson yet")
    }
    if isFlag(t), t.enumMembers?.isEmpty == false { return try flagLookup(m, t, a[0]) }
    for member in canonical(t) where try m.eq(try value(member), a[0]) { return member }
    if t === enumType { throw typeError("EnumMeta.__call__() missing 1 required positional argument: 'value'") }
    throw valueError("\(try m.repr(a[0])) is not a valid \(t.qualname)")
  }
}
