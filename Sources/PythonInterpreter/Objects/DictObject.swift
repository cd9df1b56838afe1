import PythonValues

/// `dict`: CPython's compact dictionary (an index table over entries kept in insertion order).
///
/// Keys are hashed and compared by the machine (`__hash__`/`__eq__` may run Python code); strings
/// take a fast path that needs no machine.
public class DictObject: PyObject {
  struct Entry {
    var key: PyObject
    var value: PyObject
    var hash: Int
  }
  private(set) var entries: [Entry?] = []
  private var indices: [Int32] = []
  private(set) var count = 0
  /// Bumped on every insertion or deletion, so that iteration can notice a change of size.
  private(set) var version = 0
  /// Bumped when the table is rebuilt or emptied (CPython's `ma_keys` changing).
  private var tableID = 0

  override init(type: TypeObject? = nil) {
    super.init(type: type ?? Types.dict)
  }

  /// The attributes of an instance of a subclass written in Python (`defaultdict.default_factory`).
  private var subclassAttributes: DictObject?
  override var instanceDict: DictObject? { subclassDict(&subclassAttributes) }

  /// A class's own namespace, made while the built-in classes themselves are being made.
  init(namespaceOfClass: Void) {
    super.init(type: nil)
  }

  private func findSlot(_ key: PyObject, hash: Int, _ m: Machine?) throws -> (slot: Int, entry: Int?) {
    search: while true {
      if indices.isEmpty { rebuild(capacity: 8) }
      let mask = indices.count - 1
      var perturb = UInt(bitPattern: hash)
      var i = Int(UInt(bitPattern: hash) & UInt(mask))
      while true {
        let ix = Int(indices[i])
        if ix == -1 { return (i, nil) }
        if ix >= 0, let e = entries[ix], e.hash == hash {
          if e.key === key { return (i, ix) }
          if let m {
            let table = tableID
            let equal = try m.keysEqual(e.key, key)
            // An `__eq__` that rebuilt the table or took this entry away: look again in the table as
            // it is now, as CPython does.
            if tableID != table || ix >= entries.count || entries[ix]?.key !== e.key { continue search }
            if equal { return (i, ix) }
          } else if let a = e.key as? StrObject, let b = key as? StrObject, PyString.same(a.value, b.value) {
            return (i, ix)
          }
        }
        perturb >>= 5
        i = Int((UInt(i) &* 5 &+ 1 &+ perturb) & UInt(mask))
      }
    }
  }

  private func rebuild(capacity: Int) {
    tableID &+= 1
    var size = 8
    while size < capacity { size <<= 1 }
    indices = Array(repeating: -1, count: size)
    if count != entries.count { entries = entries.filter { $0 != nil } }
    let mask = UInt(size - 1)
    for (n, e) in entries.enumerated() {
      guard let e else { continue }
      var perturb = UInt(bitPattern: e.hash)
      var i = UInt(bitPattern: e.hash) & mask
      while indices[Int(i)] != -1 {
        perturb >>= 5
        i = (i &* 5 &+ 1 &+ perturb) & mask
      }
      indices[Int(i)] = Int32(n)
    }
  }

  func get(_ key: PyObject, _ m: Machine) throws -> PyObject? {
    guard count > 0 else { _ = try m.hash(key); return nil }
    let (_, ix) = try findSlot(key, hash: try m.hash(key), m)
    return ix.flatMap { entries[$0]?.value }
  }

  func set(_ key: PyObject, _ value: PyObject, _ m: Machine) throws {
    try set(key, value, hash: try m.hash(key), m)
  }

  private func set(_ key: PyObject, _ value: PyObject, hash: Int, _ m: Machine?) throws {
    let (slot, ix) = try findSlot(key, hash: hash, m)
    if let ix {
      entries[ix]!.value = value
      return
    }
    entries.append(Entry(key: key, value: value, hash: hash))
    indices[slot] = Int32(entries.count - 1)
    count += 1
    version &+= 1
    if entries.count * 3 >= indices.count * 2 { rebuild(capacity: count * 3) }
  }

  @discardableResult
  func remove(_ key: PyObject, _ m: Machine) throws -> PyObject? {
    guard count > 0 else { _ = try m.hash(key); return nil }
    let (slot, ix) = try findSlot(key, hash: try m.hash(key), m)
    guard let ix else { return nil }
    let old = entries[ix]!.value
    entries[ix] = nil
    indices[slot] = -2
    count -= 1
    version &+= 1
    if count == 0 {
      entries = []
      indices = []
      tableID &+= 1
    }
    return old
  }

  // Strings as keys: namespaces, keyword arguments, instance attributes.
  func getStr(_ key: String) -> PyObject? {
    guard count > 0 else { return nil }
    let k = StrObject(key)
    return (try? findSlot(k, hash: k.hashValue, nil))?.entry.flatMap { entries[$0]?.value }
  }
  func getStr(_ key: StrObject) -> PyObject? {
    guard count > 0 else { return nil }
    return (try? findSlot(key, hash: key.hashValue, nil))?.entry.flatMap { entries[$0]?.value }
  }
  func setStr(_ key: String, _ value: PyObject) {
    let k = StrObject(key)
    try? set(k, value, hash: k.hashValue, nil)
  }
  func setStr(_ key: StrObject, _ value: PyObject) {
    try? set(key, value, hash: key.hashValue, nil)
  }
  @discardableResult
  func removeStr(_ key: String) -> PyObject? {
    guard count > 0 else { return nil }
    let k = StrObject(key)
    guard let (slot, ix) = try? findSlot(k, hash: k.hashValue, nil), let ix else { return nil }
    let old = entries[ix]!.value
    entries[ix] = nil
    indices[slot] = -2
    count -= 1
    version &+= 1
    return old
  }

  var keys: [PyObject] { entries.compactMap { $0?.key } }
  var values: [PyObject] { entries.compactMap { $0?.value } }
  var pairs: [(PyObject, PyObject)] { entries.compactMap { $0.map { ($0.key, $0.value) } } }

  func removeAll() {
    entries = []
    indices = []
    count = 0
    version &+= 1
    tableID &+= 1
  }

  func copy(type: TypeObject? = nil) -> DictObject {
    let d = DictObject(type: type)
    d.entries = entries.filter { $0 != nil }
    d.count = count
    d.rebuild(capacity: count * 3 / 2 + 1)
    return d
  }

  /// Removes and returns the last entry (`popitem`).
  func popLast() -> (PyObject, PyObject)? {
    while let last = entries.last {
      entries.removeLast()
      if let last {
        count -= 1
        version &+= 1
        rebuild(capacity: count * 3 / 2 + 1)
        return (last.key, last.value)
      }
    }
    return nil
  }

  override var holdsObjects: Bool { true }
  override func takeChildren(into out: inout [PyObject]) {
    for case let entry? in entries {
      out.append(entry.key)
      out.append(entry.value)
    }
    entries = []
    indices = []
    count = 0
  }
  deinit {
    guard entries.contains(where: { $0.map { $0.value.holdsObjects || $0.key.holdsObjects } ?? false }) else { return }
    var children: [PyObject] = []
    takeChildren(into: &children)
    Teardown.release(&children)
  }

  /// The entry at an index of `entries` (for iterators that walk the table).
  func entry(at i: Int) -> Entry? { i < entries.count ? entries[i] : nil }
  var tableSize: Int { entries.count }
}

/// `set` and `frozenset`.
public final class SetObject: PyObject {
  /// The elements (keys), each with its id in ``order`` (an `IntObject` value).
  let storage = DictObject()
  let frozen: Bool
  /// CPython's table, for the order it iterates in.
  var order = SetOrder()
  /// A frozenset's hash, once computed (it never changes; a frozenset of frozensets would
  /// otherwise hash its members again at every level).
  var cachedHash: Int?
  init(frozen: Bool = false) {
    self.frozen = frozen
    super.init(type: frozen ? Types.frozenset : Types.set)
  }
  override var holdsObjects: Bool { true }
  override func takeChildren(into out: inout [PyObject]) { out.append(storage) }
  /// The elements in the order they were added.
  var items: [PyObject] { storage.keys }
  var count: Int { storage.count }
  func add(_ v: PyObject, _ m: Machine) throws {
    if try storage.get(v, m) != nil { return }
    let id = order.add(hash: try m.cpythonHash(v))
    try storage.set(v, IntObject.make(id), m)
  }
  func contains(_ v: PyObject, _ m: Machine) throws -> Bool { try storage.get(v, m) != nil }
  @discardableResult
  func remove(_ v: PyObject, _ m: Machine) throws -> Bool {
    guard let id = try storage.remove(v, m) as? IntObject else { return false }
    order.remove(id: id.intValue ?? -1)
    return true
  }
  func removeAll() {
    storage.removeAll()
    order = SetOrder()
  }

  /// The elements in CPython's iteration order; nil when that order is not known here.
  var cpythonOrder: [PyObject]? {
    if count < 2 { return items }
    guard order.exact else { return nil }
    var byID: [Int: PyObject] = [:]
    for (k, v) in storage.pairs { byID[(v as! IntObject).intValue!] = k }
    return order.order.compactMap { byID[$0] }
  }
}

/// The hash of a `str` (deterministic: the machine runs as under `PYTHONHASHSEED=0`).
enum StrHash {
  static func hash(_ s: String) -> Int {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in s.utf8 {
      h ^= UInt64(b)
      h = h &* 0x100_0000_01b3
    }
    let r = Int(bitPattern: UInt(h))
    return r == -1 ? -2 : r
  }
}
