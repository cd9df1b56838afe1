import PythonSyntax

/// One instruction of the machine. Operands index the code object's tables.
enum Instr {
  case nop
  case loadConst(Int)
  case loadFast(Int)
  case storeFast(Int)
  case deleteFast(Int)
  /// Cells: the code's cell variables, then its free variables.
  case loadDeref(Int)
  case storeDeref(Int)
  case deleteDeref(Int)
  case loadClosure(Int)
  /// In a class body: the class namespace first, then the enclosing function's cell.
  case loadClassDeref(Int)
  case loadGlobal(Int)
  case storeGlobal(Int)
  case deleteGlobal(Int)
  case loadName(Int)
  case storeName(Int)
  case deleteName(Int)
  case loadAttr(Int)
  case storeAttr(Int)
  case deleteAttr(Int)
  /// `obj.name` about to be called: pushes the function and the receiver, or the attribute and a
  /// marker (CPython's LOAD_METHOD: the attribute is found before the arguments are evaluated).
  case loadMethod(Int)
  /// Calls what `loadMethod` pushed with `argc` arguments (keyword names in a constant tuple, or -1).
  case callMethod(argc: Int, kwNames: Int)
  case binarySubscr, storeSubscr, deleteSubscr
  case pop, dup, dup2, rot2, rot3, rot4
  case binary(BinaryOperator)
  case inplace(BinaryOperator)
  case unary(UnaryOperator)
  case compare(CompareOperator)
  case buildList(Int)
  case buildTuple(Int)
  case buildSet(Int)
  case buildMap(Int)
  case buildSlice(Int)
  case buildString(Int)
  /// A set display of three or more constants: CPython builds it from a frozenset constant whose
  /// insertion order it does not keep, so the order is known only when no two elements collide.
  case buildConstantSet(Int)
  case listAppend(Int)
  case setAdd(Int)
  case mapAdd(Int)
  case listExtend(Int)
  case setUpdate(Int)
  case dictUpdate(Int)
  case dictMerge(Int)
  case listToTuple
  /// `f(*args)` with one starred argument and nothing else: the tuple of TOS, or CPython's
  /// `f() argument after * must be an iterable` naming the function below it.
  case starArgs
  /// ``starArgs`` for `await asyncio.gather(*s, return_exceptions=True)` whose value is unused:
  /// a set of tasks goes in any order (see ``Machine/discardedGatherArguments(_:callee:)``).
  case starArgsOfDiscardedGather
  case formatValue(conversion: Int, hasSpec: Bool)
  case unpackSequence(Int)
  case unpackEx(before: Int, after: Int)
  case jump(Int)
  case popJumpIfFalse(Int)
  case popJumpIfTrue(Int)
  case jumpIfFalseOrPop(Int)
  case jumpIfTrueOrPop(Int)
  case getIter
  case forIter(Int)
  /// `iter()` for `for t in s: t.cancel()`, the loop's only use of `t`: see ``Machine/cancellingIterator(_:)``.
  case getIterCancelling
  /// `iter()` of the outer iterable of a pure comprehension whose consumer does not care about
  /// order (`sorted(...)`, `sum(...)`, `len([...])`): see ``Machine/unorderedIterator(_:in:consumer:reads:)``.
  case getIterUnordered(consumer: OrderFreeConsumer, reads: UnorderedReads)
  /// After that `sorted(...)`: its result may not hold equal values that print differently.
  case checkSortedTies
  /// After that `sum(...)`, `max(...)` or `min(...)`: its answer must be the same in any order.
  case checkOrderFree
  case getAIter, getANext, endAsyncFor
  /// Calls with `argc` values on the stack above the callable; the last `kwNames` tuple's count are keywords.
  case call(argc: Int, kwNames: Int)
  /// `f(*args, **kwargs)`: a tuple and (when the flag is set) a dict above the callable.
  case callEx(hasKwargs: Bool)
  case makeFunction(code: Int, flags: Int)
  case returnValue
  case yieldValue
  /// `await x`: suspends the coroutine until `x` is done.
  case awaitValue
  /// `yield from x` in a generator.
  case yieldFrom
  case setupFinally(Int)
  case popBlock
  case popExcept
  case reraise
  case raise(Int)
  /// Tests the exception on top against the class below it; pushes the result.
  case exceptionMatch
  /// `except*`: turns the exception on top into the state of the clauses.
  case exceptStarBegin
  /// `except*` clause: pops a class; the part of the group it matches is pushed, or jumps away.
  case exceptStarMatch(Int)
  /// An exception raised by an `except*` body: kept for the end.
  case exceptStarCollect
  /// After the `except*` clauses: raises what is left and what they raised, if anything.
  case exceptStarEnd
  /// `with`: pops the manager, pushes its bound `__exit__` and the result of `__enter__`.
  case setupWith(Int)
  /// `async with`: pops the manager, pushes its bound `__aexit__` and the awaitable of `__aenter__()`.
  case beforeAsyncWith
  /// Sets the block of an `async with` whose `__aenter__` result is on top.
  case setupAsyncWith(Int)
  /// Pops `__aexit__`, pushes the awaitable of `__aexit__(None, None, None)`.
  case asyncWithExitNormal
  /// Calls `__exit__(None, None, None)` (pops it).
  case withExitNormal
  /// At an exception: calls `__exit__(type, exc, tb)` below the exception; pushes the result.
  case withExceptStart
  case importName(name: Int, fromList: Int, level: Int)
  case importFrom(Int)
  case importStar
  case buildClass(code: Int, name: Int, bases: Int, kwNames: Int)
  case loadBuildClassCell
  case setupAnnotations
  case loadAssertionError
  case printExpr
  /// `case [...]`: pops the subject; pushes whether it is a sequence of `count` items (at least
  /// `count` with a star).
  case matchSequence(count: Int, star: Bool)
  /// `case [a, *rest, b]`: pushes the list of the subject's items between `before` and `after`.
  case matchStar(before: Int, after: Int)
  /// `case {...}`: pushes whether the subject on top is a mapping.
  case matchMapping
  /// Pops `count` keys and a mapping; pushes a new dict of the mapping's other items, in its
  /// order (CPython's COPY_DICT_WITHOUT_KEYS, for `**rest` in a mapping pattern).
  case copyDictWithoutKeys(count: Int)
  /// `case Cls(...)`: pops the class and the subject; pushes the tuple of the sub-patterns'
  /// values (positional by `__match_args__`, then the keywords named in a constant tuple), or
  /// jumps to the target when the subject is not one.
  case matchClass(positional: Int, keywords: Int, fail: Int)
}

/// A compiled function body, module or class body.
final class CodeObject {
  struct Flags: OptionSet {
    let rawValue: Int
    static let generator = Flags(rawValue: 1)
    static let coroutine = Flags(rawValue: 2)
    static let asyncGenerator = Flags(rawValue: 4)
    static let varargs = Flags(rawValue: 8)
    static let varkw = Flags(rawValue: 16)
    static let classBody = Flags(rawValue: 32)
    static let module = Flags(rawValue: 64)
    static let comprehension = Flags(rawValue: 128)
  }

  var name: String
  var qualname: String
  let filename: String
  var flags: Flags = []
  var argcount = 0
  var posonlyargcount = 0
  var kwonlyargcount = 0
  var varnames: [String] = []
  var cellvars: [String] = []
  var freevars: [String] = []
  /// For each cell variable that is also a parameter: the parameter's local slot.
  var cellParameters: [(cell: Int, local: Int)] = []
  var names: [String] = []
  /// Where each of ``names`` is, while compiling (a module may use many thousands of names).
  var nameIndex: [String: Int] = [:]
  var consts: [PyObject] = []
  var codes: [CodeObject] = []
  var instrs: [Instr] = []
  /// The source line and column of each instruction.
  var lines: [Int32] = []
  var columns: [Int32] = []
  /// Where each instruction's expression or statement ends (PEP 657's end line and end column,
  /// the column in UTF-8 bytes); an end line of 0 when the instruction has none.
  var endLines: [Int32] = []
  var endColumns: [Int32] = []
  var firstLine: Int
  var docstring: String?
  /// Interned names, one `StrObject` per entry of `names`.
  var nameObjects: [StrObject] = []

  /// For a module: the SyntaxWarnings CPython's compiler gives, in order (line, message).
  var compileWarnings: [(line: Int, message: String)] = []

  init(name: String, qualname: String, filename: String, firstLine: Int) {
    self.name = name
    self.qualname = qualname
    self.filename = filename
    self.firstLine = firstLine
  }

  var isGeneratorLike: Bool { !flags.isDisjoint(with: [.generator, .coroutine, .asyncGenerator]) }

  /// The module-level names that some function of this code (or code nested in it) rebinds
  /// or deletes through `global`: the only ones that can change while the module's code waits.
  var globalsRebound: Set<String> {
    var found: Set<String> = []
    var pending = [self]
    while let code = pending.popLast() {
      // The module's own stores run before (or after) the loop, never while a worker sleeps.
      for instr in code.instrs where !code.flags.contains(.module) {
        switch instr {
        case .storeGlobal(let i), .deleteGlobal(let i): found.insert(code.names[i])
        default: break
        }
      }
      pending += code.codes
    }
    return found
  }
}

/// What compiling a module notes on the way.
final class CompileNotes {
  var warnings: [(line: Int, message: String)] = []
}

/// A built-in that gives the same answer whatever order its argument's values come in (or whose
/// answer the machine checks for that): a set's elements may then go to it in any order.
enum OrderFreeConsumer: UInt8, Sendable {
  /// `sorted(<genexp>)`: sorting decides the order (equal values that print differently are refused).
  case sorted
  /// `sum(<genexp>)`: whole numbers add up the same in any order (so do floats whose every
  /// partial sum is exact; anything else is refused).
  case sum
  /// `len(<list or set comprehension>)`: how many, not in which order.
  case len
  /// `max(<genexp>)` and `min(<genexp>)`: the first largest (smallest) value is the answer, so
  /// equal values that print differently are refused.
  case max, min

  /// The built-in's name, as the program calls it.
  var builtinName: String {
    switch self {
    case .sorted: "sorted"
    case .sum: "sum"
    case .len: "len"
    case .max: "max"
    case .min: "min"
    }
  }
}

/// What a pure comprehension over a set of tasks asks of them: each is then checked to answer
/// without raising, whatever order they are visited in.
struct UnorderedReads: OptionSet, Sendable, Hashable {
  let rawValue: UInt8
  /// `t.result()`: every task must have finished with a value.
  static let results = UnorderedReads(rawValue: 1)
  /// `t.exception()`: every task must have finished (not be pending or cancelled).
  static let exceptions = UnorderedReads(rawValue: 2)
}
