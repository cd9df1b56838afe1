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
  /// The calls of that gather, in call order.
  public var callRecords: [Call] = []

  /// One gathered call: what it was, how it ended, when it ran (virtual seconds of the loop).
  public struct Call: Sendable, Equatable {
    public var name: String
    /// `ok`, `timeout` (a timeout expired inside it) or `error`.
    public var outcome: String
    public var startedAt: Double?
    public var endedAt: Double
  }
}

extension Machine {
  func observeGather(_ g: Future, children: [Future]) {
    var ended: [Double?] = Array(repeating: nil, count: children.count)
    for (i, c) in children.enumerated() {
      c.addDoneCallback { f in ended[i] = f.loop.time }
    }
    g.addDoneCallback { [weak self] f in
      guard let self, case .value(let v) = f.outcome(), let list = self.pyValue(v) as? ListObject else { return }
      let texts = list.items.map { (try? self.str($0)) ?? "?" }
      self.observation.results = texts
      self.observation.calls = children.count
      self.observation.callRecords = children.enumerated().map { i, c in
        let task = c as? Task
        let coroutine = task.flatMap { self.futureObjects[ObjectIdentifier($0)]?.coroutine as? GeneratorObject }
        let text = i < texts.count ? texts[i] : ""
        // The call's name: the first text argument of the gathered coroutine (guarded(sem, "search", …)).
        let argument = coroutine.flatMap { g in
          g.frame.locals.prefix(g.function.code.argcount).lazy.compactMap { ($0 as? StrObject)?.value }.first
        }
        let name = argument ?? text.split(separator: ":").first.map(String.init) ?? coroutine?.function.name ?? "call \(i + 1)"
        let timedOut = task.map { self.timeoutsByTask[ObjectIdentifier($0)] ?? 0 > 0 } ?? false
        let raised = task.map { self.errorsByTask[ObjectIdentifier($0)] ?? 0 > 0 } ?? false
        let failed = raised || (list.items.indices.contains(i) && list.items[i] is ExceptionObject)
        let outcome = timedOut || text.hasSuffix(":timeout") ? "timeout" : (failed ? "error" : "ok")
        return Observation.Call(name: name, outcome: outcome, startedAt: task.flatMap { self.acquiredAt[ObjectIdentifier($0)] } ?? coroutine?.firstResumedAt, endedAt: ended[i] ?? f.loop.time)
      }
    }
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
  }

  func observeAcquired(_ s: SemaphoreObject) {
    if let t = loop?.currentTask, acquiredAt[ObjectIdentifier(t)] == nil { acquiredAt[ObjectIdentifier(t)] = t.loop.time }
    let holders = s.initial - s.value
    if holders > observation.peakConcurrency { observation.peakConcurrency = holders }
  }
}

/// `acquire()` or `__aenter__` of a lock or semaphore: awaits the model's acquire, then runs
/// `acquired` (a semaphore notes how many hold it) and gives `True`, or `None` for `__aenter__`.
final class Acquire: Coroutine {
  let inner: Coroutine
  let returnsNone: Bool
  let acquired: (() -> Void)?
  var started = false
  init(_ inner: Coroutine, returnsNone: Bool, acquired: (() -> Void)? = nil) {
    self.inner = inner
    self.returnsNone = returnsNone
    self.acquired = acquired
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
      acquired?()
      return .returned(returnsNone ? NoneObject.shared : v)
    }
  }
}

extension Machine {
  /// A semaphore's acquire, observed.
  func observedAcquire(_ s: SemaphoreObject, returnsNone: Bool) throws -> Coroutine {
    Acquire(try s.semaphore.acquire(), returnsNone: returnsNone) { [unowned self] in self.observeAcquired(s) }
  }
}
