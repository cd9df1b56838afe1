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
}

/// How a frame's code stopped running.
enum FrameExit {
  case returned(PyObject)
  case yielded(PyObject)
  /// A coroutine awaits: the task takes this step.
  case awaiting(CoroutineStep)
}
