/// A CPython release whose asyncio the model reproduces.
///
/// Every behaviour that differs between versions asks the version once, at the place where it
/// differs, through a property named for the behaviour (``waitForRunsInItsOwnTask``, say), so
/// a reader sees what changed between releases in one line.
public enum PythonVersion: String, Sendable, Hashable, CaseIterable, Comparable, CustomStringConvertible {
  case v3_10 = "3.10"
  case v3_11 = "3.11"
  case v3_12 = "3.12"
  case v3_13 = "3.13"

  /// The version modelled when nobody chose one.
  public static let `default`: PythonVersion = .v3_13

  /// The exact releases the model was recorded against.
  public var recordedRelease: String {
    switch self {
    case .v3_10: "3.10.13"
    case .v3_11: "3.11.7"
    case .v3_12: "3.12.1"
    case .v3_13: "3.13.0"
    }
  }

  /// Reads `"3.12"` (or `"3.12.1"`, the patch number ignored).
  public init?(parsing text: String) {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count >= 2, parts[0] == "3" else { return nil }
    self.init(rawValue: "3.\(parts[1])")
  }

  public var description: String { rawValue }

  /// The supported versions as a learner reads them: `3.10, 3.11, 3.12 or 3.13`.
  public static var supportedList: String {
    let names = allCases.map(\.rawValue)
    return names.dropLast().joined(separator: ", ") + " or " + names.last!
  }

  /// The minor version number: 10 for 3.10.
  public var minor: Int {
    switch self {
    case .v3_10: 10
    case .v3_11: 11
    case .v3_12: 12
    case .v3_13: 13
    }
  }

  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.minor < rhs.minor }

  // MARK: What changed, one behaviour a line

  /// 3.10 and 3.11: `wait_for` wraps its awaitable in a new task and waits on a separate
  /// future, so the awaitable first runs one loop iteration later. 3.12 and later await it in the
  /// same task under `asyncio.timeout()`.
  public var waitForRunsInItsOwnTask: Bool { self <= .v3_11 }

  /// 3.11 and later: `asyncio.timeout`, `timeout_at`, `TaskGroup`, `Task.uncancel` and
  /// `except*` exist.
  public var hasTimeoutsAndTaskGroups: Bool { self >= .v3_11 }

  /// 3.11 and later: `asyncio.TimeoutError` is the builtin `TimeoutError`; in 3.10 it is a class
  /// of its own that `except TimeoutError` does not catch.
  public var asyncioTimeoutErrorIsBuiltin: Bool { self >= .v3_11 }

  /// 3.11 and later: awaiting a task that was cancelled re-raises the `CancelledError` that ended
  /// it (message and all); 3.10 raises a new `CancelledError` carrying the task's cancel message.
  public var reraisesTheCancelledErrorItself: Bool { self >= .v3_11 }

  /// 3.13: a cancelled `Semaphore.acquire` gives back a permit it had been handed and then wakes
  /// as many waiters as there are free permits; earlier versions wake just one.
  public var semaphoreWakesAllFreePermits: Bool { self >= .v3_13 }

  /// 3.13: `asyncio.timeout` turns the expiry into `TimeoutError` for a `CancelledError`
  /// subclass too, and threads a `TimeoutError` into the context of any other exception that
  /// escapes; 3.11 and 3.12 convert only an exact `CancelledError`.
  public var timeoutConvertsCancelledSubclasses: Bool { self >= .v3_13 }

  /// 3.13: `Task.uncancel()` that takes the count of cancel requests to zero also drops a
  /// cancellation not yet delivered (`_must_cancel = False`).
  public var uncancelDropsPendingCancel: Bool { self >= .v3_13 }

  /// 3.12 and later: `gather` runs the done-callback of an argument that is already done at once,
  /// instead of on the next iteration.
  public var gatherSeesDoneArgumentsAtOnce: Bool { self >= .v3_12 }
}
