import Testing

@testable import AsyncioModel

/// A family of tasks (`Gather.start(count:shape:)`) against the same coroutines gathered one task
/// at a time: the same order of events, the same results, and the same end when one of them stops
/// the loop.
@Suite struct TaskFamilyModelTests {
  /// `async def member(i)`: `async with semaphore` (when the shape has one), logs, sleeps
  /// `i % 3` ticks' worth, returns `i * 10` (or `None` for even `i`), and member `exitAt` raises
  /// `SystemExit` at its first line.
  final class Shape: TaskFamilyShape {
    let loop: EventLoop
    let semaphore: Semaphore?
    let exitAt: Int?
    var log: [String] = []

    init(loop: EventLoop, limit: Int?, exitAt: Int? = nil) {
      self.loop = loop
      self.semaphore = limit.map { Semaphore(value: $0, loop: loop) }
      self.exitAt = exitAt
    }

    func coroutine(_ index: Int) -> Coroutine { Member(self, index) }
    func semaphoreOfFirstStep(_ index: Int) -> Semaphore? { index == exitAt ? nil : semaphore }
    func coroutineWaiting(_ index: Int, on waiter: Coroutine) -> Coroutine {
      let member = Member(self, index)
      member.stage = 1
      return member
    }
  }

  final class Member: SleepingFuture, Coroutine {
    let shape: Shape
    let index: Int
    var stage = 0

    init(_ shape: Shape, _ index: Int) {
      self.shape = shape
      self.index = index
      super.init(loop: shape.loop)
    }

    func resume(_ input: Resumption, in task: Task) -> CoroutineStep {
      if case .error(let error) = input {
        shape.log.append("\(index) raised \(error.category) at \(task.loop.ticks)")
        if stage == 2 { shape.semaphore?.release() }
        return .raised(error)
      }
      switch stage {
      case 0:
        if index == shape.exitAt {
          shape.log.append("\(index) exits (\(task.name))")
          return .raised(BasicLoopError(.exit, "exit"))
        }
        // Only waits when the semaphore is locked: the first step a family may keep as a number.
        if let semaphore = shape.semaphore, !semaphore.acquireIfFree() {
          stage = 1
          return .awaitCoroutine(semaphore.acquire())
        }
        shape.log.append("\(index) starts (\(task.name))")
        fallthrough
      case 1:
        stage = 2
        shape.log.append("\(index) has a slot at \(task.loop.ticks)")
        wake(after: Double(index % 3) / 1000, with: nil)
        return .awaitFuture(self)
      default:
        shape.log.append("\(index) ends at \(task.loop.ticks)")
        shape.semaphore?.release()
        return .returned(index % 2 == 0 ? nil : LoopString("\(index * 10)"))
      }
    }
  }

  static func run(count: Int, limit: Int?, asFamily: Bool, cancelAt: Int64? = nil, exitAt: Int? = nil) -> [String] {
    let loop = EventLoop()
    defer { loop.close() }
    let shape = Shape(loop: loop, limit: limit, exitAt: exitAt)
    let gathering =
      asFamily
      ? Gather.start(count: count, shape: shape, returnExceptions: true, loop: loop)
      : Gather.start((0..<count).map { .coroutine(shape.coroutine($0)) }, returnExceptions: true, loop: loop)
    if let cancelAt { loop.callAt(Double(cancelAt) / 1_000_000) { gathering.cancel() } }
    loop.callSoon { shape.log.append("a callback scheduled after the gather") }
    var end = loop.runUntilComplete(gathering)
    shape.log.append("run: \(end), \(loop.allTasks.map(\.name))")
    if end == .exited {
      _ = loop.takeEscaping()
      end = loop.runUntilComplete(gathering)
      shape.log.append("run again: \(end)")
    }
    if gathering.isDone, !gathering.isCancelled, case .value(let values as GatheredValues) = gathering.outcome() {
      shape.log.append(
        values.items.map {
          switch $0 {
          case .value(let value): (value as? LoopString)?.text ?? "None"
          case .error(let error): "\(error.category)"
          }
        }.joined(separator: " "))
    }
    return shape.log
  }

  @Test(arguments: [nil, 0, 1, 2, 5] as [Int?])
  func aFamilyRunsAsItsTasksMadeOneByOne(limit: Int?) {
    for cancelAt in [nil, 0, 1_000, 2_000] as [Int64?] {
      let expected = Self.run(count: 12, limit: limit, asFamily: false, cancelAt: cancelAt)
      #expect(Self.run(count: 12, limit: limit, asFamily: true, cancelAt: cancelAt) == expected)
      #expect(limit == 0 || expected.count > 12)
    }
  }

  /// `SystemExit` in the third member's first step stops the loop after it; the members after it
  /// run their first steps first when the loop runs again, before anything scheduled later.
  @Test(arguments: [nil, 1] as [Int?])
  func aStepThatStopsTheLoopLeavesTheOtherFirstStepsFirst(limit: Int?) {
    let expected = Self.run(count: 6, limit: limit, asFamily: false, exitAt: 2)
    #expect(Self.run(count: 6, limit: limit, asFamily: true, exitAt: 2) == expected)
    let exit = try! #require(expected.firstIndex { $0.hasPrefix("run: exited") })
    if limit == nil {
      let after = expected[(exit + 1)...]
      #expect(after.filter { $0.contains("starts") } == ["3 starts (Task-4)", "4 starts (Task-5)", "5 starts (Task-6)"])
      #expect(after.firstIndex(of: "5 starts (Task-6)")! < after.firstIndex(of: "a callback scheduled after the gather")!)
    }
  }
}
