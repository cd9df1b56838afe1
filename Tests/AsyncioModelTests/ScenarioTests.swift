import AsyncioModel
import Foundation
import Testing

/// The model's primitives agree with CPython's, version by version, on the small scenarios of
/// `scenarios.py` (recorded in `scenarios.json`): every `time label event` line, in order.
@Suite struct ScenarioTests {
  static let recorded: [String: [String: [String]]] = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("scenarios.json")
    guard let data = try? Data(contentsOf: url),
      let object = try? JSONSerialization.jsonObject(with: data) as? [String: [String: [String]]]
    else { return [:] }
    return object
  }()

  /// Scenarios where CPython iterates a set of tasks (TaskGroup cancels its tasks in set order,
  /// which is not a rule of the language): lines of one instant are compared as a set.
  static let setOrdered: Set<String> = ["task_group_failure_cancels_siblings"]

  static let names = Scenarios.all.map(\.name)

  @Test func everyRecordedScenarioIsBuilt() {
    #expect(Set(Self.recorded.keys) == Set(Self.names))
    #expect(Self.names.count >= 11)
  }

  @Test(arguments: names)
  func agreesWithCPython(_ name: String) throws {
    let build = try #require(Scenarios.all.first { $0.name == name }).build
    for version in PythonVersion.allCases {
      let expected = try #require(Self.recorded[name]?[version.rawValue], "no recording for \(version)")
      let observed = Scenarios.run(build, version: version)
      if Self.setOrdered.contains(name) {
        #expect(Self.byInstant(observed) == Self.byInstant(expected), "Python \(version)")
      } else {
        #expect(observed == expected, "Python \(version)")
      }
    }
  }

  static func byInstant(_ lines: [String]) -> [String: [String]] {
    Dictionary(grouping: lines) { String($0.prefix(5)) }.mapValues { $0.sorted() }
  }
}

/// The scenarios of `scenarios.py`, built on the model.
enum Scenarios {
  typealias Build = @Sendable (EventLoop, ScenarioLog) -> Coroutine

  static let all: [(name: String, build: Build)] = [
    ("lock_fifo_and_cancel", lockFifoAndCancel),
    ("event_set_wakes_all", eventSetWakesAll),
    ("queue_producer_consumer", queueProducerConsumer),
    ("shield_keeps_inner_running", shieldKeepsInnerRunning),
    ("wait_first_completed_with_timeout", waitFirstCompleted),
    ("as_completed_in_order_of_finishing", asCompletedInOrder),
    ("wait_for_in_each_version", waitForInEachVersion),
    ("timeout_block", timeoutBlock),
    ("task_group_failure_cancels_siblings", taskGroupFailure),
    ("semaphore_cancelled_waiter", semaphoreCancelledWaiter),
    ("gather_failure_leaves_others_running", gatherFailure),
  ]

  /// As `run_one` in `scenarios.py`: main to completion, then what is left is cancelled.
  static func run(_ build: Build, version: PythonVersion) -> [String] {
    let loop = EventLoop(version: version, host: ScenarioHost())
    defer { loop.close() }
    let log = ScenarioLog()
    let main = loop.createTask(build(loop, log))
    _ = loop.runUntilComplete(main, maxIterations: 100_000)
    let pending = loop.allTasks
    for task in pending { task.cancel() }
    if !pending.isEmpty {
      _ = loop.runUntilComplete(Gather.start(pending.map(Awaitable.future), returnExceptions: true, loop: loop))
    }
    log.add(loop, "end", "")
    return log.lines
  }

  static func sleep(_ delay: Double) -> (Task) -> Awaitable { { .coroutine(Sleep(delay, loop: $0.loop)) } }

  static func sleeper(_ log: ScenarioLog, _ label: String, _ delay: Double, value: String? = nil, fails: String? = nil)
    -> Script
  {
    Script(log, [.await(label + ".sleep", reraise: true, sleep(delay)), fails.map { .fail($0) } ?? .returning(value)])
  }

  static func gatherOf(_ futures: [Future]) -> (Task) -> Awaitable {
    { .future(Gather.start(futures.map(Awaitable.future), returnExceptions: true, loop: $0.loop)) }
  }

  static func lockFifoAndCancel(_ loop: EventLoop, _ log: ScenarioLog) -> Coroutine {
    let lock = Lock(loop: loop)
    func worker(_ name: String, _ hold: Double) -> Script {
      var acquired = false
      return Script(
        log,
        [
          .await(name + ".acquire", reraise: true) { _ in .coroutine(lock.acquire()) },
          .run { _ in acquired = true },
          .await(name + ".hold", reraise: true, sleep(hold)),
        ],
        finally: { task in
          guard acquired else { return }
          _ = lock.release()
          log.add(task.loop, name, "released")
        })
    }
    let tasks = [("a", 0.1), ("b", 0.1), ("c", 0.05)].map { loop.createTask(worker($0.0, $0.1)) }
    return Script(
      log, [.quietly(sleep(0.05)), .run { _ in tasks[1].cancel() }, .await("gather", reraise: false, gatherOf(tasks))])
  }

  static func eventSetWakesAll(_ loop: EventLoop, _ log: ScenarioLog) -> Coroutine {
    let event = Event(loop: loop)
    let tasks = ["a", "b", "c"].map { name in
      loop.createTask(Script(log, [.await(name + ".wait", reraise: false) { _ in .coroutine(event.wait()) }]))
    }
    return Script(
      log,
      [
        .quietly(sleep(0.2)),
        .run { task in
          event.set()
          log.add(task.loop, "main", "set")
        },
        .await("gather", reraise: false, gatherOf(tasks)),
      ])
  }

  static func queueProducerConsumer(_ loop: EventLoop, _ log: ScenarioLog) -> Coroutine {
    let queue = Queue(maxSize: 1, loop: loop)
    var producer: [Script.Step] = (0..<3).map { i in
      .await("put\(i)", reraise: false) { _ in .coroutine(queue.put(LoopString("\(i)"))) }
    }
    producer.append(.await("join", reraise: false) { _ in .coroutine(queue.join()) })
    var consumer: [Script.Step] = []
    for _ in 0..<3 {
      consumer += [
        .await("get", reraise: false) { _ in .coroutine(queue.get()) }, .quietly(sleep(0.1)),
        .run { _ in _ = queue.taskDone() },
      ]
    }
    let both: [Awaitable] = [.coroutine(Script(log, producer)), .coroutine(Script(log, consumer))]
    return Script(
      log, [.await("gather", reraise: false) { task in .future(Gather.start(both, loop: task.loop)) }])
  }

  static func shieldKeepsInnerRunning(_ loop: EventLoop, _ log: ScenarioLog) -> Coroutine {
    let inner = loop.createTask(sleeper(log, "inner", 0.3, value: "done"))
    let outer = loop.createTask(Script(log, [.quietly { task in .future(Shield.start(.future(inner), loop: task.loop)) }]))
    return Script(
      log,
      [
        .quietly(sleep(0.1)), .run { _ in outer.cancel() },
        .await("outer", reraise: false) { _ in .future(outer) },
        .await("inner", reraise: false) { _ in .future(inner) },
      ])
  }

  static func waitFirstCompleted(_ loop: EventLoop, _ log: ScenarioLog) -> Coroutine {
    let tasks = [("a", 0.3), ("b", 0.1), ("c", 0.2)].map { loop.createTask(sleeper(log, $0.0, $0.1, value: $0.0)) }
    var waits: [Wait] = []
    func wait(_ timeout: Double?, _ when: Wait.ReturnWhen) -> Script.Step {
      .quietly { _ in
        let wait = Wait(tasks, timeout: timeout, returnWhen: when)
        waits.append(wait)
        return .coroutine(wait)
      }
    }
    return Script(
      log,
      [
        wait(0.15, .firstCompleted),
        .run { task in
          let names = waits[0].done.map { ScenarioLog.describe($0.value) }.sorted().map { "'\($0)'" }
          log.add(task.loop, "wait1", "done [\(names.joined(separator: ", "))] pending \(waits[0].pending.count)")
        },
        wait(0.1, .allCompleted),
        .run { task in log.add(task.loop, "wait2", "done \(waits[1].done.count) pending \(waits[1].pending.count)") },
        wait(nil, .allCompleted),
        .run { task in log.add(task.loop, "wait3", "done \(waits[2].done.count) pending \(waits[2].pending.count)") },
      ])
  }

  static func asCompletedInOrder(_ loop: EventLoop, _ log: ScenarioLog) -> Coroutine {
    let tasks = [("a", 0.3), ("b", 0.1), ("c", 0.2)].map { loop.createTask(sleeper(log, $0.0, $0.1, value: $0.0)) }
    let iterator = AsCompleted(tasks.map(Awaitable.future), timeout: 0.25, loop: loop)
    return Script(
      log, (0..<3).map { i in .await("next\(i)", reraise: false) { _ in .coroutine(iterator.next()!) } })
  }

  static func waitForInEachVersion(_ loop: EventLoop, _ log: ScenarioLog) -> Coroutine {
    func waitFor(_ label: String, _ name: String, _ delay: Double, _ timeout: Double?) -> Script.Step {
      .await(label, reraise: false) { task in
        .coroutine(
          WaitFor.make(.coroutine(sleeper(log, name, delay, value: name)), timeout: timeout, version: task.loop.version))
      }
    }
    return Script(
      log,
      [
        waitFor("fast", "f", 0.1, 0.2), waitFor("slow", "s", 0.3, 0.2), waitFor("tie", "t", 0.2, 0.2),
        waitFor("zero", "z", 0.1, 0), waitFor("none", "n", 0.1, nil),
      ])
  }

  /// `async with asyncio.timeout(delay): <body>`.
  final class TimeoutBlock: Coroutine {
    let delay: Double
    let body: Coroutine
    var scope: TimeoutScope?

    init(_ delay: Double, _ body: Coroutine) {
      self.delay = delay
      self.body = body
    }

    func resume(_ input: Resumption, in task: Task) -> CoroutineStep {
      guard let scope else {
        let scope = TimeoutScope(delay: delay, loop: task.loop)
        self.scope = scope
        scope.enter(in: task)
        return .awaitCoroutine(body)
      }
      switch input {
      case .value(let value): return scope.exit(with: nil).map { .raised($0) } ?? .returned(value)
      case .error(let error): return .raised(scope.exit(with: error) ?? error)
      }
    }
  }

  static func timeoutBlock(_ loop: EventLoop, _ log: ScenarioLog) -> Coroutine {
    guard loop.version.hasTimeoutsAndTaskGroups else {
      return Script(log, [.run { task in log.add(task.loop, "main", "no asyncio.timeout") }])
    }
    return Script(
      log,
      [
        .await("block", reraise: false) { _ in
          .coroutine(TimeoutBlock(0.15, Script(log, [.await("inside", reraise: true, sleep(0.3))])))
        },
        .await("fine", reraise: false) { _ in
          .coroutine(Script(log, [.quietly { _ in .coroutine(TimeoutBlock(0.5, Script(log, [.quietly(sleep(0.1))]))) }, .returning("fine")]))
        },
      ])
  }

  /// `async with asyncio.TaskGroup() as group: group.create_task(...)` for each coroutine.
  final class TaskGroupBlock: Coroutine {
    let make: (EventLoop) -> [Coroutine]
    var group: TaskGroup?

    init(_ make: @escaping (EventLoop) -> [Coroutine]) { self.make = make }

    func resume(_ input: Resumption, in task: Task) -> CoroutineStep {
      guard group == nil else {
        if case .error(let error) = input { return .raised(error) }
        return .returned(nil)
      }
      let group = TaskGroup(loop: task.loop)
      self.group = group
      if let error = group.enter(in: task) { return .raised(error) }
      for coroutine in make(task.loop) { _ = group.createTask(coroutine) }
      return .awaitCoroutine(group.exit(with: nil))
    }
  }

  static func taskGroupFailure(_ loop: EventLoop, _ log: ScenarioLog) -> Coroutine {
    guard loop.version.hasTimeoutsAndTaskGroups else {
      return Script(log, [.run { task in log.add(task.loop, "main", "no TaskGroup") }])
    }
    return Script(
      log,
      [
        .await("group", reraise: false) { _ in
          .coroutine(
            TaskGroupBlock { _ in
              [
                sleeper(log, "a", 0.3, value: "a"), sleeper(log, "b", 0.1, fails: "boom"),
                sleeper(log, "c", 0.2, value: "c"),
              ]
            })
        }
      ])
  }

  static func semaphoreCancelledWaiter(_ loop: EventLoop, _ log: ScenarioLog) -> Coroutine {
    let semaphore = Semaphore(value: 1, loop: loop)
    func worker(_ name: String) -> Script {
      var held = false
      return Script(
        log,
        [
          .quietly { _ in .coroutine(semaphore.acquire()) },
          .run { task in
            held = true
            log.add(task.loop, name, "in")
          },
          .quietly(sleep(0.1)),
          .run { task in
            held = false
            semaphore.release()
            log.add(task.loop, name, "out")
          },
        ],
        finally: { _ in if held { semaphore.release() } })
    }
    let tasks = ["a", "b", "c", "d"].map { loop.createTask(worker($0)) }
    return Script(
      log,
      [
        .quietly(sleep(0.05)), .run { _ in tasks[1].cancel() }, .quietly(sleep(0.05)),
        .run { _ in tasks[2].cancel() }, .await("gather", reraise: false, gatherOf(tasks)),
      ])
  }

  static func gatherFailure(_ loop: EventLoop, _ log: ScenarioLog) -> Coroutine {
    let tasks = [("a", 0.1, "x"), ("b", 0.2, nil), ("c", 0.05, nil)].map { name, delay, fails in
      loop.createTask(sleeper(log, name, delay, value: name, fails: fails))
    }
    return Script(
      log,
      [
        .await("gather", reraise: false) { task in .future(Gather.start(tasks.map(Awaitable.future), loop: task.loop)) },
        .await("b", reraise: false) { _ in .future(tasks[1]) },
      ])
  }
}

/// Every scenario frees its loop once it is closed: no cycle of frames, futures and handles.
@Suite struct ScenarioLeakTests {
  @Test(arguments: ScenarioTests.names)
  func theLoopIsFreed(_ name: String) throws {
    let build = try #require(Scenarios.all.first { $0.name == name }).build
    for version in PythonVersion.allCases {
      weak var weakLoop: EventLoop?
      do {
        let loop = EventLoop(version: version, host: ScenarioHost())
        weakLoop = loop
        let main = loop.createTask(build(loop, ScenarioLog()))
        _ = loop.runUntilComplete(main, maxIterations: 100_000)
        loop.close()
      }
      #expect(weakLoop == nil, "Python \(version)")
    }
  }
}
