import GuardedGather

/// The run behind a failing grade, small enough to cross a worker's pipe: each call's wait, run
/// and end, in microseconds, for the class report's timeline picture.
///
/// Only the first ``GradeTimeline/maximumCalls`` calls are kept; ``omitted`` says how many more
/// there were, so that a hostile submission of 10,000 calls cannot swell the report.
public struct GradeTimeline: Sendable, Hashable {
  /// One call: waiting for a slot from 0 to `startedAt`, then running until `endedAt`.
  public struct Call: Sendable, Hashable {
    public var name: String
    public var outcome: GatherOutcome
    /// Microseconds from the start of the batch to the call getting its slot, or `nil` if it never did.
    public var startedAt: Int64?
    /// Microseconds from the start of the batch to the call's end.
    public var endedAt: Int64

    public init(name: String, outcome: GatherOutcome, startedAt: Int64?, endedAt: Int64) {
      self.name = name
      self.outcome = outcome
      self.startedAt = startedAt
      self.endedAt = endedAt
    }
  }

  /// The most calls kept.
  public static let maximumCalls = 40

  /// The batch's limit (`nil`: none).
  public var limit: Int?
  /// The most calls that held a slot at once.
  public var peak: Int
  /// Microseconds from the start of the batch to its end.
  public var elapsed: Int64
  /// The calls kept, in call order.
  public var calls: [Call]
  /// How many calls were left out after ``calls``.
  public var omitted: Int
  /// What stopped the batch, if something did (`slow_tool: boom`, a deadlock).
  public var failure: String?

  public init(limit: Int?, peak: Int, elapsed: Int64, calls: [Call], omitted: Int = 0, failure: String? = nil) {
    self.limit = limit
    self.peak = peak
    self.elapsed = elapsed
    self.calls = calls
    self.omitted = omitted
    self.failure = failure
  }

  /// The timeline of `trace`, a run of `batch`.
  public init(batch: GatherBatch, trace: GatherTrace) {
    let records = trace.calls
    self.init(
      limit: batch.semaphore == .perCall ? nil : batch.limit, peak: trace.peakConcurrency,
      elapsed: Self.micros(trace.elapsed),
      calls: records.prefix(Self.maximumCalls).map {
        Call(
          name: $0.name, outcome: $0.outcome, startedAt: $0.startedAt.map(Self.micros), endedAt: Self.micros($0.endedAt)
        )
      },
      omitted: max(0, records.count - Self.maximumCalls), failure: trace.failure?.description)
  }

  /// Whole microseconds in `duration`, rounded.
  static func micros(_ duration: Duration) -> Int64 {
    let (seconds, attoseconds) = duration.components
    return seconds * 1_000_000 + (attoseconds + 500_000_000_000) / 1_000_000_000_000
  }
}
