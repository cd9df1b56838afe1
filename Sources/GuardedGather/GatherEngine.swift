@_exported import AsyncioModel
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs a ``GatherBatch`` exactly as CPython's asyncio runs the lesson page's program.
///
/// The batch becomes one canonical program (`gather` over calls guarded by a `Semaphore` and
/// `wait_for`, with the batch's options), built as tasks on the asyncio model of the chosen
/// CPython version (`AsyncioModel`). On the virtual clock (``runVirtual(_:python:)``) a run is
/// instant and the same on every run and machine; ``runReal(_:python:interruption:)`` runs the
/// same loop on the wall clock.
///
/// ## Semantics
/// Those of CPython's asyncio, version by version: FIFO semaphores, `wait_for` (its own task in
/// 3.10 and 3.11, `asyncio.timeout` from 3.12), timers firing in the order they were set when
/// their instants are equal (so a call that ends exactly at its deadline times out), and a
/// failure that propagates out of `gather` while the other calls are cancelled afterwards.
public enum GatherEngine {
  /// Runs `batch` on the virtual clock.
  ///
  /// - Parameters:
  ///   - batch: The calls and the options.
  ///   - python: The CPython version whose asyncio to reproduce. The default is
  ///     ``PythonVersion/default``.
  /// - Returns: The trace. A failing call or a deadlock is reported in ``GatherTrace/failure``.
  public static func runVirtual(_ batch: GatherBatch, python: PythonVersion = .default) -> GatherTrace {
    run(batch, loop: EventLoop(version: python))
  }

  /// Runs `batch` in real time: the loop sleeps until its next timer, as asyncio's selector does.
  ///
  /// - Parameter interruption: ``GatherInterruption/interrupt()`` on it from another thread (a
  ///   Ctrl-C handler) stops the run, which then reports ``GatherFailure/interrupted``.
  public static func runReal(
    _ batch: GatherBatch, python: PythonVersion = .default, interruption: GatherInterruption = GatherInterruption()
  ) -> GatherTrace {
    run(batch, loop: EventLoop(version: python, clock: RealTimeLoopClock(interruption: interruption)))
  }

  /// - Parameter program: What to do with the program before it runs (tests).
  static func run(
    _ batch: GatherBatch, loop: EventLoop, program prepare: (GuardedGatherProgram) -> Void = { _ in }
  ) -> GatherTrace {
    let program = GuardedGatherProgram(batch: batch, loop: loop)
    prepare(program)
    defer { loop.close() }
    let (deadlocked, interrupted) = program.run()
    var failure: GatherFailure?
    if let error = program.failure as? BasicLoopError {
      let index = batch.calls.indices.first {
        program.outcomes[$0] == .error && batch.calls[$0].failure == error.message
      }
      failure = .callFailed(name: index.map { batch.calls[$0].name } ?? "", message: error.message)
    } else if deadlocked {
      failure = .deadlock(waiting: program.waitingAtDeadlock)
    } else if interrupted {
      failure = .interrupted
    }
    // Ticks (microseconds) to the trace's nanoseconds, in place.
    for index in program.startedAt.indices {
      if program.startedAt[index] >= 0 { program.startedAt[index] *= 1_000 }
      program.endedAt[index] *= 1_000
    }
    return GatherTrace(
      failure: failure, calls: batch.calls, startedAt: program.startedAt,
      endedAt: program.endedAt, outcomes: program.outcomes, peakConcurrency: program.peak,
      elapsed: .microseconds(program.elapsed), swallowsErrors: batch.errors == .swallow, python: loop.version)
  }
}

/// Stops a real-time run from another thread (a Ctrl-C handler).
public final class GatherInterruption: Sendable {
  private let flag = Mutex(false)

  /// Creates a flag that is not raised.
  public init() {}

  /// Stops the run at the loop's next look at the clock.
  public func interrupt() { flag.withLock { $0 = true } }

  /// Whether ``interrupt()`` was called.
  public var isInterrupted: Bool { flag.withLock { $0 } }
}

/// The wall clock for the loop: waiting sleeps, in short slices so that an interruption is seen.
final class RealTimeLoopClock: LoopClock {
  let interruption: GatherInterruption
  let origin: UInt64

  init(interruption: GatherInterruption) {
    self.interruption = interruption
    self.origin = Self.monotonicMicroseconds()
  }

  static func monotonicMicroseconds() -> UInt64 {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return UInt64(spec.tv_sec) * 1_000_000 + UInt64(spec.tv_nsec) / 1_000
  }

  var now: Int64 { Int64(Self.monotonicMicroseconds() - origin) }

  func wait(from now: Int64, until deadline: Int64) -> Int64? {
    while true {
      if interruption.isInterrupted { return nil }
      let current = self.now
      if current >= deadline { return current }
      usleep(useconds_t(min(deadline - current, 20_000)))
    }
  }

  func block(from now: Int64, by step: Int64) -> Int64 {
    let target = self.now + step
    while self.now < target { usleep(useconds_t(min(target - self.now, 20_000))) }
    return self.now
  }

  func waitForOutsideWork(from now: Int64, loop: EventLoop) -> Int64? { self.now }

  var isInterrupted: Bool { interruption.isInterrupted }
}
