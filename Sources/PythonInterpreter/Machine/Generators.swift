import AsyncioModel

/// A generator or a coroutine: a frame that runs a stretch at a time.
final class GeneratorObject: PyObject, Coroutine {
  let frame: Frame
  let function: FunctionObject
  unowned let machine: Machine
  var running = false
  /// A coroutine that was awaited (or its task made): awaiting it again is an error.
  var awaited = false
  /// What the generator returned (`StopIteration.value`), once it has.
  var returnValue: PyObject = NoneObject.shared

  init(frame: Frame, function: FunctionObject, machine: Machine) {
    self.frame = frame
    self.function = function
    self.machine = machine
    self.ownerLink = machine.link
    let flags = function.code.flags
    super.init(
      type: flags.contains(.coroutine)
        ? Types.coroutine : (flags.contains(.asyncGenerator) ? Types.asyncGenerator : Types.generator))
  }

  var isCoroutine: Bool { function.code.flags.contains(.coroutine) }
  var isAsyncGenerator: Bool { function.code.flags.contains(.asyncGenerator) }

  /// A copy made to close an abandoned async generator: it is not finalized again.
  var finalizing = false

  /// CPython warns when a coroutine object dies without ever being awaited. An async generator
  /// that dies suspended (a `break` out of `async for`) is closed as the loop's finalizer hook
  /// closes it: `aclose()` in a task of its own, scheduled now, so that its `finally` runs.
  deinit {
    // A generator of the program dropped while suspended inside `try` or `with` (a `break` out
    // of its `for`): CPython closes it there and then, running its `finally`, `except` or
    // `__exit__`. That is refused, never skipped.
    if !isCoroutine, !isAsyncGenerator, frame.started, !frame.finished, !frame.blocks.isEmpty, let m = owner,
      m.halt == nil, !m.shuttingDown, !SourceModule.isLibraryFile(function.code.filename)
    {
      m.halt = .refused(
        line: m.learnerLine, column: 1, construct: "generator '\(function.qualname)' left suspended inside try or with",
        why:
          "Python runs its cleanup (finally, except, __exit__) when the generator is dropped, which lesson does not run yet; let the loop finish or call close() on it"
      )
    }
    if isAsyncGenerator, !finalizing, frame.started, !frame.finished, let m = warningMachine, let loop = m.loop,
      !loop.isClosed
    {
      let heir = GeneratorObject(frame: frame, function: function, machine: m)
      heir.finalizing = true
      heir.warningMachine = m
      m.asyncGenerators.append(WeakGenerator(heir))
      m.finalizingAsyncGenerators.append(heir)
      loop.callSoon { _ = loop.createTask(AsyncGeneratorClose(heir)) }
    }
    guard isCoroutine, let m = warningMachine else { return }
    m.liveCoroutines -= 1
    guard !awaited, !frame.started else { return }
    m.warnNeverAwaited(function.qualname)
  }

  /// The machine to warn on (not owned: the run may be over when this object goes).
  var warningMachine: Machine? {
    get { warningLink?.object }
    set { warningLink = newValue?.link }
  }
  private var warningLink: LifetimeLink<Machine>?
  /// The machine, for what the generator's end may need (not owned, as above).
  var owner: Machine? { ownerLink.object }
  private let ownerLink: LifetimeLink<Machine>
  /// Whether the machine keeps an eye on it, having seen it suspend inside `try` or `with`.
  var watchedInTry = false

  /// `generator.close()`: `GeneratorExit` thrown in where it is suspended, so that its `finally`
  /// and `except` clauses run; a generator that yields instead is CPython's `RuntimeError`.
  func close() throws {
    guard frame.started, !frame.finished else {
      frame.finished = true
      return
    }
    if frame.delegate != nil {
      throw machine.refuse(
        "close() of a generator suspended in 'yield from'",
        "closing the generator it delegates to first is not run by lesson yet")
    }
    do {
      if try send(NoneObject.shared, throwing: ExceptionObject(Types.GeneratorExit, [])) != nil {
        throw machine.raising(runtimeError("generator ignored GeneratorExit"))
      }
    } catch let x as ExceptionObject
      where x.isInstance(of: Types.GeneratorExit) || x.isInstance(of: Types.StopIteration)
    {
      frame.finished = true
    }
  }
  /// Whether the coroutine is suspended in one of asyncio's library coroutines.
  var awaitingLibrary = false
  /// The coroutine of asyncio's it awaits, whose frames lesson knows (``AwaitableObject/library``).
  var awaitedLibrary: LibraryAwait?
  /// How many coroutines await one another down to this one, in its task.
  var chainDepth = 0
  /// The loop's time when a task first ran this coroutine.
  var firstResumedAt: Double?
  /// The line of the program where the coroutine was made (0 for a generator).
  var madeAtLine = 0
  /// The loop's time when the coroutine returned or raised, in a task: when the call really
  /// ended, not when a callback of its task later ran.
  var finishedAt: Double?

  /// Runs to the next `yield` (a generator's `next()`); nil when it returns.
  func next() throws -> PyObject? {
    try send(NoneObject.shared)
  }

  func send(_ v: PyObject, throwing e: ExceptionObject? = nil) throws -> PyObject? {
    if frame.finished {
      // Its return value went out with the StopIteration that ended it; later ones carry none.
      returnValue = NoneObject.shared
      if let e { throw e }
      return nil
    }
    if !frame.started, e == nil, !(v is NoneObject) {
      throw typeError(
        "can't send non-None value to a just-started \(type === Types.coroutine ? "coroutine" : "generator")")
    }
    if running { throw valueError("generator already executing") }
    if frame.started, e == nil { frame.stack.append(v) }
    // CPython throws it into the generator delegated to first, which lesson does not model.
    if e != nil, frame.delegate != nil {
      throw machine.refuse(
        "throw() into a generator suspended in 'yield from'",
        "throwing into the generator it delegates to first is not run by lesson yet")
    }
    frame.started = true
    running = true
    defer { running = false }
    machine.depth += 1
    defer { machine.depth -= 1 }
    do {
      switch try machine.run(frame, throwing: e) {
      case .yielded(let y):
        if !frame.blocks.isEmpty, !watchedInTry { machine.watchSuspendedInTry(self) }
        return y
      case .returned(let r):
        frame.finished = true
        returnValue = r
        return nil
      case .awaiting: throw runtimeError("a generator cannot await")
      }
    } catch let x as ExceptionObject {
      frame.finished = true
      if x.isInstance(of: Types.StopIteration), x.lastFrame === frame, x.traceback.count > 0 {
        throw Self.replacingStopIteration(x, with: runtimeError("generator raised StopIteration"))
      }
      throw x
    }
  }

  /// The RuntimeError a StopIteration escaping a generator or coroutine becomes, caused by it
  /// (the traceback says "The above exception was the direct cause of the following exception").
  static func replacingStopIteration(_ stop: ExceptionObject, with error: ExceptionObject) -> ExceptionObject {
    error.causeException = stop
    error.suppressContext = true
    error.contextException = stop
    return error
  }

  // MARK: Coroutine (driven by a task)

  func resume(_ input: Resumption, in task: AsyncioModel.Task) -> CoroutineStep {
    if let h = machine.halt { return .raised(haltError(h)) }
    var pending: ExceptionObject?
    switch input {
    case .value(let v):
      if frame.started { frame.stack.append(machine.pyValue(v)) }
    case .error(let e):
      pending = e as? ExceptionObject
      if awaitingLibrary, let x = pending {
        // Raised in or through a coroutine of asyncio's: its frames stand between, when known.
        if awaitedLibrary?.addFrames(to: x, version: machine.version) != true { x.throughLibrary = true }
      }
    }
    awaitingLibrary = false
    awaitedLibrary = nil
    if frame.finished {
      return .raised(pending ?? runtimeError("cannot reuse already awaited coroutine"))
    }
    if firstResumedAt == nil { firstResumedAt = task.loop.time }
    machine.coroutineOf[ObjectIdentifier(frame)] = self
    defer {
      machine.coroutineOf[ObjectIdentifier(frame)] = nil
      if frame.finished { finishedAt = task.loop.time }
    }
    frame.started = true
    running = true
    defer { running = false }
    do {
      switch try machine.run(frame, throwing: pending) {
      case .returned(let r):
        frame.finished = true
        return .returned(r)
      case .awaiting(let step):
        if case .awaitCoroutine(let c) = step, !(c is GeneratorObject) {
          awaitingLibrary = true
          awaitedLibrary = machine.lastAwaitedLibrary
        }
        machine.lastAwaitedLibrary = nil
        return step
      case .yielded:
        frame.finished = true
        return .raised(runtimeError("a coroutine cannot yield"))
      }
    } catch let x as ExceptionObject {
      frame.finished = true
      // PEP 479: a StopIteration that escapes a coroutine becomes a RuntimeError.
      if x.isInstance(of: Types.StopIteration), x.lastFrame === frame, x.traceback.count > 0 {
        return .raised(Self.replacingStopIteration(x, with: runtimeError("coroutine raised StopIteration")))
      }
      return .raised(x)
    } catch let h as Halt {
      frame.finished = true
      machine.halt = h
      return .raised(haltError(h))
    } catch {
      frame.finished = true
      return .raised(runtimeError("\(error)"))
    }
  }

  func haltError(_ h: Halt) -> ExceptionObject { ExceptionObject(Types.Halt, []) }
}

extension Machine {
  /// What a task does for `await v`.
  func awaitStep(_ v: PyObject) throws -> CoroutineStep {
    lastAwaitedLibrary = nil
    switch v {
    case let g as GeneratorObject where g.isCoroutine:
      if g.awaited || g.frame.finished { throw runtimeError("cannot reuse already awaited coroutine") }
      g.awaited = true
      if let current = frames.last.flatMap({ coroutineOf[ObjectIdentifier($0)] }) {
        g.chainDepth = current.chainDepth + 1
      }
      // The loop's own frames (asyncio.run, run_until_complete, the task step…) count too.
      if g.chainDepth + depth + 8 > budgets.recursion {
        throw raising(pyError(Types.RecursionError, "maximum recursion depth exceeded"))
      }
      if g.chainDepth > Budgets.deepestCalls {
        throw Halt.budget("recursion: the program went more than \(Budgets.deepestCalls) awaits deep")
      }
      return .awaitCoroutine(g)
    case let f as FutureObject:
      return .awaitFuture(f.future)
    case let a as AwaitableObject:
      if a.used { throw runtimeError("cannot reuse already awaited coroutine") }
      // An await chain through asyncio's and async generators' steps is as deep as Python allows.
      let nesting = loop?.currentTask?.frameDepth ?? 0
      if nesting + depth + 8 > budgets.recursion {
        // 3.11 meets the limit in C calling the step (`__anext__`), and says so.
        throw raising(
          pyError(
            Types.RecursionError,
            version.minor == 11
              ? "maximum recursion depth exceeded while calling a Python object" : "maximum recursion depth exceeded"))
      }
      a.used = true
      lastAwaitedLibrary = a.library
      return .awaitCoroutine(a.coroutine)
    default:
      if let aw = v.type.lookup("__await__"), !v.type.isBuiltin {
        let it = try call(aw, Args([v]))
        if let g = it as? GeneratorObject, g.isCoroutine { return .awaitCoroutine(g) }
        throw Halt.refused(
          line: learnerLine, column: learnerColumn, construct: "__await__",
          why: "a class with its own __await__ is not run by lesson yet")
      }
      // asyncio's functions are Python functions in CPython.
      let kind =
        v is BuiltinFunctionObject && (v as! BuiltinFunctionObject).isAsyncioFunction ? "function" : typeName(v)
      throw typeError("object \(kind) can't be used in 'await' expression")
    }
  }
}

/// A Python-visible asyncio future or task.
final class FutureObject: PyObject {
  let future: Future
  /// The coroutine a task runs (`task.get_coro()`).
  var coroutine: PyObject?
  /// The program's done-callbacks and what the future holds for each (`remove_done_callback`).
  var callbacks: [(PyObject, ClosureCallback)] = []
  init(_ f: Future, type: TypeObject) {
    future = f
    super.init(type: type)
  }
}

/// A coroutine object of the asyncio library (`asyncio.sleep(1)`, `sem.acquire()`…): awaiting it
/// runs one of the model's frames.
final class AwaitableObject: PyObject {
  let name: String
  let coroutine: Coroutine
  var used = false
  /// Which of asyncio's coroutines it is, where lesson knows the frames CPython's traceback shows
  /// for it (``LibraryAwait``); nil otherwise, and a traceback through it cannot be written.
  var library: LibraryAwait?
  /// For a coroutine CPython writes in Python (`asyncio.sleep`): the machine to warn on when it
  /// dies never awaited, as CPython warns for any coroutine.
  var warnsOn: Machine? { warnsOnLink?.object }
  private let warnsOnLink: LifetimeLink<Machine>?
  init(_ name: String, coroutine: Coroutine, warnsOn machine: Machine? = nil, library: LibraryAwait? = nil) {
    self.name = name
    self.coroutine = coroutine
    self.library = library
    self.warnsOnLink = machine?.link
    super.init(type: Types.coroutine)
  }

  /// The program's coroutines it was given (`wait_for(tool(), 1)`): if it dies never awaited,
  /// they die never started, and CPython warns for each of them after it.
  var given: [WeakGenerator] = []

  deinit {
    if !used, let m = warnsOn {
      m.warnNeverAwaited(name)
      for case let g? in given.map(\.generator) where !g.frame.started { g.awaited = false }
    }
  }
}

/// One `__anext__()` (or `asend(v)`) of an async generator, awaited by the task: runs the
/// generator's frame until it yields (the value), returns (`StopAsyncIteration`), raises, or
/// awaits (the task suspends, as for any coroutine).
final class AsyncGeneratorStep: Coroutine {
  let generator: GeneratorObject
  let sent: PyObject
  /// `athrow(e)`: the exception to raise where the generator is suspended.
  let thrown: ExceptionObject?
  private var started = false
  /// As ``GeneratorObject``'s: the generator awaits one of the library's coroutines (and which),
  /// whose frames stand between it and what that raises.
  private var awaitingLibrary = false
  private var awaitedLibrary: LibraryAwait?

  init(_ g: GeneratorObject, send: PyObject, throwing: ExceptionObject? = nil) {
    generator = g
    sent = send
    thrown = throwing
  }

  func resume(_ input: Resumption, in task: Task) -> CoroutineStep {
    let g = generator
    let frame = g.frame
    let machine = g.machine
    var pending: ExceptionObject?
    if !started {
      started = true
      if case .error(let e) = input { return .raised(e) }
      if frame.finished { return .raised(ExceptionObject(Types.StopAsyncIteration, [])) }
      if g.running { return .raised(runtimeError("anext(): asynchronous generator is already running")) }
      if let thrown {
        if !frame.started {
          frame.finished = true
          return .raised(thrown)
        }
        pending = thrown
      } else if frame.started {
        frame.stack.append(sent)
      } else if !g.finalizing {
        // The loop's firstiter hook: the generator is closed as the run ends if still suspended.
        machine.asyncGenerators.removeAll { $0.generator == nil }
        machine.asyncGenerators.append(WeakGenerator(g))
      }
    } else {
      switch input {
      case .value(let v): frame.stack.append(machine.pyValue(v))
      case .error(let e):
        pending = e as? ExceptionObject
        if awaitingLibrary, let x = pending {
          if awaitedLibrary?.addFrames(to: x, version: machine.version) != true { x.throughLibrary = true }
        }
      }
    }
    awaitingLibrary = false
    awaitedLibrary = nil
    frame.started = true
    g.running = true
    defer { g.running = false }
    do {
      switch try machine.run(frame, throwing: pending) {
      case .yielded(let v): return .returned(v)
      case .returned:
        frame.finished = true
        return .raised(ExceptionObject(Types.StopAsyncIteration, []))
      case .awaiting(let step):
        if case .awaitCoroutine(let c) = step, !(c is GeneratorObject) {
          awaitingLibrary = true
          awaitedLibrary = machine.lastAwaitedLibrary
        }
        machine.lastAwaitedLibrary = nil
        return step
      }
    } catch let x as ExceptionObject {
      frame.finished = true
      if x.isInstance(of: Types.StopAsyncIteration) {
        return .raised(machine.raising(runtimeError("async generator raised StopAsyncIteration")))
      }
      return .raised(x)
    } catch let h as Halt {
      frame.finished = true
      machine.halt = h
      return .raised(ExceptionObject(Types.Halt, []))
    } catch {
      frame.finished = true
      return .raised(runtimeError("\(error)"))
    }
  }
}

/// `anext(it, default)`: the step's value, or `default` when the iterator is exhausted.
final class DefaultOnStopAsync: Coroutine {
  let inner: Awaitable
  let fallback: PyObject
  private var started = false

  init(_ inner: Awaitable, default fallback: PyObject) {
    self.inner = inner
    self.fallback = fallback
  }

  func resume(_ input: Resumption, in task: Task) -> CoroutineStep {
    guard started else {
      started = true
      switch inner {
      case .coroutine(let c): return .awaitCoroutine(c)
      case .future(let f): return .awaitFuture(f)
      }
    }
    switch input {
    case .value(let v): return .returned(v)
    case .error(let e):
      if let x = e as? ExceptionObject, x.isInstance(of: Types.StopAsyncIteration) { return .returned(fallback) }
      return .raised(e)
    }
  }
}

/// `aclose()`: `GeneratorExit` thrown in where the generator is suspended. Its `finally` runs (and
/// may await); a generator that ends, or lets `GeneratorExit` out, is closed; one that yields
/// again is a `RuntimeError`.
final class AsyncGeneratorClose: Coroutine {
  let generator: GeneratorObject
  private var closing = false

  init(_ g: GeneratorObject) { generator = g }

  func resume(_ input: Resumption, in task: Task) -> CoroutineStep {
    guard closing else {
      let frame = generator.frame
      if !frame.started || frame.finished {
        frame.finished = true
        return .returned(NoneObject.shared)
      }
      closing = true
      return .awaitCoroutine(
        AsyncGeneratorStep(generator, send: NoneObject.shared, throwing: ExceptionObject(Types.GeneratorExit, [])))
    }
    switch input {
    case .value: return .raised(runtimeError("async generator ignored GeneratorExit"))
    case .error(let e):
      if let x = e as? ExceptionObject,
        x.isInstance(of: Types.GeneratorExit) || x.isInstance(of: Types.StopAsyncIteration)
      {
        return .returned(NoneObject.shared)
      }
      return .raised(e)
    }
  }
}

extension TypeMethods {
  /// `__anext__`, `__aiter__`, `asend` and `aclose` of async generators.
  static func asyncGeneratorMethods() {
    let t = Types.asyncGenerator
    method(t, "__aiter__") { _, a in a[0] }
    method(t, "__anext__") { _, a in
      AwaitableObject("__anext__", coroutine: AsyncGeneratorStep(a[0] as! GeneratorObject, send: NoneObject.shared), library: .inC)
    }
    method(t, "asend") { _, a in
      AwaitableObject(
        "asend", coroutine: AsyncGeneratorStep(a[0] as! GeneratorObject, send: a.count > 1 ? a[1] : NoneObject.shared),
        library: .inC)
    }
    method(t, "athrow") { m, a in
      guard a.count >= 2 else { throw typeError("athrow expected at least 1 argument, got 0") }
      let e =
        a.count > 2 && !(a[2] is NoneObject)
        ? try m.makeException(a[2], throwing: true) : try m.makeException(a[1], throwing: true)
      return AwaitableObject(
        "athrow", coroutine: AsyncGeneratorStep(a[0] as! GeneratorObject, send: NoneObject.shared, throwing: e),
        library: .inC)
    }
    method(t, "aclose") { _, a in
      AwaitableObject("aclose", coroutine: AsyncGeneratorClose(a[0] as! GeneratorObject))
    }
  }
}

extension Halt {
  /// A refusal raised inside a model coroutine: the machine stops at the next step.
  static func refusedError(_ m: Machine, _ construct: String, _ why: String) -> ExceptionObject {
    m.halt = .refused(line: m.learnerLine, column: m.learnerColumn, construct: construct, why: why)
    return ExceptionObject(Types.Halt, [])
  }
}

extension Machine {
  /// Keeps a weak eye on a generator of the program that suspended inside `try` or `with`: if it
  /// is still suspended there when the program ends, CPython runs its cleanup at shutdown.
  func watchSuspendedInTry(_ g: GeneratorObject) {
    guard !SourceModule.isLibraryFile(g.function.code.filename) else { return }
    g.watchedInTry = true
    if generatorsInTry.count >= 256, generatorsInTry.count.nonzeroBitCount == 1 {
      generatorsInTry.removeAll { $0.generator == nil }
    }
    generatorsInTry.append(WeakGenerator(g))
  }

  /// A generator of the program still suspended inside `try` or `with` as the program ends.
  var generatorLeftInTry: GeneratorObject? {
    generatorsInTry.lazy.compactMap(\.generator).first {
      $0.frame.started && !$0.frame.finished && !$0.frame.blocks.isEmpty
    }
  }
}
