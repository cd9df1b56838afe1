import AsyncioModel
import PythonValues

extension Machine {
  /// `asyncio.run(main())`.
  func asyncioRun(_ a: Args) throws -> PyObject {
    guard let main = a.get(0, "main") else { throw typeError("run() missing 1 required positional argument: 'main'") }
    // Debug mode logs every slow step with the task's repr and real durations.
    if let debug = a.get(1, "debug"), !(debug is NoneObject), try truthy(debug) {
      throw refuse(
        "asyncio.run(debug=True)",
        "asyncio's debug mode logs slow callbacks with the task's repr and their real duration, which lesson does not reproduce"
      )
    }
    if loop != nil {
      // asyncio.run's own frame holds `main` in CPython: it dies with the exception's traceback.
      let e = ExceptionObject(Types.RuntimeError, "asyncio.run() cannot be called from a running event loop")
      e.keptObjects.append(main)
      throw e
    }
    // The program's coroutine, or one of asyncio's (`asyncio.wait_for(main(), 5)`).
    let coro: Coroutine
    if let g = main as? GeneratorObject, g.isCoroutine {
      g.awaited = true
      coro = g
    } else if let a = main as? AwaitableObject, a.type === Types.coroutine, !a.used {
      a.used = true
      coro = a.coroutine
    } else {
      throw valueError("a coroutine was expected, got \(try repr(main))")
    }
    lastAsyncioRunLine = learnerLine
    let l = try openEventLoop()
    loop = l
    let below = framesBelowLoop
    framesBelowLoop = frames.count
    // asyncio.run sets its loop as the policy's, and None when it ends.
    policyLoopSet = true
    policyLoop = l
    defer {
      // What the tasks' coroutines held goes while the loop still runs, as in CPython, where it
      // dies when each coroutine returns, inside the loop's callback.
      futureObjects.removeAll()
      framesBelowLoop = below
      closeEventLoop(l)
      loop = nil
      policyLoop = nil
    }
    // AsyncioRun.run, in its two halves, so that the machine knows when the cleanup runs.
    let mainTask = l.createTask(coro)
    let before = l.iterations
    var outcome = AsyncioRun.Outcome(
      end: l.runUntilComplete(mainTask, maxIterations: budgets.steps), main: mainTask, failedAtShutdown: [])
    if outcome.end == .completed {
      // CPython cancels what is left in the order of a set of tasks (by memory address): with
      // two or more, what they print while cancelled comes in an order lesson cannot know.
      cancelledAtShutdown = l.allTasks.count
      defer { cancelledAtShutdown = 0 }
      let (end, failed) = AsyncioRun.shutdown(l, maxIterations: max(1, budgets.steps - (l.iterations - before)))
      outcome.end = end
      outcome.failedAtShutdown = failed
    }
    if let h = halt { throw h }
    switch outcome.end {
    case .completed:
      for t in outcome.failedAtShutdown {
        if let e = t.exception as? ExceptionObject { try reportShutdownError(e, task: t) }
      }
      collectUnretrieved(except: outcome.main)
      switch outcome.main.outcome() {
      case .value(let v):
        try reportUnretrieved()
        return pyValue(v)
      case .error(let e): throw (e as! ExceptionObject).leavingLoop(.run, version: version)
      }
    case .deadlock:
      throw Halt.deadlock(deadlockDescription(outcome.main))
    case .outOfSteps, .interrupted:
      throw Halt.budget("steps: the event loop ran more than \(budgets.steps) iterations")
    case .exited:
      guard let e = l.takeEscaping() as? ExceptionObject else { throw Halt.budget("the program stopped the loop") }
      // As the runner's close() does before SystemExit goes on: cancel what is left (main's
      // finally blocks run) and run it to its end.
      cancelledAtShutdown = l.allTasks.count
      defer { cancelledAtShutdown = 0 }
      let (end, _) = AsyncioRun.shutdown(l, maxIterations: max(1, budgets.steps - (l.iterations - before)))
      if let h = halt { throw h }
      if end == .exited, let again = l.takeEscaping() as? ExceptionObject {
        // A task the shutdown woke re-raised it, which stopped the shutdown itself. The tasks
        // still pending are then destroyed as the interpreter exits: CPython closes their
        // coroutines (their `finally` blocks run, and print) in an order of its own collector.
        if !l.allTasks.isEmpty {
          throw Halt.refused(
            line: lastAsyncioRunLine ?? learnerLine, column: 1,
            construct: "\(again.type.name) while asyncio.run() cancels the tasks left",
            why:
              "a task re-raised it as asyncio.run() was cancelling the others, so \(l.allTasks.count == 1 ? "one task was" : "\(l.allTasks.count) tasks were") "
              + "left pending; CPython closes such tasks as the interpreter exits, in an order of its garbage collector, which lesson does not reproduce"
          )
        }
        // Main, awaiting a gather whose call exited: nothing asks for its exception, and CPython
        // logs it as the interpreter exits.
        let tasks = [mainTask] + futureObjects.values.compactMap({ $0.future as? Task }).filter { $0 !== mainTask }
        for t in tasks.sorted(by: { $0.serial < $1.serial }) where t.unretrievedException === again {
          unretrievedAtExit.append((neverRetrievedMessage(t, again, coroutine: t === mainTask ? main : nil), again))
        }
        throw again
      }
      throw e
    }
  }

  func deadlockDescription(_ main: Task) -> String {
    var waiting: [String] = []
    for t in loop?.allTasks ?? [] {
      if let g = t.innermostFrame as? GeneratorObject {
        waiting.append("\(g.function.qualname)() at line \(g.frame.line)")
      } else if let g = futureObjects[ObjectIdentifier(t)]?.coroutine as? GeneratorObject {
        waiting.append("\(g.function.qualname)() at line \(g.frame.line)")
      } else {
        waiting.append(t.name)
      }
    }
    if waiting.isEmpty { return "every task is waiting and nothing can wake them" }
    return "every task is waiting and nothing can wake them: " + waiting.prefix(3).joined(separator: ", ")
  }

  /// A NaN delay or deadline: CPython puts a timer at NaN, where the loop's order (and in 3.13
  /// the selector) fails in ways of its own.
  func refuseNaN(_ what: String) throws {
    throw Halt.refused(
      line: learnerLine, column: learnerColumn, construct: "\(what) with a NaN time",
      why: "Python sets a timer at NaN, which its loop orders unpredictably; give a number")
  }

  func runningLoop(_ what: String) throws -> EventLoop {
    guard let l = loop else {
      throw Halt.refused(
        line: learnerLine, column: learnerColumn, construct: "asyncio.\(what)",
        why: "it is called outside asyncio.run(), which lesson does not run yet")
    }
    return l
  }

  /// The loop a primitive binds to: made outside a loop, it binds when first used (3.10+).
  func loopForPrimitive() throws -> EventLoop {
    guard let l = loop else {
      throw Halt.refused(
        line: learnerLine, column: learnerColumn, construct: "asyncio primitive outside asyncio.run",
        why:
          "making a Semaphore, Lock, Event or Queue before asyncio.run() is not run by lesson yet; make it inside main()"
      )
    }
    return l
  }

  func awaitable(_ x: PyObject, for what: String) throws -> Awaitable {
    switch x {
    case let g as GeneratorObject where g.isCoroutine:
      if g.awaited { throw runtimeError("cannot reuse already awaited coroutine") }
      g.awaited = true
      return .coroutine(g)
    case let f as FutureObject:
      if let l = loop, f.future.loop !== l {
        throw Halt.refused(
          line: learnerLine, column: learnerColumn, construct: "a future of another event loop",
          why:
            "Python raises an error naming the task and the future with their addresses, which lesson does not reproduce"
        )
      }
      return .future(f.future)
    case let a as AwaitableObject:
      a.used = true
      return .coroutine(LibraryTaskCoroutine(a, version: version))
    default:
      if what == "wait_for" || what == "shield" || what == "ensure_future" {
        throw typeError("An asyncio.Future, a coroutine or an awaitable is required")
      }
      throw typeError("An asyncio.Future, a coroutine or an awaitable is required")
    }
  }

  /// The coroutine `create_task` runs: the program's own, or one of asyncio's (`asyncio.sleep(…)`,
  /// `asyncio.wait_for(…)`, `asyncio.to_thread(…)` are coroutines too); anything else is the
  /// `TypeError` CPython raises.
  func taskCoroutine(_ x: PyObject) throws -> Coroutine {
    switch x {
    case let g as GeneratorObject where g.isCoroutine:
      g.awaited = true
      return g
    case let a as AwaitableObject where a.type === Types.coroutine:
      if a.used { throw runtimeError("cannot reuse already awaited coroutine") }
      a.used = true
      return LibraryTaskCoroutine(a, version: version)
    default:
      throw typeError("a coroutine was expected, got \(try repr(x))")
    }
  }

  func register(_ f: Future) {
    if f is Task { _ = futureObject(f) }
  }

  func futureObject(_ f: Future) -> FutureObject {
    if let o = futureObjects[ObjectIdentifier(f)] { return o }
    let type =
      f is Task
      ? AsyncioModule.taskType : (f is GatheringFuture ? AsyncioModule.gatheringFutureType : AsyncioModule.futureType)
    let o = FutureObject(f, type: type)
    futureObjects[ObjectIdentifier(f)] = o
    return o
  }

  func countTask() throws {
    if (loop?.liveCount ?? 0) > budgets.tasks {
      throw Halt.budget("tasks: the program made more than \(budgets.tasks) tasks at once")
    }
  }

  /// A value from the model as a Python object.
  func pyValue(_ v: LoopValue) -> PyObject {
    switch v {
    case let o as PyObject: return o
    case let g as GatheredValues:
      return ListObject(
        g.items.map { item in
          switch item {
          case .value(let x): return pyValue(x)
          case .error(let e): return (e as? ExceptionObject) ?? NoneObject.shared
          }
        })
    case let f as Future: return futureObject(f)
    default: return NoneObject.shared
    }
  }

  func loopObject() -> PyObject { loop.map { loopObject(for: $0) } ?? NoneObject.shared }

  /// The one Python object of an event loop.
  func loopObject(for l: EventLoop) -> LoopObject {
    if let o = loopObjectCache, o.loop === l { return o }
    let o = LoopObject(type: AsyncioModule.loopType)
    o.loop = l
    loopObjectCache = o
    return o
  }

  /// Runs `fn(*args)` as a loop callback (`call_soon`, `call_later`): an exception is reported as
  /// asyncio's default exception handler does, and the loop goes on.
  func callback(_ fn: PyObject, _ args: [PyObject], when: Double? = nil) -> () -> Void {
    { [unowned self] in
      do {
        _ = try self.call(fn, Args(args))
      } catch let e as ExceptionObject {
        self.reportCallbackError(e, callback: fn, arguments: args, when: when)
      } catch let h as Halt {
        self.halt = h
        self.loop?.stop()
      } catch {}
    }
  }
}

/// `asyncio.get_running_loop()`.
final class LoopObject: NativeObject {
  /// What `set_task_factory` was given last (`get_task_factory()`); `nil` for the default.
  var taskFactory: PyObject?
  /// Not owned: the loop may be closed and gone while the program keeps this object.
  var loop: EventLoop? {
    get { loopLink?.object }
    set { loopLink = newValue?.link }
  }
  private var loopLink: LifetimeLink<EventLoop>?
}

/// What `call_soon`/`call_later`/`call_at` return.
final class HandleObject: NativeObject {
  let handle: Handle
  init(_ h: Handle) {
    handle = h
    super.init(type: h is TimerHandle ? AsyncioModule.timerHandleType : AsyncioModule.handleType)
  }
}

extension AsyncioModule {
  /// `asyncio.Handle`, what `call_soon` returns.
  static let handleType = nativeType(
    "Handle", module: "asyncio.events",
    [
      (
        "cancel",
        { _, a in
          (a[0] as! HandleObject).handle.cancel()
          return NoneObject.shared
        }
      ),
      ("cancelled", { _, a in BoolObject.of((a[0] as! HandleObject).handle.cancelled) }),
      // CPython writes the callback and its arguments (and a timer's instant), which lesson does not.
      (
        "__repr__",
        { m, _ in
          throw m.refuse(
            "repr() of a Handle", "Python writes the callback with its arguments, which lesson does not reproduce")
        }
      ),
    ])

  /// `asyncio.TimerHandle`, what `call_later` and `call_at` return: a `Handle` with `when()`.
  static let timerHandleType: TypeObject = {
    let t = nativeType(
      "TimerHandle", module: "asyncio.events",
      [
        (
          "when",
          { _, a in
            FloatObject(Double(((a[0] as! HandleObject).handle as! TimerHandle).when) / 1_000_000)
          }
        )
      ])
    t.bases = [handleType]
    t.mro = [t, handleType, Types.object]
    return t
  }()

  static let loopType: TypeObject = {
    // The loop itself, running or not (callbacks and tasks wait until it runs), unless closed.
    func loop(_ m: Machine, _ o: PyObject) throws -> EventLoop {
      guard let l = (o as? LoopObject)?.loop, !l.isClosed else { throw runtimeError("Event loop is closed") }
      return l
    }
    return nativeType(
      "_UnixSelectorEventLoop", module: "asyncio.unix_events",
      [
        (
          "time",
          { m, a in
            guard let l = (a[0] as? LoopObject)?.loop else { throw runtimeError("Event loop is closed") }
            return FloatObject(l.time)
          }
        ),
        (
          "run_until_complete",
          { m, a in
            guard a.count >= 2 else {
              throw typeError("run_until_complete() missing 1 required positional argument: 'future'")
            }
            guard let l = (a[0] as? LoopObject)?.loop else {
              let e = runtimeError("Event loop is closed")
              e.keptObjects.append(a[1])
              throw e
            }
            return try m.runUntilComplete(l, a[1])
          }
        ),
        (
          "close",
          { m, a in
            guard let l = (a[0] as? LoopObject)?.loop else { return NoneObject.shared }
            if m.loop === l { throw runtimeError("Cannot close a running event loop") }
            // Its pending tasks are destroyed with it: CPython logs each ("Task was destroyed but it
            // is pending!") with the task's repr.
            if !l.isClosed, !l.allTasks.isEmpty {
              throw m.refuse(
                "closing a loop with \(l.allTasks.count) pending task\(l.allTasks.count == 1 ? "" : "s")",
                "Python logs each one destroyed pending, with its coroutine and where it stopped, which lesson does not reproduce; run the loop until they finish"
              )
            }
            if !l.isClosed { m.closeEventLoop(l) }
            return NoneObject.shared
          }
        ),
        (
          "call_soon",
          { m, a in
            guard a.count >= 2 else {
              throw typeError("call_soon() missing 1 required positional argument: 'callback'")
            }
            let l = try loop(m, a[0])
            return HandleObject(l.callSoon(m.callback(a[1], Array(a.positional.dropFirst(2)))))
          }
        ),
        (
          "call_later",
          { m, a in
            guard a.count >= 3, let delay = try m.asDouble(a[1]) else {
              throw typeError("call_later() missing 1 required positional argument: 'callback'")
            }
            if delay.isNaN { try m.refuseNaN("loop.call_later") }
            let l = try loop(m, a[0])
            let when = Double(EventLoop.ticks(ofSeconds: l.time + delay)) / 1_000_000
            return HandleObject(l.callLater(delay, m.callback(a[2], Array(a.positional.dropFirst(3)), when: when)))
          }
        ),
        (
          "call_at",
          { m, a in
            guard a.count >= 3, let when = try m.asDouble(a[1]) else {
              throw typeError("call_at() missing 1 required positional argument: 'callback'")
            }
            if when.isNaN { try m.refuseNaN("loop.call_at") }
            let l = try loop(m, a[0])
            let at = Double(EventLoop.ticks(ofSeconds: when)) / 1_000_000
            return HandleObject(l.callAt(when, m.callback(a[2], Array(a.positional.dropFirst(3)), when: at)))
          }
        ),
        (
          "run_in_executor",
          { m, a in
            guard a.count >= 3 || a.count == 2 else {
              throw typeError("run_in_executor() missing 1 required positional argument: 'func'")
            }
            if !(a[1] is NoneObject) {
              throw Halt.refused(
                line: m.learnerLine, column: m.learnerColumn, construct: "run_in_executor with an executor",
                why: "only the default executor (None) is run by lesson")
            }
            return try m.submitToExecutor(a[2], Args(Array(a.positional.dropFirst(3))))
          }
        ),
        (
          "create_task",
          { m, a in
            // `self._check_closed()`, then the Task checks what it was given.
            let coro = a.get(1, "coro") ?? NoneObject.shared
            guard let l = (a[0] as? LoopObject)?.loop, !l.isClosed else {
              // The coroutine dies with the exception's traceback, never awaited.
              let e = runtimeError("Event loop is closed")
              e.keptObjects.append(coro)
              throw e
            }
            let name = try a.keyword("name").flatMap { $0 is NoneObject ? nil : try m.str($0) }
            let coroutine = try m.taskCoroutine(coro)
            try m.countTask()
            let task = l.createTask(coroutine, name: name)
            let object = m.futureObject(task)
            object.coroutine = coro as? GeneratorObject
            return object
          }
        ),
        ("create_future", { m, a in m.futureObject(Future(loop: try loop(m, a[0]))) }),
        ("is_running", { m, a in BoolObject.of((a[0] as? LoopObject)?.loop === m.loop && m.loop != nil) }),
        ("is_closed", { m, a in BoolObject.of((a[0] as? LoopObject)?.loop?.isClosed ?? true) }),
        (
          "set_task_factory",
          { m, a in
            guard let o = a[0] as? LoopObject, a.count == 2 else {
              throw typeError("set_task_factory() takes 2 positional arguments but \(a.count) were given")
            }
            let factory = a[1]
            if factory is NoneObject {
              o.taskFactory = nil
              o.loop?.eagerTaskFactory = false
              return NoneObject.shared
            }
            guard let f = factory as? BuiltinFunctionObject, f.isEagerTaskFactory else {
              let callable =
                factory is FunctionObject || factory is BuiltinFunctionObject || factory is MethodObject
                || factory is TypeObject || factory.type.lookup("__call__") != nil
              if !callable { throw typeError("task factory must be a callable or None") }
              throw m.refuse(
                "a task factory of the program's own",
                "only asyncio.eager_task_factory is run by lesson as loop.set_task_factory's factory")
            }
            o.taskFactory = f
            o.loop?.eagerTaskFactory = true
            return NoneObject.shared
          }
        ),
        ("get_task_factory", { m, a in (a[0] as? LoopObject)?.taskFactory ?? NoneObject.shared }),
      ])
  }()
}

extension Machine {
  /// `to_thread`'s body, run when its coroutine first runs; `calledAt` is where the program
  /// called it, which a refusal names.
  func toThread(_ a: Args, calledAt: (line: Int, column: Int)) throws -> PyObject {
    let f = try submitToExecutor(a[0], Args(Array(a.positional.dropFirst()), keywords: a.keywords), calledAt: calledAt)
    let made = AwaitableObject("to_thread", coroutine: OneShotCoroutine { _ in .awaitFuture((f as! FutureObject).future) })
    made.library = .toThread
    return made
  }

  func submitToExecutor(_ fn: PyObject, _ args: Args, calledAt: (line: Int, column: Int)? = nil) throws -> PyObject {
    let l = try runningLoop("to_thread")
    if l.defaultExecutor.running >= Executor.workersOnEveryMachine {
      throw Halt.refused(
        line: calledAt?.line ?? learnerLine, column: calledAt?.column ?? learnerColumn,
        construct: "more than \(Executor.workersOnEveryMachine) worker threads at once", why:
        "asyncio's default pool has min(32, os.cpu_count() + 4) threads, so whether this call waits for a free one "
          + "depends on the machine's cores; keep at most \(Executor.workersOnEveryMachine) to_thread calls running at once "
          + "(a Semaphore around them does it)")
    }
    let future = l.defaultExecutor.submit { [unowned self] in
      let before = self.threadTicks
      let sleptBefore = self.workerSlept
      let rootsBefore = self.workerRoots
      let outputBefore = self.workerOutput
      self.inWorker += 1
      self.workerSlept = false
      self.workerOutput = []
      self.workerRoots =
        [fn] + args.positional + args.keywords.map(\.1) + ((fn as? FunctionObject).map { [$0.globals] } ?? [])
      defer {
        self.replayWorkerOutput(self.workerOutput, on: l)
        self.inWorker -= 1
        self.workerSlept = sleptBefore
        self.workerRoots = rootsBefore
        self.workerOutput = outputBefore
      }
      self.threadTicks = 0
      let outcome: Resumption
      do {
        outcome = .value(try self.call(fn, args))
      } catch let e as ExceptionObject {
        // `_WorkItem.run`'s frame, where the worker called the function.
        if let frame = LibraryFrame.executorRun(version: self.version), !e.throughLibrary {
          e.traceback.append(frame.entry)
          e.raisedInWorker = true
        } else {
          e.throughLibrary = true
        }
        outcome = .error(e)
      } catch let h as Halt {
        self.halt = h
        outcome = .error(ExceptionObject(Types.Halt, []))
      } catch {
        outcome = .error(runtimeError("\(error)"))
      }
      let seconds = Double(self.threadTicks) / 1_000_000
      self.threadTicks = before
      // The call that handed it over spends this time waiting, not computing.
      if let facts = self.runningTaskFacts, self.inWorker == 1 { facts.facts.offloaded += max(0, seconds) }
      return (outcome, seconds)
    }
    return futureObject(future)
  }

  /// Writes what a worker wrote after it slept when CPython's worker writes it: each `time.sleep`
  /// in a worker sets a timer on the loop and the worker goes on when it fires, so what follows
  /// a sleep is written then, and the next sleep's timer is set at that moment. The worker's run
  /// cannot depend on the loop meanwhile (``Machine/workerReads(_:binding:)`` refuses that).
  func replayWorkerOutput(_ output: [(ticks: Int64, text: String, toStderr: Bool)], on loop: EventLoop) {
    guard let first = output.first else { return }
    let batch = output.prefix { $0.ticks == first.ticks }
    let rest = Array(output.dropFirst(batch.count))
    let write = { [unowned self, unowned loop] in
      do {
        for piece in batch { try self.write(piece.text, toStderr: piece.toStderr) }
      } catch let h as Halt {
        self.halt = self.halt ?? h
        loop.stop()
        return
      } catch {
        self.halt = self.halt ?? .budget("\(error)")
        loop.stop()
        return
      }
      if !rest.isEmpty {
        // The next sleep's timer, set now: its instant counts from this one.
        self.replayWorkerOutput(rest.map { ($0.ticks - first.ticks, $0.text, $0.toStderr) }, on: loop)
      }
    }
    loop.schedule(at: Machine.later(loop.ticks, first.ticks), .closure(write))
  }

  func asyncioWait(_ a: Args) throws -> PyObject {
    _ = try runningLoop("wait")
    guard let fs = a.get(0, "fs") else { throw typeError("wait() missing 1 required positional argument: 'fs'") }
    // `fs = set(fs)`: CPython registers its callbacks in a set's order, which decides nothing.
    let items = try iterateUnordered(fs)
    if items.isEmpty {
      throw valueError(version.minor == 10 ? "Set of coroutines/Futures is empty." : "Set of Tasks/Futures is empty.")
    }
    var futures: [Future] = []
    for x in items {
      switch x {
      case let f as FutureObject: futures.append(f.future)
      case let g as GeneratorObject where g.isCoroutine:
        // 3.10 wraps them in tasks in the set's order, with a DeprecationWarning.
        if version.minor >= 11 { throw typeError("Passing coroutines is forbidden, use tasks explicitly.") }
        throw Self.coroutinesInASet("wait", learnerLine, learnerColumn)
      case let c as AwaitableObject where c.type === Types.coroutine:
        if version.minor >= 11 { throw typeError("Passing coroutines is forbidden, use tasks explicitly.") }
        throw Self.coroutinesInASet("wait", learnerLine, learnerColumn)
      default: throw typeError("expect a list of futures, not \(typeName(x))")
      }
    }
    let timeoutObj = a.keyword("timeout") ?? (a.count > 1 ? a[1] : NoneObject.shared)
    let timeout: Double? = timeoutObj is NoneObject ? nil : try asDouble(timeoutObj)
    if timeout?.isNaN == true { try refuseNaN("a timeout") }
    let rwObj = a.keyword("return_when") ?? (a.count > 2 ? a[2] : StrObject("ALL_COMPLETED"))
    guard let rw = Wait.ReturnWhen(rawValue: try str(rwObj)) else {
      throw valueError("Invalid return_when value: \(try str(rwObj))")
    }
    let w = Wait(futures, timeout: timeout, returnWhen: rw)
    let wrapper = WaitResult(w, machine: self)
    return AwaitableObject("wait", coroutine: wrapper)
  }

  /// `asyncio.wait` (3.10) and `as_completed` given coroutines make their tasks in the order of
  /// `set(fs)`, which memory addresses decide: CPython starts them in another order on every run.
  static func coroutinesInASet(_ function: String, _ line: Int, _ column: Int) -> Halt {
    .refused(
      line: line, column: column, construct: "asyncio.\(function)() given coroutines",
      why: "Python makes their tasks in the order of a set, which memory addresses decide, so the calls start "
        + "in a different order from run to run; make the tasks first: "
        + "asyncio.\(function)([asyncio.create_task(c) for c in coros])")
  }

  func asCompleted(_ a: Args) throws -> PyObject {
    let loop = try runningLoop("as_completed")
    guard let fs = a.get(0, "fs") else {
      throw typeError("as_completed() missing 1 required positional argument: 'fs'")
    }
    let items = try iterate(fs)
    if items.count(where: { !($0 is FutureObject) }) > 1 {
      throw Self.coroutinesInASet("as_completed", learnerLine, learnerColumn)
    }
    var aws: [Awaitable] = []
    for x in items { aws.append(try awaitable(x, for: "as_completed")) }
    let timeoutObj = a.get(1, "timeout") ?? NoneObject.shared
    let timeout: Double? = timeoutObj is NoneObject ? nil : try asDouble(timeoutObj)
    if timeout?.isNaN == true { try refuseNaN("a timeout") }
    let ac = AsCompleted(aws, timeout: timeout, loop: loop)
    let iterator = IteratorObject("as_completed") {
      guard let c = ac.next() else { return nil }
      let made = AwaitableObject("as_completed", coroutine: c)
      made.library = .asCompletedOne
      return made
    }
    if version.minor >= 13 {
      // `async for` gives the futures themselves, as they finish (`__anext__`).
      iterator.asyncNext = { [unowned self] in
        guard let c = ac.next(resolve: false) else { return nil }
        return AwaitableObject(
          "__anext__",
          coroutine: AwaitingCoroutine(
            self, first: { .awaitCoroutine(c) }, then: { [unowned self] v in self.futureObject(v as! Future) }))
      }
    }
    return iterator
  }

  /// An exception a loop callback raised: asyncio's default handler logs "Exception in callback
  /// report(...) at file:line" with the handle and the traceback, and the loop goes on. The
  /// traceback has a frame of asyncio's own (`events.py`, `_run`) that lesson leaves out, so the
  /// report is made only where that frame is not printed to a stream the comparison reads whole:
  /// when no logging handler of the program's own would take it (it goes to stderr).
  func reportCallbackError(_ e: ExceptionObject, callback: PyObject, arguments: [PyObject] = [], when: Double? = nil) {
    func refuse(_ why: String) {
      halt = halt ?? .refused(line: learnerLine, column: learnerColumn, construct: "an exception in a loop callback", why: why)
      loop?.stop()
    }
    guard let source = try? callbackSource(callback, arguments) else {
      return refuse("asyncio's report names the callback and its arguments, which lesson writes only for functions of the program's own given futures, strings and numbers")
    }
    if loggingTakesAsyncioRecords() {
      return refuse("asyncio logs it with a traceback through its own events.py, which lesson does not reproduce, to the logging handlers the program set up; catch the exception inside the callback")
    }
    let kind = when.map { "TimerHandle when=\(PyFloat.repr($0))" } ?? "Handle"
    do {
      try asyncioLogError("Exception in callback \(source)\nhandle: <\(kind) \(source)>", e)
    } catch let h as Halt {
      halt = halt ?? h
      loop?.stop()
    } catch {
      refuse("its report could not be written")
    }
  }

  /// `format_helpers._format_callback_source(callback, args)`: the callback's qualified name, its
  /// arguments as `reprlib.repr` shortens them (3.13 leaves them out), and where it is defined.
  func callbackSource(_ callback: PyObject, _ arguments: [PyObject]) throws -> String {
    // A function says where it is defined; a bound method does not (`_get_function_source`).
    let function: FunctionObject
    var source: FunctionObject?
    switch callback {
    case let f as FunctionObject:
      function = f
      source = f
    case let m as MethodObject:
      guard let f = m.function as? FunctionObject else { throw Halt.budget("not a function") }
      function = f
    default: throw Halt.budget("not a function")
    }
    var text = function.qualname
    if version.minor >= 13 {
      text += "()"
    } else {
      let items = try arguments.map { try shortRepr($0) }
      text += "(" + items.joined(separator: ", ") + ")"
    }
    guard let source else { return text }
    return text + " at \(source.code.filename):\(source.code.firstLine)"
  }

  /// `reprlib.repr` for the arguments a callback is given: a string to 30 characters, an int to
  /// 40 digits, a future or a number to 30 characters of its repr.
  func shortRepr(_ o: PyObject) throws -> String {
    func cut(_ s: String, _ most: Int) -> String {
      guard s.count > most else { return s }
      let i = max(0, (most - 3) / 2), j = max(0, most - 3 - i)
      return String(s.prefix(i)) + "..." + String(s.suffix(j))
    }
    switch o {
    case let s as StrObject where s.type === Types.str:
      var r = try repr(StrObject(String(s.value.prefix(30))))
      if r.count > 30 {
        let i = max(0, (30 - 3) / 2), j = max(0, 30 - 3 - i)
        r = try repr(StrObject(String(s.value.prefix(i)) + String(s.value.suffix(j))))
        r = String(r.prefix(i)) + "..." + String(r.suffix(j))
      }
      return r
    case let i as IntObject where i.type === Types.int: return cut(try repr(i), 40)
    case let f as FutureObject: return cut(try doneFutureRepr(f), 30)
    case is FloatObject, is NoneObject, is BoolObject: return cut(try repr(o), 30)
    default: throw Halt.budget("an argument lesson does not shorten")
    }
  }

  /// The repr of a future or task that is done, as its done-callbacks see it (`_future_repr_info`,
  /// `_task_repr_info`: no callbacks left, the result shortened by `reprlib`).
  func doneFutureRepr(_ f: FutureObject) throws -> String {
    let future = f.future
    guard future.isDone, type(of: future) == Future.self || future is Task else {
      throw Halt.budget("a future lesson does not write")
    }
    var info = [future.isCancelled ? "cancelled" : "finished"]
    if !future.isCancelled {
      if let e = future.exceptionUnretrieved {
        guard let e = e as? ExceptionObject else { throw Halt.budget("a future lesson does not write") }
        info.append("exception=\(try repr(e))")
      } else {
        guard let value = pyValueIfPlain(future.value) else { throw Halt.budget("a future lesson does not write") }
        info.append("result=\(try shortRepr(value))")
      }
    }
    guard let task = future as? Task else { return "<Future \(info.joined(separator: " "))>" }
    info.insert("name=\(try repr(StrObject(task.name)))", at: 1)
    if !task.coroutineDropped {
      guard let g = f.coroutine as? GeneratorObject else { throw Halt.budget("a task lesson does not write") }
      info.insert("coro=<\(g.function.qualname)() done, defined at \(g.function.code.filename):\(g.function.code.firstLine)>", at: 2)
    }
    return "<Task \(info.joined(separator: " "))>"
  }

  /// A future's value as the program's object, when it is one `shortRepr` writes.
  func pyValueIfPlain(_ value: LoopValue) -> PyObject? {
    let o = pyValue(value)
    switch o {
    case is StrObject, is IntObject, is FloatObject, is NoneObject, is BoolObject: return o
    default: return nil
    }
  }

  /// Whether a logging handler the program set up would take asyncio's records (else the last
  /// resort writes them to stderr).
  func loggingTakesAsyncioRecords() -> Bool {
    guard let logging = modules["logging"], let getLogger = logging.dict.getStr("getLogger") else { return false }
    for name: PyObject in [NoneObject.shared, StrObject("asyncio")] {
      guard let logger = try? call(getLogger, Args(name is NoneObject ? [] : [name])),
        let handlers = try? getAttribute(logger, "handlers"), let list = handlers as? ListObject
      else { return true }
      if !list.items.isEmpty { return true }
    }
    return false
  }

  /// "Task exception was never retrieved", for the program's tasks that failed unobserved.
  /// The program's failed tasks nobody asked about. CPython logs each when the task is collected:
  /// when `asyncio.run` returns, or, when it raised, after the traceback (the traceback keeps the
  /// tasks alive until the interpreter exits).
  func collectUnretrieved(except main: Task) {
    // A gather nobody awaited whose outcome is an exception (the classic forgotten await: its
    // children are cancelled as asyncio.run ends): CPython logs it when it frees the future. The
    // traceback shows the program's lines; asyncio's own are left out, as in every traceback.
    let gathers = futureObjects.values.compactMap { $0.future as? GatheringFuture }
    for g in gathers {
      guard let e = g.unretrievedException as? ExceptionObject else { continue }
      let message =
        "_GatheringFuture exception was never retrieved\nfuture: <_GatheringFuture finished exception=\((try? repr(e)) ?? "?")>"
      unretrieved.append((message, e))
      if observation.gatherNeverAwaitedLine == nil {
        observation.gatherNeverAwaitedLine = gatherLines[ObjectIdentifier(g)]
      }
    }
    // A future of the program's own (`loop.create_future()`, `run_in_executor`) that finished with
    // an exception nobody asked for: CPython logs it when it frees the future.
    for object in futureObjects.values where ObjectIdentifier(type(of: object.future)) == ObjectIdentifier(Future.self) {
      guard let e = object.future.unretrievedException as? ExceptionObject else { continue }
      unretrieved.append(
        ("Future exception was never retrieved\nfuture: <Future finished exception=\((try? repr(e)) ?? "?")>", e))
    }
    let tasks = futureObjects.values.compactMap { $0.future as? Task }.filter { $0 !== main }.sorted {
      $0.serial < $1.serial
    }
    for t in tasks {
      guard let e = t.unretrievedException as? ExceptionObject else { continue }
      unretrieved.append((neverRetrievedMessage(t, e), e))
    }
  }

  /// asyncio's message for a task whose exception nothing asked for.
  func neverRetrievedMessage(_ t: Task, _ e: ExceptionObject, coroutine: PyObject? = nil) -> String {
    var coro = ""
    if !t.coroutineDropped, let g = (coroutine ?? futureObjects[ObjectIdentifier(t)]?.coroutine) as? GeneratorObject {
      coro =
        " coro=<\(g.function.qualname)() done, defined at \(g.function.code.filename):\(g.function.code.firstLine)>"
    }
    return
      "Task exception was never retrieved\nfuture: <Task finished name='\(t.name)'\(coro) exception=\((try? repr(e)) ?? "?")>"
  }

  /// Logs what `collectUnretrieved` found.
  func reportUnretrieved() throws {
    let pending = unretrieved
    unretrieved = []
    if pending.count > 1 {
      throw Halt.refused(
        line: learnerLine, column: learnerColumn, construct: "\(pending.count) task exceptions never retrieved",
        why:
          "Python reports each when it frees the task, in an order that depends on what still holds the tasks; await the tasks or gather them with return_exceptions=True"
      )
    }
    for (message, e) in pending { try asyncioLogError(message, e) }
  }

  /// asyncio's default exception handler: `logging.getLogger("asyncio").error(message, exc_info=e)`,
  /// which without a configured handler prints the message and the traceback on stderr.
  func asyncioLogError(_ message: String, _ e: ExceptionObject) throws {
    if let logging = modules["logging"], let getLogger = logging.dict.getStr("getLogger") {
      let logger = try call(getLogger, Args([StrObject("asyncio")]))
      _ = try callMethod(logger, StrObject("error"), Args([StrObject(message)], keywords: [("exc_info", e)]))
      return
    }
    try write(message + "\n" + (try formatTraceback(e, fromModule: true)), toStderr: true)
  }

  func reportShutdownError(_ e: ExceptionObject, task: Task) throws {
    if failedShutdownReports > 0 {
      throw Halt.refused(
        line: learnerLine, column: learnerColumn, construct: "several tasks failing as asyncio.run cancels them",
        why: "Python reports them in the order of a set of tasks, which depends on memory addresses")
    }
    failedShutdownReports += 1
    try asyncioLogError(
      "unhandled exception during asyncio.run() shutdown\ntask: <Task finished name='\(task.name)'>", e)
  }
}

/// `await asyncio.wait(...)`: the model's `Wait`, whose result becomes `(done, pending)` sets.
final class WaitResult: Coroutine {
  let wait: Wait
  unowned let machine: Machine
  var started = false
  init(_ w: Wait, machine: Machine) {
    wait = w
    self.machine = machine
  }
  func resume(_ input: Resumption, in task: Task) -> CoroutineStep {
    if !started {
      started = true
      if case .error(let e) = input { return .raised(e) }
      return .awaitCoroutine(wait)
    }
    if case .error(let e) = input { return .raised(e) }
    let done = SetObject()
    let pending = SetObject()
    do {
      for f in wait.done { try done.add(machine.futureObject(f), machine) }
      for f in wait.pending { try pending.add(machine.futureObject(f), machine) }
    } catch {
      return .raised(runtimeError("wait"))
    }
    return .returned(TupleObject([done, pending]))
  }
}

/// A coroutine of asyncio's run as a task or a future of its own (`gather(wait_for(...))`,
/// `create_task(asyncio.sleep(1))`), not awaited by the program: what it raises went through its
/// frames, as when the program awaits it (``LibraryAwait``).
final class LibraryTaskCoroutine: Coroutine {
  let coroutine: Coroutine
  let library: LibraryAwait?
  let version: PythonVersion
  private var started = false

  init(_ awaitable: AwaitableObject, version: PythonVersion) {
    coroutine = awaitable.coroutine
    library = awaitable.library
    self.version = version
  }

  func resume(_ input: Resumption, in task: AsyncioModel.Task) -> CoroutineStep {
    guard started else {
      started = true
      return .awaitCoroutine(coroutine)
    }
    switch input {
    case .value(let value): return .returned(value)
    case .error(let error):
      if let x = error as? ExceptionObject, library?.addFrames(to: x, version: version) != true { x.throughLibrary = true }
      return .raised(error)
    }
  }
}
