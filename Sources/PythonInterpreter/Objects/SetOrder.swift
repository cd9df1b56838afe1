import PythonValues

/// CPython's set table (Objects/setobject.c), kept beside the set's own storage only to know the
/// order CPython iterates it in: slots by `hash & mask`, nine linear probes then perturbed jumps,
/// dummies where elements were discarded, a resize when `fill * 5 >= mask * 3`.
///
/// The order is exact only when every element's hash is CPython's (ints, floats, bools, strings
/// under `PYTHONHASHSEED=0`, tuples of those; `None` from 3.12) and the set was built by adding
/// and discarding. Otherwise ``exact`` is false and a program that looks at the order is refused.
struct SetOrder {
  private(set) var slots: [(hash: Int, element: Int)?] = Array(repeating: nil, count: 8)
  /// Slots that held an element that was discarded (CPython's dummies, hash -1).
  private var dummies: Set<Int> = []
  private var fill = 0
  private var used = 0
  var exact = true
  private var nextID = 0
  /// The slot of each element (by its id in the set's storage order).
  private var slotOf: [Int: Int] = [:]

  private var mask: Int { slots.count - 1 }

  /// Adds a new element with CPython's hash; returns its id.
  mutating func add(hash: Int?) -> Int {
    let id = nextID
    nextID += 1
    guard let hash, exact else {
      exact = false
      return id
    }
    var perturb = UInt(bitPattern: hash)
    var i = Int(UInt(bitPattern: hash) & UInt(mask))
    var freeslot: Int?
    while true {
      var probes = i + 9 <= mask ? 9 : 0
      var j = i
      while true {
        if slots[j] == nil && !dummies.contains(j) {
          if let free = freeslot {
            dummies.remove(free)
            slots[free] = (hash, id)
            slotOf[id] = free
            used += 1
          } else {
            slots[j] = (hash, id)
            slotOf[id] = j
            fill += 1
            used += 1
            if fill * 5 >= mask * 3 { resize(used > 50_000 ? used * 2 : used * 4) }
          }
          return id
        }
        if dummies.contains(j) { freeslot = j }
        if probes == 0 { break }
        probes -= 1
        j += 1
      }
      perturb >>= 5
      i = Int((UInt(i) &* 5 &+ 1 &+ perturb) & UInt(mask))
    }
  }

  mutating func remove(id: Int) {
    guard exact, let s = slotOf.removeValue(forKey: id) else { return }
    slots[s] = nil
    dummies.insert(s)
    used -= 1
  }

  private mutating func resize(_ minused: Int) {
    var size = 8
    while size <= minused { size <<= 1 }
    let old = slots
    slots = Array(repeating: nil, count: size)
    dummies = []
    fill = used
    slotOf = [:]
    let mask = size - 1
    for case let (hash, element)? in old {
      var perturb = UInt(bitPattern: hash)
      var i = Int(UInt(bitPattern: hash) & UInt(mask))
      placing: while true {
        if slots[i] == nil {
          slots[i] = (hash, element)
          slotOf[element] = i
          break placing
        }
        if i + 9 <= mask {
          for k in 1...9 where slots[i + k] == nil {
            slots[i + k] = (hash, element)
            slotOf[element] = i + k
            break placing
          }
        }
        perturb >>= 5
        i = Int((UInt(i) &* 5 &+ 1 &+ perturb) & UInt(mask))
      }
    }
  }

  /// Whether each element sits in the slot its hash names: then the order does not depend on the
  /// order the elements were added in.
  var everyElementAtHome: Bool {
    guard exact else { return false }
    for (i, slot) in slots.enumerated() {
      if let (hash, _) = slot, Int(UInt(bitPattern: hash) & UInt(mask)) != i { return false }
    }
    return true
  }

  /// CPython's `frozenset` hash (Objects/setobject.c, `frozenset_hash`): each element's hash
  /// shuffled and xored (CPython xors every slot of its table, then takes the empty and dummy
  /// ones back out), then its size mixed in; nil when the table is not CPython's.
  var frozensetHash: Int? {
    guard exact else { return nil }
    func shuffle(_ h: UInt) -> UInt { ((h ^ 89_869_747) ^ (h << 16)) &* 3_644_798_167 }
    var hash: UInt = 0
    for case let entry? in slots { hash ^= shuffle(UInt(bitPattern: entry.hash)) }
    hash ^= UInt(used + 1) &* 1_927_868_237
    hash ^= (hash >> 11) ^ (hash >> 25)
    hash = hash &* 69069 &+ 907_133_923
    if hash == UInt.max { hash = 590_923_713 }
    return Int(bitPattern: hash)
  }

  /// The ids of the elements in CPython's iteration order.
  var order: [Int] { slots.compactMap { $0?.element } }
}

/// CPython's `str` hash under `PYTHONHASHSEED=0`: SipHash (1-3 from 3.11, 2-4 in 3.10) with a zero
/// key, over the string's storage (one byte per character up to U+00FF, two up to U+FFFF, else four).
enum CPythonHash {
  static func string(_ s: String, release: PythonRelease) -> Int {
    var maxScalar: UInt32 = 0
    for u in s.unicodeScalars where u.value > maxScalar { maxScalar = u.value }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(s.utf8.count * 2)
    for u in s.unicodeScalars {
      let v = u.value
      if maxScalar < 0x100 {
        bytes.append(UInt8(v))
      } else if maxScalar < 0x10000 {
        bytes.append(UInt8(v & 0xFF)); bytes.append(UInt8(v >> 8))
      } else {
        bytes.append(UInt8(v & 0xFF)); bytes.append(UInt8((v >> 8) & 0xFF))
        bytes.append(UInt8((v >> 16) & 0xFF)); bytes.append(UInt8(v >> 24))
      }
    }
    if bytes.isEmpty { return 0 }
    let x = Int(Int64(bitPattern: siphash(bytes, compression: release >= .v3_11 ? 1 : 2, finalization: release >= .v3_11 ? 3 : 4)))
    return x == -1 ? -2 : x
  }

  /// CPython's tuple hash (xxHash's mixing) of its items' hashes, which `itemHash` gives (nil
  /// when an item has none: then the tuple has none).
  static func tuple(_ items: [PyObject], itemHash: (PyObject) throws -> Int?) rethrows -> Int? {
    var acc: UInt64 = 2_870_177_450_012_600_261
    for item in items {
      guard let h = try itemHash(item) else { return nil }
      acc = acc &+ UInt64(bitPattern: Int64(h)) &* 14_029_467_366_897_019_727
      acc = (acc << 31) | (acc >> 33)
      acc = acc &* 11_400_714_785_074_694_791
    }
    acc = acc &+ (UInt64(items.count) ^ (2_870_177_450_012_600_261 ^ 3_527_539))
    if acc == UInt64.max { return 1_546_275_796 }
    return Int(Int64(bitPattern: acc))
  }

  static func siphash(_ data: [UInt8], compression c: Int, finalization d: Int) -> UInt64 {
    var v0: UInt64 = 0x736f_6d65_7073_6575
    var v1: UInt64 = 0x646f_7261_6e64_6f6d
    var v2: UInt64 = 0x6c79_6765_6e65_7261
    var v3: UInt64 = 0x7465_6462_7974_6573
    func rotl(_ x: UInt64, _ b: UInt64) -> UInt64 { (x << b) | (x >> (64 - b)) }
    func round() {
      v0 = v0 &+ v1; v1 = rotl(v1, 13); v1 ^= v0; v0 = rotl(v0, 32)
      v2 = v2 &+ v3; v3 = rotl(v3, 16); v3 ^= v2
      v0 = v0 &+ v3; v3 = rotl(v3, 21); v3 ^= v0
      v2 = v2 &+ v1; v1 = rotl(v1, 17); v1 ^= v2; v2 = rotl(v2, 32)
    }
    let n = data.count
    var i = 0
    while i + 8 <= n {
      var m: UInt64 = 0
      for k in 0..<8 { m |= UInt64(data[i + k]) << (8 * UInt64(k)) }
      v3 ^= m
      for _ in 0..<c { round() }
      v0 ^= m
      i += 8
    }
    var b = UInt64(n) << 56
    for k in 0..<(n - i) { b |= UInt64(data[i + k]) << (8 * UInt64(k)) }
    v3 ^= b
    for _ in 0..<c { round() }
    v0 ^= b
    v2 ^= 0xff
    for _ in 0..<d { round() }
    return v0 ^ v1 ^ v2 ^ v3
  }
}

extension Machine {
  /// What `hash(o)` gives the program: CPython's value under `PYTHONHASHSEED=0` (the seed runs are
  /// recorded with), which lesson's own dictionaries do not need. A class's own `__hash__` gives
  /// its value; a hash that CPython takes from a memory address is refused.
  func printableHash(_ o: PyObject) throws -> Int {
    let own = try hash(o)
    if !o.type.isBuiltin, let h = o.type.lookup("__hash__"), !(h is BuiltinFunctionObject) { return own }
    switch o {
    case let s as StrObject: return CPythonHash.string(s.value, release: release)
    case let b as BytesObject:
      if b.value.isEmpty { return 0 }
      let x = Int(Int64(bitPattern: CPythonHash.siphash(
        b.value, compression: release >= .v3_11 ? 1 : 2, finalization: release >= .v3_11 ? 3 : 4)))
      return x == -1 ? -2 : x
    case is IntObject, is FloatObject: return own
    case let t as TupleObject:
      // A tuple's (a named tuple's too): the mix of its items' hashes as the program sees them.
      return try CPythonHash.tuple(t.items) { try printableHash($0) }!
    default:
      if let h = try cpythonHash(o) { return h }
      throw refuse(
        "hash() of \(o is SetObject ? "a frozenset" : "this object")",
        "Python's value comes from \(o is SetObject ? "its table, which lesson does not lay out as CPython does" : "the object's memory address, a different one in every run")")
    }
  }

  /// The hash CPython gives `o` in a run recorded under `PYTHONHASHSEED=0`, when it does not depend
  /// on memory addresses; nil otherwise.
  func cpythonHash(_ o: PyObject) throws -> Int? {
    switch o {
    case let s as StrObject where s.type === Types.str: return CPythonHash.string(s.value, release: release)
    case is IntObject, is FloatObject: return try hash(o)
    case is NoneObject: return version.minor >= 12 ? 0xFCA8_6420 : nil
    case let s as SetObject where s.frozen && s.type === Types.frozenset: return s.order.frozensetHash
    case let t as TupleObject
    where t.type === Types.tuple || !t.type.mro.contains(where: { !$0.isBuiltin && $0.dict.getStr("__hash__") != nil }):
      // A named tuple hashes as a tuple.
      return try CPythonHash.tuple(t.items) { try cpythonHash($0) }
    default: return nil
    }
  }
}
