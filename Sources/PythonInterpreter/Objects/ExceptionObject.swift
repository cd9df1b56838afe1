import AsyncioModel

/// One line of a traceback: where a frame was when the exception passed through it.
struct TraceEntry {
  let file: String
  let line: Int
  var function: String
  /// The span of the instruction the frame was running, as CPython 3.11+ records it (PEP 657),
  /// or nil where lesson's position may not be CPython's: a traceback that would draw markers
  /// under it cannot be written exactly.
  var span: SourceSpan? = nil
  /// A list, set or dict comprehension's frame, which 3.12+ runs inline (PEP 709): its line is
  /// shown under the name of the frame that runs it, which adds no line of its own.
  var inlined = false
  /// For a frame of asyncio's own Python code: the text of its line (the span is in that line).
  var source: String? = nil
}

/// A frame of a coroutine asyncio writes in Python (`wait_for`), as a traceback shows it when an
/// exception raised by what it awaits passes through it: the scrubbed path the recordings print
/// (`<python>/asyncio/tasks.py`), the line in each version's file, its text and the span of the
/// instruction running there.
struct LibraryFrame {
  let file: String
  let line: Int
  let function: String
  let source: String
  let column: Int
  let endColumn: Int

  var entry: TraceEntry {
    TraceEntry(
      file: file, line: line, function: function,
      span: SourceSpan(line: line, endLine: line, column: column, endColumn: endColumn), source: source)
  }

  /// `wait_for`'s line that passes on what the awaitable raised (CPython 3.10.13, 3.11.7, 3.12.1
  /// and 3.13.0, as recorded): `return fut.result()` after the inner task ended in time, or
  /// `return await fut` without a timeout before 3.12 and always from 3.12. A timeout of zero or
  /// less takes other lines: nil.
  static func waitFor(timeout: Double?, version: PythonVersion) -> LibraryFrame? {
    if let timeout, timeout <= 0 { return nil }
    let awaitLine = "        return await fut"
    let resultLine = "            return fut.result()"
    let (line, source): (Int, String)
    switch version.minor {
    case 10: (line, source) = timeout == nil ? (408, awaitLine) : (445, resultLine)
    case 11: (line, source) = timeout == nil ? (452, awaitLine) : (489, resultLine)
    case 12: (line, source) = (520, awaitLine)
    case 13: (line, source) = (507, awaitLine)
    default: return nil
    }
    let span = source == awaitLine ? (15, 24) : (19, 31)
    return LibraryFrame(
      file: "<python>/asyncio/tasks.py", line: line, function: "wait_for", source: source, column: span.0,
      endColumn: span.1)
  }

  /// A frame of `tasks.py` at `line`, running `text` from `column` to `endColumn` (the end of the
  /// line when nil: a statement that fills its line, under which no version draws markers).
  private static func tasks(_ line: Int, _ function: String, _ text: String, _ column: Int, _ endColumn: Int? = nil)
    -> LibraryFrame
  {
    LibraryFrame(
      file: "<python>/asyncio/tasks.py", line: line, function: function, source: text, column: column,
      endColumn: endColumn ?? text.utf8.count)
  }

  /// The default executor's worker calling the function (`_WorkItem.run` in
  /// `concurrent/futures/thread.py`, line 58 in 3.10 to 3.13): the frame an exception raised by
  /// a `to_thread` or `run_in_executor` function passes through.
  static func executorRun(version: PythonVersion) -> LibraryFrame? {
    guard (10...13).contains(version.minor) else { return nil }
    return LibraryFrame(
      file: "<python>/concurrent/futures/thread.py", line: 58, function: "run",
      source: "            result = self.fn(*self.args, **self.kwargs)", column: 21, endColumn: 55)
  }

  /// `to_thread`'s `return await loop.run_in_executor(None, func_call)` (`asyncio/threads.py`,
  /// line 25 in 3.10 to 3.13), which passes on what the function raised.
  static func toThread(version: PythonVersion) -> LibraryFrame? {
    guard (10...13).contains(version.minor) else { return nil }
    return LibraryFrame(
      file: "<python>/asyncio/threads.py", line: 25, function: "to_thread",
      source: "    return await loop.run_in_executor(None, func_call)", column: 11, endColumn: 54)
  }

  /// `asyncio.sleep(delay)` with a delay above zero, cancelled while it waits: `return await
  /// future`.
  static func sleep(version: PythonVersion) -> LibraryFrame? {
    let text = "        return await future"
    switch version.minor {
    case 10: return tasks(605, "sleep", text, 15, 27)
    case 11: return tasks(649, "sleep", text, 15, 27)
    case 12: return tasks(665, "sleep", text, 15, 27)
    case 13: return tasks(718, "sleep", text, 15, 27)
    default: return nil
    }
  }

  /// `wait_for` once its timeout fired and the awaitable, cancelled, ended: the line whose
  /// `fut.result()` (3.10, 3.11) or `await fut` (3.12+) raised the cancellation, and the lines that
  /// raise the `TimeoutError`, innermost first (3.12+ raise it in `Timeout.__aexit__`, under the
  /// `async with` of `wait_for`).
  static func waitForTimedOut(version: PythonVersion) -> (result: LibraryFrame, raise: [LibraryFrame])? {
    let result = "                return fut.result()"
    let raise = "                raise exceptions.TimeoutError() from exc"
    let with = "    async with timeouts.timeout(timeout):"
    let awaitFut = "        return await fut"
    switch version.minor {
    case 10: return (tasks(456, "wait_for", result, 23, 35), [tasks(458, "wait_for", raise, 16)])
    case 11: return (tasks(500, "wait_for", result, 23, 35), [tasks(502, "wait_for", raise, 16)])
    // 3.12 places the `async with` exit at the whole statement (two lines: no markers), 3.13 at
    // its context expression.
    case 12: return (tasks(520, "wait_for", awaitFut, 15, 24), [timeoutExit(version: version)!, tasks(519, "wait_for", with, 4)])
    case 13: return (tasks(507, "wait_for", awaitFut, 15, 24), [timeoutExit(version: version)!, tasks(506, "wait_for", with, 15, 40)])
    default: return nil
    }
  }

  /// `_wait_for_one` of `as_completed` passing on what the future it took raised.
  static func asCompletedResult(version: PythonVersion) -> LibraryFrame? {
    switch version.minor {
    case 10: return tasks(571, "_wait_for_one", "        return f.result()  # May raise f.exception().", 15, 25)
    case 11: return tasks(615, "_wait_for_one", "        return f.result()  # May raise f.exception().", 15, 25)
    case 12: return tasks(631, "_wait_for_one", "        return f.result()  # May raise f.exception().", 15, 25)
    case 13: return tasks(634, "_wait_for_one", "        return f.result() if resolve else f", 15, 25)
    default: return nil
    }
  }

  /// `Timeout.__aexit__` turning the cancellation its deadline caused into `TimeoutError`:
  /// `raise TimeoutError from exc_val`.
  static func timeoutExit(version: PythonVersion) -> LibraryFrame? {
    let (line, indent) =
      switch version.minor {
      case 11, 12: (115, 16)
      case 13: (116, 20)
      default: (0, 0)
      }
    guard line > 0 else { return nil }
    let text = String(repeating: " ", count: indent) + "raise TimeoutError from exc_val"
    return LibraryFrame(
      file: "<python>/asyncio/timeouts.py", line: line, function: "__aexit__", source: text, column: indent,
      endColumn: text.utf8.count)
  }
}

extension LibraryFrame {
  /// The line of asyncio's Python code that raised `e` in the function or method `name`, where
  /// lesson knows it: `BoundedSemaphore.release()` released once too often.
  static func raised(by name: String, _ e: ExceptionObject, version: PythonVersion) -> LibraryFrame? {
    guard name == "release", e.isInstance(of: Types.ValueError),
      let message = e.args.first as? StrObject, message.value == "BoundedSemaphore released too many times"
    else { return nil }
    let line: Int
    switch version.minor {
    case 10: line = 437
    case 11: line = 434
    case 12: line = 433
    case 13: line = 464
    default: return nil
    }
    let text = "            raise ValueError('BoundedSemaphore released too many times')"
    return LibraryFrame(
      file: "<python>/asyncio/locks.py", line: line, function: "release", source: text, column: 12,
      endColumn: text.utf8.count)
  }

  /// The frames an exception passes on its way out of the loop's run, innermost first: `return
  /// future.result()` in `run_until_complete`, then `return self._loop.run_until_complete(task)`
  /// in `Runner.run` (3.11+) when `runner` or `run`, then `asyncio.run`'s own line when `run`.
  static func runningLoop(_ through: RunEntry, version: PythonVersion) -> [LibraryFrame] {
    let (result, runnerLine, runLine): (Int, Int, Int) =
      switch version.minor {
      case 10: (649, 0, 44)
      case 11: (653, 118, 190)
      case 12: (684, 118, 194)
      case 13: (721, 118, 194)
      default: (0, 0, 0)
      }
    guard result > 0 else { return [] }
    var frames = [
      LibraryFrame(
        file: "<python>/asyncio/base_events.py", line: result, function: "run_until_complete",
        source: "        return future.result()", column: 15, endColumn: 30)
    ]
    if through != .loop, runnerLine > 0 {
      frames.append(
        LibraryFrame(
          file: "<python>/asyncio/runners.py", line: runnerLine, function: "run",
          source: "            return self._loop.run_until_complete(task)", column: 19, endColumn: 54))
    }
    if through == .run {
      frames.append(
        runnerLine > 0
          ? LibraryFrame(
            file: "<python>/asyncio/runners.py", line: runLine, function: "run", source: "        return runner.run(main)",
            column: 15, endColumn: 31)
          : LibraryFrame(
            file: "<python>/asyncio/runners.py", line: runLine, function: "run",
            source: "        return loop.run_until_complete(main)", column: 15, endColumn: 44))
    }
    return frames
  }

  /// How the program ran the loop: `asyncio.run`, `Runner.run` or `loop.run_until_complete`.
  enum RunEntry { case run, runner, loop }
}

extension ExceptionObject {
  /// The exception leaves the loop's run by `future.result()`: the library's frames it passes.
  func leavingLoop(_ through: LibraryFrame.RunEntry, version: PythonVersion) -> ExceptionObject {
    traceback.append(contentsOf: LibraryFrame.runningLoop(through, version: version).map(\.entry))
    return self
  }
}

/// A coroutine of asyncio's library that CPython writes in Python, awaited by the program: what
/// its frames add to the traceback of an exception that passes through it.
enum LibraryAwait {
  /// `asyncio.wait_for(aw, timeout)`; `ofFuture` when `aw` is a future that is not a task
  /// (`shield(...)`, `loop.create_future()`): its cancellation runs no code of the program's.
  case waitFor(timeout: Double?, ofFuture: Bool)
  /// `asyncio.sleep(delay)` with a delay above zero.
  case sleep
  /// `Timeout.__aexit__` of `asyncio.timeout()`.
  case timeoutExit
  /// One awaitable of `asyncio.as_completed(...)` iterated with `for` (`_wait_for_one`).
  case asCompletedOne
  /// `asyncio.to_thread(func, ...)`.
  case toThread
  /// An awaitable CPython writes in C, which puts no frame of its own on what passes through it
  /// (an async generator's `__anext__`, `asend` and `athrow`).
  case inC

  /// Adds the library's frames to the traceback of `x`, delivered to the program's coroutine that
  /// awaited this; false where lesson does not know them (the traceback cannot be written).
  func addFrames(to x: ExceptionObject, version: PythonVersion) -> Bool {
    guard !x.throughLibrary else { return false }
    switch self {
    case .waitFor(let timeout, let ofFuture):
      if let timeout, timeout <= 0 { return false }
      if x.isInstance(of: Types.CancelledError) { return false }
      if !x.traceback.isEmpty {
        // Raised by the awaitable, passed on by `return fut.result()` or `return await fut`.
        guard let frame = LibraryFrame.waitFor(timeout: timeout, version: version) else { return false }
        x.traceback.append(frame.entry)
        return true
      }
      // Made by `wait_for` itself: its timeout fired and the awaitable ended cancelled.
      guard timeout != nil, x.category == .timeout, let cancelled = x.causeException,
        cancelled.isInstance(of: Types.CancelledError), !cancelled.throughLibrary,
        let frames = LibraryFrame.waitForTimedOut(version: version)
      else { return false }
      if ofFuture {
        // A future cancelled by `fut.cancel()`: its CancelledError is made at wait_for's line
        // (`fut.result()`, or `await fut` from 3.12), with nothing before it.
        guard cancelled.traceback.isEmpty, cancelled.contextException == nil else { return false }
      } else if version.minor == 10 {
        // `fut.result()` made a new CancelledError, in the context of the task's own.
        guard cancelled.traceback.isEmpty, let inner = cancelled.contextException, !inner.traceback.isEmpty,
          !inner.throughLibrary
        else { return false }
      } else if cancelled.traceback.isEmpty {
        return false
      }
      cancelled.traceback.append(frames.result.entry)
      x.traceback.append(contentsOf: frames.raise.map(\.entry))
      return true
    case .sleep:
      guard x.isInstance(of: Types.CancelledError), x.traceback.isEmpty, let frame = LibraryFrame.sleep(version: version)
      else { return false }
      x.traceback.append(frame.entry)
      return true
    case .inC:
      return true
    case .toThread:
      // What the function raised in the worker, which put its own frame on it
      // (``LibraryFrame/executorRun(version:)``), passed on by `await loop.run_in_executor(...)`.
      guard x.raisedInWorker, !x.isInstance(of: Types.CancelledError), let frame = LibraryFrame.toThread(version: version)
      else { return false }
      x.traceback.append(frame.entry)
      return true
    case .asCompletedOne:
      // `return f.result()`, passing on what the future that finished raised.
      guard !x.traceback.isEmpty, !x.isInstance(of: Types.CancelledError),
        let frame = LibraryFrame.asCompletedResult(version: version)
      else { return false }
      x.traceback.append(frame.entry)
      return true
    case .timeoutExit:
      guard x.category == .timeout, x.traceback.isEmpty, let cancelled = x.causeException,
        cancelled.isInstance(of: Types.CancelledError), !cancelled.throughLibrary, !cancelled.traceback.isEmpty,
        let frame = LibraryFrame.timeoutExit(version: version)
      else { return false }
      x.traceback.append(frame.entry)
      return true
    }
  }
}

/// Where an instruction's expression or statement stands: lines from 1, columns in UTF-8 bytes
/// from 0, the end exclusive (`co_positions()`).
struct SourceSpan: Equatable {
  let line: Int
  let endLine: Int
  let column: Int
  let endColumn: Int
}

/// An exception: an instance of `BaseException` or of one of its subclasses, built in or written
/// in Python. It is what Swift throws while Python code raises it.
public final class ExceptionObject: PyObject, Error, LoopError {
  let cls: TypeObject
  var args: [PyObject]
  private(set) lazy var dict = DictObject()
  /// Innermost last, as CPython prints it.
  var traceback: [TraceEntry] = []
  /// Raised by a function the default executor's worker called (``LibraryFrame/executorRun(version:)``
  /// is on its traceback).
  var raisedInWorker = false
  var causeException: ExceptionObject?
  var contextException: ExceptionObject?
  var suppressContext = false
  var notes: [PyObject] = []
  /// `ExceptionGroup`: the members.
  var members: [ExceptionObject] = []
  /// The frame that last added a traceback line (a re-raise in the same frame adds none).
  weak var lastFrame: Frame?
  /// The frames the exception left while no handler caught it. CPython's traceback holds each
  /// frame and so its locals: what they hold lives until the exception is caught, or, for one
  /// that ends the program, until the interpreter exits after printing it.
  var keptFrames: [Frame] = []
  /// What the frame of a library function written in Python held when it raised this (the
  /// coroutine given to `asyncio.run`): alive as long as the exception, as in CPython.
  var keptObjects: [PyObject] = []
  /// Raised binding a library function's arguments (too many, an unknown keyword): the function
  /// never ran, so no frame of it holds them.
  var raisedBinding = false
  /// Whether the exception passed through a coroutine of asyncio's library (`wait_for`, `sleep`,
  /// `TaskGroup.__aexit__`…), whose frames CPython's traceback would show.
  var throughLibrary = false
  /// Raised by a `raise` statement of the program inside a task (a call that failed).
  var raisedByProgram = false
  /// For a `NameError`: the names the raising frame could see (CPython suggests one of them).
  var nameCandidates: [String] = []
  /// A NameError raised in a method whose `self` has the name as an attribute (3.12 suggests
  /// `self.NAME`).
  var selfHasName = false

  init(_ cls: TypeObject, _ args: [PyObject]) {
    self.cls = cls
    self.args = args
    super.init(type: cls)
  }

  convenience init(_ cls: TypeObject, _ message: String) {
    self.init(cls, [StrObject(message)])
  }

  override var instanceDict: DictObject? { dict }

  func isInstance(of t: TypeObject) -> Bool { cls.isSubtype(of: t) }

  // MARK: LoopError

  public var category: LoopErrorCategory {
    if cls.isSubtype(of: Types.CancelledError) { return .cancelled }
    if cls.isSubtype(of: Types.TimeoutError) || cls.isSubtype(of: Types.AsyncioTimeoutError310) { return .timeout }
    if cls.isSubtype(of: Types.SystemExit) || cls.isSubtype(of: Types.KeyboardInterrupt) || cls === Types.Halt {
      return .exit
    }
    if cls.isSubtype(of: Types.BaseExceptionGroup) { return .group }
    return .other
  }

  public var isExactlyCancelledError: Bool { cls === Types.CancelledError }

  public var cause: LoopError? {
    get { causeException }
    set {
      causeException = newValue as? ExceptionObject
      suppressContext = true
    }
  }

  public var context: LoopError? {
    get { contextException }
    set { contextException = newValue as? ExceptionObject }
  }
}

/// Why the machine stopped a program that CPython would have run on (or that it will not run).
enum Halt: Error {
  /// A budget ran out: steps, memory, output, tasks, or the interpreter's own recursion.
  case budget(String)
  /// The program reached something outside an exercise run (`open`, `eval`, an unknown module).
  case refused(line: Int, column: Int, construct: String, why: String)
  /// Every task waits and nothing can wake them: CPython would wait forever.
  case deadlock(String)
}

/// `exc.__traceback__`: one frame of where the exception passed, outermost first, with
/// `tb_lineno` and `tb_next`.
/// `tb.tb_frame` of a traceback (where the frame was), or its `f_code` (the function's name and
/// file), and nothing of the frame's insides (locals, globals, the frame below).
final class TraceEntryView: NativeObject {
  static let frameType = TypeObject("frame", bases: [Types.object], layout: .builtin)
  static let codeType = TypeObject("code", bases: [Types.object], layout: .builtin)
  let entry: TraceEntry
  /// `f_code` rather than the frame.
  let isCode: Bool
  init(_ entry: TraceEntry, code: Bool) {
    self.entry = entry
    isCode = code
    super.init(type: code ? Self.codeType : Self.frameType)
  }
}

final class TracebackObject: NativeObject {
  static let tracebackType = TypeObject("traceback", bases: [Types.object], layout: .builtin)
  let entries: [TraceEntry]
  let index: Int
  /// The exception passed through asyncio's code where lesson does not know its lines: what
  /// it holds cannot be read exactly.
  var incomplete = false

  init(_ entries: [TraceEntry], index: Int) {
    self.entries = entries
    self.index = index
    super.init(type: Self.tracebackType)
  }

  /// The traceback object of `entries[index]`, or `None` past the last one.
  static func make<S: Sequence>(_ entries: S, at index: Int) -> PyObject where S.Element == TraceEntry {
    let all = Array(entries)
    return index < all.count ? TracebackObject(all, index: index) : NoneObject.shared
  }
}
