import AsyncioModel
import Synchronization

/// A coroutine of the library written as a Swift closure, run when first resumed.
final class OneShotCoroutine: Coroutine {
  let body: (Task) -> CoroutineStep
  private var done = false
  init(_ body: @escaping (Task) -> CoroutineStep) { self.body = body }
  func resume(_ input: Resumption, in task: Task) -> CoroutineStep {
    if done {
      switch input {
      case .error(let e): return .raised(e)
      case .value(let v): return .returned(v)
      }
    }
    done = true
    if case .error(let e) = input { return .raised(e) }
    return body(task)
  }
}

/// A coroutine of the library that awaits something of the program's first (`await
/// self.acquire()` in `__aenter__`), then returns what `then` makes of its result.
final class AwaitingCoroutine: Coroutine {
  let first: () throws -> CoroutineStep
  let then: (LoopValue) -> PyObject
  private let machineLink: LifetimeLink<Machine>
  private var started = false
  init(_ machine: Machine, first: @escaping () throws -> CoroutineStep, then: @escaping (LoopValue) -> PyObject) {
    self.machineLink = machine.link
    self.first = first
    self.then = then
  }
  func resume(_ input: Resumption, in task: Task) -> CoroutineStep {
    guard started else {
      started = true
      if case .error(let e) = input { return .raised(e) }
      guard let machine = machineLink.object else { return .raised(runtimeError("the program's run has ended")) }
      return machine.step(first)
    }
    switch input {
    case .error(let e): return .raised(e)
    case .value(let v): return .returned(then(v))
    }
  }
}

/// Python's `asyncio`, on the model.
enum AsyncioModule {
  /// A program's own `asyncio`: a copy of its version's shared namespace (the classes and
  /// functions hold no state of a run), with the parts that belong to this run.
  static func make(_ m: Machine) -> ModuleObject {
    let template = templates.withLock { cache in
      if let t = cache[m.version.minor] { return t }
      let t = makeTemplate(m)
      cache[m.version.minor] = t
      return t
    }
    let mod = ModuleObject("asyncio", dict: template.copy())
    let d = mod.dict
    // Not owned: the machine holds its modules, which hold this class and its comparison, so a
    // strong reference would keep every run's machine alive for ever.
    nonisolated(unsafe) let machineLink = m.link
    let priorityQueue = queueType(
        m,
        .priority({ a, b in
          guard let machine = machineLink.object, let x = a as? PyObject, let y = b as? PyObject else { return false }
          // A Python exception comes out of put/get; a budget or refusal stops the program.
          do {
            return try machine.lessThan(x, y)
          } catch let h as Halt {
            machine.halt = h
            throw ExceptionObject(Types.Halt, [])
          }
        }), "PriorityQueue", bases: [d.getStr("Queue") as! TypeObject])
    m.classesMade.append(priorityQueue)
    d.setStr("PriorityQueue", priorityQueue)
    if m.source.contains("Condition") || (m.version.minor >= 11 && m.source.contains("Barrier")) {
      m.modules["asyncio"] = mod
      try? AsyncioCondition.load(m, into: mod)
    }
    return mod
  }

  static let templates = Locked<[Int: DictObject]>([:])

  /// asyncio's functions that CPython writes as `async def` (3.10 to 3.13).
  static let asyncDefFunctions: Set<String> = ["sleep", "wait_for", "wait", "to_thread"]
  /// The methods of asyncio's classes that CPython writes as `async def`.
  static let asyncDefMethods: Set<String> = [
    "acquire", "wait", "wait_for", "get", "put", "join", "__aenter__", "__aexit__",
  ]

  /// The namespace shared by every run under one version. No closure here may keep `m`: each
  /// gets the running machine as its argument.
  static func makeTemplate(_ m: Machine) -> DictObject {
    let d = DictObject()
    func fn(_ name: String, _ body: @escaping BuiltinFunctionObject.Body) {
      // A call asyncio would refuse (an unknown keyword, too many arguments) raises its TypeError.
      let function: BuiltinFunctionObject
      if let signature = PythonSignature.asyncio(name, m.version) {
        function = BuiltinFunctionObject(name) { m, a in
          do {
            try signature.check(a, version: m.version)
          } catch let e as ExceptionObject {
            e.raisedBinding = true
            throw e
          }
          return try body(m, a)
        }
      } else {
        function = BuiltinFunctionObject(name, body)
      }
      function.isAsyncioFunction = true
      d.setStr(name, function)
    }
    d.setStr("CancelledError", Types.CancelledError)
    d.setStr("TimeoutError", m.version.minor >= 11 ? Types.TimeoutError : Types.AsyncioTimeoutError310)
    d.setStr("InvalidStateError", Types.InvalidStateError)
    d.setStr("QueueEmpty", Types.QueueEmpty)
    d.setStr("QueueFull", Types.QueueFull)
    if m.version.minor >= 13 { d.setStr("QueueShutDown", Types.QueueShutDown) }
    // CPython's classes have private mixins as bases (`asyncio.locks._ContextManagerMixin`,
    // `asyncio.mixins._LoopBoundMixin`), and the bounded semaphore is a semaphore: `__mro__` and
    // `isinstance` show it.
    let semaphore = semaphoreType(m, bounded: false, bases: [contextManagerMixin, loopBoundMixin])
    d.setStr("Semaphore", semaphore)
    d.setStr("BoundedSemaphore", semaphoreType(m, bounded: true, bases: [semaphore]))
    d.setStr("Lock", lockType(m))
    d.setStr("Event", eventType(m))
    d.setStr("Task", taskType)
    d.setStr("Future", futureType)
    if m.version.minor >= 12 {
      // `create_eager_task_factory(Task)`: a function named `factory`, for set_task_factory.
      func eagerFactory() -> BuiltinFunctionObject {
        let factory = BuiltinFunctionObject("factory") { m, _ in
          throw m.refuse(
            "calling a task factory", "lesson runs asyncio.eager_task_factory as loop.set_task_factory's factory only")
        }
        factory.isAsyncioFunction = true
        factory.isEagerTaskFactory = true
        return factory
      }
      d.setStr("eager_task_factory", eagerFactory())
      fn("create_eager_task_factory") { m, a in
        guard a.count == 1, a[0] === taskType else {
          throw m.refuse(
            "create_eager_task_factory with a task class of the program's own",
            "lesson runs eager tasks of asyncio.Task only")
        }
        return eagerFactory()
      }
    }
    if m.version.minor >= 11 {
      d.setStr("Runner", RunnerObject.runnerType)
      d.setStr("TaskGroup", taskGroupType(m))
      d.setStr("Timeout", timeoutType)
    }
    fn("run") { m, a in try m.asyncioRun(a) }
    fn("sleep") { m, a in
      guard let delayObj = a.get(0, "delay") else {
        throw typeError("sleep() missing 1 required positional argument: 'delay'")
      }
      guard let delay = try m.asDouble(delayObj) else {
        throw typeError("'<=' not supported between instances of '\(m.typeName(delayObj))' and 'int'")
      }
      let result = a.get(1, "result") ?? NoneObject.shared
      if delay.isNaN {
        // 3.13 checks; before, the timer lands at NaN and the loop's heap order is anyone's guess.
        if m.version.minor >= 13 { throw valueError("Invalid delay: NaN (not a number)") }
        try m.refuseNaN("asyncio.sleep")
      }
      m.observeSleep(delay)
      guard let loop = m.loop else {
        return AwaitableObject(
          "sleep", coroutine: OneShotCoroutine { t in .awaitCoroutine(Sleep(delay, result: result, loop: t.loop)) },
          warnsOn: m)
      }
      let made = AwaitableObject("sleep", coroutine: Sleep(delay, result: result, loop: loop), warnsOn: m)
      if delay > 0 { made.library = .sleep }
      return made
    }
    fn("gather") { m, a in
      let loop = try m.loop ?? m.loopForFutures(a.positional.first)
      let returnExceptions = try a.keyword("return_exceptions").map { try m.truthy($0) } ?? false
      for (k, _) in a.keywords where k != "return_exceptions" {
        // Raised as the arguments bind, before gather has a frame to hold them.
        let e = typeError("gather() got an unexpected keyword argument '\(k)'")
        e.raisedBinding = true
        throw e
      }
      var seen: [ObjectIdentifier: Future] = [:]
      var aws: [Awaitable] = []
      for x in a.positional {
        // `arg not in arg_to_fut`: a list or dict given whole is unhashable.
        if !(x is FutureObject || x is GeneratorObject || x is AwaitableObject) { _ = try m.hash(x) }
        if let f = seen[ObjectIdentifier(x)] {
          aws.append(.future(f))
          continue
        }
        let aw = try m.awaitable(x, for: "gather")
        let fut = loop.ensureFuture(aw)
        try m.countTask()
        m.register(fut)
        if case .coroutine(let c) = aw { m.futureObject(fut).coroutine = c as? GeneratorObject }
        seen[ObjectIdentifier(x)] = fut
        aws.append(.future(fut))
      }
      let g = Gather.start(aws, returnExceptions: returnExceptions, loop: loop)
      m.observeGather(
        g, children: aws.compactMap { if case .future(let f) = $0 { return f } else { return nil } },
        returnExceptions: returnExceptions)
      return m.futureObject(g)
    }
    fn("wait_for") { m, a in
      guard let aw = a.get(0, "fut") else {
        throw typeError("wait_for() missing 2 required positional arguments: 'fut' and 'timeout'")
      }
      guard let tObj = a.get(1, "timeout") else {
        throw typeError("wait_for() missing 1 required positional argument: 'timeout'")
      }
      let timeout: Double? = tObj is NoneObject ? nil : try m.asDouble(tObj)
      if timeout?.isNaN == true { try m.refuseNaN("asyncio.wait_for") }
      if timeout == nil, !(tObj is NoneObject) {
        throw typeError("'<=' not supported between instances of '\(m.typeName(tObj))' and 'int'")
      }
      // A coroutine, made at once: its loop is the one that runs it. 3.12+ awaits what it is
      // given, so anything else fails as an await does.
      if m.version.minor >= 12, !(aw is FutureObject || aw is GeneratorObject || aw is AwaitableObject) {
        throw typeError("object \(m.typeName(aw)) can't be used in 'await' expression")
      }
      let awaitable = try m.awaitable(aw, for: "wait_for")
      if let timeout { m.observeTimeoutArmed(timeout) }
      let made = AwaitableObject(
        "wait_for", coroutine: WaitFor.make(awaitable, timeout: timeout, version: m.version), warnsOn: m)
      if case .future(let f) = awaitable, !(f is AsyncioModel.Task) {
        made.library = .waitFor(timeout: timeout, ofFuture: true)
      } else {
        made.library = .waitFor(timeout: timeout, ofFuture: false)
      }
      if let g = aw as? GeneratorObject { made.given = [WeakGenerator(g)] }
      return made
    }
    fn("create_task") { m, a in
      guard let c = a.get(0, "coro") else {
        throw typeError("create_task() missing 1 required positional argument: 'coro'")
      }
      // Outside a running loop (a classic slip: create_task at module level), Python's
      // get_running_loop() raises; the coroutine stays with the traceback, and so dies never
      // awaited as the interpreter exits.
      guard let loop = m.loop else {
        let e = runtimeError("no running event loop")
        e.keptObjects.append(c)
        throw e
      }
      let coroutine = try m.taskCoroutine(c)
      let name = try a.keyword("name").flatMap { $0 is NoneObject ? nil : try m.str($0) }
      for (k, _) in a.keywords where k != "name" && (k != "context" || m.version.minor < 11) {
        throw typeError("create_task() got an unexpected keyword argument '\(k)'")
      }
      var context: ContextObject?
      if let given = a.keyword("context"), !(given is NoneObject) {
        guard let c = given as? ContextObject else {
          throw m.refuse("create_task(context=\(m.typeName(given)))", "only a contextvars.Context is run by lesson")
        }
        context = c
      }
      if context != nil && loop.eagerTaskFactory {
        throw m.refuse(
          "create_task(context=...) with an eager task factory",
          "the task's first step would run in the context given, which lesson does not do yet")
      }
      // Before 3.13, `asyncio.create_task` makes the task unnamed and then names it.
      let t = loop.createTask(coroutine, name: name, numbered: m.version.minor < 13)
      if let context { t.context = context }
      try m.countTask()
      let fo = m.futureObject(t)
      fo.coroutine = c
      return fo
    }
    fn("ensure_future") { m, a in
      guard a.count >= 1 else {
        throw typeError("ensure_future() missing 1 required positional argument: 'coro_or_future'")
      }
      let loop = try m.loop ?? m.loopForFutures(a[0])
      let aw = try m.awaitable(a[0], for: "ensure_future")
      let f = loop.ensureFuture(aw)
      return m.futureObject(f)
    }
    fn("shield") { m, a in
      let loop = try m.runningLoop("shield")
      let aw = try m.awaitable(a[0], for: "shield")
      return m.futureObject(Shield.start(aw, loop: loop))
    }
    fn("isfuture") { _, a in BoolObject.of(a.positional.first is FutureObject) }
    fn("current_task") { m, _ in
      guard let l = m.loop else { throw runtimeError("no running event loop") }
      guard let t = l.currentTask else { return NoneObject.shared }
      return m.futureObject(t)
    }
    fn("all_tasks") { m, _ in
      let s = SetObject()
      for t in m.loop?.allTasks ?? [] { try s.add(m.futureObject(t), m) }
      return s
    }
    fn("get_running_loop") { m, _ in
      guard m.loop != nil else { throw runtimeError("no running event loop") }
      return m.loopObject()
    }
    fn("new_event_loop") { m, _ in m.loopObject(for: try m.openEventLoop()) }
    fn("set_event_loop") { m, a in
      try ArgCheck.positional(a, "set_event_loop", min: 1, max: 1)
      guard a[0] is NoneObject || a[0] is LoopObject else {
        throw Halt.refused(
          line: m.learnerLine, column: m.learnerColumn, construct: "asyncio.set_event_loop(\(m.typeName(a[0])))",
          why: "only a loop from asyncio.new_event_loop() or None is run by lesson")
      }
      m.policyLoopSet = true
      m.policyLoop = (a[0] as? LoopObject)?.loop
      return NoneObject.shared
    }
    fn("get_event_loop") { m, a in
      try ArgCheck.positional(a, "get_event_loop", min: 0, max: 0)
      if let running = m.loop { return m.loopObject(for: running) }
      return m.loopObject(for: try m.policyEventLoop())
    }
    fn("iscoroutine") { _, a in BoolObject.of((a[0] as? GeneratorObject)?.isCoroutine ?? (a[0] is AwaitableObject)) }
    fn("iscoroutinefunction") { _, a in
      // inspect's `_has_code_flag`: a bound method's function, then through partials.
      var f = a[0]
      while let method = f as? MethodObject { f = method.function }
      while let partial = f as? PartialObject { f = partial.function }
      // asyncio's own `async def`s: built in here, coroutine functions in CPython.
      if let b = f as? BuiltinFunctionObject {
        return BoolObject.of(
          b.isAsyncioFunction ? asyncDefFunctions.contains(b.name)
            : b.owner?.module.hasPrefix("asyncio") == true && asyncDefMethods.contains(b.name))
      }
      return BoolObject.of((f as? FunctionObject)?.code.flags.contains(.coroutine) ?? false)
    }
    fn("to_thread") { m, a in
      // `async def to_thread(func, /, *args, **kwargs)`: the arguments bind at the call, the work
      // goes to a thread when the coroutine first runs (awaited, or as a task's first step).
      guard a.count >= 1 else { throw typeError("to_thread() missing 1 required positional argument: 'func'") }
      let place = (line: m.learnerLine, column: m.learnerColumn)
      let made = m.deferredUntilRunning("to_thread") { try m.toThread(a, calledAt: place) }
      (made as? AwaitableObject)?.library = .toThread
      return made
    }
    fn("wait") { m, a in m.loop == nil ? m.deferredUntilRunning("wait") { try m.asyncioWait(a) } : try m.asyncioWait(a)
    }
    fn("as_completed") { m, a in try m.asCompleted(a) }
    if m.version.minor >= 11 {
      fn("timeout") { m, a in
        let loop = try m.runningLoop("timeout")
        let delayObj = a.get(0, "delay") ?? NoneObject.shared
        let delay: Double? = delayObj is NoneObject ? nil : try m.asDouble(delayObj)
        if delay?.isNaN == true { try m.refuseNaN("asyncio.timeout") }
        if let delay { m.observeTimeoutArmed(delay) }
        return TimeoutObject(TimeoutScope(delay: delay, loop: loop))
      }
      fn("timeout_at") { m, a in
        _ = try m.runningLoop("timeout_at")
        let whenObj = a.get(0, "when") ?? NoneObject.shared
        let when: Double? = whenObj is NoneObject ? nil : try m.asDouble(whenObj)
        if when?.isNaN == true { try m.refuseNaN("asyncio.timeout_at") }
        return TimeoutObject(TimeoutScope(when: when))
      }
    }
    d.setStr("Queue", queueType(m, .fifo, "Queue"))
    d.setStr("LifoQueue", queueType(m, .lifo, "LifoQueue", bases: [d.getStr("Queue") as! TypeObject]))
    d.setStr("FIRST_COMPLETED", StrObject("FIRST_COMPLETED"))
    d.setStr("FIRST_EXCEPTION", StrObject("FIRST_EXCEPTION"))
    d.setStr("ALL_COMPLETED", StrObject("ALL_COMPLETED"))
    // The classes made here for this version check their arguments as their `__init__` does.
    for name in ["Semaphore", "BoundedSemaphore", "Lock", "Event", "Queue", "PriorityQueue", "LifoQueue", "TaskGroup"] {
      guard let type = d.getStr(name) as? TypeObject, let signature = PythonSignature.asyncio(name, m.version),
        let construct = type.construct
      else {
        continue
      }
      type.construct = { m, cls, a in
        do {
          try signature.check(a, version: m.version)
        } catch let e as ExceptionObject {
          // Raised as the arguments bind, before `__init__` has a frame.
          e.raisedBinding = true
          throw e
        }
        try PythonSignature.refuseLoop(a, name, m.version)
        return try construct(m, cls, a)
      }
    }
    return d
  }

  // MARK: Types

  /// `asyncio.locks._ContextManagerMixin`, a base of the semaphores, `Lock` and `Condition`.
  static let contextManagerMixin = TypeObject(
    "_ContextManagerMixin", bases: [Types.object], layout: .builtin, module: "asyncio.locks")
  /// `asyncio.mixins._LoopBoundMixin`, a base of the locks and queues.
  static let loopBoundMixin = TypeObject(
    "_LoopBoundMixin", bases: [Types.object], layout: .builtin, module: "asyncio.mixins")

  static func nativeType(
    _ name: String, module: String, bases: [TypeObject] = [Types.object],
    _ methods: [(String, BuiltinFunctionObject.Body)]
  ) -> TypeObject {
    let t = TypeObject(name, bases: bases, layout: .builtin, module: module)
    for (n, b) in methods { t.dict.setStr(n, BuiltinFunctionObject(n, owner: t, b)) }
    // Made only by asyncio itself unless a type says how (its methods need the Swift object).
    t.construct = { m, cls, _ in
      throw Halt.refused(
        line: m.learnerLine, column: m.learnerColumn, construct: "\(cls.name)() called directly",
        why: "lesson makes this asyncio object only through asyncio's own functions")
    }
    return t
  }

  static func semaphoreType(_ m: Machine, bounded: Bool, bases: [TypeObject]) -> TypeObject {
    let t = nativeType(
      bounded ? "BoundedSemaphore" : "Semaphore", module: "asyncio.locks", bases: bases,
      [
        (
          "acquire",
          { m, a in
            let s = try SemaphoreObject.of(a[0], m)
            return AwaitableObject(
              "Semaphore.acquire", coroutine: try m.observedAcquire(s, returnsNone: false), warnsOn: m)
          }
        ),
        (
          "release",
          { m, a in
            let s = try SemaphoreObject.of(a[0], m)
            if try !s.semaphore.release() { throw valueError("BoundedSemaphore released too many times") }
            return NoneObject.shared
          }
        ),
        (
          "locked",
          { m, a in
            let s = try SemaphoreObject.of(a[0], m)
            guard let sem = s.bound.current else { return BoolObject.of(s.initial == 0) }
            return BoolObject.of(sem.isLocked)
          }
        ),
        (
          "__aenter__",
          { m, a in
            let s = try SemaphoreObject.of(a[0], m)
            // `_ContextManagerMixin.__aenter__`: `await self.acquire()`, a subclass's own too.
            if let own = try m.overridden(s, "acquire") {
              let acquiring = try m.call(own, Args([s]))
              return AwaitableObject(
                "__aenter__",
                coroutine: AwaitingCoroutine(m, first: { [unowned m] in try m.awaitStep(acquiring) }, then: { _ in NoneObject.shared }))
            }
            return AwaitableObject("__aenter__", coroutine: try m.observedAcquire(s, returnsNone: true))
          }
        ),
        (
          "__aexit__",
          { m, a in
            let s = try SemaphoreObject.of(a[0], m)
            // `_ContextManagerMixin.__aexit__`: `self.release()`, a subclass's own too.
            if let own = try m.overridden(s, "release") {
              return AwaitableObject(
                "__aexit__",
                coroutine: OneShotCoroutine { [unowned m] _ in
                  m.step {
                    _ = try m.call(own, Args([s]))
                    return .returned(NoneObject.shared)
                  }
                })
            }
            let sem = try s.semaphore
            return AwaitableObject(
              "__aexit__",
              coroutine: OneShotCoroutine { _ in
                if !sem.release() { return .raised(valueError("BoundedSemaphore released too many times")) }
                return .returned(NoneObject.shared)
              })
          }
        ),
        (
          "__repr__",
          { m, a in
            let s = try SemaphoreObject.of(a[0], m)
            let locked = s.bound.current?.isLocked ?? (s.initial == 0)
            let state = locked ? "locked" : "unlocked, value:\(s.value)"
            let waiting = s.bound.current?.waiting ?? 0
            let waiters = waiting > 0 ? ", waiters:\(waiting)" : ""
            return StrObject("<asyncio.locks.\(s.type.name) object at \(m.address(s)) [\(state)\(waiters)]>")
          }
        ),
      ])
    /// `Semaphore(value)`'s checks of its value.
    func initialValue(_ m: Machine, _ a: Args) throws -> Int {
      let vObj = a.get(0, "value") ?? IntObject.make(1)
      // A float (or an int past a machine word) is compared and counted by CPython as it is.
      if vObj is FloatObject || (vObj is IntObject && (vObj as! IntObject).intValue == nil) {
        throw m.refuse(
          "Semaphore(\(try m.repr(vObj)))",
          "lesson counts a semaphore in whole numbers that fit a machine word; give an int such as 3")
      }
      guard let v = (vObj as? IntObject)?.intValue else {
        throw typeError("'<' not supported between instances of '\(m.typeName(vObj))' and 'int'")
      }
      if v < 0 { throw valueError("Semaphore initial value must be >= 0") }
      return v
    }
    t.construct = { m, cls, a in
      let v = try initialValue(m, a)
      m.observation.semaphores += 1
      if m.observation.firstSemaphoreLine == nil { m.observation.firstSemaphoreLine = m.learnerLine }
      return SemaphoreObject(value: v, bounded: bounded, machine: m, type: cls)
    }
    // `super().__init__(value)` from a subclass's own `__init__` (the instance was made bare).
    t.dict.setStr(
      "__init__",
      BuiltinFunctionObject("__init__", owner: t) { m, a in
        let s = try SemaphoreObject.of(a[0], m)
        let rest = Args(Array(a.positional.dropFirst()), keywords: a.keywords)
        if let signature = PythonSignature.asyncio(bounded ? "BoundedSemaphore" : "Semaphore", m.version) {
          try signature.check(rest, version: m.version)
        }
        guard s.reset(to: try initialValue(m, rest)) else {
          throw m.refuse(
            "Semaphore.__init__ on a semaphore already used", "lesson sets a semaphore up once, before it is first acquired")
        }
        return NoneObject.shared
      })
    t.subclassableNative = true
    return t
  }

  static func lockType(_ m: Machine) -> TypeObject {
    let t = nativeType(
      "Lock", module: "asyncio.locks", bases: [contextManagerMixin, loopBoundMixin],
      [
        (
          "acquire",
          { m, a in AwaitableObject("Lock.acquire", coroutine: (try (a[0] as! LockObject).lock).acquire(), warnsOn: m) }
        ),
        (
          "release",
          { _, a in
            if let e = (try (a[0] as! LockObject).lock).release() { throw e as! ExceptionObject }
            return NoneObject.shared
          }
        ),
        ("locked", { _, a in BoolObject.of((try (a[0] as! LockObject).lock).isLocked) }),
        (
          "__aenter__",
          { _, a in
            AwaitableObject(
              "__aenter__", coroutine: Observed((try (a[0] as! LockObject).lock).acquire(), returnsNone: true))
          }
        ),
        (
          "__aexit__",
          { _, a in
            let l = try (a[0] as! LockObject).lock
            return AwaitableObject(
              "__aexit__",
              coroutine: OneShotCoroutine { _ in
                if let e = l.release() { return .raised(e) }
                return .returned(NoneObject.shared)
              })
          }
        ),
      ])
    t.construct = { m, cls, _ in LockObject(machine: m, type: cls) }
    return t
  }

  static func eventType(_ m: Machine) -> TypeObject {
    let t = nativeType(
      "Event", module: "asyncio.locks", bases: [loopBoundMixin],
      [
        (
          "wait",
          { m, a in AwaitableObject("Event.wait", coroutine: (try (a[0] as! EventObject).event).wait(), warnsOn: m) }
        ),
        (
          "set",
          { _, a in
            (try (a[0] as! EventObject).event).set()
            return NoneObject.shared
          }
        ),
        (
          "clear",
          { _, a in
            (try (a[0] as! EventObject).event).clear()
            return NoneObject.shared
          }
        ),
        ("is_set", { _, a in BoolObject.of((try (a[0] as! EventObject).event).isSet) }),
      ])
    t.construct = { m, cls, _ in EventObject(machine: m, type: cls) }
    return t
  }

  static let futureType: TypeObject = {
    let t = nativeType("Future", module: "_asyncio", futureMethods)
    // `asyncio.Future()` in a coroutine: a future of the running loop, as `loop.create_future()`.
    t.construct = { m, cls, a in
      guard cls === t, a.positional.isEmpty, a.keywords.isEmpty else {
        throw Halt.refused(
          line: m.learnerLine, column: m.learnerColumn, construct: "\(cls.name)() with arguments or subclassed",
          why: "lesson runs futures made by asyncio.Future() or loop.create_future() in a running loop")
      }
      return m.futureObject(Future(loop: try m.runningLoop("Future()")))
    }
    return t
  }()

  /// What `gather` returns: `asyncio.tasks._GatheringFuture`, a `Future`.
  static let gatheringFutureType: TypeObject = {
    let t = nativeType("_GatheringFuture", module: "asyncio.tasks", [])
    t.bases = [futureType]
    t.mro = [t, futureType, Types.object]
    return t
  }()

  static let taskType: TypeObject = {
    var methods = futureMethods
    methods.append(("get_name", { _, a in StrObject(((a[0] as! FutureObject).future as! Task).name) }))
    methods.append(
      (
        "set_name",
        { m, a in
          ((a[0] as! FutureObject).future as! Task).name = try m.str(a[1])
          return NoneObject.shared
        }
      ))
    methods.append(
      (
        "get_coro",
        { m, a in
          let fo = a[0] as! FutureObject
          if (fo.future as! Task).coroutineDropped { return NoneObject.shared }
          return fo.coroutine ?? ((fo.future as! Task).innermostFrame as? GeneratorObject) ?? NoneObject.shared
        }
      ))
    methods.append(("cancelling", { _, a in IntObject.make(((a[0] as! FutureObject).future as! Task).cancelRequests) }))
    methods.append(("uncancel", { _, a in IntObject.make(((a[0] as! FutureObject).future as! Task).uncancel()) }))
    methods.append(
      (
        "get_context",
        { m, a in
          let task = (a[0] as! FutureObject).future as! Task
          if let c = task.context as? ContextObject { return c }
          let c = ContextObject(copying: m.topContext)
          task.context = c
          return c
        }
      ))
    // A task's outcome is its coroutine's: CPython refuses to set one from outside.
    methods.removeAll { $0.0 == "set_result" || $0.0 == "set_exception" }
    for name in ["set_result", "set_exception"] {
      methods.append((name, { _, _ in throw runtimeError("Task does not support \(name) operation") }))
    }
    let t = nativeType("Task", module: "_asyncio", methods)
    t.bases = [futureType]
    t.mro = [t, futureType, Types.object]
    return t
  }()

  static var futureMethods: [(String, BuiltinFunctionObject.Body)] {
    [
      ("done", { _, a in BoolObject.of((a[0] as! FutureObject).future.isDone) }),
      ("cancelled", { _, a in BoolObject.of((a[0] as! FutureObject).future.isCancelled) }),
      (
        "cancel",
        { m, a in
          let f = (a[0] as! FutureObject).future
          let msg = a.get(1, "msg")
          return BoolObject.of(f.cancel(message: msg))
        }
      ),
      (
        "result",
        { m, a in
          let f = (a[0] as! FutureObject).future
          switch f.state {
          case .pending: throw ExceptionObject(Types.InvalidStateError, "Result is not set.")
          case .cancelled, .finished:
            switch f.outcome() {
            case .value(let v): return m.pyValue(v)
            case .error(let e): throw e as! ExceptionObject
            }
          }
        }
      ),
      (
        "exception",
        { m, a in
          let f = (a[0] as! FutureObject).future
          switch f.state {
          case .pending: throw ExceptionObject(Types.InvalidStateError, "Exception is not set.")
          case .cancelled:
            if case .error(let e) = f.outcome() { throw e as! ExceptionObject }
            return NoneObject.shared
          case .finished: return (f.exception as? ExceptionObject) ?? NoneObject.shared
          }
        }
      ),
      (
        "add_done_callback",
        { m, a in
          let fo = a[0] as! FutureObject
          guard a.count >= 2 else {
            throw typeError("add_done_callback() missing 1 required positional argument: 'fn'")
          }
          let cb = a[1]
          let callback = ClosureCallback { _ in
            do {
              _ = try m.call(cb, Args([fo]))
            } catch let e as ExceptionObject {
              m.reportCallbackError(e, callback: cb, arguments: [fo])
            } catch let h as Halt {
              m.halt = h
            } catch {}
          }
          fo.callbacks.append((cb, callback))
          fo.future.addDoneCallback(callback)
          return NoneObject.shared
        }
      ),
      (
        "remove_done_callback",
        { m, a in
          let fo = a[0] as! FutureObject
          guard a.count >= 2 else {
            throw typeError("remove_done_callback() missing 1 required positional argument: 'fn'")
          }
          var removed = 0
          var kept: [(PyObject, ClosureCallback)] = []
          for (fn, callback) in fo.callbacks {
            if try m.eq(fn, a[1]) {
              removed += fo.future.removeDoneCallback(callback)
            } else {
              kept.append((fn, callback))
            }
          }
          fo.callbacks = kept
          return IntObject.make(removed)
        }
      ),
      (
        "set_result",
        { m, a in
          let f = (a[0] as! FutureObject).future
          if f.isDone { throw ExceptionObject(Types.InvalidStateError, "invalid state") }
          f.setResult(a[1])
          return NoneObject.shared
        }
      ),
      (
        "set_exception",
        { m, a in
          let f = (a[0] as! FutureObject).future
          if f.isDone { throw ExceptionObject(Types.InvalidStateError, "invalid state") }
          guard a[1] is ExceptionObject || (a[1] as? TypeObject)?.isSubtype(of: Types.BaseException) == true else {
            throw typeError("invalid exception object")
          }
          var error = try m.makeException(a[1])
          if error.cls === Types.StopIteration {
            let message = "StopIteration interacts badly with generators and cannot be raised into a Future"
            // 3.13 sets a RuntimeError caused by it; before, set_exception refuses it.
            guard m.version.minor >= 13 else { throw typeError(message) }
            let wrapped = ExceptionObject(Types.RuntimeError, message)
            wrapped.causeException = error
            wrapped.contextException = error
            wrapped.suppressContext = true
            error = wrapped
          }
          f.setException(error)
          return NoneObject.shared
        }
      ),
      (
        "__repr__",
        { m, a in
          let fo = a[0] as! FutureObject
          if fo.future is Task {
            // CPython writes the task's coroutine, where it runs or was defined, and what it waits on.
            throw m.refuse(
              "repr() of a Task",
              "Python writes its coroutine with the line it runs at and what it waits for, which lesson does not reproduce; print task.get_name() or task.result() instead"
            )
          }
          // futures._future_repr_info: the state, then the result or the exception.
          let f = fo.future
          if f.hasCallbacks {
            throw m.refuse(
              "repr() of a Future with callbacks",
              "Python lists its callbacks (cb=[...]), which lesson does not reproduce")
          }
          let name = fo.type.name
          switch f.state {
          case .pending: return StrObject("<\(name) pending>")
          case .cancelled: return StrObject("<\(name) cancelled>")
          case .finished:
            if let e = f.exceptionUnretrieved as? ExceptionObject {
              return StrObject("<\(name) finished exception=\(try m.repr(e))>")
            }
            return StrObject("<\(name) finished result=\(try m.repr(m.pyValue(f.value)))>")
          }
        }
      ),
    ]
  }

  static let timeoutType: TypeObject = {
    nativeType(
      "Timeout", module: "asyncio.timeouts",
      [
        (
          "__aenter__",
          { m, a in
            let to = a[0] as! TimeoutObject
            return AwaitableObject(
              "__aenter__",
              coroutine: OneShotCoroutine { task in
                if let error = to.scope.enter(in: task) { return .raised(error) }
                return .returned(to)
              })
          }
        ),
        (
          "__aexit__",
          { m, a in
            let to = a[0] as! TimeoutObject
            let incoming = a[2] as? ExceptionObject
            let made = AwaitableObject(
              "__aexit__",
              coroutine: OneShotCoroutine { _ in
                let out = to.scope.exit(with: incoming)
                if let out, out !== incoming { return .raised(out) }
                return .returned(NoneObject.shared)
              })
            made.library = .timeoutExit
            return made
          }
        ),
        ("expired", { _, a in BoolObject.of((a[0] as! TimeoutObject).scope.expired) }),
        ("when", { _, a in (a[0] as! TimeoutObject).scope.when.map { FloatObject($0) } ?? NoneObject.shared }),
        (
          "reschedule",
          { m, a in
            let to = a[0] as! TimeoutObject
            if let error = to.scope.rescheduleError(host: m.host) as? ExceptionObject { throw error }
            let w: Double? = a[1] is NoneObject ? nil : try m.asDouble(a[1])
            if w?.isNaN == true { try m.refuseNaN("Timeout.reschedule") }
            to.scope.reschedule(w, loop: try m.runningLoop("reschedule"))
            return NoneObject.shared
          }
        ),
      ])
  }()

  static func taskGroupType(_ m: Machine) -> TypeObject {
    let t = nativeType(
      "TaskGroup", module: "asyncio.taskgroups",
      [
        (
          "__aenter__",
          { m, a in
            let g = a[0] as! TaskGroupObject
            return AwaitableObject(
              "__aenter__",
              coroutine: OneShotCoroutine { task in
                if let e = g.group.enter(in: task) { return .raised(e) }
                return .returned(g)
              })
          }
        ),
        (
          "__aexit__",
          { m, a in
            let g = a[0] as! TaskGroupObject
            let incoming = a[2] as? ExceptionObject
            return AwaitableObject(
              "__aexit__",
              coroutine: Observed(g.group.exit(with: incoming)) { [unowned m] in
                m.observeTaskGroup(g, now: m.loop?.time ?? 0)
              })
          }
        ),
        (
          "create_task",
          { m, a in
            let g = a[0] as! TaskGroupObject
            let c = try m.taskCoroutine(a.get(1, "coro") ?? NoneObject.shared)
            let name = try a.keyword("name").flatMap { $0 is NoneObject ? nil : try m.str($0) }
            switch g.group.createTask(c, name: name) {
            case .task(let t):
              try m.countTask()
              // What the batch observes: the task, its coroutine, when it ended.
              let index = g.tasks.count
              g.tasks.append(t)
              g.ended.append(nil)
              t.addObserver { [weak g] (f: Future) in g?.ended[index] = f.loop.time }
              let object = m.futureObject(t)
              object.coroutine = a.get(1, "coro")
              return object
            case .raised(let e): throw e as! ExceptionObject
            }
          }
        ),
        // `<TaskGroup tasks=1 entered>`: what it holds, never an address.
        ("__repr__", { _, a in StrObject((a[0] as! TaskGroupObject).group.repr) }),
      ])
    t.construct = { m, cls, _ in
      let loop = try m.runningLoop("TaskGroup")
      let g = TaskGroupObject(TaskGroup(loop: loop), type: cls)
      g.line = m.learnerLine
      g.madeAt = loop.time
      return g
    }
    return t
  }

  static func queueType(_ m: Machine, _ order: Queue.Order, _ name: String, bases: [TypeObject] = [loopBoundMixin])
    -> TypeObject
  {
    let t = nativeType(
      name, module: "asyncio.queues", bases: bases,
      [
        (
          "__repr__",
          { m, _ in
            throw m.refuse(
              "repr() of a Queue",
              "Python writes its items, waiters and unfinished count, which lesson does not reproduce; print q.qsize() instead"
            )
          }
        ),
        (
          "put",
          { m, a in AwaitableObject("Queue.put", coroutine: (try (a[0] as! QueueObject).queue).put(a[1]), warnsOn: m) }
        ),
        (
          "get",
          { m, a in AwaitableObject("Queue.get", coroutine: (try (a[0] as! QueueObject).queue).get(), warnsOn: m) }
        ),
        (
          "put_nowait",
          { _, a in
            if let e = (try (a[0] as! QueueObject).queue).putNoWait(a[1]) { throw e as! ExceptionObject }
            return NoneObject.shared
          }
        ),
        (
          "get_nowait",
          { m, a in
            switch (try (a[0] as! QueueObject).queue).getNoWait() {
            case .value(let v): return m.pyValue(v)
            case .error(let e): throw e as! ExceptionObject
            }
          }
        ),
        (
          "task_done",
          { _, a in
            if let e = (try (a[0] as! QueueObject).queue).taskDone() { throw e as! ExceptionObject }
            return NoneObject.shared
          }
        ),
        (
          "join",
          { m, a in AwaitableObject("Queue.join", coroutine: (try (a[0] as! QueueObject).queue).join(), warnsOn: m) }
        ),
        ("qsize", { _, a in IntObject.make((try (a[0] as! QueueObject).queue).count) }),
        ("empty", { _, a in BoolObject.of((try (a[0] as! QueueObject).queue).isEmpty) }),
        ("full", { _, a in BoolObject.of((try (a[0] as! QueueObject).queue).isFull) }),
        (
          "shutdown",
          { m, a in
            let imm = try a.get(1, "immediate").map { try m.truthy($0) } ?? false
            (try (a[0] as! QueueObject).queue).shutDown(immediate: imm)
            return NoneObject.shared
          }
        ),
      ].filter { $0.0 != "shutdown" || m.version.minor >= 13 })
    // `maxsize`, a property of asyncio's Queue: read without binding the queue to a loop.
    t.dict.setStr(
      "maxsize",
      DescriptorObject(
        .property,
        BuiltinFunctionObject("maxsize") { m, a in
          guard let q = a[0] as? QueueObject else { throw typeError("descriptor 'maxsize' needs a Queue") }
          return IntObject.make(q.maxSize)
        }))
    t.construct = { m, cls, a in
      let given = a.get(0, "maxsize") ?? IntObject.make(0)
      guard let size = (given as? IntObject)?.intValue else {
        throw m.refuse(
          "Queue(maxsize=\(try m.repr(given)))",
          "lesson bounds a queue by a whole number that fits a machine word; give an int such as 3")
      }
      return QueueObject(maxSize: size, order: order, machine: m, type: cls)
    }
    return t
  }
}

/// `Semaphore._waiters` once a task waited: CPython's deque of waiter futures, of which lesson
/// gives the length (`len`, truth) and refuses the rest (the futures' reprs, their order).
final class WaitersView: NativeObject {
  let count: Int
  static let waitersType: TypeObject = {
    let t = TypeObject("deque", bases: [Types.object], layout: .builtin, module: "collections")
    t.dict.setStr("__len__", BuiltinFunctionObject("__len__", owner: t) { _, a in IntObject.make((a[0] as! WaitersView).count) })
    for name in ["__repr__", "__str__", "__iter__", "__getitem__", "__contains__", "__reversed__"] {
      t.dict.setStr(
        name,
        BuiltinFunctionObject(name, owner: t) { m, _ in
          throw m.refuse(
            "Semaphore._waiters (\(name))", "lesson gives the length of a semaphore's waiters, not the waiting futures")
        })
    }
    return t
  }()
  init(count: Int) {
    self.count = count
    super.init(type: Self.waitersType)
  }
}

extension Machine {
  /// A method of the object's class written in Python that stands in for the built-in type's
  /// (`acquire` of a subclass of `Semaphore`); nil when the built-in one serves.
  func overridden(_ o: PyObject, _ name: String) throws -> PyObject? {
    guard !o.type.isBuiltin, let owner = o.type.mro.first(where: { $0.dict.getStr(name) != nil }), !owner.isBuiltin
    else { return nil }
    return owner.dict.getStr(name)
  }
}

final class SemaphoreObject: NativeObject {
  let bound: LoopBound<Semaphore>
  /// The value it was made with (set again by `__init__`, before its first use).
  var initial: Int { start.value }
  private let start: Start
  private final class Start {
    var value: Int
    var initialized = true
    init(_ value: Int) { self.value = value }
  }
  /// Whether `Semaphore.__init__` ran on it: a subclass's own `__init__` must call it.
  var initialized: Bool {
    get { start.initialized }
    set { start.initialized = newValue }
  }
  let isBounded: Bool
  /// The order the program made it in, from 1; the line that made it; the task that did.
  let serial: Int
  let line: Int
  let madeInTask: Int?
  init(value: Int, bounded: Bool, machine: Machine, type: TypeObject) {
    let start = Start(value)
    self.start = start
    isBounded = bounded
    machine.semaphoresMade += 1
    serial = machine.semaphoresMade
    line = machine.learnerLine
    madeInTask = machine.loop?.currentTask?.serial
    bound = LoopBound(machine: machine, what: bounded ? "BoundedSemaphore" : "Semaphore") {
      Semaphore(value: start.value, bounded: bounded, loop: $0)
    }
    super.init(type: type)
    dict = DictObject()
    // Used by a later loop (a second asyncio.run), it carries its permits; if a task of an
    // earlier loop ever waited on it, it is bound to that loop and cannot wait on this one.
    bound.carry = { [unowned self, unowned machine] old, loop in
      let carried = old.carried(to: loop)
      if old.everWaited || old.boundToAnotherLoop != nil {
        carried.boundToAnotherLoop = { [unowned self, unowned machine] in
          let shown = (try? machine.repr(self)) ?? "<asyncio.locks.Semaphore object>"
          return ExceptionObject(Types.RuntimeError, "\(shown) is bound to a different event loop")
        }
      }
      return carried
    }
  }
  /// `Semaphore.__init__(value)` run again on it; false once it was used (the model's semaphore
  /// is made with the value it had then).
  func reset(to value: Int) -> Bool {
    if let current = bound.current, current.value != start.value || current.waiting > 0 { return false }
    start.value = value
    start.initialized = true
    bound.remake()
    return true
  }
  /// The model's semaphore, bound to the running loop on first use (as asyncio's `_LoopBoundMixin`).
  var semaphore: Semaphore { get throws { try bound.get() } }
  /// Its value, also before it is bound.
  var value: Int { bound.current?.value ?? initial }
  static func of(_ o: PyObject, _ m: Machine) throws -> SemaphoreObject {
    guard let s = o as? SemaphoreObject else {
      throw typeError("descriptor requires a 'Semaphore' object but received '\(m.typeName(o))'")
    }
    return s
  }
}
final class LockObject: NativeObject {
  let bound: LoopBound<Lock>
  init(machine: Machine, type: TypeObject) {
    bound = LoopBound(machine: machine, what: "Lock") { Lock(loop: $0) }
    super.init(type: type)
  }
  var lock: Lock { get throws { try bound.get() } }
}
final class EventObject: NativeObject {
  let bound: LoopBound<Event>
  init(machine: Machine, type: TypeObject) {
    bound = LoopBound(machine: machine, what: "Event") { Event(loop: $0) }
    super.init(type: type)
  }
  var event: Event { get throws { try bound.get() } }
}
final class QueueObject: NativeObject {
  let bound: LoopBound<Queue>
  let maxSize: Int
  init(maxSize: Int, order: Queue.Order, machine: Machine, type: TypeObject) {
    self.maxSize = maxSize
    bound = LoopBound(machine: machine, what: "Queue") { Queue(maxSize: maxSize, order: order, loop: $0) }
    super.init(type: type)
  }
  var queue: Queue { get throws { try bound.get() } }
}

/// An asyncio primitive made before (or outside) a running loop binds to the loop that first
/// uses it, as CPython's `_LoopBoundMixin` does (3.10+). A later loop goes on with it where the
/// primitive says how (``carry``: a semaphore keeps its permits, and fails to wait there if an
/// earlier loop ever waited on it); for the others a second loop is refused.
final class LoopBound<T: AnyObject> {
  unowned let machine: Machine
  let what: String
  let make: (EventLoop) -> T
  private(set) var current: T?
  private var loop: EventLoop? {
    get { loopLink?.object }
    set { loopLink = newValue?.link }
  }
  private var loopLink: LifetimeLink<EventLoop>?
  private var boundOnce = false
  /// How the primitive goes on in another loop, given what it was in the last one; without it, a
  /// second loop is refused.
  var carry: ((T, EventLoop) -> T)?
  init(machine: Machine, what: String, make: @escaping (EventLoop) -> T) {
    self.machine = machine
    self.what = what
    self.make = make
    if let l = machine.loop { bind(l) }
  }
  /// Made again as it would be made now (what it is made from changed before its first use).
  func remake() {
    if let l = loop, current != nil { current = make(l) }
  }
  private func bind(_ l: EventLoop) {
    current = make(l)
    loop = l
    boundOnce = true
  }
  func get() throws -> T {
    guard let running = machine.loop else {
      if let c = current, loop != nil { return c }
      throw Halt.refused(
        line: machine.learnerLine, column: machine.learnerColumn, construct: "asyncio.\(what) used outside asyncio.run",
        why: "it would bind to an event loop that is not running")
    }
    if let c = current, loop === running { return c }
    if let c = current, let carry {
      current = carry(c, running)
      loop = running
      return current!
    }
    if boundOnce {
      throw Halt.refused(
        line: machine.learnerLine, column: machine.learnerColumn, construct: "one asyncio.\(what) in two event loops",
        why: "what Python does then depends on whether the first loop ever waited on it; make the \(what) inside main()"
      )
    }
    bind(running)
    return current!
  }
}
final class TaskGroupObject: NativeObject {
  let group: TaskGroup
  /// Its tasks in the order they were made, when each ended, where and when it was made: what
  /// the run observes of it as a batch (``Machine/observeTaskGroup(_:now:)``).
  var tasks: [Task] = []
  var ended: [Double?] = []
  var line = 0
  var madeAt = 0.0
  init(_ g: TaskGroup, type: TypeObject) {
    group = g
    super.init(type: type)
  }
}
final class TimeoutObject: NativeObject {
  let scope: TimeoutScope
  init(_ s: TimeoutScope) {
    scope = s
    super.init(type: AsyncioModule.timeoutType)
  }
}
