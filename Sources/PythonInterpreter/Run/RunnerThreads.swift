import Foundation
import Synchronization

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

  private let queue = Mutex<[Job]>([])
  private let available = DispatchSemaphore(value: 0)

  private init(count: Int) {
    for _ in 0..<count {
      let thread = Thread { [self] in
        while true {
          available.wait()
          guard let job = queue.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) else { continue }
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
    queue.withLock { $0.append(job) }
    available.signal()
    job.done.wait()
    return job.result!
  }
}
