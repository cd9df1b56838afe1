import AsyncioModel

/// Event loops the program makes itself: `asyncio.new_event_loop()` with `run_until_complete` and
/// `close`, and `asyncio.Runner` (3.11+). The clock is the recordings': a new loop starts at 0 and
/// the program's clock goes on from the loops before it.
extension Machine {
  /// A new loop, which becomes the program's clock.
  func openEventLoop() throws -> EventLoop {
    if let old = openLoop { clockOffset = Self.later(clockOffset, old.ticks) }
    let l = EventLoop(version: version, host: host)
    openLoop = l
    l.asyncGeneratorClosers = { [weak self] in self?.closeLiveAsyncGenerators() ?? [] }
    l.contextOfNewTask = { [weak self] in self?.contextForNewTask() }
    // A new selector event loop logs which selector it uses (seen when logging is at DEBUG).
    if let logging = modules["logging"], let hook = logging.dict.getStr("_lesson_loop_created") {
      _ = try call(hook, Args())
    }
    return l
  }

  /// `shutdown_asyncgens()`: the async generators still suspended, each to `aclose()`. The loop
  /// keeps them in a weak set, so with two or more the order is the set's, which lesson cannot know.
  func closeLiveAsyncGenerators() -> [Awaitable] {
    let live = asyncGenerators.compactMap(\.generator).filter { $0.frame.started && !$0.frame.finished }
    asyncGenerators = []
    if live.count > 1 {
      halt = halt ?? .refused(
        line: lastAsyncioRunLine ?? learnerLine, column: 1, construct: "\(live.count) async generators left open as asyncio.run ends",
        why: "Python closes them in the order of a weak set, which memory addresses decide; finish them or call aclose() on each")
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

  /// `loop.run_until_complete(aw)`.
  func runUntilComplete(_ l: EventLoop, _ aw: PyObject) throws -> PyObject {
    if loop != nil { throw runtimeError("This event loop is already running") }
    if l.isClosed { throw runtimeError("Event loop is closed") }
    let future = l.ensureFuture(try awaitable(aw, for: "run_until_complete"))
    if let t = future as? Task, let g = aw as? GeneratorObject { futureObject(t).coroutine = g }
    loop = l
    defer { loop = nil }
    let end = l.runUntilComplete(future, maxIterations: budgets.steps)
    if let h = halt { throw h }
    switch end {
    case .completed:
      switch future.outcome() {
      case .value(let v): return pyValue(v)
      case .error(let e): throw e as! ExceptionObject
      }
    case .deadlock:
      throw Halt.deadlock("every task is waiting and nothing can wake them")
    case .outOfSteps, .interrupted:
      throw Halt.budget("steps: the event loop ran more than \(budgets.steps) iterations")
    case .exited:
      if let e = l.escaping as? ExceptionObject { throw e }
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

  func lazyLoop(_ m: Machine) throws -> EventLoop {
    if closed { throw runtimeError("Runner is closed") }
    if let l = eventLoop { return l }
    let l = try m.openEventLoop()
    eventLoop = l
    return l
  }

  static let runnerType: TypeObject = {
    let t = AsyncioModule.nativeType("Runner", module: "asyncio.runners", [
      ("__enter__", { m, a in
        _ = try (a[0] as! RunnerObject).lazyLoop(m)
        return a[0]
      }),
      ("__exit__", { m, a in
        try (a[0] as! RunnerObject).close(m)
        return NoneObject.shared
      }),
      ("close", { m, a in
        try (a[0] as! RunnerObject).close(m)
        return NoneObject.shared
      }),
      ("get_loop", { m, a in
        let l = try (a[0] as! RunnerObject).lazyLoop(m)
        return m.loopObject(for: l)
      }),
      ("run", { m, a in
        let r = a[0] as! RunnerObject
        guard a.count >= 2, let g = a[1] as? GeneratorObject, g.isCoroutine else {
          throw valueError("a coroutine was expected, got \(try m.repr(a.count >= 2 ? a[1] : NoneObject.shared))")
        }
        if m.loop != nil { throw runtimeError("Runner.run() cannot be called from a running event loop") }
        let l = try r.lazyLoop(m)
        m.lastAsyncioRunLine = m.learnerLine
        return try m.runUntilComplete(l, g)
      }),
    ])
    t.construct = { _, cls, _ in RunnerObject(type: cls) }
    return t
  }()

  func close(_ m: Machine) throws {
    if closed { return }
    closed = true
    if let l = eventLoop { try m.shutDownAndClose(l) }
  }
}
