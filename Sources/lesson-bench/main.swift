import Foundation
import GuardedGather
import LessonKit
import PythonInterpreter

#if canImport(Glibc)
  import Glibc
#endif

/// The benchmark behind the figures in the closing notes: run `swift run -c release lesson-bench`.
/// Each scenario can run alone: `lesson-bench example|configurations|million|corpus FILE`.

func now() -> Double {
  var spec = timespec()
  clock_gettime(CLOCK_MONOTONIC, &spec)
  return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

func peakResidentMB() -> Double {
  var usage = rusage()
  getrusage(RUSAGE_SELF.rawValue, &usage)
  return Double(usage.ru_maxrss) / 1024
}

func ms(_ value: Int) -> Duration { .milliseconds(value) }

struct SplitMix: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

let classic = GatherBatch(
  limit: 2, timeout: ms(500),
  calls: [
    GatherCall(name: "search", delay: ms(100)), GatherCall(name: "database", delay: ms(200)),
    GatherCall(name: "slow_tool", delay: ms(1000), timeout: .after(ms(300))),
  ])

func example() {
  let runs = 20_000
  for _ in 0..<1_000 { precondition(GatherEngine.runVirtual(classic).timeouts == 1) }
  let start = now()
  for _ in 0..<runs { precondition(GatherEngine.runVirtual(classic).timeouts == 1) }
  let perRun = (now() - start) / Double(runs) * 1e6
  print("example: the three-call example, \(runs) runs: \(String(format: "%.1f", perRun)) µs per run")
}

func configurations(count: Int = 10_000) {
  var random = SplitMix(state: 2026)
  let batches = (0..<count).map { index -> GatherBatch in
    let calls = (0..<8).map { GatherCall(name: "tool\($0)", delay: ms(10 * Int.random(in: 1...40, using: &random))) }
    return GatherBatch(
      limit: Int.random(in: 1...4, using: &random), timeout: ms(10 * Int.random(in: 5...30, using: &random)),
      timeoutScope: index % 5 == 0 ? .queue : .call, calls: calls)
  }
  var timeouts = 0
  let start = now()
  for batch in batches { timeouts += GatherEngine.runVirtual(batch).timeouts ?? 0 }
  let seconds = now() - start
  print(
    "configurations: \(count) different 8-call configurations, one thread: \(String(format: "%.3f", seconds)) s, "
      + "\(Int(Double(count) / seconds)) configurations/s (\(timeouts) timeouts in all)")
}

/// The resident memory now (not the peak), in MB.
func residentMB() -> Double {
  guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
  let fields = text.split(separator: " ")
  guard fields.count > 1, let pages = Double(fields[1]) else { return 0 }
  return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
}

func million(count: Int = 1_000_000) {
  var random = SplitMix(state: 1)
  let before = peakResidentMB()
  let calls = (0..<count).map {
    GatherCall(name: "c\($0)", delay: .microseconds(Int64.random(in: 1_000...200_000, using: &random)))
  }
  let batch = GatherBatch(limit: 100, timeout: ms(150), calls: calls)
  let withBatch = residentMB()
  let start = now()
  let trace = GatherEngine.runVirtual(batch)
  let seconds = now() - start
  let engineRSS = peakResidentMB()
  let modelStart = now()
  let model = GatherScheduleModel(batch)
  let modelSeconds = now() - modelStart
  var agree = trace.elapsed == model.elapsed && trace.peakConcurrency == 100
  for index in stride(from: 0, to: count, by: 997) {
    agree =
      agree && trace.calls[index].startedAt == model.startedAt[index]
      && trace.calls[index].endedAt == model.endedAt[index]
  }
  print(
    "million: \(count) calls, limit 100: engine \(String(format: "%.3f", seconds)) s, arithmetic model "
      + "\(String(format: "%.3f", modelSeconds)) s, ratio \(String(format: "%.1f", seconds / modelSeconds))x; "
      + "peak RSS \(String(format: "%.0f", engineRSS)) MB after the engine run, \(String(format: "%.0f", before)) MB "
      + "before the batch was built, \(String(format: "%.0f", withBatch)) MB with the batch (the engine's own: "
      + "\(String(format: "%.0f", engineRSS - withBatch)) MB), \(String(format: "%.0f", peakResidentMB())) MB with the model's arrays too; "
      + "agrees with the model: \(agree); timeouts \(trace.timeouts ?? -1)")
}

/// Compares the engine with recorded asyncio runs under every version
/// (`asyncio_reference.py --fresh SEED COUNT`) and prints every configuration that differs.
func corpus(_ path: String) {
  let cases = try! ConformanceCase.load(url: URL(fileURLWithPath: path))
  let start = now()
  for version in PythonVersion.allCases {
    var agreeing = 0
    for reference in cases {
      let trace = GatherEngine.runVirtual(reference.batch, python: version)
      if let difference = reference.difference(trace, under: version) {
        print("differs under \(version): \(reference.name): \(difference)")
      } else {
        agreeing += 1
      }
    }
    print("corpus \(path), Python \(version): \(cases.count) configurations, \(agreeing) agree, \(cases.count - agreeing) differ")
  }
  print(String(format: "(%.2f s for %d runs)", now() - start, cases.count * PythonVersion.allCases.count))
}

/// Grades a class of 10,000 submissions for lesson 3 (most valid, some failing, some broken),
/// from files on disk, as `lesson grade 3 DIR` does.
func gradeClass() {
  guard let root = Course.find(from: FileManager.default.currentDirectoryPath),
    let course = try? Course.load(root: root), let entry = course.entry(3), let spec = try? course.spec(entry)
  else {
    print("grade: run from the repository (lessons/index.json not found)")
    exit(66)
  }
  let directory = NSTemporaryDirectory() + "lesson-bench-class-" + UUID().uuidString
  try! FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(atPath: directory) }
  var random = SplitMix(state: 3)
  for learner in 0..<10_000 {
    let text: String
    switch learner % 10 {
    case 9: text = "{\"limit\": 3, \"calls\": ["
    default:
      let calls = (0..<8).map { index in
        "{\"name\": \"tool\(index)\", \"delay\": \(Double(Int.random(in: 1...40, using: &random)) / 100)}"
      }
      text = """
        {"limit": \(learner % 10 == 8 ? 2 : 3), "timeout": 0.15, "calls": [\(calls.joined(separator: ", "))],
         "evidence": {"timeouts": 2, "note": "the limit protects the upstream; the timeout exposes slow calls"}}
        """
    }
    try! Data(text.utf8).write(to: URL(fileURLWithPath: "\(directory)/learner\(learner).json"))
  }
  for workers in [1, ProcessInfo.processInfo.activeProcessorCount] {
    let start = now()
    let submissions = try! SubmissionFinder.find(in: directory, lessons: [(3, spec.file)])
    let book = Grader.grade(submissions, specs: [3: spec], workers: workers)
    let seconds = now() - start
    let passed = book.records.count(where: { $0.status == .pass })
    let errors = book.records.count(where: { $0.status == .error })
    print(
      "grade: 10,000 submissions on \(workers) thread\(workers == 1 ? "" : "s"): \(String(format: "%.3f", seconds)) s, "
        + "\(String(format: "%.1f", seconds / 10_000 * 1e6)) µs per submission (\(passed) pass, \(errors) errors)")
  }
}

/// Reads, runs and checks the lesson 3 Python solution (a typical 40-line program) in-process,
/// then grades a class of 10,000 `.py` submissions as `lesson grade 3 DIR` does.
func python(classes: Bool = true, runs: Int = 5_000) {
  guard let root = Course.find(from: FileManager.default.currentDirectoryPath),
    let course = try? Course.load(root: root), let entry = course.entry(3), let spec = try? course.spec(entry),
    let pythonFile = spec.pythonFile
  else {
    print("python: run from the repository (lessons/index.json not found)")
    exit(66)
  }
  let source = try! [UInt8](Data(contentsOf: URL(fileURLWithPath: "\(root)/solutions/\(entry.folder)/\(pythonFile)")))
  let lines = source.count(where: { $0 == 0x0A })
  var passed = 0
  let start = now()
  for run in 0..<runs {
    // Each program differs by a last comment, so that nothing is served from a cache: every one
    // is read, run on the interpreter and checked.
    let distinct = source + Array("# submission \(run)\n".utf8)
    let configuration = try! InputFile.program(distinct, file: pythonFile, python: .default)
    if LessonChecker.check(configuration, against: spec, file: pythonFile).passed() { passed += 1 }
  }
  let perProgram = (now() - start) / Double(runs) * 1e6
  print(
    "python: read + run on the interpreter + check of a \(lines)-line program, \(runs) different ones: \(String(format: "%.0f", perProgram)) µs per program (\(passed) passed)"
  )

  guard classes else { return }
  let starter = try! Data(contentsOf: URL(fileURLWithPath: "\(root)/lessons/\(entry.folder)/\(pythonFile)"))
  // Two classes: one where many hand in the same file (the unchanged starter, one solution), as
  // the issue's benchmark has it, and one where every file differs (by a comment) and so is read
  // and run on its own.
  for distinct in [false, true] {
    let directory = NSTemporaryDirectory() + "lesson-bench-python-" + UUID().uuidString
    try! FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    for learner in 0..<10_000 {
      var data =
        learner % 10 == 9
        ? Data("import asyncio\nclass Nope:\n    pass\n".utf8) : learner % 3 == 0 ? starter : Data(source)
      if distinct { data += Data("# learner \(learner)\n".utf8) }
      try! data.write(to: URL(fileURLWithPath: "\(directory)/learner\(learner).py"))
    }
    let gradeStart = now()
    let submissions = try! SubmissionFinder.find(in: directory, lessons: [(3, [spec.file, pythonFile])])
    let book = Grader.grade(submissions, specs: [3: spec])
    let seconds = now() - gradeStart
    let passing = book.records.count(where: { $0.status == .pass })
    let errors = book.records.count(where: { $0.status == .error })
    print(
      "python: 10,000 .py submissions\(distinct ? ", every one different," : ", 3 different files,") graded on "
        + "\(ProcessInfo.processInfo.activeProcessorCount) threads: "
        + "\(String(format: "%.3f", seconds)) s (\(passing) pass, \(errors) cannot be read)")
  }
}

/// Runs the lesson 3 solution (a typical 40-line program) on the interpreter in-process, under each
/// Python, then every corpus program once: the time per program run.
func interpreter() {
  guard let root = Course.find(from: FileManager.default.currentDirectoryPath) else {
    print("interpreter: run from the repository (lessons/index.json not found)")
    exit(66)
  }
  let path = "\(root)/solutions/03_more_tools/async_batch.py"
  let source = try! String(contentsOfFile: path, encoding: .utf8)
  let lines = source.split(separator: "\n", omittingEmptySubsequences: false).count - 1
  let done = DispatchSemaphore(value: 0)
  let thread = Thread {
    for version in PythonVersion.allCases {
      let runs = 2_000
      var agreed = 0
      let first = Interpreter.runOnCurrentThread(source: source, filename: "async_batch.py", version: version)
      let start = now()
      for _ in 0..<runs {
        let run = Interpreter.runOnCurrentThread(source: source, filename: "async_batch.py", version: version)
        if run == first { agreed += 1 }
      }
      let perRun = (now() - start) / Double(runs) * 1e6
      print("interpreter: run of a \(lines)-line program under \(version.rawValue), \(runs) times: \(String(format: "%.0f", perRun)) µs per run (\(agreed) identical)")
    }
    let corpus = "\(root)/Tests/Corpus/programs"
    let names = (try! FileManager.default.contentsOfDirectory(atPath: corpus)).filter { $0.hasSuffix(".py") && $0.hasPrefix("p") }.sorted()
    let sources = names.map { try! String(contentsOfFile: "\(corpus)/\($0)", encoding: .utf8) }
    let start = now()
    var refused = 0
    for (name, text) in zip(names, sources) {
      if Interpreter.runOnCurrentThread(source: text, filename: name, version: .v3_13).stop != nil { refused += 1 }
    }
    let total = now() - start
    print("interpreter: the \(names.count) corpus programs once under 3.13: \(String(format: "%.3f", total)) s, \(String(format: "%.0f", total / Double(names.count) * 1e6)) µs per program (\(refused) refused)")
    done.signal()
  }
  thread.stackSize = Interpreter.stackSize
  thread.start()
  done.wait()
}

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "example": example()
case "configurations": configurations(count: arguments.dropFirst().first.flatMap { Int($0) } ?? 10_000)
case "million": million(count: arguments.dropFirst().first.flatMap { Int($0) } ?? 1_000_000)
case "grade": gradeClass()
case "python": Interpreter.onLargeStack { python() }
case "python-check":
  let runs = arguments.dropFirst().first.flatMap { Int($0) } ?? 5_000
  Interpreter.onLargeStack { python(classes: false, runs: runs) }
case "interpreter": interpreter()
case "corpus": for path in arguments.dropFirst() { corpus(path) }
case nil:
  // Each scenario in its own process, so that peak memory is the scenario's own.
  for scenario in ["million", "example", "configurations", "grade", "python", "interpreter"] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
    process.arguments = [scenario]
    try! process.run()
    process.waitUntilExit()
  }
default:
  print("usage: lesson-bench [example|configurations|million|grade|python|python-check|interpreter|corpus FILE...]")
  exit(64)
}
