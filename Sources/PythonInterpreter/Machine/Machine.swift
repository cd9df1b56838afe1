import AsyncioModel
import PythonValues

/// Budgets that turn a runaway program into a clear stop.
public struct Budgets: Sendable {
  /// Instructions executed.
  public var steps = 50_000_000
  /// Python frames deep (CPython's recursion limit).
  public var recursion = 1000
  /// Bytes written to stdout and stderr together.
  public var output = 4_000_000
  /// Elements held by lists, strings, dicts and integers made in one operation.
  public var elements = 20_000_000
  /// Tasks alive at once.
  public var tasks = 100_000
  /// Memory the program may take, in bytes, as the process's meter (``memoryMeter``) measures
  /// it from the start of the run: many values each under ``elements`` add up.
  public var memory = 512 << 20
  /// Reads how many bytes the process holds now. The interpreter reaches nothing of the machine,
  /// so the host gives it, where one program runs at a time in the process (`lesson run`,
  /// `check`, a grading worker): ``Budgets/processMemoryMeter``. Without one, only ``elements``
  /// limits memory.
  public var memoryMeter: (@Sendable () -> Int)?
  /// The deepest the machine itself ever goes, whatever `sys.setrecursionlimit` says: deeper
  /// Python recursion is stopped by this budget, not by a crash.
  public static let deepestCalls = 10_000

  /// The meter every run made with `Budgets()` takes, set by a host that runs one program at a
  /// time in its process.
  public static var processMemoryMeter: (@Sendable () -> Int)? {
    get { meter.read() }
    set { meter.write(newValue) }
  }
  private static let meter = MeterSlot()

  public init() { memoryMeter = Self.processMemoryMeter }
}

/// A program's text, and its lines once asked for.
final class SourceLines {
  let text: String
  private(set) lazy var lines: [Substring] = text.split(separator: "\n", omittingEmptySubsequences: false)

  init(_ text: String) { self.text = text }

  /// Whether the text holds `word` anywhere (a byte search: no lines, no Foundation).
  func contains(_ word: StaticString) -> Bool {
    let needle = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
    guard let first = needle.first else { return true }
    var text = text
    return text.withUTF8 { bytes in
      guard bytes.count >= needle.count else { return false }
      var i = 0
      let last = bytes.count - needle.count
      while i <= last {
        if bytes[i] == first {
          var j = 1
          while j < needle.count && bytes[i + j] == needle[j] { j += 1 }
          if j == needle.count { return true }
        }
        i += 1
      }
      return false
    }
  }
}

/// The interpreter's state for one program run: its output, its modules, its loop, its budgets.
public final class Machine {
  let version: PythonVersion
  let release: PythonRelease
  let filename: String
  let source: SourceLines
  /// The program's lines, split when first needed (a traceback, a warning).
  var sourceLines: [Substring] { source.lines }
  var budgets: Budgets
  var stdout = ""
  var stderr = ""
  var outputBytes = 0
  var steps = 0
  var depth = 0
  var reprDepth = 0
  var builtins = DictObject()
  var modules: [String: ModuleObject] = [:]
  /// Frames running now, innermost last (for `__context__` and tracebacks).
  var frames: [Frame] = []
  /// The event loop running now (`asyncio.get_running_loop()`), if any.
  var loop: EventLoop?
  /// The event loop that exists now, running or not (its clock is the program's clock), until
  /// it is closed.
  var openLoop: EventLoop?
  /// CPython's `Task-N` counter, one for the whole run, shared by every loop it opens.
  let taskNumbering = TaskNumbering()
  /// The program's module-level names that a function rebinds with `global` (a worker thread
  /// that reads any other after it slept reads what the loop cannot have changed).
  var globalsRebound: Set<String> = []
  /// How many frames were running when the running loop started: the loop's callbacks run above
  /// them, with none of the program's own frames between (CPython's `Handle._run`).
  var framesBelowLoop = 0
  /// The event loop policy's loop for the main thread (`set_event_loop`, or the one
  /// `get_event_loop()` made), and whether one was ever set (after which no loop is made).
  var policyLoop: EventLoop?
  var policyLoopSet = false
  /// Virtual microseconds of loops already closed (and `time.sleep` outside any loop).
  var clockOffset: Int64 = 0
  /// Set when the machine stops the program; the loop unwinds to here.
  var halt: Halt?
  lazy var host = MachineLoopHost(self)
  var activeReprs: Set<ObjectIdentifier> = []
  var observation = Observation()
  /// Observes the gather that has not finished yet as the batch, should the run wait forever in it.
  var waitingGather: (() -> Void)?
  /// The line of each gather the program made, by its future.
  var gatherLines: [ObjectIdentifier: Int] = [:]
  var loopObjectCache: LoopObject?
  /// The line of the program's last `asyncio.run` (where asyncio's own reports come from).
  var lastAsyncioRunLine: Int?
  /// Failed tasks nobody asked about, to be logged when CPython would collect them.
  var unretrieved: [(String, ExceptionObject)] = []
  /// Tasks that died of the exception that ends the program, logged as the interpreter exits.
  var unretrievedAtExit: [(String, ExceptionObject)] = []
  /// The innermost line running when the machine stopped the program.
  var haltLine: Int?
  var timeoutsByTask: [ObjectIdentifier: Int] = [:]
  /// What each task did, by task number, and the task that made each (``Observation/CallFacts``).
  var taskFacts: [Int: TaskFacts] = [:]
  var taskCreators: [Int: Int] = [:]
  /// Numbers the order of semaphore acquires and armed timeouts, and the semaphores made.
  var eventSerial = 0
  var semaphoresMade = 0
  var errorsByTask: [ObjectIdentifier: Int] = [:]
  var acquiredAt: [ObjectIdentifier: Double] = [:]
  /// The coroutine object of each coroutine frame running now.
  var coroutineOf: [ObjectIdentifier: GeneratorObject] = [:]
  var futureObjects: [ObjectIdentifier: FutureObject] = [:]
  /// Virtual time a worker thread (to_thread) has slept, and whether one is running now.
  var threadTicks: Int64 = 0
  var inWorker = 0
  var workerSlept = false
  /// What the running worker wrote after it slept, at how far into its run: CPython's worker
  /// writes it when the loop's timer for that sleep fires (see ``Machine/replayWorkerOutput``).
  var workerOutput: [(ticks: Int64, text: String, toStderr: Bool)] = []
  /// For each `sorted(<read-only genexp>)` running: whether its set went in any order.
  var unorderedSorts: [Bool] = []
  /// For each `sum`, `max` or `min` of a pure genexp under way whose set goes in any order:
  /// whether its answer was found to be the same in every order (``OrderFreeCheck``).
  var unorderedChecks: [OrderFreeCheck] = []
  /// What the running worker shares with the loop: its function, its arguments, and through the
  /// function its module's globals, closure and defaults. Anything else it reads it made itself.
  var workerRoots: [PyObject] = [] { didSet { workerReachable = nil } }
  /// What the loop reaches from ``workerRoots``, once asked (``loopCanReach(_:)``).
  var workerReachable: (objects: Set<ObjectIdentifier>, everything: Bool)?
  /// Coroutine objects alive now (a budget: a million of them is a flood, not an exercise).
  var liveCoroutines = 0
  /// The program's own `contextvars` context, outside any task (``ContextObject``).
  lazy var topContext = ContextObject()
  /// The contexts `Context.run` entered, innermost last.
  var enteredContexts: [ContextObject] = []
  /// Counts built-ins reading arguments they were not given (``Args/tracker``).
  let argumentTracker = ArgumentTracker()
  /// The classes this run made (its own, its library modules', a per-run asyncio class): each
  /// holds itself (its `__mro__` starts with it), so the run breaks that when it ends
  /// (``releaseClassesMade()``), or every run would leave its classes behind.
  var classesMade: [TypeObject] = []
  /// The namespaces this run made that hold functions which hold them back (`__main__`'s, those
  /// of lesson's library modules written in Python): CPython's collector frees such cycles.
  var namespacesMade: [DictObject] = []

  /// Ends what the run's classes and modules hold of each other (a class its own `__mro__`, a
  /// module's functions their module): the run is over and none of them is used again, so each
  /// run's objects go with it instead of staying for the life of the process (a grading worker
  /// runs thousands).
  func releaseWhatTheRunMade() {
    for t in classesMade {
      t.mro = []
      t.subclasses = []
      t.dict.removeAll()
    }
    classesMade = []
    for namespace in namespacesMade { namespace.removeAll() }
    namespacesMade = []
  }
  /// Async generators a task started (the loop's `firstiter` hook), held weakly.
  var asyncGenerators: [WeakGenerator] = []
  /// Async generators dropped while suspended, whose `aclose()` the finalizer hook scheduled:
  /// held until the run ends, as the loop's weak set still sees them in CPython (the `aclose()`
  /// holds them), so that `shutdown_asyncgens()` closes one whose task never got to run.
  var finalizingAsyncGenerators: [GeneratorObject] = []
  /// Generators of the program seen suspended inside `try` or `with` (``watchSuspendedInTry(_:)``).
  var generatorsInTry: [WeakGenerator] = []
  /// The program has ended and the interpreter is tearing down: what dies now dies at `sys:1`.
  var shuttingDown = false
  /// The warnings shown, by place and text: Python's warnings registry shows each once per place.
  var warningsShown: Set<String> = []
  /// While asyncio.run cancels what is left: how many tasks it cancels.
  var cancelledAtShutdown = 0
  var failedShutdownReports = 0
  /// Comparison methods written in Python running now.
  var comparisonFrames = 0
  /// The object last found not iterable at all, and the TypeError that said so (``notIterable(_:_:)``).
  var lastNotIterable: (object: ObjectIdentifier, error: ExceptionObject)?
  var addresses: [ObjectIdentifier: String] = [:]

  /// The machine, for objects of the run that must not keep it alive (``LifetimeLink``: not
  /// `weak`, which would slow every retain of the machine).
  var link: LifetimeLink<Machine> {
    if let linkMade { return linkMade }
    let made = LifetimeLink(self)
    linkMade = made
    return made
  }
  private var linkMade: LifetimeLink<Machine>?
  deinit { linkMade?.objectEnded() }

  init(version: PythonVersion, filename: String, source: String, budgets: Budgets) {
    self.version = version
    release = PythonRelease(minor: version.minor)
    self.filename = filename
    self.source = SourceLines(source)
    self.budgets = budgets
    _ = Builtins.installed
    builtins = Builtins.shared(for: self)
  }

  // MARK: Output

  /// A worker thread (`to_thread`) that has slept runs in lock step with the loop in CPython; the
  /// machine runs it at once, which is exact only while it does nothing the loop could see.
  func workerEffect(_ what: String) throws {
    guard inWorker > 0, workerSlept else { return }
    throw Halt.refused(
      line: learnerLine, column: learnerColumn, construct: "a worker thread that \(what) after time.sleep",
      why:
        "lesson runs asyncio.to_thread work whole, so it cannot interleave it with the loop after the thread sleeps; return the value and print it in the coroutine"
    )
  }

  /// A worker thread that has slept reads `v`: the loop may have changed it meanwhile, unless
  /// it is a value that cannot change (a number, a string, a tuple of them) or code (a function,
  /// a class, a module).
  ///
  /// - Parameter binding: `v` is read through a name the loop can rebind (a global, a closure's
  ///   variable): only code is safe then.
  func workerReads(_ v: PyObject, binding: Bool = false) throws {
    if binding {
      guard v is FunctionObject || v is BuiltinFunctionObject || v is TypeObject || v is ModuleObject else {
        return try workerEffect("reads a variable the loop may change")
      }
      return
    }
    switch v {
    case is IntObject, is FloatObject, is StrObject, is NoneObject, is BytesObject, is RangeObject,
      is FunctionObject, is BuiltinFunctionObject, is TypeObject, is ModuleObject, is MethodObject:
      return
    case let t as TupleObject:
      for item in t.items { try workerReads(item) }
    default:
      // A list or object the worker made itself, which the loop cannot reach, is its own.
      guard loopCanReach(v) else { return }
      try workerEffect("reads a value the loop may change")
    }
  }

  /// Whether `target` can be reached from what the running worker shares with the loop
  /// (``workerRoots``): if not, the worker made it and nothing but the worker sees it.
  ///
  /// What the loop can reach is found once per worker: while the worker runs the loop does not,
  /// and the worker may not write into anything the loop reaches, so nothing new becomes
  /// reachable. An object that can hold the program's values out of sight (a queue, a future, a
  /// generator, a partial) makes everything count as reachable, as does a search that grows long.
  func loopCanReach(_ target: PyObject) -> Bool {
    if workerReachable == nil { workerReachable = reachableFromWorkerRoots() }
    guard let reachable = workerReachable else { return true }
    return reachable.everything || reachable.objects.contains(ObjectIdentifier(target))
  }

  func reachableFromWorkerRoots() -> (objects: Set<ObjectIdentifier>, everything: Bool) {
    var stack = workerRoots
    var seen = Set<ObjectIdentifier>()
    while let o = stack.popLast() {
      guard seen.insert(ObjectIdentifier(o)).inserted else { continue }
      if seen.count > 200_000 { return (seen, true) }
      switch o {
      case is IntObject, is FloatObject, is StrObject, is NoneObject, is BytesObject, is RangeObject,
        is BuiltinFunctionObject, is ModuleObject:
        continue
      case let l as ListObject: stack += l.items
      case let t as TupleObject: stack += t.items
      case let d as DictObject:
        for (k, v) in d.pairs {
          stack.append(k)
          stack.append(v)
        }
      case let s as SetObject: stack += s.items
      case let c as CellObject: if let v = c.value { stack.append(v) }
      case let f as FunctionObject:
        stack += f.closure
        stack += f.defaults
        stack += Array(f.kwDefaults.values)
        stack.append(f.dict)
      case let m as MethodObject:
        stack.append(m.receiver)
        stack.append(m.function)
      case let i as InstanceObject: stack.append(i.dict)
      case let t as TypeObject:
        if !t.isBuiltin { stack.append(t.dict) }
      case let p as PartialObject:
        stack.append(p.function)
        stack += p.args
        stack.append(p.keywords)
        if let d = p.dict { stack.append(d) }
      case is QueueObject, is FutureObject, is GeneratorObject, is AwaitableObject:
        return (seen, true)
      default:
        continue
      }
    }
    return (seen, false)
  }

  func write(_ s: String, toStderr: Bool = false) throws {
    if inWorker > 0, workerSlept {
      // Written once the loop reaches that instant (the checks below run then).
      workerOutput.append((threadTicks, s, toStderr))
      return
    }
    if cancelledAtShutdown >= 2, loop?.currentTask != nil {
      throw Halt.refused(
        line: learnerLine, column: learnerColumn, construct: "output from tasks that asyncio.run cancels at the end",
        why:
          "Python cancels the \(cancelledAtShutdown) tasks left in the order of a set (by memory address), so the order of what they print is not Python's to promise; await or cancel your tasks before main() returns"
      )
    }
    if let t = loop?.currentTask, t.cancelledAmongOthers {
      throw Halt.refused(
        line: learnerLine, column: learnerColumn, construct: "output from tasks cancelled together",
        why:
          "Python cancels them in the order of a set (by memory address: a TaskGroup's remaining tasks, or a loop over a set of tasks), so the order of what they print is not Python's to promise; print after they end instead"
      )
    }
    // An object's address (`<__main__.Tool object at 0x…>`): CPython's is another in every run.
    if !addresses.isEmpty, s.contains("0x7f1"), let shown = addresses.values.first(where: { s.contains($0) }) {
      let at = s.range(of: shown)!
      let start = s[..<at.lowerBound].lastIndex(of: "<") ?? at.lowerBound
      let end = s[at.upperBound...].firstIndex(of: ">").map { s.index(after: $0) } ?? at.upperBound
      let excerpt = s[start..<end].prefix(80)
      let isFunction = excerpt.hasPrefix("<function ") || excerpt.hasPrefix("<bound method ")
      throw Halt.refused(
        line: learnerLine, column: learnerColumn, construct: "output with an object's address (\(excerpt))",
        why: isFunction
          ? "CPython writes the function's memory address, a different one in every run; to run it, call it: "
            + "name(...) with its parentheses (asyncio.run(main()), create_task(call_tool(...)))"
          : "CPython writes the object's memory address, a different one in every run; give the class a __repr__ "
            + "(a @dataclass has one) or print the fields you need")
    }
    outputBytes += s.utf8.count
    if outputBytes > budgets.output {
      throw Halt.budget("output: the program printed more than \(budgets.output / 1_000_000) MB")
    }
    if toStderr { stderr += s } else { stdout += s }
  }

  // MARK: Budgets

  func checkElements(_ n: Int, added: Int? = nil) throws {
    if n > budgets.elements {
      throw Halt.budget("memory: one value would hold \(n) elements, more than the limit of \(budgets.elements)")
    }
    // A large value: the memory of the whole program too (a list of lists each under the limit).
    // A new one is metered at once; one that grows in place (`extend`, `+=`) once per 256K
    // elements it gains, not at every call (the meter reads the process's figures from the
    // system: a loop of small extends to a large list spent its time there).
    guard n >= 1 << 18 else { return }
    elementsSinceMeter += added ?? n
    guard elementsSinceMeter >= 1 << 18 else { return }
    elementsSinceMeter = 0
    try checkMemory()
  }

  /// Elements large values gained since the meter last ran (``checkElements(_:added:)``).
  var elementsSinceMeter = 0

  /// What the process held when the run began, for ``checkMemory()``.
  var memoryAtStart = 0

  /// Stops the program once it holds more than its memory budget, as the host's meter measures
  /// the process (every 65,536 steps, and at each large value).
  func checkMemory() throws {
    guard let meter = budgets.memoryMeter else { return }
    let held = meter() - memoryAtStart
    if held > budgets.memory {
      throw Halt.budget("memory: the program holds more than \(budgets.memory >> 20) MB")
    }
  }

  /// The line of the learner's program running now (the innermost frame of their file).
  var learnerLine: Int {
    frames.last(where: { $0.code.filename == filename })?.line ?? lastAsyncioRunLine ?? frames.last?.line ?? 0
  }

  /// Where the running thread's stack began (an address near its top), and how much of it the
  /// machine may use.
  var stackBase: UInt = 0
  var stackAllowance: UInt = 0

  /// The library frame of the last coroutine of asyncio's an `await` took (read at once by the
  /// awaiting coroutine).
  var lastAwaitedLibrary: LibraryAwait?

  /// Set when a traceback was formatted with a frame whose 3.11+ markers lesson does not know
  /// (its line shown without them): such a text may go only where an approximate traceback does.
  var tracebacksInexact = false
  /// Logged tracebacks (`exc_text`) formatted that way: written to any stream but stderr, they
  /// are refused.
  var inexactTracebackTexts: Set<String> = []

  /// The 1-based column (in UTF-8 bytes, as CPython counts) of what the learner's frame runs now.
  var learnerColumn: Int {
    guard let f = frames.last(where: { $0.code.filename == filename }) else { return 1 }
    let i = max(0, min(f.pc - 1, f.code.columns.count - 1))
    return f.code.columns.isEmpty ? 1 : Int(f.code.columns[i]) + 1
  }

  /// The virtual clock, in microseconds since the program started.
  var nowTicks: Int64 { Self.later(clockOffset, openLoop?.ticks ?? 0) }

  /// The clock as the code running now reads it: a worker thread is as far into its run as it
  /// has slept (CPython's worker goes on when the loop's timer for its sleep fires).
  var clockTicks: Int64 { inWorker > 0 ? Self.later(nowTicks, threadTicks) : nowTicks }

  /// `a + b` ticks, held at the loop's own far end (``EventLoop/ticks(ofSeconds:)``) rather than
  /// overflowing: a program may sleep for ages of virtual time.
  static func later(_ a: Int64, _ b: Int64) -> Int64 {
    let (sum, overflow) = a.addingReportingOverflow(b)
    return overflow ? (b > 0 ? Int64.max / 2 : Int64.min / 2) : min(max(sum, Int64.min / 2), Int64.max / 2)
  }
}

/// An address on the current stack (stacks grow down).
@inline(never)
func currentStackAddress() -> UInt {
  var marker: UInt8 = 0
  return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
}

// MARK: Errors

func pyError(_ t: TypeObject, _ message: String) -> ExceptionObject {
  ExceptionObject(t, message)
}
func typeError(_ m: String) -> ExceptionObject { ExceptionObject(Types.TypeError, m) }
func valueError(_ m: String) -> ExceptionObject { ExceptionObject(Types.ValueError, m) }
func attributeError(_ m: String) -> ExceptionObject { ExceptionObject(Types.AttributeError, m) }
func indexError(_ m: String) -> ExceptionObject { ExceptionObject(Types.IndexError, m) }
func keyError(_ k: PyObject) -> ExceptionObject { ExceptionObject(Types.KeyError, [k]) }
func runtimeError(_ m: String) -> ExceptionObject { ExceptionObject(Types.RuntimeError, m) }

extension PythonValuesError {
  var exception: ExceptionObject {
    switch self {
    case .valueError(let m): return PythonInterpreter.valueError(m)
    case .typeError(let m): return PythonInterpreter.typeError(m)
    case .overflowError(let m): return pyError(Types.OverflowError, m)
    case .zeroDivisionError(let m): return pyError(Types.ZeroDivisionError, m)
    default: return pyError(Types.MemoryError, "\(self)")
    }
  }
}

/// Runs a throwing `PythonValues` call, turning its error into the Python exception (or a budget stop).
@inline(__always)
func values<T>(_ body: () throws(PythonValuesError) -> T) throws -> T {
  do {
    return try body()
  } catch {
    if case .resourceLimit(let m) = error { throw Halt.budget("memory: \(m)") }
    throw error.exception
  }
}

/// The asyncio model's view of the machine: its exceptions and its `True`.
final class MachineLoopHost: LoopHost {
  unowned let machine: Machine
  init(_ m: Machine) { machine = m }

  var trueValue: LoopValue { BoolObject.true }
  func cancelledError(message: LoopValue) -> LoopError {
    if let m = message as? PyObject, !(m is NoneObject) { return ExceptionObject(Types.CancelledError, [m]) }
    // The model's own text (gather's `CancelledError('')` for a child cancelled without a message).
    if let text = message as? LoopString { return ExceptionObject(Types.CancelledError, [StrObject(text.text)]) }
    return ExceptionObject(Types.CancelledError, [])
  }
  func timeoutError() -> LoopError {
    machine.observation.timeouts += 1
    if let t = machine.loop?.currentTask {
      machine.timeoutsByTask[ObjectIdentifier(t), default: 0] += 1
      if let facts = machine.runningTaskFacts {
        machine.eventSerial += 1
        facts.lastTimeoutExpired = machine.eventSerial
      }
    }
    return ExceptionObject(machine.version.minor >= 11 ? Types.TimeoutError : Types.AsyncioTimeoutError310, [])
  }
  func runtimeError(_ message: String) -> LoopError { ExceptionObject(Types.RuntimeError, message) }
  /// CPython's message holds the task's repr, with the lines of asyncio's own code: refused.
  func taskAwaitsItself(_ task: Task) -> LoopError {
    machine.halt =
      machine.halt
      ?? .refused(
        line: machine.learnerLine, column: machine.learnerColumn, construct: "a task awaiting itself",
        why:
          "Python's RuntimeError holds the task's repr, with a line of asyncio's own code, which lesson does not reproduce"
      )
    machine.loop?.stop()
    return ExceptionObject(Types.RuntimeError, "Task cannot await on itself")
  }
  func invalidStateError(_ message: String) -> LoopError { ExceptionObject(Types.InvalidStateError, message) }
  func exceptionGroup(_ message: String, _ errors: [LoopError]) -> LoopError {
    let members = errors.compactMap { $0 as? ExceptionObject }
    let allExceptions = members.allSatisfy { $0.isInstance(of: Types.Exception) }
    let e = ExceptionObject(
      allExceptions ? Types.ExceptionGroup : Types.BaseExceptionGroup, [StrObject(message), ListObject(members)])
    e.members = members
    return e
  }
  func cancelMessage(of error: LoopError) -> LoopValue {
    guard let e = error as? ExceptionObject, let first = e.args.first else { return nil }
    return first
  }
  func valueError(_ message: String) -> LoopError { ExceptionObject(Types.ValueError, message) }
  func queueError(_ kind: QueueErrorKind) -> LoopError {
    switch kind {
    case .empty: return ExceptionObject(Types.QueueEmpty, [])
    case .full: return ExceptionObject(Types.QueueFull, [])
    case .shutDown: return ExceptionObject(Types.QueueShutDown, [])
    }
  }
}

/// A generator held without keeping it alive.
final class WeakGenerator {
  weak var generator: GeneratorObject?
  init(_ g: GeneratorObject) { generator = g }
}
