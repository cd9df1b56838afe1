import AsyncioModel
import PythonValues

/// Every Python value the interpreter makes: an instance of a Swift subclass of `PyObject`.
///
/// Objects belong to one interpreter run and are only ever touched by the thread that runs it.
public class PyObject: @unchecked Sendable {
  private let storedType: TypeObject?
  /// The object's class (`type(x)`).
  public var type: TypeObject { storedType ?? (self is DictObject ? Types.dict : Types.type) }

  init(type: TypeObject?) { storedType = type }

  /// The attribute dictionary of instances that have one (`x.__dict__`).
  var instanceDict: DictObject? { nil }

  /// Whether the object holds other objects that ``takeChildren(into:)`` hands over.
  var holdsObjects: Bool { false }
  /// Moves what the object holds into `out`, leaving it empty (see ``Teardown``).
  func takeChildren(into out: inout [PyObject]) {}
}

/// Lets go of what a dying object held without recursing through it: freeing a list inside a
/// list inside a list… a million deep (`x = [x]` in a loop) would otherwise take a million
/// nested deinitializers and overflow the stack. The objects nothing else holds are emptied one
/// by one from a worklist, so each dies with nothing left to free.
enum Teardown {
  static func release(_ children: inout [PyObject]) {
    guard children.contains(where: { $0.holdsObjects }) else { return }
    var pending: [PyObject] = []
    swap(&pending, &children)
    while var object = pending.popLast() {
      if object.holdsObjects, isKnownUniquelyReferenced(&object) { object.takeChildren(into: &pending) }
      // `object` dies here, empty.
    }
  }
}

/// What `loadMethod` pushes when the attribute is already bound (no receiver to pass).
final class NoReceiver: PyObject {
  static let shared = NoReceiver(type: nil)
}

/// `None`.
public final class NoneObject: PyObject {
  static let shared = NoneObject(type: Types.noneType)
}

/// `NotImplemented` and `Ellipsis`.
final class SentinelObject: PyObject {
  let name: String
  init(_ name: String, type: TypeObject) {
    self.name = name
    super.init(type: type)
  }
  static let notImplemented = SentinelObject("NotImplemented", type: Types.notImplementedType)
  static let ellipsis = SentinelObject("Ellipsis", type: Types.ellipsisType)
}

/// `int` (and `bool`, its subclass): arbitrary size, as ``BigInt`` (machine-sized while it fits).
public class IntObject: PyObject {
  let value: BigInt

  init(_ value: BigInt, type: TypeObject? = nil) {
    self.value = value
    super.init(type: type ?? Types.int)
  }

  /// The value when it fits in `Int`.
  var intValue: Int? { value.int }

  static func make(_ v: Int) -> IntObject {
    if v >= -5 && v < 257 { return smallInts[v + 5] }
    return IntObject(BigInt(v))
  }
  static func make(_ v: BigInt) -> IntObject {
    if let s = v.int, s >= -5 && s < 257 { return smallInts[s + 5] }
    return IntObject(v)
  }
  static let smallInts: [IntObject] = (-5..<257).map { IntObject(BigInt($0)) }
}

/// An instance of an `int` subclass written in Python: an `IntEnum` member, with its attributes.
final class IntSubclassObject: IntObject {
  private let attributes = DictObject()
  override var instanceDict: DictObject? { attributes }
}

/// `True` and `False`.
public final class BoolObject: IntObject {
  let bool: Bool
  private init(_ b: Bool) {
    bool = b
    super.init(BigInt(b ? 1 : 0), type: Types.bool)
  }
  static let `true` = BoolObject(true)
  static let `false` = BoolObject(false)
  static func of(_ b: Bool) -> BoolObject { b ? .true : .false }
}

/// `float`.
public final class FloatObject: PyObject {
  let value: Double
  init(_ v: Double) {
    value = v
    super.init(type: Types.float)
  }
}

/// `str`: Swift text, with its code points materialised when indexed.
public final class StrObject: PyObject {
  let value: String
  private var cachedScalars: [Unicode.Scalar]?
  private var cachedHash: Int?

  init(_ s: String) {
    value = s
    super.init(type: Types.str)
  }

  /// An instance of a subclass of `str` written in Python (`class ToolName(str)`).
  init(_ s: String, subclass: TypeObject) {
    value = s
    super.init(type: subclass)
  }

  /// The attributes of an instance of a subclass written in Python.
  private var subclassAttributes: DictObject?
  override var instanceDict: DictObject? { subclassDict(&subclassAttributes) }

  var scalars: [Unicode.Scalar] {
    if let s = cachedScalars { return s }
    let s = Array(value.unicodeScalars)
    cachedScalars = s
    return s
  }
  var count: Int { cachedScalars?.count ?? value.unicodeScalars.count }

  var hashValue: Int {
    if let h = cachedHash { return h }
    let h = StrHash.hash(value)
    cachedHash = h
    return h
  }

  static let empty = StrObject("")
}

/// `bytes`.
final class BytesObject: PyObject {
  let value: [UInt8]
  init(_ v: [UInt8]) {
    value = v
    super.init(type: Types.bytes)
  }
}

/// `list`.
public final class ListObject: PyObject {
  var items: [PyObject]
  init(_ items: [PyObject] = []) {
    self.items = items
    super.init(type: Types.list)
  }

  /// An instance of a subclass of `list` written in Python (`class Results(list)`).
  init(_ items: [PyObject], subclass: TypeObject) {
    self.items = items
    super.init(type: subclass)
  }

  /// The attributes of an instance of a subclass written in Python.
  private var subclassAttributes: DictObject?
  override var instanceDict: DictObject? { subclassDict(&subclassAttributes) }

  override var holdsObjects: Bool { true }
  override func takeChildren(into out: inout [PyObject]) {
    out.append(contentsOf: items)
    items = []
    if let attributes = subclassAttributes { out.append(attributes) }
    subclassAttributes = nil
  }
  deinit { Teardown.release(&items) }
}

/// `tuple`.
public final class TupleObject: PyObject {
  /// Never changed but by ``takeChildren(into:)``, as the tuple dies.
  private(set) var items: [PyObject]
  init(_ items: [PyObject], type: TypeObject? = nil) {
    self.items = items
    super.init(type: type ?? Types.tuple)
  }
  override var holdsObjects: Bool { true }
  override func takeChildren(into out: inout [PyObject]) {
    out.append(contentsOf: items)
    items = []
  }
  deinit { Teardown.release(&items) }
  static let empty = TupleObject([])
  /// Instance attributes of a `NamedTuple` subclass never live here; a tuple has no `__dict__`.
}

/// `range`.
final class RangeObject: PyObject {
  let start: Int, stop: Int, step: Int
  init(_ start: Int, _ stop: Int, _ step: Int) {
    self.start = start
    self.stop = stop
    self.step = step
    super.init(type: Types.range)
  }
  var count: Int {
    if step > 0 { return start < stop ? (stop - start - 1) / step + 1 : 0 }
    return start > stop ? -((start - stop - 1) / step) + 1 : 0
  }
}

/// `slice`.
final class SliceObject: PyObject {
  let start: PyObject, stop: PyObject, step: PyObject
  init(_ start: PyObject, _ stop: PyObject, _ step: PyObject) {
    self.start = start
    self.stop = stop
    self.step = step
    super.init(type: Types.slice)
  }
}

/// A cell holding a variable shared between a function and the functions nested in it.
final class CellObject: PyObject {
  var value: PyObject?
  init(_ v: PyObject? = nil) {
    value = v
    super.init(type: Types.cell)
  }
  override var holdsObjects: Bool { true }
  override func takeChildren(into out: inout [PyObject]) {
    if let value { out.append(value) }
    value = nil
  }
}

/// An object of a class written in Python (or of `object` itself), with its attribute dictionary.
public final class InstanceObject: PyObject {
  let dict: DictObject
  init(type: TypeObject) {
    dict = DictObject()
    super.init(type: type)
  }
  override var instanceDict: DictObject? { dict }
  // Its dictionary goes to the worklist whole, and is emptied there if nothing else holds it
  // (`d = obj.__dict__` keeps it whole).
  override var holdsObjects: Bool { true }
  override func takeChildren(into out: inout [PyObject]) { out.append(dict) }
}

/// A module: its name and its globals.
public final class ModuleObject: PyObject {
  let name: String
  let dict: DictObject
  /// What CPython's module of this name has, version by version, for a module of the standard
  /// library lesson runs (``CPythonNameSet``).
  let cpythonNames: CPythonNameSet?
  init(_ name: String, dict: DictObject = DictObject()) {
    self.name = name
    self.dict = dict
    cpythonNames = name == "__main__" ? nil : CPythonNameSet.named("module " + name)
    super.init(type: Types.module)
    // Only when it is not set already: the builtins' dict is shared by runs on other threads,
    // which may be reading it now.
    if (dict.getStr("__name__") as? StrObject)?.value != name { dict.setStr("__name__", StrObject(name)) }
  }
  override var instanceDict: DictObject? { dict }
}

/// A Swift object exposed to Python with a class of its own (an asyncio primitive, a logger…).
class NativeObject: PyObject {
  var dict: DictObject?
  override var instanceDict: DictObject? { dict }
}

extension PyObject {
  /// The attributes of an instance of a Python subclass of a built-in type (`class Results(list)`),
  /// kept in `storage` and made when first asked for; a built-in instance has none.
  func subclassDict(_ storage: inout DictObject?) -> DictObject? {
    guard !type.isBuiltin else { return nil }
    if let d = storage { return d }
    let d = DictObject()
    storage = d
    return d
  }
}
