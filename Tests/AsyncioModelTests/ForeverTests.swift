import AsyncioModel
import Testing

/// `asyncio.sleep(math.inf)` (or of ages) sets a timer CPython never reaches: the program waits
/// for ever. On the virtual clock that is a deadlock, not a jump to the end of time.
@Suite struct ForeverTests {
  @Test(arguments: [Double.infinity, 1e300])
  func aSleepForEverWithNothingElseToDoIsADeadlock(delay: Double) {
    let loop = EventLoop(version: .v3_13)
    defer { loop.close() }
    let task = loop.createTask(Sleep(delay, loop: loop))
    #expect(loop.runUntilComplete(task) == .deadlock)
    #expect(loop.ticks == 0)
    #expect(!task.isDone)
  }

  @Test(arguments: PythonVersion.allCases)
  func aTimeoutStillEndsASleepForEver(version: PythonVersion) {
    let loop = EventLoop(version: version)
    defer { loop.close() }
    let waiting = loop.createTask(WaitFor.make(.coroutine(Sleep(.infinity, loop: loop)), timeout: 1.5, version: version))
    #expect(loop.runUntilComplete(waiting) == .completed)
    #expect(loop.ticks == 1_500_000)
    #expect(waiting.isDone)
  }

  @Test func aLongButFiniteSleepStillEnds() {
    let loop = EventLoop(version: .v3_12)
    defer { loop.close() }
    let task = loop.createTask(Sleep(86_400 * 365, loop: loop))
    #expect(loop.runUntilComplete(task) == .completed)
    #expect(loop.ticks == 86_400 * 365 * 1_000_000)
  }
}
