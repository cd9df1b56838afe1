/// A batch of named tool calls to run with gather, a concurrency limit and per-call timeouts.
///
/// The batch is the configuration model every front end (a JSON file, a learner's Python program)
/// produces. It knows nothing about lessons or files.
///
/// ## Example Usage
/// ```swift
/// let batch = GatherBatch(
///   limit: 2,
///   timeout: .milliseconds(500),
///   calls: [
///     GatherCall(name: "search", delay: .milliseconds(100)),
///     GatherCall(name: "database", delay: .milliseconds(200)),
///     GatherCall(name: "slow_tool", delay: .seconds(1), timeout: .after(.milliseconds(300))),
///   ])
/// let trace = GatherEngine.runVirtual(batch)
/// // trace.results == ["search:ok", "database:ok", "slow_tool:timeout"]
/// ```
public struct GatherBatch: Sendable, Hashable {
  /// How many calls may be in flight at once; `nil` means no limit (plain gather).
  ///
  /// A limit of 0 can never make progress: calls that wait for a slot with no timeout deadlock.
  public var limit: Int?
  /// The timeout of a call that does not set its own; `nil` means no timeout.
  public var timeout: Duration?
  /// Where the timeout clock starts. The default is ``GatherTimeoutScope/call``.
  public var timeoutScope: GatherTimeoutScope
  /// Whether the calls share one semaphore. The default is ``GatherSemaphoreKind/shared``.
  public var semaphore: GatherSemaphoreKind
  /// What a failing call does to the batch. The default is ``GatherErrorPolicy/propagate``.
  public var errors: GatherErrorPolicy
  /// The calls, in the order their results come back.
  public var calls: [GatherCall]

  /// Creates a batch.
  public init(
    limit: Int?,
    timeout: Duration?,
    timeoutScope: GatherTimeoutScope = .call,
    semaphore: GatherSemaphoreKind = .shared,
    errors: GatherErrorPolicy = .propagate,
    calls: [GatherCall]
  ) {
    self.limit = limit
    self.timeout = timeout
    self.timeoutScope = timeoutScope
    self.semaphore = semaphore
    self.errors = errors
    self.calls = calls
  }

  /// The timeout that applies to the call at `index`, after its own override.
  public func effectiveTimeout(ofCallAt index: Int) -> Duration? {
    switch calls[index].timeout {
    case .inherit: return timeout
    case .none: return nil
    case .after(let duration): return duration
    }
  }

  /// The timeout of the call at `index` in nanoseconds, or `nil` for none.
  func timeoutNanoseconds(ofCallAt index: Int) -> Int64? {
    switch calls[index].timeoutNanoseconds {
    case GatherCall.inheritTimeout: timeout?.nanoseconds
    case GatherCall.noTimeout: nil
    case let value: value
    }
  }

  /// The number of slots that really bound the batch: `nil` when nothing limits it.
  ///
  /// A semaphore made per call limits nothing unless it has no permits at all.
  public var effectiveLimit: Int? {
    guard let limit else { return nil }
    switch semaphore {
    case .shared: return limit
    case .perCall: return limit == 0 ? 0 : nil
    }
  }
}

/// One named tool call: it waits for `delay`, then returns `name:ok` or raises its failure.
///
/// Times are kept in whole nanoseconds, so that a batch of a million calls stays small.
public struct GatherCall: Sendable, Hashable {
  /// The call's name, unique within a batch.
  public var name: String
  /// The message the tool raises after its delay, or `nil` when it succeeds.
  public var failure: String?
  /// Whether the tool waits (I/O) or computes (CPU). The default is ``GatherWork/io``.
  public var work: GatherWork
  var delayNanoseconds: Int64
  /// The call's own timeout in nanoseconds; ``inheritTimeout`` or ``noTimeout`` otherwise.
  var timeoutNanoseconds: Int64

  package static let inheritTimeout: Int64 = -1
  package static let noTimeout: Int64 = -2

  /// Creates a call.
  public init(
    name: String,
    delay: Duration,
    timeout: GatherCallTimeout = .inherit,
    failure: String? = nil,
    work: GatherWork = .io
  ) {
    self.name = name
    self.failure = failure
    self.work = work
    self.delayNanoseconds = 0
    self.timeoutNanoseconds = Self.inheritTimeout
    self.delay = delay
    self.timeout = timeout
  }

  /// Creates a call from its times in nanoseconds (``inheritTimeout`` or ``noTimeout`` for the
  /// timeout), with no `Duration` arithmetic: what a reader of a million calls uses.
  package init(name: String, delayNanoseconds: Int64, timeoutNanoseconds: Int64, failure: String?, work: GatherWork) {
    self.name = name
    self.failure = failure
    self.work = work
    self.delayNanoseconds = max(0, delayNanoseconds)
    self.timeoutNanoseconds = timeoutNanoseconds
  }

  /// How long the tool takes (negative durations count as zero).
  public var delay: Duration {
    get { .nanoseconds(delayNanoseconds) }
    set { delayNanoseconds = newValue.nanoseconds }
  }

  /// The call's own timeout. The default, ``GatherCallTimeout/inherit``, uses the batch's.
  public var timeout: GatherCallTimeout {
    get {
      switch timeoutNanoseconds {
      case Self.inheritTimeout: .inherit
      case Self.noTimeout: .none
      default: .after(.nanoseconds(timeoutNanoseconds))
      }
    }
    set {
      switch newValue {
      case .inherit: timeoutNanoseconds = Self.inheritTimeout
      case .none: timeoutNanoseconds = Self.noTimeout
      case .after(let duration): timeoutNanoseconds = duration.nanoseconds
      }
    }
  }
}

extension Duration {
  /// Whole nanoseconds, clamped to 0 ... about 292 years (shared by the package's modules).
  package var nanoseconds: Int64 {
    let (seconds, attoseconds) = components
    guard seconds >= 0, attoseconds >= 0 else { return 0 }
    guard seconds < 9_000_000_000 else { return 9_000_000_000 * 1_000_000_000 }
    return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
  }
}

/// A call's own timeout setting.
public enum GatherCallTimeout: Sendable, Hashable {
  /// Use the batch's timeout.
  case inherit
  /// No timeout for this call, whatever the batch says.
  case none
  /// Time out after this long.
  case after(Duration)
}

/// Where a call's timeout clock starts.
public enum GatherTimeoutScope: String, Sendable, Hashable, CaseIterable {
  /// The timeout is inside the semaphore: the clock starts when the call gets its slot.
  case call
  /// The timeout wraps the wait for a slot too, so a call can time out without ever starting.
  case queue
}

/// Which semaphore the calls wait on.
public enum GatherSemaphoreKind: String, Sendable, Hashable, CaseIterable {
  /// One semaphore for the whole batch: the limit holds.
  case shared
  /// Each call makes its own semaphore, so nothing is limited.
  case perCall = "per-call"
}

/// What a call that raises does to the rest of the batch.
public enum GatherErrorPolicy: String, Sendable, Hashable, CaseIterable {
  /// The batch fails with the call's error and the other calls are cancelled.
  case propagate
  /// The call's result is `name:error` and the batch goes on.
  case capture
  /// The handler returns nothing: the call's result is `None` and the batch goes on, but nobody
  /// can tell which call failed, or why.
  case swallow
}

/// What kind of work a tool does while it takes its delay.
public enum GatherWork: String, Sendable, Hashable, CaseIterable {
  /// Waiting on another system: the call suspends and other calls progress.
  case io
  /// Computing: the call holds the single executor, so nothing else progresses, and a timeout
  /// cannot interrupt it.
  case cpu
}
