import Foundation

/// Threads with the large stack the machine needs, made once and reused: a program's run is
/// handed to one and waited for (a new thread per run cost more than the run itself).
final class RunnerThreads: @unchecked Sendable {
  static let shared = RunnerThreads(count: min(8, max(1, ProcessInfo.processInfo.activeProcessorCount)))

  private final class Job: @unchecked Sendable {
    let body: () -> ProgramRun
    var result: ProgramRun?
    let done = DispatchSemaphore(value: 0)
    init(_ body: @escaping () -> ProgramRun) { self.body = body }
  }

  /// Guards `jobs`; the threads wait on it for work.
  private let condition = NSCondition()
  private var jobs: [Job] = []

  private init(count: Int) {
    for _ in 0..<count {
      let thread = Thread { [self] in
        LargeStack.markThisThread()
        while true {
          condition.lock()
          while jobs.isEmpty { condition.wait() }
          let job = jobs.removeFirst()
          condition.unlock()
          job.result = job.body()
          job.done.signal()
        }
      }
      thread.stackSize = Interpreter.stackSize
      thread.start()
    }
  }

  /// Runs `body` on one of the threads and returns what it gave.
  func perform(_ body: @escaping () -> ProgramRun) -> ProgramRun {
    let job = Job(body)
    condition.lock()
    jobs.append(job)
    condition.signal()
    condition.unlock()
    job.done.wait()
    return job.result!
  }
}

/// Marks the threads made with the stack a program's run needs (``Interpreter/stackSize``).
enum LargeStack {
  private static let key: pthread_key_t = {
    var key = pthread_key_t()
    pthread_key_create(&key, nil)
    return key
  }()

  /// Says that the calling thread was made with ``Interpreter/stackSize`` of stack.
  static func markThisThread() { pthread_setspecific(key, UnsafeRawPointer(bitPattern: 1)) }

  /// Whether the calling thread was made with that stack.
  static var here: Bool { pthread_getspecific(key) != nil }
}

/// What ``Interpreter/onLargeStack(_:)`` hands its thread.
private final class LargeStackJob<T>: @unchecked Sendable {
  var value: T?
  let body: () -> T
  let done = DispatchSemaphore(value: 0)
  init(_ body: @escaping () -> T) { self.body = body }
}

extension Interpreter {
  /// Whether a run can be made on the calling thread: it is one made with ``stackSize`` of
  /// stack (a runner, or the thread of ``onLargeStack(_:)``), of which its caller uses little.
  static var canRunHere: Bool { LargeStack.here }

  /// Runs `body` on a thread of its own with the stack a program's run needs, and waits for it:
  /// every run `body` makes is then made on the spot, not handed to another thread and waited
  /// for (which cost about a tenth of checking a program). For a process's main work.
  public static func onLargeStack<T>(_ body: @escaping () -> T) -> T {
    if canRunHere { return body() }
    let job = LargeStackJob(body)
    let thread = Thread {
      LargeStack.markThisThread()
      job.value = job.body()
      job.done.signal()
    }
    thread.stackSize = stackSize
    thread.start()
    job.done.wait()
    return job.value!
  }
}
