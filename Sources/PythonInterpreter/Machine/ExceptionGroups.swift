/// The state of a `try`/`except*` while its clauses run: what is left of the group, and what the
/// clauses raised (CPython's `_PyExc_PrepReraiseStar`).
final class StarState: PyObject {
  let original: ExceptionObject
  /// What no clause has matched yet (nil once everything matched).
  var remaining: ExceptionObject?
  var raised: [ExceptionObject] = []
  /// A plain exception was raised in the body: clauses see it wrapped in a group.
  let wasNaked: Bool
  /// That group of one, once a clause matched it.
  var wrapper: ExceptionObject?

  init(_ e: ExceptionObject) {
    original = e
    wasNaked = e.members.isEmpty && !e.cls.isSubtype(of: Types.BaseExceptionGroup)
    if wasNaked {
      let g = ExceptionObject(
        e.isInstance(of: Types.Exception) ? Types.ExceptionGroup : Types.BaseExceptionGroup,
        [StrObject(""), TupleObject([e])])
      g.members = [e]
      remaining = g
    } else {
      remaining = e
    }
    super.init(type: Types.object)
  }

  /// What leaves the `try` statement: nil when every part was handled and nothing was raised.
  func toRaise(_ m: Machine) throws -> ExceptionObject? {
    // Re-raised parts (`raise` of the matched group itself) count as unhandled originals.
    let reraised = raised.filter { r in leaves(of: original).contains { $0 === r } || r === original }
    let new = raised.filter { r in !reraised.contains { $0 === r } }
    // A plain exception was caught wrapped: one clause at most ran, and what it raised leaves
    // as it is; a bare `raise` raises the group of one the clause was given.
    if wasNaked, let first = raised.first { return first === original ? (wrapper ?? first) : first }
    var keep = remaining.map(leaves(of:)) ?? []
    for r in reraised { keep += leaves(of: r) }
    let kept: ExceptionObject?
    if keep.isEmpty {
      kept = nil
    } else if wasNaked {
      kept = original
    } else {
      kept = m.project(original, keeping: keep)
    }
    if new.isEmpty { return kept }
    var members = new
    if let kept { members.append(kept) }
    // One exception in all leaves as it is (`_PyExc_PrepReraiseStar`).
    if members.count == 1 { return members[0] }
    let allExceptions = members.allSatisfy { $0.isInstance(of: Types.Exception) }
    let g = ExceptionObject(
      allExceptions ? Types.ExceptionGroup : Types.BaseExceptionGroup, [StrObject(""), ListObject(members)])
    g.members = members
    return g
  }

  func leaves(of e: ExceptionObject) -> [ExceptionObject] {
    e.members.isEmpty && !e.cls.isSubtype(of: Types.BaseExceptionGroup) ? [e] : e.members.flatMap(leaves(of:))
  }
}

extension Machine {
  /// Splits what is left of the group by `cls`: the matching part (kept out of the state), or nil.
  func splitForStar(_ state: StarState, _ cls: PyObject) throws -> ExceptionObject? {
    guard let remaining = state.remaining else { return nil }
    if let t = cls as? TypeObject, t.isSubtype(of: Types.BaseExceptionGroup) {
      throw typeError("catching ExceptionGroup with except* is not allowed. Use except instead.")
    }
    // A plain exception is matched itself; matched, it comes wrapped in a group of one (a tuple),
    // as CPython's `exception_group_match` wraps it.
    if state.wasNaked {
      guard try exceptionMatches(state.original, cls) else { return nil }
      state.remaining = nil
      state.wrapper = remaining
      return remaining
    }
    let (match, rest) = try split(remaining, cls)
    state.remaining = rest
    return match
  }

  /// `group.split(cls)`: the part whose leaves match and the part whose leaves do not, each keeping
  /// the group's structure and message.
  func split(_ e: ExceptionObject, _ cls: PyObject) throws -> (ExceptionObject?, ExceptionObject?) {
    // A condition that is not a class or a tuple of classes is a predicate, asked of the group
    // itself, then of each subgroup and leaf.
    if !(cls is TypeObject) && !(cls is TupleObject) {
      guard cls is FunctionObject || cls is BuiltinFunctionObject || cls is MethodObject || cls.type.lookup("__call__") != nil
      else {
        throw typeError(
          version.minor >= 13
            ? "expected an exception type, a tuple of exception types, or a callable (other than a class)"
            : "expected a function, exception type or tuple of exception types")
      }
      if try truthy(try call(cls, Args([e]))) { return (e, nil) }
    } else if try exceptionMatches(e, cls) {
      return (e, nil)
    }
    guard e.cls.isSubtype(of: Types.BaseExceptionGroup) else { return (nil, e) }
    var matched: [ExceptionObject] = []
    var rest: [ExceptionObject] = []
    for member in e.members {
      let (m, r) = try split(member, cls)
      if let m { matched.append(m) }
      if let r { rest.append(r) }
    }
    return (matched.isEmpty ? nil : derive(e, matched), rest.isEmpty ? nil : derive(e, rest))
  }

  /// `group.derive(members)`, with the original's cause, context and notes.
  func derive(_ e: ExceptionObject, _ members: [ExceptionObject]) -> ExceptionObject {
    let allExceptions = members.allSatisfy { $0.isInstance(of: Types.Exception) }
    let cls =
      e.cls === Types.BaseExceptionGroup && allExceptions
      ? Types.ExceptionGroup
      : (e.cls.isBuiltin ? e.cls : (allExceptions ? Types.ExceptionGroup : Types.BaseExceptionGroup))
    let g = ExceptionObject(cls, [e.args.first ?? StrObject(""), ListObject(members)])
    g.members = members
    g.causeException = e.causeException
    g.contextException = e.contextException
    g.suppressContext = e.suppressContext
    g.notes = e.notes
    g.traceback = e.traceback
    g.lastFrame = e.lastFrame
    return g
  }

  /// The group `e` cut down to the given leaves, keeping its structure.
  func project(_ e: ExceptionObject, keeping: [ExceptionObject]) -> ExceptionObject? {
    if !e.cls.isSubtype(of: Types.BaseExceptionGroup) { return keeping.contains { $0 === e } ? e : nil }
    let members = e.members.compactMap { project($0, keeping: keeping) }
    if members.isEmpty { return nil }
    if members.count == e.members.count && zip(members, e.members).allSatisfy({ $0 === $1 }) { return e }
    return derive(e, members)
  }
}

extension TypeMethods {
  /// `ExceptionGroup(message, exceptions)` and its methods (3.11+).
  static func exceptionGroupMethods() {
    Types.BaseExceptionGroup.construct = { m, t, a in
      guard a.count == 2 else {
        throw typeError("BaseExceptionGroup.__new__() takes exactly 2 arguments (\(a.count) given)")
      }
      guard a[0] is StrObject else {
        throw typeError("BaseExceptionGroup.__new__() argument 1 must be str, not \(m.typeName(a[0]))")
      }
      guard a[1] is ListObject || a[1] is TupleObject else {
        throw typeError("second argument (exceptions) must be a sequence")
      }
      let items = try m.iterate(a[1])
      if items.isEmpty { throw valueError("second argument (exceptions) must be a non-empty sequence") }
      var members: [ExceptionObject] = []
      for (i, x) in items.enumerated() {
        guard let e = x as? ExceptionObject else {
          throw valueError("Item \(i) of second argument (exceptions) is not an exception")
        }
        members.append(e)
      }
      let allExceptions = members.allSatisfy { $0.isInstance(of: Types.Exception) }
      var cls = t
      if t === Types.BaseExceptionGroup, allExceptions { cls = Types.ExceptionGroup }
      if cls.isSubtype(of: Types.Exception), !allExceptions {
        throw typeError(
          "Cannot nest BaseExceptions in \(t === Types.ExceptionGroup ? "an ExceptionGroup" : "'\(t.name)'")")
      }
      // The sequence as given stays in args (and so in the repr).
      let g = ExceptionObject(cls, [a[0], a[1]])
      g.members = members
      return g
    }
    let t = Types.BaseExceptionGroup
    method(t, "split") { m, a in
      let (x, y) = try m.split(a[0] as! ExceptionObject, a[1])
      return TupleObject([x ?? NoneObject.shared, y ?? NoneObject.shared])
    }
    method(t, "subgroup") { m, a in
      let (x, _) = try m.split(a[0] as! ExceptionObject, a[1])
      return x ?? NoneObject.shared
    }
    method(t, "derive") { m, a in
      // `BaseExceptionGroup(self.message, excs)`: checked, and of the class its members make it.
      guard a.count == 2, let e = a[0] as? ExceptionObject else { throw typeError("derive() takes exactly one argument") }
      return try m.call(Types.BaseExceptionGroup, Args([e.args.first ?? StrObject(""), a[1]]))
    }
    method(t, "__str__") { m, a in
      let e = a[0] as! ExceptionObject
      let n = e.members.count
      return StrObject("\(try m.str(e.args.first ?? StrObject(""))) (\(n) sub-exception\(n == 1 ? "" : "s"))")
    }
  }
}

extension Machine {
  /// The subclass `OSError(errno, ...)` makes for an errno (CPython's `errnomap`, with Linux's
  /// numbers).
  static let osErrorSubclasses: [Int: TypeObject] = [
    1: Types.PermissionError, 2: Types.FileNotFoundError, 3: Types.ProcessLookupError, 4: Types.InterruptedError,
    10: Types.ChildProcessError, 11: Types.BlockingIOError, 13: Types.PermissionError, 17: Types.FileExistsError,
    20: Types.NotADirectoryError, 21: Types.IsADirectoryError, 32: Types.BrokenPipeError,
    103: Types.ConnectionAbortedError, 104: Types.ConnectionResetError, 108: Types.BrokenPipeError,
    110: Types.TimeoutError, 111: Types.ConnectionRefusedError, 114: Types.BlockingIOError,
    115: Types.BlockingIOError,
  ]

  /// `OSError(*args)` and its subclasses: with two to five arguments, `errno`, `strerror`,
  /// `filename` (and `filename2`) are set from them, and `args` keeps the first two when a
  /// filename is given.
  func makeOSError(_ t: TypeObject, _ args: [PyObject]) throws -> ExceptionObject {
    let none = NoneObject.shared
    guard (2...5).contains(args.count) else {
      return ExceptionObject(t, args)
    }
    var t = t
    if t === Types.OSError, let errno = (args[0] as? IntObject)?.intValue, let subclass = Self.osErrorSubclasses[errno] {
      t = subclass
    }
    if args.count == 4 || args.count == 5, !(args[3] is NoneObject) {
      throw refuse("OSError with a winerror", "the Windows error argument is not run by lesson")
    }
    let e = ExceptionObject(t, args.count >= 3 ? Array(args[0..<2]) : args)
    e.dict.setStr("errno", args[0])
    e.dict.setStr("strerror", args[1])
    e.dict.setStr("filename", args.count >= 3 ? args[2] : none)
    e.dict.setStr("filename2", args.count == 5 ? args[4] : none)
    return e
  }
}
