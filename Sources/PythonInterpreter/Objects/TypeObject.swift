/// A class: built in (`int`, `ValueError`…) or written in Python.
public final class TypeObject: PyObject {
  /// What the instances of a class are made of in Swift.
  enum Layout {
    /// `object` and classes written in Python: ``InstanceObject``.
    case object
    /// `BaseException` and its subclasses: ``ExceptionObject``.
    case exception
    /// Built-in types that Python code cannot subclass here.
    case builtin
    /// `tuple` subclasses (`NamedTuple`, `namedtuple`): ``TupleObject`` with this class.
    case tuple
    /// `int` subclasses (`IntEnum`-like): ``IntObject`` with this class… not supported.
    case int
    /// `str` subclasses.
    case str
    /// `dict` subclasses.
    case dict
    /// `list` subclasses.
    case list
  }

  var name: String
  /// The name CPython's messages give the type when it differs from ``name``: a type written in
  /// C there and in Python here (`collections.deque`).
  var messageName: String?
  var qualname: String
  var module: String
  var bases: [TypeObject]
  var mro: [TypeObject] = []
  let dict: DictObject
  var layout: Layout
  let isBuiltin: Bool
  /// The classes made with this one as a direct base, in the order they were made
  /// (`__subclasses__()`; only a class of the program's own keeps them).
  var subclasses: [WeakType] = []
  /// A class of lesson's library made once for every run (`Enum`, `ABC`): the runs on other
  /// threads share it, so it keeps no list of the subclasses one program makes.
  var isShared = false
  /// A built-in type, or a learner's subclass of `list`, `dict` or `str` that adds methods only:
  /// its instances take the built-in type's paths everywhere (`print`, `[i]`, `+`, format).
  var behavesAsBuiltin: Bool
  /// For `enum.Enum` and its subclasses: the members in definition order (aliases included), and
  /// which names are aliases.
  var enumMembers: [(name: String, member: PyObject)]?
  var enumAliases: Set<String> = []
  /// A built-in type of asyncio's that a program may subclass (`class Traced(asyncio.Semaphore)`):
  /// `construct` makes an instance of the subclass, which its `__init__` (the type's own, or the
  /// subclass's calling `super().__init__`) sets up.
  var subclassableNative = false
  /// Builds an instance for `cls(...)` of a built-in type (before `__init__`).
  var construct: ((Machine, TypeObject, Args) throws -> PyObject)?

  init(_ name: String, bases: [TypeObject], layout: Layout, builtin: Bool = true, module: String = "builtins") {
    self.name = name
    qualname = name
    self.module = module
    self.bases = bases
    self.layout = layout
    dict = DictObject(namespaceOfClass: ())
    isBuiltin = builtin
    behavesAsBuiltin = builtin
    super.init(type: nil)
    var heads: [TypeObject] = []
    if let merged = TypeObject.merge(bases.map(\.mro) + [bases], conflict: &heads) {
      mro = [self] + merged
    } else {
      mro = [self] + bases
      mroConflict = heads
    }
  }

  /// When the bases cannot be ordered (`class C(A, B)` with `B` a subclass of `A`): the classes
  /// at the heads of the lists C3 could not merge, which CPython's TypeError names.
  private(set) var mroConflict: [TypeObject]?

  /// C3 linearisation: `nil` when the bases cannot be ordered.
  static func merge(_ lists: [[TypeObject]]) -> [TypeObject]? {
    var heads: [TypeObject] = []
    return merge(lists, conflict: &heads)
  }

  /// C3 linearisation; when it fails, `conflict` holds the heads of the lists left, each once.
  static func merge(_ lists: [[TypeObject]], conflict: inout [TypeObject]) -> [TypeObject]? {
    // One base: its own order (what C3 gives, without the work; a deep chain of classes is common).
    if lists.count == 2, lists[1].count == 1, lists[0].first === lists[1][0] { return lists[0] }
    let lists = lists.filter { !$0.isEmpty }
    // Each list read from an offset rather than copied as its head is taken.
    var starts = Array(repeating: 0, count: lists.count)
    var out: [TypeObject] = []
    func inTail(_ t: TypeObject) -> Bool {
      for (i, l) in lists.enumerated() where starts[i] + 1 < l.count {
        if l[(starts[i] + 1)...].contains(where: { $0 === t }) { return true }
      }
      return false
    }
    while true {
      var picked: TypeObject?
      var remaining = false
      for (i, l) in lists.enumerated() where starts[i] < l.count {
        remaining = true
        if !inTail(l[starts[i]]) {
          picked = l[starts[i]]
          break
        }
      }
      if !remaining { return out }
      guard let p = picked else {
        for (i, l) in lists.enumerated() where starts[i] < l.count && !conflict.contains(where: { $0 === l[starts[i]] })
        {
          conflict.append(l[starts[i]])
        }
        return nil
      }
      out.append(p)
      for (i, l) in lists.enumerated() where starts[i] < l.count && l[starts[i]] === p { starts[i] += 1 }
    }
  }

  /// Looks a name up along the method resolution order.
  func lookup(_ name: String) -> PyObject? {
    // One key for the whole walk (each class's dictionary would make and hash its own).
    lookup(StrObject(name))
  }
  func lookup(_ name: StrObject) -> PyObject? {
    for t in mro {
      if let v = t.dict.getStr(name) { return v }
    }
    return nil
  }

  func isSubtype(of other: TypeObject) -> Bool {
    if self === other { return true }
    return mro.contains { $0 === other }
  }

  override var instanceDict: DictObject? { dict }

  /// The layout instances of a new subclass with these bases get.
  static func layout(for bases: [TypeObject]) -> Layout {
    for b in bases where b.layout != .object { return b.layout }
    return .object
  }
}

/// A function written in Swift: a built-in function, or a method of a built-in type.
public final class BuiltinFunctionObject: PyObject {
  typealias Body = (Machine, Args) throws -> PyObject
  let name: String
  let body: Body
  /// The object a method is bound to (`"a".upper`), passed as the first argument.
  let boundSelf: PyObject?
  /// The class a method belongs to (for its `repr`).
  weak var owner: TypeObject?
  /// A method that takes the class, not the instance (`dict.fromkeys`).
  let isClassMethod: Bool
  /// One of asyncio's functions, which CPython writes in Python (`type(asyncio.sleep)` is a
  /// `function` there).
  var isAsyncioFunction = false
  /// `asyncio.eager_task_factory`, or what `create_eager_task_factory(asyncio.Task)` made: the
  /// task factory the model runs (``EventLoop/eagerTaskFactory``).
  var isEagerTaskFactory = false
  /// A method of one of asyncio's classes that CPython writes in Python (`asyncio.locks`,
  /// `asyncio.queues`…, not `_asyncio`'s `Future` and `Task`).
  let isAsyncioMethod: Bool

  init(
    _ name: String, bound: PyObject? = nil, classMethod: Bool = false, owner: TypeObject? = nil, _ body: @escaping Body
  ) {
    self.name = name
    self.body = body
    boundSelf = bound
    isClassMethod = classMethod
    self.owner = owner
    isAsyncioMethod = owner?.module.hasPrefix("asyncio.") ?? false
    super.init(type: Types.builtinFunction)
  }

  /// A method bound to `obj`: what it was made as, without looking its owner up again.
  private init(bound obj: PyObject, to method: BuiltinFunctionObject) {
    name = method.name
    body = method.body
    boundSelf = obj
    isClassMethod = false
    owner = method.owner
    isAsyncioMethod = method.isAsyncioMethod
    super.init(type: Types.builtinFunction)
  }

  func bind(_ obj: PyObject) -> BuiltinFunctionObject {
    let b = BuiltinFunctionObject(bound: obj, to: self)
    return b
  }
}

/// The arguments of a call: positional, then keywords in the order written.
public struct Args {
  var positional: [PyObject]
  /// The keyword arguments as given.
  private(set) var given: [(String, PyObject)]
  /// Counts reads of positional arguments that were not given (a built-in called with too
  /// few), and which keyword arguments a built-in read: the caller turns either into a refusal
  /// instead of the machine failing or ignoring one.
  var tracker: ArgumentTracker?

  init(_ positional: [PyObject] = [], keywords: [(String, PyObject)] = []) {
    self.positional = positional
    self.given = keywords
  }

  /// Every keyword argument, for a body that takes them all (`dict(**kw)`): each counts as read.
  var keywords: [(String, PyObject)] {
    tracker?.allKeywordsRead = true
    return given
  }

  var count: Int { positional.count }
  /// Whether no keyword argument was given (reading nothing).
  var hasNoKeywords: Bool { given.isEmpty }
  /// Argument `i`; `None` (counted as missing) when there are fewer.
  subscript(i: Int) -> PyObject {
    if i < positional.count { return positional[i] }
    tracker?.missing += 1
    return NoneObject.shared
  }

  func keyword(_ name: String) -> PyObject? {
    guard let found = given.first(where: { $0.0 == name }) else { return nil }
    tracker?.keywordsRead.append(name)
    return found.1
  }

  /// Argument `i` by position, or by keyword `name`.
  func get(_ i: Int, _ name: String) -> PyObject? {
    if i < positional.count { return positional[i] }
    return keyword(name)
  }

  func prepending(_ obj: PyObject) -> Args {
    var args = Args([obj] + positional, keywords: given)
    args.tracker = tracker
    return args
  }
}

/// See ``Args/tracker``: one per machine, counting up.
final class ArgumentTracker {
  var missing = 0
  /// The keyword arguments the running built-in read by name, or all of them.
  var keywordsRead: [String] = []
  var allKeywordsRead = false
}

/// A function written in Python.
public final class FunctionObject: PyObject {
  let code: CodeObject
  let globals: DictObject
  var defaults: [PyObject]
  var kwDefaults: [String: PyObject]
  let closure: [CellObject]
  var name: String
  var qualname: String
  let dict = DictObject()
  var annotations: DictObject?
  var doc: PyObject

  init(
    code: CodeObject, globals: DictObject, defaults: [PyObject], kwDefaults: [String: PyObject], closure: [CellObject],
    qualname: String
  ) {
    self.code = code
    self.globals = globals
    self.defaults = defaults
    self.kwDefaults = kwDefaults
    self.closure = closure
    name = code.name
    self.qualname = qualname
    doc = code.docstring.map { StrObject($0) } ?? NoneObject.shared
    super.init(type: Types.function)
  }
  override var instanceDict: DictObject? { dict }
}

/// A function bound to an object (`obj.method`).
public final class MethodObject: PyObject {
  let function: PyObject
  let receiver: PyObject
  init(_ function: PyObject, _ receiver: PyObject) {
    self.function = function
    self.receiver = receiver
    super.init(type: Types.method)
  }
}

/// `staticmethod`, `classmethod` and `property`.
final class DescriptorObject: PyObject {
  enum Kind { case staticMethod, classMethod, property }
  let kind: Kind
  let function: PyObject
  var setter: PyObject?
  var deleter: PyObject?
  init(_ kind: Kind, _ function: PyObject) {
    self.kind = kind
    self.function = function
    switch kind {
    case .staticMethod: super.init(type: Types.staticmethod)
    case .classMethod: super.init(type: Types.classmethod)
    case .property: super.init(type: Types.property)
    }
  }
}

/// `super()` bound to a class and an object.
final class SuperObject: PyObject {
  let start: TypeObject
  let object: PyObject
  init(_ start: TypeObject, _ object: PyObject) {
    self.start = start
    self.object = object
    super.init(type: Types.superType)
  }
}

/// A class, held weakly: a base does not keep its subclasses alive.
struct WeakType {
  weak var type: TypeObject?
}
