import AsyncioModel

/// What happened when a batch ran: results in call order, each call's timeline, peak and total.
///
/// The trace keeps its times in compact arrays beside the batch's calls, so that a trace of a
/// million calls costs 17 bytes a call; ``calls`` presents them as ``GatherCallRecord`` values.
public struct GatherTrace: Sendable, Hashable {
  /// Why the batch failed, or `nil` when it completed.
  public var failure: GatherFailure?
  /// The largest number of calls that held a slot at the same time.
  public var peakConcurrency: Int
  /// The time from the start of the batch to its end.
  public var elapsed: Duration
  /// The CPython version whose asyncio ran the batch.
  public var python: PythonVersion

  let batchCalls: [GatherCall]
  let startedAtNanoseconds: [Int64]
  let endedAtNanoseconds: [Int64]
  let outcomeCodes: [GatherOutcome]
  let swallowsErrors: Bool

  init(
    failure: GatherFailure?, calls: [GatherCall], startedAt: [Int64], endedAt: [Int64], outcomes: [GatherOutcome],
    peakConcurrency: Int, elapsed: Duration, swallowsErrors: Bool = false, python: PythonVersion = .default
  ) {
    self.python = python
    self.swallowsErrors = swallowsErrors
    self.failure = failure
    self.batchCalls = calls
    self.startedAtNanoseconds = startedAt
    self.endedAtNanoseconds = endedAt
    self.outcomeCodes = outcomes
    self.peakConcurrency = peakConcurrency
    self.elapsed = elapsed
  }

  /// One record per call, in call order.
  public var calls: GatherCallRecords { GatherCallRecords(trace: self) }

  /// The results in call order (`name:ok`, `name:timeout`, `name:error`), or `nil` when the batch
  /// failed. A failure swallowed by its handler (``GatherErrorPolicy/swallow``) is `nil`, as Python's
  /// `None`.
  public var results: [String?]? {
    guard failure == nil else { return nil }
    return batchCalls.indices.map { index in result(at: index).map { $0.name + $0.outcome.suffix } }
  }

  /// The result of call `position` as its name and outcome (the result is `name:outcome`), or
  /// `nil` for a failure swallowed by its handler: ``results`` one at a time, with no string made.
  public func result(at position: Int) -> (name: String, outcome: GatherOutcome)? {
    let outcome = outcomeCodes[position]
    return outcome == .error && swallowsErrors ? nil : (batchCalls[position].name, outcome)
  }

  /// How many results are timeouts, or `nil` when the batch failed.
  public var timeouts: Int? {
    failure == nil ? outcomeCodes.count(where: { $0 == .timeout }) : nil
  }

  /// The results printed as Python prints them: `['search:ok', None, 'slow_tool:timeout']`.
  public var pythonResults: String? {
    results.map { Self.pythonList($0) }
  }

  /// Formats strings the way Python's `repr` of a list of strings does.
  public static func pythonList(_ items: [String?]) -> String {
    "[" + items.map { $0.map(pythonString) ?? "None" }.joined(separator: ", ") + "]"
  }

  /// Formats a list of strings the way Python's `repr` does.
  public static func pythonList(_ items: [String]) -> String {
    pythonList(items.map(Optional.some))
  }

  /// Formats one string the way Python's `repr` does.
  public static func pythonString(_ text: String) -> String {
    // Most names and results are plain ASCII with nothing to escape.
    if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "'") && $0 != UInt8(ascii: "\\") }) {
      return "'" + text + "'"
    }
    let quote: Character = text.contains("'") && !text.contains("\"") ? "\"" : "'"
    var out = String(quote)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where Character(scalar) == quote: out += "\\" + String(quote)
      case _ where scalar.value < 0x20 || scalar.value == 0x7F:
        out += "\\x" + String(scalar.value, radix: 16).leftPadded(to: 2)
      default: out.unicodeScalars.append(scalar)
      }
    }
    out.append(quote)
    return out
  }
}

/// The calls of a ``GatherTrace``, in call order.
public struct GatherCallRecords: RandomAccessCollection, Sendable {
  let trace: GatherTrace

  public var startIndex: Int { 0 }
  public var endIndex: Int { trace.batchCalls.count }

  /// The times of call `position` in whole microseconds, rounded (`nil` for a call that never
  /// started), read without making a record: what a report of a million calls writes.
  public func microseconds(at position: Int) -> (startedAt: Int64?, endedAt: Int64) {
    let started = trace.startedAtNanoseconds[position]
    return (started < 0 ? nil : Self.microseconds(started), Self.microseconds(trace.endedAtNanoseconds[position]))
  }

  /// The name of call `position`.
  public func name(at position: Int) -> String { trace.batchCalls[position].name }

  /// How call `position` ended.
  public func outcome(at position: Int) -> GatherOutcome { trace.outcomeCodes[position] }

  /// Nanoseconds to whole microseconds, half a microsecond rounded up.
  static func microseconds(_ nanoseconds: Int64) -> Int64 {
    let (quotient, remainder) = nanoseconds.quotientAndRemainder(dividingBy: 1_000)
    let floor = remainder < 0 ? quotient - 1 : quotient
    let rest = remainder < 0 ? remainder + 1_000 : remainder
    return rest >= 500 ? floor + 1 : floor
  }

  public subscript(position: Int) -> GatherCallRecord {
    let started = trace.startedAtNanoseconds[position]
    return GatherCallRecord(
      name: trace.batchCalls[position].name, outcome: trace.outcomeCodes[position],
      startedAt: started < 0 ? nil : .nanoseconds(started), endedAt: .nanoseconds(trace.endedAtNanoseconds[position]))
  }
}

/// Why a batch did not complete.
public enum GatherFailure: Sendable, Hashable, CustomStringConvertible {
  /// A call raised and the error propagated out of gather.
  case callFailed(name: String, message: String)
  /// Calls waited for a slot that could never come (a semaphore with no permits).
  case deadlock(waiting: [String])
  /// The run was stopped from outside (Ctrl-C) before it finished.
  case interrupted

  public var description: String {
    switch self {
    case .callFailed(let name, let message): "\(name): \(message)"
    case .deadlock(let waiting):
      "deadlock: \(waiting.joined(separator: ", ")) waited for a slot that could never be free"
    case .interrupted:
      "interrupted: the run was stopped before every call finished"
    }
  }
}

/// What happened to one call.
public struct GatherCallRecord: Sendable, Hashable {
  /// The call's name.
  public var name: String
  /// How the call ended.
  public var outcome: GatherOutcome
  /// When the call got its slot, or `nil` if it never did.
  public var startedAt: Duration?
  /// When the call ended.
  public var endedAt: Duration

  /// Creates a record.
  public init(name: String, outcome: GatherOutcome, startedAt: Duration?, endedAt: Duration) {
    self.name = name
    self.outcome = outcome
    self.startedAt = startedAt
    self.endedAt = endedAt
  }
}

/// How a call ended.
public enum GatherOutcome: String, Sendable, Hashable, CaseIterable, BitwiseCopyable {
  /// It finished strictly before its deadline.
  case ok
  /// Its deadline came first (or at the same instant).
  case timeout
  /// The tool raised.
  case error
  /// The batch was stopped before it finished.
  case cancelled

  /// The end of a result after the call's name: `:ok`, `:timeout`, `:error`, `:cancelled`.
  public var suffix: String {
    switch self {
    case .ok: ":ok"
    case .timeout: ":timeout"
    case .error: ":error"
    case .cancelled: ":cancelled"
    }
  }
}

extension String {
  /// The string padded on the left to `width` characters (shared by the package's modules).
  package func leftPadded(to width: Int, with pad: Character = "0") -> String {
    count >= width ? self : String(repeating: pad, count: width - count) + self
  }
}
