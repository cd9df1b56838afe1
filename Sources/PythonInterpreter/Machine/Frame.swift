import AsyncioModel

/// A running (or suspended) piece of code: its locals, its value stack, where it is.
final class Frame {
  enum Block {
    /// `try`: where to go when an exception is raised, and the stack height to return to.
    case setup(handler: Int, level: Int)
    /// Inside an `except` or `finally` run for an exception: leaving it restores the handled exception.
    case handling(level: Int)
  }

  let code: CodeObject
  let globals: DictObject
  /// A class body's namespace (`loadName`/`storeName`); the module's globals for module code.
  let namespace: DictObject?
  var locals: [PyObject?]
  var cells: [CellObject]
  var stack: [PyObject] = []
  var pc = 0
  var blocks: [Block] = []
  /// Exceptions being handled by this frame's `except`/`finally` blocks, innermost last.
  var handled: [ExceptionObject] = []
  /// A generator's or coroutine's frame: has it started, has it finished.
  var started = false
  var finished = false
  /// The iterator a `yield from` is delegating to.
  var delegate: PyObject?
  /// The function that made this frame (for zero-argument `super()`).
  let function: FunctionObject?

  init(code: CodeObject, globals: DictObject, namespace: DictObject?, function: FunctionObject?, closure: [CellObject]) {
    self.code = code
    self.globals = globals
    self.namespace = namespace
    self.function = function
    locals = Array(repeating: nil, count: code.varnames.count)
    if code.cellvars.isEmpty {
      cells = closure
    } else {
      cells = code.cellvars.map { _ in CellObject() } + closure
    }
    stack.reserveCapacity(8)
  }

  /// The line being run.
  var line: Int {
    let i = max(0, min(pc - 1, code.lines.count - 1))
    return code.lines.isEmpty ? code.firstLine : Int(code.lines[i])
  }

  /// The span of the instruction being run, where lesson's compiler places it as CPython's does
  /// in every version from 3.11: a call, an attribute, a subscript, an operator, a comparison, an
  /// `await`, a `raise` statement, a name, or an assignment's target (unpacking, storing or
  /// deleting an item or an attribute). For the rest (a `for` or a `with` statement, an
  /// assignment's targets, an f-string, `assert`…) CPython's positions differ between versions
  /// or from the syntax tree's, and the span is nil.
  var span: SourceSpan? {
    let i = pc - 1
    guard i >= 0, i < code.instrs.count, i < code.endLines.count, code.endLines[i] > 0 else { return nil }
    switch code.instrs[i] {
    case .call, .callMethod, .callEx, .loadAttr, .loadMethod, .binarySubscr, .binary, .compare, .unary, .awaitValue,
      .raise, .loadName, .loadGlobal, .loadFast, .loadDeref, .loadClassDeref, .unpackSequence, .unpackEx,
      .storeSubscr, .storeAttr, .deleteSubscr, .deleteAttr:
      return SourceSpan(
        line: Int(code.lines[i]), endLine: Int(code.endLines[i]), column: Int(code.columns[i]),
        endColumn: Int(code.endColumns[i]))
    default:
      return nil
    }
  }
}

/// How a frame's code stopped running.
enum FrameExit {
  case returned(PyObject)
  case yielded(PyObject)
  /// A coroutine awaits: the task takes this step.
  case awaiting(CoroutineStep)
}
