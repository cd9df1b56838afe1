/// One thing a check found in a learner's configuration: a mistake (error) or a warning.
///
/// Findings are data, not thrown errors: the checker sends them to a ``FindingCollector``.
public struct Finding: Sendable, Hashable {
  public enum Severity: String, Sendable, Hashable {
    case error
    case warning
  }

  /// Whether it fails the check.
  public var severity: Severity
  /// The place in the configuration, as a JSON path (`calls[2].timeout`), or `nil` for the whole.
  public var location: String?
  /// What happened, with what was expected and what was observed.
  public var message: String
  /// The mistake behind it.
  public var mistake: Mistake

  public init(severity: Severity, location: String?, message: String, mistake: Mistake) {
    self.severity = severity
    self.location = location
    self.message = message
    self.mistake = mistake
  }
}

/// Receives findings as the checker makes them: the command line prints them, tests keep them.
public protocol FindingCollector {
  mutating func collect(_ finding: Finding)
}

/// A collector that keeps every finding, in order.
public struct FindingList: FindingCollector, Sendable {
  public private(set) var findings: [Finding] = []
  public init() {}
  public mutating func collect(_ finding: Finding) { findings.append(finding) }
}
