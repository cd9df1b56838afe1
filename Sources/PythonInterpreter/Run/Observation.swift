import AsyncioModel

/// What a run showed about the lesson's pattern, observed on the model, never guessed from the text:
/// the calls a `gather` ran and what it gave, the timeouts that expired, the most calls inside a
/// semaphore at once.
public struct Observation: Sendable, Equatable {
  /// `str()` of each value of the last `asyncio.gather` that finished with a result.
  public var results: [String]?
  /// How many awaitables that gather ran.
  public var calls: Int?
  /// Timeouts that expired (`wait_for`, `asyncio.timeout`), over the whole run.
  public var timeouts = 0
  /// The most holders any one semaphore had at once.
  public var peakConcurrency = 0
  /// Semaphores the program made.
  public var semaphores = 0
  /// The line where the program made its first semaphore.
  public var firstSemaphoreLine: Int?
  /// The calls of that gather, in call order.
  public var callRecords: [Call] = []
  /// Nothing observed yet.
  public init() {}

  /// `repr()` of that gather's list, as `print(results)` shows it.
  public var resultsRepr: String?
  /// Whether that gather was called with `return_exceptions=True`.
  public var returnExceptions = false
  /// Whether an exception escaped that gather (a call's error, with `return_exceptions` false).
  public var gatherRaised = false
  /// The line of the program that called that gather.
  public var gatherLine: Int?
  /// The line of a gather called where no loop was running (a plain `def main()`), whose
  /// calls wait for a loop to run them: a mistake the lessons explain.
  public var gatherOutsideLoopLine: Int?
  /// The line of a gather made in a running loop that nothing awaited (the classic forgotten
  /// `await`): its calls were cancelled when `asyncio.run` ended.
  public var gatherNeverAwaitedLine: Int?
  /// How long that gather took, in virtual seconds, from its call to its end.
  public var gatherSeconds: Double?
  /// The first line of the function that called that gather (`async def main():`).
  public var gatherFunctionLine: Int?
  /// Whether that gather never finished: the run waited forever with its calls still waiting
  /// (their outcome is `waiting`).
  public var gatherWaiting = false

  /// One gathered call: what it was, how it ended, when it ran (virtual seconds of the loop).
  public struct Call: Sendable, Equatable {
    public var name: String
    /// `ok`, `timeout` (a timeout expired inside it) or `error`.
    public var outcome: String
    public var startedAt: Double?
    public var endedAt: Double
    /// The line where the call's coroutine was made (`call_tool("search", 0.1)`).
    public var line: Int?
    /// What the call's task (with the tasks it made, such as 3.10's `wait_for` task) did.
    public var facts = CallFacts()
  }

  /// What one gathered call did on the way, as the lesson's pattern names it.
  public struct CallFacts: Sendable, Equatable {
    /// The `asyncio.sleep` delays it asked for, added up (its waiting, I/O).
    public var waited = 0.0
    /// The `time.sleep` it did on the loop's thread, added up (work that blocks the loop).
    public var blocked = 0.0
    /// The first semaphore it asked to acquire.
    public var semaphore: SemaphoreUse?
    /// The first timeout armed in it (`wait_for` with a timeout, `asyncio.timeout` with a delay).
    public var timeout: TimeoutUse?
    /// Whether that timeout was armed before the call asked for the semaphore (so it also covers
    /// the wait for a slot).
    public var timeoutBeforeSemaphore = false
    /// `str()` of the first exception raised in it.
    public var failure: String?
    /// The line of the `except` clause that caught it, if one did.
    public var handledAt: Int?
    /// The line of the program that raised that first exception.
    public var raisedAt: Int?
    /// The line of its first `time.sleep` on the loop's thread.
    public var blockedAt: Int?
    /// The line of the `except` clause that caught its first `TimeoutError`.
    public var timeoutHandledAt: Int?
    /// The time of the work it handed to a worker thread (`asyncio.to_thread`,
    /// `run_in_executor`), added up: the loop waits for it meanwhile.
    public var offloaded = 0.0
  }

  /// A semaphore a call acquired: which one (in the order the program made them), its value,
  /// where it was made, and whether the call's own task made it.
  public struct SemaphoreUse: Sendable, Equatable {
    public var serial: Int
    public var initial: Int
    public var line: Int
    public var madeInCall: Bool
  }

  /// A timeout armed in a call: its length and the line that armed it.
  public struct TimeoutUse: Sendable, Equatable {
    public var seconds: Double
    public var line: Int
  }
}

/// What a task did, kept by task number until the gather that ran it finishes.
final class TaskFacts {
  var facts = Observation.CallFacts()
  var acquireEvent: Int?
  var timeoutEvent: Int?
  /// When it last armed a timeout, and when one of its timeouts last expired (event serials): a
  /// call that retries after a timeout and then succeeds armed one after the last expiry.
  var lastTimeoutArmed = 0
  var lastTimeoutExpired = 0
  /// The task that made the semaphore it acquired.
  var semaphoreMadeIn: Int?
}

extension Machine {
  func observeGather(_ g: Future, children: [Future], returnExceptions: Bool) {
    var ended: [Double?] = Array(repeating: nil, count: children.count)
    for (i, c) in children.enumerated() {
      c.addObserver { f in ended[i] = f.loop.time }
    }
    let line = learnerLine
    gatherLines[ObjectIdentifier(g)] = line
    let functionLine = frames.last(where: { $0.code.filename == filename })?.code.firstLine
    if loop == nil, observation.gatherOutsideLoopLine == nil { observation.gatherOutsideLoopLine = line }
    let startedAt = g.loop.time
    // Should the run wait forever inside this gather, its calls are what it waited on.
    waitingGather = { [unowned self] in
      self.observation.gatherRaised = false
      self.observation.returnExceptions = returnExceptions
      self.observation.gatherFunctionLine = functionLine
      self.observeBatch(children, list: nil, line: line, seconds: g.loop.time - startedAt, ended: ended, now: g.loop.time)
      self.observation.gatherWaiting = true
      for i in self.observation.callRecords.indices where ended[i] == nil { self.observation.callRecords[i].outcome = "waiting" }
    }
    let link = self.link
    g.addObserver { f in
      guard let self = link.object else { return }
      self.waitingGather = nil
      // Read without retrieving: whether the program ever asks for the outcome is the program's.
      let failed = f.isCancelled || f.exceptionUnretrieved != nil
      let list: ListObject? = failed ? nil : self.pyValue(f.value) as? ListObject
      if failed { self.observation.gatherRaised = true } else if list == nil { return }
      self.observation.gatherWaiting = false
      self.observation.gatherFunctionLine = functionLine
      self.observation.returnExceptions = returnExceptions
      self.observeBatch(children, list: list, line: line, seconds: f.loop.time - startedAt, ended: ended, now: f.loop.time)
    }
  }

  /// A `TaskGroup` that ended with every task's result is a batch too: its tasks, in the order
  /// they were made, with their results as a list.
  func observeTaskGroup(_ g: TaskGroupObject, now: Double) {
    var values: [PyObject] = []
    for task in g.tasks {
      guard case .value(let v) = task.outcome() else { return }
      values.append(pyValue(v))
    }
    guard !values.isEmpty else { return }
    observation.gatherRaised = false
    observation.returnExceptions = false
    observeBatch(
      g.tasks, list: ListObject(values), line: g.line, seconds: (g.ended.compactMap { $0 }.max() ?? now) - g.madeAt,
      ended: g.ended, now: now)
  }

  /// The calls of a finished batch (a gather, or a task group), for ``Observation/callRecords``.
  func observeBatch(_ children: [Future], list: ListObject?, line: Int, seconds: Double, ended: [Double?], now: Double) {
      let texts = list?.items.map { (try? self.str($0)) ?? "?" } ?? []
      self.observation.results = list == nil ? nil : texts
      self.observation.resultsRepr = list.flatMap { try? self.repr($0) }
      self.observation.gatherLine = line
      self.observation.gatherSeconds = seconds
      self.observation.calls = children.count
      self.observation.callRecords = children.enumerated().map { i, c in
        let task = c as? Task
        let coroutine = task.flatMap { self.futureObjects[ObjectIdentifier($0)]?.coroutine as? GeneratorObject }
        let text = i < texts.count ? texts[i] : ""
        // The call's name: the first text argument of the gathered coroutine (guarded(sem, "search", …)),
        // else the name an argument carries (a ("search", 0.1) row, a Tool(name=…), {"name": …}),
        // else what its result starts with ("search:ok").
        let arguments = coroutine.map { g in Array(g.frame.locals.prefix(g.function.code.argcount)) } ?? []
        let argument =
          arguments.lazy.compactMap { ($0 as? StrObject)?.value }.first
          ?? arguments.lazy.compactMap { self.carriedName($0) }.first
        let fromResult = Self.firstField(of: text).flatMap { $0 == "None" || $0.isEmpty ? nil : $0 }
        let name = argument ?? fromResult ?? coroutine?.function.name ?? "call \(i + 1)"
        // A timeout expired in it, and it armed none after (a retry that then succeeded did).
        let timedOut =
          task.map {
            guard self.timeoutsByTask[ObjectIdentifier($0)] ?? 0 > 0 else { return false }
            guard let facts = self.taskFacts[$0.serial] else { return true }
            return facts.lastTimeoutExpired > facts.lastTimeoutArmed
          } ?? false
        let raised = task.map { self.errorsByTask[ObjectIdentifier($0)] ?? 0 > 0 } ?? false
        // Its exception caught inside it, returned as a result, or escaped from it.
        let failed =
          raised || (list?.items.indices.contains(i) == true && list?.items[i] is ExceptionObject)
          || c.finishedWithException
        let outcome = timedOut || text.hasSuffix(":timeout") ? "timeout" : (failed ? "error" : "ok")
        var call = Observation.Call(name: name, outcome: outcome, startedAt: task.flatMap { self.acquiredAt[ObjectIdentifier($0)] } ?? coroutine?.firstResumedAt, endedAt: coroutine?.finishedAt ?? ended[i] ?? now)
        call.line = coroutine.flatMap { $0.madeAtLine > 0 ? $0.madeAtLine : nil }
        if let task { call.facts = self.facts(ofCall: task.serial) }
        return call
      }
  }

  /// The first non-empty part of `text` between colons (`search` of `search:ok`), as
  /// `text.split(separator: ":").first` gives it; ASCII text, the usual result, is cut on its
  /// bytes rather than its characters.
  static func firstField(of text: String) -> String? {
    guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return text.split(separator: ":").first.map(String.init) }
    let colon = UInt8(ascii: ":")
    guard let start = text.utf8.firstIndex(where: { $0 != colon }) else { return nil }
    let end = text.utf8[start...].firstIndex(of: colon) ?? text.utf8.endIndex
    return String(text[start..<end])
  }

  /// The name an argument carries: the first item of a tuple, a `name` key, a `name` attribute.
  func carriedName(_ argument: PyObject?) -> String? {
    switch argument {
    case let tuple as TupleObject: return (tuple.items.first as? StrObject)?.value
    case let dict as DictObject where dict.type === Types.dict: return (dict.getStr("name") as? StrObject)?.value
    case let object?: return (object.instanceDict?.getStr("name") as? StrObject)?.value
    case nil: return nil
    }
  }

  /// The facts of the task numbered `serial` and of every task it made, put together.
  func facts(ofCall serial: Int) -> Observation.CallFacts {
    func belongs(_ task: Int) -> Bool {
      var current: Int? = task
      while let c = current {
        if c == serial { return true }
        current = taskCreators[c]
      }
      return false
    }
    var facts = Observation.CallFacts()
    var acquireEvent: Int?
    var timeoutEvent: Int?
    for task in taskFacts.keys.sorted() where belongs(task) {
      let own = taskFacts[task]!
      facts.waited += own.facts.waited
      facts.blocked += own.facts.blocked
      facts.offloaded += own.facts.offloaded
      if facts.failure == nil {
        facts.failure = own.facts.failure
        facts.raisedAt = own.facts.raisedAt
      }
      if facts.handledAt == nil { facts.handledAt = own.facts.handledAt }
      if facts.blockedAt == nil { facts.blockedAt = own.facts.blockedAt }
      if facts.timeoutHandledAt == nil { facts.timeoutHandledAt = own.facts.timeoutHandledAt }
      if let e = own.acquireEvent, acquireEvent.map({ e < $0 }) ?? true {
        acquireEvent = e
        facts.semaphore = own.facts.semaphore
        facts.semaphore?.madeInCall = own.semaphoreMadeIn.map(belongs) ?? false
      }
      if let e = own.timeoutEvent, timeoutEvent.map({ e < $0 }) ?? true {
        timeoutEvent = e
        facts.timeout = own.facts.timeout
      }
    }
    if let t = timeoutEvent, let a = acquireEvent { facts.timeoutBeforeSemaphore = t < a }
    return facts
  }

  /// The facts of the running task (nil outside a task), with the task that made it noted.
  var runningTaskFacts: TaskFacts? {
    guard let task = loop?.currentTask else { return nil }
    // The task's creator, and theirs: a call's facts are those of its task and the tasks it made.
    let (parent, grandparent, greatGrandparent) = task.ancestors
    if parent != 0 { taskCreators[task.serial] = parent }
    if grandparent != 0 { taskCreators[parent] = grandparent }
    if greatGrandparent != 0 { taskCreators[grandparent] = greatGrandparent }
    if let facts = taskFacts[task.serial] { return facts }
    let facts = TaskFacts()
    taskFacts[task.serial] = facts
    return facts
  }

  /// An `except` clause at `line` caught an exception the program raised, in the running task.
  func observeHandled(line: Int) {
    guard let facts = runningTaskFacts, facts.facts.handledAt == nil else { return }
    facts.facts.handledAt = line
  }

  /// An `except` clause at `line` caught a TimeoutError in the running task.
  func observeTimeoutHandled(line: Int) {
    guard let facts = runningTaskFacts, facts.facts.timeoutHandledAt == nil else { return }
    facts.facts.timeoutHandledAt = line
  }

  /// The running task asked for `seconds` of `asyncio.sleep`.
  func observeSleep(_ seconds: Double) { runningTaskFacts?.facts.waited += max(0, seconds) }

  /// The running task blocked the loop's thread for `seconds` (`time.sleep`).
  func observeBlocking(_ seconds: Double) {
    guard let facts = runningTaskFacts else { return }
    facts.facts.blocked += max(0, seconds)
    if facts.facts.blockedAt == nil { facts.facts.blockedAt = learnerLine }
  }

  /// The running task armed a timeout of `seconds`.
  func observeTimeoutArmed(_ seconds: Double) {
    guard let facts = runningTaskFacts else { return }
    eventSerial += 1
    facts.lastTimeoutArmed = eventSerial
    guard facts.timeoutEvent == nil else { return }
    facts.timeoutEvent = eventSerial
    facts.facts.timeout = Observation.TimeoutUse(seconds: seconds, line: learnerLine)
  }

  /// A `raise` in a task: the call it belongs to failed (whatever its handler then made of it).
  func noteRaised(_ e: ExceptionObject) {
    guard loop != nil, e.category == .other else { return }
    e.raisedByProgram = true
  }

  /// The exception reached a frame of the running task: the call that task runs failed (in 3.10
  /// `wait_for` runs the call in a task of its own, and hands its exception on to this one).
  func noteFailure(_ e: ExceptionObject) {
    guard e.raisedByProgram, let t = loop?.currentTask else { return }
    errorsByTask[ObjectIdentifier(t), default: 0] += 1
    if let facts = runningTaskFacts, facts.facts.failure == nil {
      facts.facts.failure = (try? str(e)) ?? ""
      facts.facts.raisedAt = e.traceback.first(where: { $0.file == filename })?.line ?? learnerLine
    }
  }

  func observeAcquired(_ s: SemaphoreObject) {
    if let t = loop?.currentTask, acquiredAt[ObjectIdentifier(t)] == nil { acquiredAt[ObjectIdentifier(t)] = t.loop.time }
    let holders = s.initial - s.value
    if holders > observation.peakConcurrency { observation.peakConcurrency = holders }
  }
}

/// A coroutine that awaits `inner`, then calls `done` and gives what `inner` gave, or `None`
/// (`returnsNone`); an exception passes through untouched. It is `__aexit__` of a task group
/// (observed as a batch), and `acquire()`/`__aenter__` of a lock or semaphore (a semaphore notes
/// how many hold it; `__aenter__` gives `None`).
final class Observed: Coroutine {
  let inner: Coroutine
  let returnsNone: Bool
  let done: (() -> Void)?
  var started = false
  init(_ inner: Coroutine, returnsNone: Bool = false, done: (() -> Void)? = nil) {
    self.inner = inner
    self.returnsNone = returnsNone
    self.done = done
  }
  func resume(_ input: Resumption, in task: Task) -> CoroutineStep {
    if !started {
      started = true
      if case .error(let e) = input { return .raised(e) }
      return .awaitCoroutine(inner)
    }
    switch input {
    case .error(let e): return .raised(e)
    case .value(let v):
      done?()
      return .returned(returnsNone ? NoneObject.shared : v)
    }
  }
}

extension Machine {
  /// A semaphore's acquire, observed.
  func observedAcquire(_ s: SemaphoreObject, returnsNone: Bool) throws -> Coroutine {
    if let facts = runningTaskFacts, facts.acquireEvent == nil {
      eventSerial += 1
      facts.acquireEvent = eventSerial
      facts.semaphoreMadeIn = s.madeInTask
      facts.facts.semaphore = Observation.SemaphoreUse(serial: s.serial, initial: s.initial, line: s.line, madeInCall: false)
    }
    return Observed(try s.semaphore.acquire(), returnsNone: returnsNone) { [unowned self] in self.observeAcquired(s) }
  }
}
