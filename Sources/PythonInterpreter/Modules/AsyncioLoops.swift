import AsyncioModel

/// Event loops the program makes itself: `asyncio.new_event_loop()` with `run_until_complete` and
/// `close`, and `asyncio.Runner` (3.11+). The clock is the recordings': a new loop starts at 0 and
/// the program's clock goes on from the loops before it.
extension Machine {
  /// A new loop, which becomes the program's clock.
  func openEventLoop() throws -> EventLoop {
    // One loop at a time carries the program's clock: a second one made while the first is
    // open (not closed) would need two.
    if let old = openLoop, !old.isClosed {
      throw Halt.refused(
        line: learnerLine, column: learnerColumn, construct: "a second event loop while another is open",
        why:
          "lesson keeps one event loop (and one clock) at a time; close the first loop (loop.close()) before making or running another"
      )
    }
    if let old = openLoop { clockOffset = Self.later(clockOffset, old.ticks) }
    let l = EventLoop(version: version, host: host)
    l.taskNumbering = taskNumbering
    openLoop = l
    let link = self.link
    l.asyncGeneratorClosers = { link.object?.closeLiveAsyncGenerators() ?? [] }
    l.contextOfNewTask = { link.object?.contextForNewTask() }
    // A new selector event loop logs which selector it uses (seen when logging is at DEBUG).
    if let logging = modules["logging"], let hook = logging.dict.getStr("_lesson_loop_created") {
      _ = try call(hook, Args())
    }
    return l
  }

  /// The policy's loop for the main thread, as `asyncio.get_event_loop()` gives it outside a
  /// running loop: the one set, else (when none ever was) a new one, which 3.12+ warns about.
  func policyEventLoop() throws -> EventLoop {
    if policyLoop == nil && !policyLoopSet {
      if version.minor >= 12 { try libraryWarning(Types.DeprecationWarning, "There is no current event loop") }
      policyLoop = try openEventLoop()
      policyLoopSet = true
    }
    guard let l = policyLoop else { throw runtimeError("There is no current event loop in thread 'MainThread'.") }
    return l
  }

  /// The loop `gather` and `ensure_future` use outside a running loop: a future's own, else the
  /// policy's (`get_event_loop()`, made if there is none), where the tasks wait until it runs.
  func loopForFutures(_ first: PyObject?) throws -> EventLoop {
    if let f = first as? FutureObject { return f.future.loop }
    return try policyEventLoop()
  }

  /// An `async def` of asyncio called outside a running loop: CPython makes the coroutine at
  /// once and runs its body (which asks for the running loop) when a task first steps it.
  func deferredUntilRunning(_ name: String, _ body: @escaping () throws -> PyObject) -> PyObject {
    AwaitableObject(
      name,
      coroutine: OneShotCoroutine { [unowned self] _ in
        step {
          guard let made = try body() as? AwaitableObject else { return .returned(nil) }
          made.used = true
          return .awaitCoroutine(made.coroutine)
        }
      }, warnsOn: self)
  }

  /// A step of one of the library's coroutines that runs the program's code: a Python exception
  /// is what the step raises; a budget or a refusal stops the program (the loop sees its marker).
  func step(_ body: () throws -> CoroutineStep) -> CoroutineStep {
    do {
      return try body()
    } catch let e as ExceptionObject {
      return .raised(e)
    } catch let h as Halt {
      halt = halt ?? h
      return .raised(ExceptionObject(Types.Halt, []))
    } catch {
      return .raised(ExceptionObject(Types.RuntimeError, "\(error)"))
    }
  }

  /// A warning the standard library raises on behalf of the program's current line, through the
  /// program's own `warnings` filters when it has imported the module (`error` raises it).
  func libraryWarning(_ category: TypeObject, _ message: String) throws {
    if let warnings = modules["warnings"], let warn = warnings.dict.getStr("warn") {
      _ = try call(warn, Args([StrObject(message), category]))
      return
    }
    warnAtLearnerLine(category.name, message)
  }

  /// `shutdown_asyncgens()`: the async generators still suspended, each to `aclose()`. The loop
  /// keeps them in a weak set, so with two or more the order is the set's, which lesson cannot know.
  func closeLiveAsyncGenerators() -> [Awaitable] {
    let live = asyncGenerators.compactMap(\.generator).filter { $0.frame.started && !$0.frame.finished }
    asyncGenerators = []
    finalizingAsyncGenerators = []
    if live.count > 1 {
      halt =
        halt
        ?? .refused(
          line: lastAsyncioRunLine ?? learnerLine, column: 1,
          construct: "\(live.count) async generators left open as asyncio.run ends",
          why:
            "Python closes them in the order of a weak set, which memory addresses decide; finish them or call aclose() on each"
        )
      return []
    }
    return live.map { .coroutine(AsyncGeneratorClose($0)) }
  }

  /// `loop.close()`: its time joins the program's clock.
  func closeEventLoop(_ l: EventLoop) {
    l.asyncGeneratorClosers = nil
    if openLoop === l {
      clockOffset = Self.later(clockOffset, l.ticks)
      openLoop = nil
    }
    l.close()
  }

  /// `loop.run_until_complete(aw)`, called by the program or by `through`.
  func runUntilComplete(_ l: EventLoop, _ aw: PyObject, through: LibraryFrame.RunEntry = .loop) throws -> PyObject {
    // The frame of run_until_complete holds `aw`: it dies with the exception's traceback.
    func failing(_ message: String) -> ExceptionObject {
      let e = runtimeError(message)
      e.keptObjects.append(aw)
      return e
    }
    if l.isClosed { throw failing("Event loop is closed") }
    if loop != nil { throw failing("This event loop is already running") }
    let future = l.ensureFuture(try awaitable(aw, for: "run_until_complete"))
    if let t = future as? Task, let g = aw as? GeneratorObject { futureObject(t).coroutine = g }
    loop = l
    let below = framesBelowLoop
    framesBelowLoop = frames.count
    defer {
      loop = nil
      framesBelowLoop = below
    }
    let end = l.runUntilComplete(future, maxIterations: budgets.steps)
    if let h = halt { throw h }
    switch end {
    case .completed:
      switch future.outcome() {
      case .value(let v): return pyValue(v)
      case .error(let e): throw (e as! ExceptionObject).leavingLoop(through, version: version)
      }
    case .deadlock:
      throw Halt.deadlock("every task is waiting and nothing can wake them")
    case .outOfSteps, .interrupted:
      throw Halt.budget("steps: the event loop ran more than \(budgets.steps) iterations")
    case .exited:
      // Taken, as the loop lets it go: the loop can run again afterwards.
      if let e = l.takeEscaping() as? ExceptionObject { throw e }
      throw Halt.budget("the program stopped the loop")
    }
  }

  /// `asyncio.run`'s cleanup, then `close()`: what `Runner.close()` does.
  func shutDownAndClose(_ l: EventLoop) throws {
    loop = l
    let (end, failed) = AsyncioRun.shutdown(l, maxIterations: budgets.steps)
    loop = nil
    if let h = halt { throw h }
    if end == .deadlock { throw Halt.deadlock("the loop's cleanup waits forever") }
    for t in failed {
      if let e = t.exception as? ExceptionObject { try reportShutdownError(e, task: t) }
    }
    closeEventLoop(l)
  }
}

/// `asyncio.Runner` (3.11+): one loop for several `run` calls, closed by `close()` or `with`.
final class RunnerObject: NativeObject {
  var eventLoop: EventLoop?
  var closed = false
  /// Whether its loop became the policy's (`_set_event_loop`).
  var setPolicyLoop = false

  func lazyLoop(_ m: Machine) throws -> EventLoop {
    if closed { throw runtimeError("Runner is closed") }
    if let l = eventLoop { return l }
    let l = try m.openEventLoop()
    eventLoop = l
    // The runner sets its loop as the policy's, and None when it closes.
    m.policyLoopSet = true
    m.policyLoop = l
    setPolicyLoop = true
    return l
  }

  static let runnerType: TypeObject = {
    let t = AsyncioModule.nativeType(
      "Runner", module: "asyncio.runners",
      [
        (
          "__enter__",
          { m, a in
            _ = try (a[0] as! RunnerObject).lazyLoop(m)
            return a[0]
          }
        ),
        (
          "__exit__",
          { m, a in
            try (a[0] as! RunnerObject).close(m)
            return NoneObject.shared
          }
        ),
        (
          "close",
          { m, a in
            try (a[0] as! RunnerObject).close(m)
            return NoneObject.shared
          }
        ),
        (
          "get_loop",
          { m, a in
            let l = try (a[0] as! RunnerObject).lazyLoop(m)
            return m.loopObject(for: l)
          }
        ),
        (
          "run",
          { m, a in
            let r = a[0] as! RunnerObject
            guard a.count >= 2, let g = a[1] as? GeneratorObject, g.isCoroutine else {
              throw valueError("a coroutine was expected, got \(try m.repr(a.count >= 2 ? a[1] : NoneObject.shared))")
            }
            if m.loop != nil { throw runtimeError("Runner.run() cannot be called from a running event loop") }
            let l = try r.lazyLoop(m)
            m.lastAsyncioRunLine = m.learnerLine
            return try m.runUntilComplete(l, g, through: .runner)
          }
        ),
      ])
    t.construct = { m, cls, a in
      try PythonSignature.asyncio("Runner", m.version)?.check(a, version: m.version)
      return RunnerObject(type: cls)
    }
    return t
  }()

  func close(_ m: Machine) throws {
    if closed { return }
    closed = true
    if let l = eventLoop { try m.shutDownAndClose(l) }
    if setPolicyLoop { m.policyLoop = nil }
  }
}
