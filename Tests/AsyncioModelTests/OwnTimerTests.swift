import AsyncioModel
import Testing

/// A sleep's future and a timeout scope are their own timers (no `TimerHandle` of their own):
/// cancelled, they neither fire nor keep the loop waiting, exactly as the handle CPython makes.
@Suite struct OwnTimerTests {
  /// `asyncio.sleep(10)` cancelled at 1 s: its timer is cancelled in the sleep's `finally`, so
  /// a loop with nothing else to do is deadlocked at 1 s, not at 10 s.
  @Test(arguments: PythonVersion.allCases)
  func aCancelledSleepNeitherFiresNorKeepsTheLoopWaiting(version: PythonVersion) {
    let loop = EventLoop(version: version)
    defer { loop.close() }
    let sleeper = loop.createTask(Sleep(10, loop: loop))
    loop.callLater(1) { sleeper.cancel() }
    #expect(loop.runUntilComplete(Future(loop: loop)) == .deadlock)
    #expect(loop.ticks == 1_000_000)
    #expect(sleeper.isCancelled)
  }

  /// A sleep that ends is woken by its timer at its instant, with the result it was given.
  @Test func aSleepWakesWithItsResult() {
    let loop = EventLoop(version: .v3_13)
    defer { loop.close() }
    let result = Future(loop: loop)
    let sleeper = loop.createTask(Sleep(2.5, result: result, loop: loop))
    #expect(loop.runUntilComplete(sleeper) == .completed)
    #expect(loop.ticks == 2_500_000)
    #expect(sleeper.value === result)
  }

  /// `asyncio.timeout(first)` rescheduled to `then` seconds: it expires at its new deadline,
  /// whether sooner or later, and the deadline it replaced is cancelled (it neither expires the
  /// scope nor keeps the loop waiting: left with nothing to do, the loop is deadlocked at once).
  @Test(arguments: [(5.0, 2.0), (2.0, 5.0)])
  func aRescheduledTimeoutExpiresOnceAtItsNewDeadline(first: Double, then: Double) {
    for version in PythonVersion.allCases where version.hasTimeoutsAndTaskGroups {
      let loop = EventLoop(version: version)
      defer { loop.close() }
      let scope = TimeoutScope(when: nil)
      let task = loop.createTask(Rescheduled(scope: scope, first: first, then: then, never: Future(loop: loop)))
      #expect(loop.runUntilComplete(task) == .completed)
      #expect(loop.ticks == Int64(then * 1_000_000))
      #expect(task.exception?.category == .timeout)
      #expect(scope.state == .expired)
      #expect(loop.runUntilComplete(Future(loop: loop)) == .deadlock)
      #expect(loop.ticks == Int64(then * 1_000_000))
    }
  }

  /// `async with asyncio.timeout(first): scope.reschedule(loop.time() + then); await never`.
  final class Rescheduled: Coroutine {
    let scope: TimeoutScope
    let first: Double
    let then: Double
    let never: Future
    var entered = false

    init(scope: TimeoutScope, first: Double, then: Double, never: Future) {
      self.scope = scope
      self.first = first
      self.then = then
      self.never = never
    }

    func resume(_ input: Resumption, in task: Task) -> CoroutineStep {
      if !entered {
        entered = true
        _ = scope.enter(in: task, after: first)
        scope.reschedule(task.loop.time + then, loop: task.loop)
        return .awaitFuture(never)
      }
      switch input {
      case .value(let value): return .returned(value)
      case .error(let error): return .raised(scope.exit(with: error) ?? error)
      }
    }
  }
}
