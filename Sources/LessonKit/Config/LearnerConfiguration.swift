import GuardedGather

/// A learner's configuration: the batch to run and the evidence the learner claims for it.
///
/// The JSON form:
/// ```json
/// {
///   "limit": 2,
///   "timeout": 0.5,
///   "timeoutScope": "call",
///   "semaphore": "shared",
///   "errors": "propagate",
///   "calls": [
///     {"name": "search", "delay": 0.1},
///     {"name": "slow_tool", "delay": 1.0, "timeout": 0.3, "fails": null, "work": "io"}
///   ],
///   "evidence": {"results": ["search:ok", "slow_tool:timeout"], "timeouts": 1, "note": "…"}
/// }
/// ```
public struct LearnerConfiguration: Sendable, Hashable {
  /// The batch to run.
  public var batch: GatherBatch
  /// What the learner reports having observed, if anything.
  public var evidence: LearnerEvidence?
  /// The learner's program, when the configuration was read from one.
  public var program: PythonProgram?
  /// What the program printed when the interpreter ran it (stdout's lines, then the last line of
  /// a traceback), once its run was found to agree with what was read.
  public var observedOutput: [String]?
  /// What the program's gather really returned, each value as `str()` gives it (`nil` for `None`),
  /// and the list as `print` shows it: the results list is checked on these, not on a normalised
  /// `name:ok` form.
  public var returnedResults: [String?]?
  public var returnedResultsText: String?
  /// The calls of a program that hand their work to a worker thread (`asyncio.to_thread`,
  /// `run_in_executor`): for the loop they wait, so the batch has them as `"io"`.
  public var offloadedCalls: [String] = []
  /// The line of a semaphore the program made that no call acquires (`async with semaphore:`
  /// around the gather takes one slot, for main, and leaves the calls unbounded).
  public var semaphoreNoCallTakes: Int?
  /// The batch's run on the model, kept by whoever ran it (the cross-check of a program) so
  /// that the check does not run it again: used only for this batch under this Python.
  var modelRun: (batch: GatherBatch, python: PythonVersion, trace: GatherTrace)?

  /// The run of ``batch`` under `python` on the model: the one kept, or a new one.
  func trace(python: PythonVersion) -> GatherTrace {
    if let modelRun, modelRun.python == python, modelRun.batch == batch { return modelRun.trace }
    return GatherEngine.runVirtual(batch, python: python)
  }

  public static func == (a: LearnerConfiguration, b: LearnerConfiguration) -> Bool {
    a.batch == b.batch && a.evidence == b.evidence && a.program === b.program
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(batch)
    hasher.combine(evidence)
  }

  public init(batch: GatherBatch, evidence: LearnerEvidence? = nil) {
    self.batch = batch
    self.evidence = evidence
  }
}

/// The learner's own evidence card: what they claim the batch printed, and why.
public struct LearnerEvidence: Sendable, Hashable {
  /// The results list the learner reports, in call order. `nil` entries stand for Python's `None`.
  public var results: [String?]?
  /// The number of timeouts the learner reports.
  public var timeouts: Int?
  /// The learner's explanation in their own words.
  public var note: String?
  /// Whether the reported count is computed from the results (a program) rather than typed in.
  public var timeoutsComputed: Bool
  /// Whether the reported results are the results themselves (a program that prints them).
  public var resultsComputed = false
  /// Whether a program computes the count it prints, but not as the number of timeouts in its
  /// results (`len(results)`): ``timeouts`` is then what it printed.
  public var timeoutsMiscounted = false

  public init(results: [String?]? = nil, timeouts: Int? = nil, note: String? = nil, timeoutsComputed: Bool = false) {
    self.results = results
    self.timeouts = timeouts
    self.note = note
    self.timeoutsComputed = timeoutsComputed
  }
}

/// Limits that keep a hostile configuration from costing more than a learner's ever would.
///
/// The static limits are for files that are not the user's own (`grade`, where the class's files
/// are untrusted). A learner running or checking a file of their own, on their own machine,
/// gets ``ownFile``: up to a million calls in 64 MiB.
public struct ConfigurationLimits: Sendable, Hashable {
  /// The largest file read, in bytes.
  public var fileSize: Int
  /// The most calls one configuration may hold.
  public var calls: Int

  /// The limits for untrusted files (the default everywhere).
  public static let untrusted = ConfigurationLimits(fileSize: maximumFileSize, calls: maximumCalls)
  /// The limits for the user's own file (`run`, `check`).
  public static let ownFile = ConfigurationLimits(fileSize: 64 << 20, calls: 1_000_000)

  /// The largest configuration file read from an untrusted source, in bytes.
  public static let maximumFileSize = 1 << 20
  /// The most calls one untrusted configuration may hold.
  public static let maximumCalls = 10_000
  /// The longest delay or timeout, in seconds.
  public static let maximumSeconds = 3_600.0
  /// The largest limit.
  public static let maximumLimit = 100_000
  /// The longest call name.
  public static let maximumNameLength = 100
  /// The longest note or failure message.
  public static let maximumTextLength = 4_000
}

extension LearnerConfiguration {
  static let topFields = ["limit", "timeout", "timeoutScope", "semaphore", "errors", "calls", "evidence", "$schema"]
  static let callFields = ["name", "delay", "timeout", "fails", "work"]
  static let evidenceFields = ["results", "timeouts", "note"]

  /// Reads a configuration from JSON text.
  ///
  /// - Parameters:
  ///   - bytes: The file's contents.
  ///   - file: The file's name, used in messages.
  /// - Throws: ``LessonKitError`` naming the file, the JSON path and what was expected.
  ///   - limits: How large it may be. The default is ``ConfigurationLimits/untrusted``.
  public static func parse(_ bytes: [UInt8], file: String, limits: ConfigurationLimits = .untrusted)
    throws(LessonKitError) -> LearnerConfiguration
  {
    guard bytes.count <= limits.fileSize else {
      throw .unreadableFile(
        path: file, reason: "it is \(bytes.count) bytes; a configuration may be at most \(limits.fileSize) bytes")
    }
    // The calls, when all are written the usual way, go straight from the text into calls.
    let scanned = ScannedCalls()
    let json: JSONValue
    do {
      json = try JSONReader().parse(bytes, member: "calls") { text, start in
        guard let (calls, end) = PlainCallsScanner.scan(text, from: start) else { return nil }
        scanned.calls = calls
        return end
      }
    } catch { throw .invalidJSON(path: file, error: error) }
    return try read(json, file: file, limits: limits, scannedCalls: scanned.calls)
  }

  /// Where the scanner leaves the calls it read.
  private final class ScannedCalls {
    var calls: [GatherCall]?
  }

  /// Reads a configuration from parsed JSON.
  public static func read(_ json: JSONValue, file: String, limits: ConfigurationLimits = .untrusted)
    throws(LessonKitError) -> LearnerConfiguration
  {
    try read(json, file: file, limits: limits, scannedCalls: nil)
  }

  /// Reads a configuration from parsed JSON whose `"calls"` list, when `scannedCalls` is given,
  /// was read already (by ``PlainCallsScanner``) and stands in the JSON as an empty list.
  static func read(
    _ json: JSONValue, file: String, limits: ConfigurationLimits, scannedCalls: [GatherCall]?
  ) throws(LessonKitError) -> LearnerConfiguration {
    let top = try JSONFieldReader(json, file: file, path: "", known: topFields)
    var limit: Int?
    if let value = top.value("limit"), value != .null {
      limit = try top.wholeNumber(
        "limit", in: 0...ConfigurationLimits.maximumLimit,
        expected: "a whole number from 0 to \(ConfigurationLimits.maximumLimit), or null for no limit")
    }
    let timeout = try seconds(top, "timeout")
    let scope = try choice(top, "timeoutScope", GatherTimeoutScope.self) ?? .call
    let semaphore = try choice(top, "semaphore", GatherSemaphoreKind.self) ?? .shared
    let errors = try choice(top, "errors", GatherErrorPolicy.self) ?? .propagate

    let callsValue = try top.required("calls", expected: "a list of calls like {\"name\": \"search\", \"delay\": 0.1}")
    guard case .array(let items) = callsValue else {
      throw top.fail("calls", expected: "a list of calls", found: callsValue)
    }
    let count = scannedCalls?.count ?? items.count
    guard count > 0 else {
      throw .invalidContent(
        path: file, field: "calls",
        message: "the list is empty; add at least one call like {\"name\": \"search\", \"delay\": 0.1}")
    }
    guard count <= limits.calls else {
      throw .invalidContent(
        path: file, field: "calls", message: "\(count) calls; a configuration may have at most \(limits.calls)")
    }
    var calls = scannedCalls ?? []
    if scannedCalls == nil { calls.reserveCapacity(count) }
    // Sized once: a million names are not rehashed as the table grows.
    var seen: [String: Int] = [:]
    seen.reserveCapacity(count)
    for index in 0..<count {
      // Read and checked in turn, so that the first thing wrong in the list is the one reported.
      if scannedCalls == nil { calls.append(try readCall(items[index], file: file, index: index)) }
      let name = calls[index].name
      // One look in the table: the index goes in, and the one it replaces is the clash.
      if let first = seen.updateValue(index, forKey: name) {
        throw .invalidContent(
          path: file, field: "calls[\(index)].name",
          message: "\"\(name)\" is already the name of calls[\(first)]; every call needs its own name")
      }
    }
    let evidence = try top.value("evidence").map { (value) throws(LessonKitError) in
      try readEvidence(value, file: file)
    }
    let batch = GatherBatch(
      limit: limit, timeout: timeout, timeoutScope: scope, semaphore: semaphore, errors: errors, calls: calls)
    return LearnerConfiguration(batch: batch, evidence: evidence)
  }

  /// Reads `calls[index]`: in one pass when it is written the usual way (``plainCall(_:)``), else
  /// field by field.
  static func readCall(_ value: JSONValue, file: String, index: Int) throws(LessonKitError) -> GatherCall {
    if let call = plainCall(value) { return call }
    return try readCallFieldByField(value, file: file, index: index)
  }

  /// Reads `calls[index]` a field at a time, and says what is wrong with the first field that is.
  static func readCallFieldByField(_ value: JSONValue, file: String, index: Int) throws(LessonKitError)
    -> GatherCall
  {
    let reader = try JSONFieldReader(value, file: file, path: "calls", index: index, known: callFields)
    let nameValue = try reader.required("name", expected: "a non-empty string such as \"search\"")
    guard case .string(let name) = nameValue else {
      throw reader.fail("name", expected: "a non-empty string such as \"search\"", found: nameValue)
    }
    try checkName(name, file: file, field: reader.field("name"))
    let delayValue = try reader.required("delay", expected: "the tool's delay in seconds, such as 0.1")
    guard let delay = JSONFieldReader.seconds(delayValue, maximum: ConfigurationLimits.maximumSeconds) else {
      throw reader.fail("delay", expected: secondsExpectation, found: delayValue)
    }
    var timeout = GatherCallTimeout.inherit
    if reader.has("timeout") {
      timeout = try seconds(reader, "timeout").map { .after($0) } ?? .none
    }
    var failure: String?
    if let value = reader.value("fails"), value != .null {
      guard case .string(let message) = value, !message.isEmpty,
        message.count <= ConfigurationLimits.maximumTextLength
      else {
        throw reader.fail(
          "fails", expected: "the error message the tool raises, such as \"HTTP 503\", or null", found: value)
      }
      failure = message
    }
    let work = try choice(reader, "work", GatherWork.self) ?? .io
    return GatherCall(name: name, delay: delay, timeout: timeout, failure: failure, work: work)
  }

  /// A call written the usual way, read in one pass over its fields, or `nil` to have it read
  /// field by field (which finds what is wrong and says so).
  ///
  /// A large configuration is mostly such calls: a printable ASCII name, a delay, perhaps a
  /// timeout, an error message and a kind of work, each of the expected type and in range.
  static func plainCall(_ value: JSONValue) -> GatherCall? {
    guard case .object(let members) = value else { return nil }
    var name: String?
    var delay: Int64 = -1
    var timeout = GatherCall.inheritTimeout
    var failure: String?
    var work = GatherWork.io
    for member in members {
      let key = member.key
      switch key.utf8.count {
      case 4 where key == "name":
        guard case .string(let text) = member.value, isPlainName(text) else { return nil }
        name = text
      case 5 where key == "delay":
        guard let nanoseconds = plainNanoseconds(member.value) else { return nil }
        delay = nanoseconds
      case 7 where key == "timeout":
        if member.value == .null {
          timeout = GatherCall.noTimeout
        } else {
          guard let nanoseconds = plainNanoseconds(member.value) else { return nil }
          timeout = nanoseconds
        }
      case 5 where key == "fails":
        switch member.value {
        case .null: break
        case .string(let message) where !message.isEmpty && message.utf8.count <= ConfigurationLimits.maximumTextLength:
          failure = message
        default: return nil
        }
      case 4 where key == "work":
        guard case .string(let text) = member.value, let kind = GatherWork(rawValue: text) else { return nil }
        work = kind
      default: return nil
      }
    }
    guard let name, delay >= 0 else { return nil }
    return GatherCall(name: name, delayNanoseconds: delay, timeoutNanoseconds: timeout, failure: failure, work: work)
  }

  /// A number of seconds in range as whole nanoseconds, kept to the microsecond as
  /// ``JSONFieldReader/seconds(_:maximum:)`` keeps it, or `nil`.
  static func plainNanoseconds(_ value: JSONValue) -> Int64? {
    guard case .number(let number, _) = value else { return nil }
    return plainNanoseconds(seconds: number)
  }

  /// ``plainNanoseconds(_:)`` of a number already read.
  static func plainNanoseconds(seconds number: Double) -> Int64? {
    guard number.isFinite, number >= 0, number <= ConfigurationLimits.maximumSeconds else { return nil }
    return Int64((number * 1_000_000).rounded()) * 1_000
  }

  /// Whether `name` is printable ASCII of a sensible length: the usual name, which needs no
  /// closer look.
  static func isPlainName(_ name: String) -> Bool {
    var name = name
    return name.withUTF8 { bytes in
      !bytes.isEmpty && bytes.count <= ConfigurationLimits.maximumNameLength
        && bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }
  }

  static func checkName(_ name: String, file: String, field: @autoclosure () -> String) throws(LessonKitError) {
    if isPlainName(name) { return }
    let field = field()
    if name.isEmpty {
      throw .invalidField(
        path: file, field: field, expected: "a non-empty name such as \"search\"", found: "an empty string")
    }
    if name.count > ConfigurationLimits.maximumNameLength {
      throw .invalidField(
        path: file, field: field, expected: "a name of at most \(ConfigurationLimits.maximumNameLength) characters",
        found: "\(name.count) characters")
    }
    if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0 == "\u{7F}" }) {
      throw .invalidField(
        path: file, field: field, expected: "a name without control characters (newlines, tabs, escapes)",
        found: "a name with control characters")
    }
  }

  static func readEvidence(_ value: JSONValue, file: String) throws(LessonKitError) -> LearnerEvidence {
    let reader = try JSONFieldReader(value, file: file, path: "evidence", known: evidenceFields)
    var results: [String?]?
    if let value = reader.value("results"), value != .null {
      guard case .array(let items) = value, items.count <= ConfigurationLimits.maximumCalls else {
        throw reader.fail(
          "results", expected: "the list of results you observed, such as [\"search:ok\"]", found: value)
      }
      var list: [String?] = []
      for (index, item) in items.enumerated() {
        switch item {
        case .string(let text): list.append(text)
        case .null: list.append(nil)
        default:
          throw LessonKitError.invalidField(
            path: file, field: "evidence.results[\(index)]", expected: "a result string such as \"search:ok\"",
            found: item.kindDescription)
        }
      }
      results = list
    }
    var timeouts: Int?
    if let value = reader.value("timeouts"), value != .null {
      timeouts = try reader.wholeNumber(
        "timeouts", in: 0...ConfigurationLimits.maximumCalls, expected: "the number of results ending in ':timeout'")
    }
    var note: String?
    if let value = reader.value("note"), value != .null {
      guard case .string(let text) = value, text.count <= ConfigurationLimits.maximumTextLength else {
        throw reader.fail(
          "note",
          expected: "your explanation as a string of at most \(ConfigurationLimits.maximumTextLength) characters",
          found: value)
      }
      note = text
    }
    return LearnerEvidence(results: results, timeouts: timeouts, note: note)
  }

  static let secondsExpectation =
    "a number of seconds from 0 to \(Int(ConfigurationLimits.maximumSeconds)), such as 0.5"

  /// A number of seconds or `null`.
  static func seconds(_ reader: JSONFieldReader, _ key: String) throws(LessonKitError) -> Duration? {
    guard let value = reader.value(key), value != .null else { return nil }
    guard let duration = JSONFieldReader.seconds(value, maximum: ConfigurationLimits.maximumSeconds) else {
      throw reader.fail(key, expected: secondsExpectation + ", or null for no timeout", found: value)
    }
    return duration
  }

  static func choice<T: RawRepresentable & CaseIterable>(
    _ reader: JSONFieldReader, _ key: String, _ type: T.Type
  ) throws(LessonKitError) -> T? where T.RawValue == String {
    guard let value = reader.value(key) else { return nil }
    guard case .string(let text) = value, let choice = T(rawValue: text) else {
      let options = T.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: " or ")
      throw reader.fail(key, expected: options, found: value)
    }
    return choice
  }
}
