import Foundation
import GuardedGather
import LessonKit
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Grades submissions in worker processes that this process supervises, so that no submission
/// can stop the batch: a worker that dies on a file, or takes longer than the budget, is replaced
/// and that file is recorded as an `error` with the reason.
///
/// Each worker is the `lesson` binary run as `lesson _grade-worker`; jobs and grades travel one
/// line of JSON each way over its standard input and output (``GradeRecord/wire``). Workers run
/// side by side, one thread each here; the records come back in the submissions' order.
struct GradeWorkers {
  /// The `lesson` binary.
  var executable: String
  /// The course folder, for the workers to load the lessons from.
  var course: String
  var strict: Bool
  /// The Python whose asyncio the workers model.
  var python: PythonVersion
  /// How many workers run at once.
  var count: Int
  /// How long one submission may take, in seconds.
  var budget: Double
  /// What of each record to keep (``GradeRecord/Detail``).
  var detail: GradeRecord.Detail = .all

  /// Jobs sent to a worker before its first answer is read: enough to keep it busy between two
  /// reads, few enough that the pipes never fill.
  static let inFlight = 16

  /// The grades of `submissions`, in order; their checks go to `spool` when one is given.
  func grade(
    _ submissions: [Submission], specs: [Int: LessonSpec], spool: CheckSpool? = nil,
    progress: (@Sendable (Int) -> Void)? = nil
  ) -> [GradeRecord] {
    signal(SIGPIPE, SIG_IGN)
    let total = submissions.count
    let next = Atomic<Int>(0)
    let done = Atomic<Int>(0)
    let cannotStart = Mutex<String?>(nil)
    let workers = max(1, min(count, total))
    let arguments =
      ["_grade-worker", "--course", course, "--python", python.rawValue] + (strict ? ["--strict"] : [])
      + (detail.contains(.checks) ? [] : ["--brief"]) + (detail.needsTimelines ? ["--timelines"] : [])
    // Every submission fills its own place; the list is handed on whole, never copied.
    let graded = Slots.fill(GradeRecord.placeholder, count: total) { results in
      guard total > 0 else { return }
      DispatchQueue.concurrentPerform(iterations: workers) { _ in
        var pool = TextPool()
        // Jobs are taken in order, and one sent again goes before any new one: this thread sees
        // its records in the gradebook's order, as the keeper needs.
        var examples = ExampleTimelines()
        func record(_ index: Int, _ record: GradeRecord) {
          var record = record.keeping(detail)
          if !detail.contains(.timeline) { examples.keep(&record) }
          spool?.spool(&record)
          // Straight into its place: a class of 50,000 is not held twice.
          results.put(record, at: index)
          let finished = done.add(1, ordering: .relaxed).newValue
          if finished % 500 == 0 { progress?(finished) }
        }
        var worker: WorkerProcess?
        // Sent and not yet answered, oldest first, with when each was sent; and jobs to send again
        // after the worker before failed on an earlier one.
        var pending: [(index: Int, sent: UInt64)] = []
        var retry: [Int] = []
        var lastAnswer: UInt64 = 0
        while true {
          while pending.count < Self.inFlight {
            let index: Int
            if !retry.isEmpty {
              index = retry.removeFirst()
            } else {
              index = next.add(1, ordering: .relaxed).oldValue
              guard index < total else { break }
            }
            let submission = submissions[index]
            // Nothing to read, nothing to risk: graded here.
            guard let path = submission.path, let spec = specs[submission.lesson] else {
              record(index, Grader.grade(submission, spec: specs[submission.lesson], strict: strict, python: python))
              continue
            }
            if worker == nil {
              // A worker that could not start once is not tried again for every file.
              var reason = cannotStart.withLock { $0 }
              if reason == nil {
                do throws(WorkerStartError) {
                  worker = try WorkerProcess(executable: executable, arguments: arguments)
                } catch {
                  reason = error.reason
                  cannotStart.withLock { $0 = $0 ?? error.reason }
                }
              }
              if let reason {
                record(
                  index,
                  failed(
                    submission, spec: spec,
                    "not graded: the grading worker \(executable) could not be started (\(reason))"
                  ))
                continue
              }
            }
            let job = JSONOutput.object([
              ("lesson", .int(submission.lesson)), ("path", .string(path)),
              ("display", .string(submission.display)), ("learner", .string(submission.learner)),
            ]).compact
            pending.append((index, DispatchTime.now().uptimeNanoseconds))
            guard worker!.send(job) else { break }
          }
          guard let head = pending.first, let running = worker else { break }
          // The worker grades in order: the oldest job started when it was sent or when the one
          // before it was answered, whichever came later.
          let deadline = max(head.sent, lastAnswer) + UInt64(budget * 1e9)
          let answer = running.receive(until: deadline)
          lastAnswer = DispatchTime.now().uptimeNanoseconds
          pending.removeFirst()
          let submission = submissions[head.index]
          let spec = specs[submission.lesson]!
          switch answer {
          case .line(let line):
            if var graded = GradeRecord(wire: line, pool: &pool, topics: spec.noteTopics) {
              graded.warnings = submission.warnings + graded.warnings
              record(head.index, graded)
              continue
            }
            record(
              head.index,
              failed(submission, spec: spec, "not graded: the grading worker answered something that is not a grade"))
            running.stop()
          case .exited(let status):
            record(
              head.index,
              failed(
                submission, spec: spec, "not graded: the grading worker died on this file (\(status)); it was replaced")
            )
          case .timedOut:
            running.stop()
            record(
              head.index,
              failed(
                submission, spec: spec,
                "not graded: grading this file took longer than \(Seconds.json(.milliseconds(Int64(budget * 1000)))) s; the worker was stopped and replaced"
              ))
          }
          // The worker is gone: what it had not answered goes to the next one.
          worker = nil
          retry = pending.map(\.index) + retry
          pending = []
        }
        worker?.finish()
      }
    }
    progress?(total)
    return graded
  }

  /// The `error` record of a submission the workers could not grade.
  func failed(_ submission: Submission, spec: LessonSpec, _ reason: String) -> GradeRecord {
    GradeRecord(
      learner: submission.learner, lesson: submission.lesson, status: .error, score: 0,
      maxScore: Grader.maximumScore(spec), explanations: ["\(submission.display): \(reason)"],
      file: submission.display, warnings: submission.warnings)
  }
}

/// Why a worker could not be started.
struct WorkerStartError: Error {
  var reason: String
}

/// One `lesson _grade-worker` process and the two pipes to it.
final class WorkerProcess {
  let pid: pid_t
  private let input: Int32
  private let output: Int32
  private var buffer: [UInt8] = []

  enum Answer {
    case line(String)
    /// It ended: how (`exit 3`, `signal 4`).
    case exited(String)
    case timedOut
  }

  /// How long a worker may take to start and load the course, in seconds: not counted in any
  /// submission's budget.
  static let startBudget = 60.0

  /// Starts a worker and waits for its `ready` line.
  init(executable: String, arguments: [String]) throws(WorkerStartError) {
    let started: Result<(pid_t, Int32, Int32), WorkerStartError> = Self.spawning.withLock { _ in
      Self.start(executable: executable, arguments: arguments)
    }
    (pid, input, output) = try started.get()
    let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(Self.startBudget * 1e9)
    switch receive(until: deadline) {
    case .line(GradeWorkerCommand.ready): return
    case .line(let line):
      stop()
      throw WorkerStartError(reason: "it said '\(line.prefix(80))' instead of ready")
    case .exited(let status): throw WorkerStartError(reason: "it ended at once (\(status))")
    case .timedOut:
      stop()
      throw WorkerStartError(reason: "it was not ready after \(Int(Self.startBudget)) s")
    }
  }

  private static func start(executable: String, arguments: [String]) -> Result<(pid_t, Int32, Int32), WorkerStartError>
  {
    var toChild: [Int32] = [0, 0]
    var fromChild: [Int32] = [0, 0]
    guard pipe(&toChild) else { return .failure(WorkerStartError(reason: String(cString: strerror(errno)))) }
    guard pipe(&fromChild) else {
      close(toChild[0])
      close(toChild[1])
      return .failure(WorkerStartError(reason: String(cString: strerror(errno))))
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
    posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
    // A dying worker's own report (a Swift fatal error) is not for the grader's terminal.
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var child: pid_t = 0
    let status = posix_spawn(&child, executable, &actions, nil, argv, environ)
    close(toChild[0])
    close(fromChild[1])
    guard status == 0 else {
      close(toChild[1])
      close(fromChild[0])
      return .failure(WorkerStartError(reason: String(cString: strerror(status))))
    }
    return .success((child, toChild[1], fromChild[0]))
  }

  /// A pipe whose ends are not inherited by other workers (each worker must see only its own,
  /// or a dead worker's pipe would never report its end). Made under ``spawning``.
  private static func pipe(_ ends: inout [Int32]) -> Bool {
    #if canImport(Glibc)
      guard Glibc.pipe(&ends) == 0 else { return false }
    #else
      guard Darwin.pipe(&ends) == 0 else { return false }
    #endif
    _ = fcntl(ends[0], F_SETFD, FD_CLOEXEC)
    _ = fcntl(ends[1], F_SETFD, FD_CLOEXEC)
    return true
  }

  /// Held from making a worker's pipes to starting it, so that no other worker starts in between
  /// and inherits them.
  private static let spawning = Mutex(())

  /// Sends one line; `false` when the worker is gone (its answer then reports how it ended).
  func send(_ line: String) -> Bool {
    let bytes = Array((line + "\n").utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes { write(input, $0.baseAddress!, $0.count) }
      if written < 0 {
        if errno == EINTR { continue }
        return false
      }
      offset += written
    }
    return true
  }

  /// The next line from the worker, waiting until `deadline` (in `DispatchTime` nanoseconds).
  func receive(until deadline: UInt64) -> Answer {
    while true {
      if let newline = buffer.firstIndex(of: 0x0A) {
        let answer = String(decoding: buffer[..<newline], as: UTF8.self)
        buffer.removeSubrange(...newline)
        return .line(answer)
      }
      let now = DispatchTime.now().uptimeNanoseconds
      guard now < deadline else { return .timedOut }
      var poller = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
      let ready = poll(&poller, 1, Int32(min((deadline - now) / 1_000_000 + 1, 60_000)))
      if ready < 0, errno != EINTR { return .exited(reap()) }
      guard ready > 0 else { continue }
      let count = chunk.withUnsafeMutableBytes { read(output, $0.baseAddress!, $0.count) }
      if count < 0, errno == EINTR { continue }
      guard count > 0 else { return .exited(reap()) }
      buffer += chunk[..<count]
    }
  }

  private var chunk = [UInt8](repeating: 0, count: 65_536)

  /// Waits for the process to end and says how it did.
  private func reap() -> String {
    closeAll()
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let signal = status & 0x7F
    return signal != 0 ? "signal \(signal), \(String(cString: strsignal(signal)))" : "exit \((status >> 8) & 0xFF)"
  }

  private var closed = false
  private func closeAll() {
    guard !closed else { return }
    closed = true
    close(input)
    close(output)
  }

  /// Stops a worker that overran or misbehaved.
  func stop() {
    kill(pid, SIGKILL)
    _ = reap()
  }

  /// Ends a worker that did its share: it reads the end of its input and exits.
  func finish() {
    _ = reap()
  }
}
