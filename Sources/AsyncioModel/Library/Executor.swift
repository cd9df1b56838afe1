/// The loop's default executor, for `loop.run_in_executor(None, fn)` and `asyncio.to_thread(fn)`:
/// a pool of worker threads that run beside the loop, in virtual time.
///
/// A job is blocking work done on a worker instead of the loop's thread: it starts when a worker
/// is free (at once, or when an earlier job ends), takes as long as the host says its work took,
/// and then hands its outcome to the loop (`call_soon_threadsafe`), which finishes the job's
/// future. The pool has `min(32, os.cpu_count() + 4)` workers, as `ThreadPoolExecutor` does;
/// the model's `os.cpu_count()` is ``cpuCount``.
///
/// The model runs a job's work whole at the instant it starts: what the work prints is printed
/// then, not spread over its duration.
public final class Executor {
  /// The `os.cpu_count()` the model reports.
  public static let cpuCount = 2
  /// The workers every machine's pool has (`min(32, cpu_count + 4)` with one core): up to this
  /// many jobs at once start at once everywhere; past it, whether a job waits depends on the
  /// machine's cores.
  public static let workersOnEveryMachine = 5
  /// Jobs running now.
  public var running: Int { busy }
  /// The number of workers.
  public let workers: Int
  private var busy = 0
  private var queued = RingBuffer<Job>()
  /// Jobs started or waiting, not yet finished: while any is, the loop is not deadlocked.
  public private(set) var unfinished = 0
  let loop: EventLoop

  /// The work of one job: run it, and say how it ended and how many seconds it took.
  public typealias Work = () -> (outcome: Resumption, seconds: Double)

  struct Job {
    let future: Future
    let work: Work
  }

  init(loop: EventLoop, workers: Int = min(32, Executor.cpuCount + 4)) {
    self.loop = loop
    self.workers = workers
  }

  /// `loop.run_in_executor(None, fn)`: the future of the job.
  public func submit(_ work: @escaping Work) -> Future {
    let future = Future(loop: loop)
    unfinished += 1
    loop.pendingOutsideWork += 1
    let job = Job(future: future, work: work)
    if busy < workers {
      start(job)
    } else {
      queued.append(job)
    }
    return future
  }

  private func start(_ job: Job) {
    busy += 1
    let (outcome, seconds) = job.work()
    loop.callLater(max(seconds, 0)) { [self] in finish(job, outcome) }
  }

  private func finish(_ job: Job, _ outcome: Resumption) {
    busy -= 1
    unfinished -= 1
    loop.pendingOutsideWork -= 1
    // `futures._chain_future`: a cancelled destination stays cancelled.
    if !job.future.isCancelled {
      switch outcome {
      case .value(let value): job.future.setResult(value)
      case .error(let error): job.future.setException(error)
      }
    }
    if let next = queued.popFirst() { start(next) }
    if unfinished == 0, let idle {
      self.idle = nil
      idle.setResult(nil)
    }
  }

  private var idle: Future?

  /// A future done once no job is left (what joining the pool's threads waits for).
  public func whenIdle() -> Future {
    let future = idle ?? Future(loop: loop)
    if unfinished == 0 {
      if !future.isDone { future.setResult(nil) }
    } else {
      idle = future
    }
    return future
  }
}

extension EventLoop {
  /// The default executor, made on first use (as `loop._default_executor`).
  public var defaultExecutor: Executor {
    if let executor = executorStorage { return executor }
    let executor = Executor(loop: self)
    executorStorage = executor
    return executor
  }

  /// Whether the default executor was ever used.
  public var usedExecutor: Bool { executorStorage != nil }
}
