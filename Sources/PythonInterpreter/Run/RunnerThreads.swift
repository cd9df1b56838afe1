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
