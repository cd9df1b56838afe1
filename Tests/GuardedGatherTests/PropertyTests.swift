import AsyncioModel
import GuardedGather
import Testing

/// Properties of the engine over thousands of random configurations. A failure prints its seed
/// and the smallest configuration that still fails.
@Suite struct PropertyTests {
  static let configurations = 4_000

  /// A property: `nil` when it holds, else what went wrong.
  typealias Property = @Sendable (GatherBatch, GatherTrace) -> String?

  static let agreesWithTheArithmeticModel: Property = { batch, trace in
    guard GatherScheduleModel.covers(batch) else { return nil }
    let model = GatherScheduleModel(batch)
    for (index, call) in trace.calls.enumerated() {
      if call.startedAt != model.startedAt[index] || call.endedAt != model.endedAt[index]
        || call.outcome != model.outcomes[index]
      {
        return
          "\(call.name): engine \(call.outcome) \(String(describing: call.startedAt))→\(call.endedAt), "
          + "model \(model.outcomes[index]) \(String(describing: model.startedAt[index]))→\(model.endedAt[index])"
      }
    }
    if model.deadlocked != (trace.failure != nil) {
      return "deadlock: model \(model.deadlocked), engine \(String(describing: trace.failure))"
    }
    if trace.elapsed != model.elapsed {
      return "elapsed: engine \(trace.elapsed), model \(model.elapsed)"
    }
    // Which of two zero-length events at one instant comes first is a matter of loop turns, not
    // of arithmetic: compare peaks only without them.
    let zeroLength = trace.calls.contains { $0.startedAt == $0.endedAt }
    if !zeroLength, trace.peakConcurrency != model.peakConcurrency {
      return "peak: engine \(trace.peakConcurrency), model \(model.peakConcurrency)"
    }
    return nil
  }

  static let peakWithinTheLimit: Property = { batch, trace in
    guard let limit = batch.effectiveLimit, trace.peakConcurrency > limit else { return nil }
    return "peak \(trace.peakConcurrency) above the limit \(limit)"
  }

  static let okExactlyWhenStrictlyBeforeTheDeadline: Property = { batch, trace in
    for (index, call) in trace.calls.enumerated() where batch.calls[index].work == .io {
      guard let start = call.startedAt, call.outcome == .ok || call.outcome == .timeout else {
        continue
      }
      let finish = start + batch.calls[index].delay
      let deadline: Duration? =
        batch.timeoutScope == .call
        ? batch.effectiveTimeout(ofCallAt: index).map { start + $0 }
        : batch.effectiveTimeout(ofCallAt: index)
      let expected: GatherOutcome = deadline.map { finish < $0 } ?? true ? .ok : .timeout
      if call.outcome != expected {
        return
          "\(call.name) is \(call.outcome): finish \(finish), deadline \(String(describing: deadline))"
      }
      if call.endedAt != (expected == .ok ? finish : deadline!) {
        return "\(call.name) ended at \(call.endedAt)"
      }
    }
    return nil
  }

  static let resultsInCallOrder: Property = { batch, trace in
    guard let results = trace.results else { return nil }
    for (index, result) in results.enumerated() {
      if let result, !result.hasPrefix(batch.calls[index].name + ":") {
        return "result \(index) is \(result)"
      }
    }
    return results.count == batch.calls.count
      ? nil : "\(results.count) results for \(batch.calls.count) calls"
  }

  /// What a report reads a call at a time (``GatherTrace/result(at:)``,
  /// ``GatherCallRecords/microseconds(at:)``) is what the records and the results say.
  static let oneCallAtATimeAsTheRecords: Property = { batch, trace in
    func micros(_ duration: Duration) -> Int64 {
      let (seconds, attoseconds) = duration.components
      return seconds * 1_000_000 + (attoseconds + 500_000_000_000) / 1_000_000_000_000
    }
    let results = trace.results
    for (index, call) in trace.calls.enumerated() {
      let (startedAt, endedAt) = trace.calls.microseconds(at: index)
      if startedAt != call.startedAt.map(micros) || endedAt != micros(call.endedAt) {
        return "\(call.name): microseconds \(String(describing: startedAt))→\(endedAt) for \(call)"
      }
      if trace.calls.name(at: index) != call.name || trace.calls.outcome(at: index) != call.outcome
      {
        return "\(call.name): name or outcome differ"
      }
      let one = trace.result(at: index).map { $0.name + $0.outcome.suffix }
      if let results, one != results[index] { return "result \(index): \(String(describing: one))" }
    }
    return nil
  }

  static let sameTraceEveryTime: Property = { batch, trace in
    GatherEngine.runVirtual(batch, python: trace.python) == trace
      ? nil : "a second run gave a different trace"
  }

  static let properties: [(String, Property)] = [
    ("agrees with the arithmetic model", agreesWithTheArithmeticModel),
    ("peak within the limit", peakWithinTheLimit),
    ("ok exactly when strictly before the deadline", okExactlyWhenStrictlyBeforeTheDeadline),
    ("results in call order", resultsInCallOrder),
    ("one call at a time as the records", oneCallAtATimeAsTheRecords),
    ("same trace every time", sameTraceEveryTime),
  ]

  /// The arithmetic model is the schedule of 3.10 and 3.11, where `wait_for` queues its call a
  /// loop iteration late; from 3.12 the order in the queue is call order, which the recorded
  /// corpus checks instead.
  @Test(arguments: PythonVersion.allCases)
  func holdOverThousandsOfRandomConfigurations(version: PythonVersion) {
    var covered = 0
    let properties = Self.properties.filter {
      version.waitForRunsInItsOwnTask || $0.0 != "agrees with the arithmetic model"
    }
    for seed in 0..<Self.configurations {
      var random = SeededRandom(seed: UInt64(seed))
      let batch = randomBatch(&random)
      if GatherScheduleModel.covers(batch) { covered += 1 }
      let trace = GatherEngine.runVirtual(batch, python: version)
      for (name, property) in properties {
        if let failure = property(batch, trace) {
          let minimal = Self.shrink(batch, property, version: version)
          let message = "Python \(version): property '\(name)' failed for seed \(seed): \(failure)"
          Issue.record("\(message)\nsmallest failing configuration: \(describe(minimal))")
          return
        }
      }
    }
    // The model must really have been compared, not skipped.
    #expect(covered > Self.configurations / 2)
  }

  /// Removes calls and options while the property still fails.
  static func shrink(_ batch: GatherBatch, _ property: Property, version: PythonVersion = .default)
    -> GatherBatch
  {
    func fails(_ candidate: GatherBatch) -> Bool {
      !candidate.calls.isEmpty
        && property(candidate, GatherEngine.runVirtual(candidate, python: version)) != nil
    }
    var current = batch
    var changed = true
    while changed {
      changed = false
      for index in current.calls.indices.reversed() {
        var candidate = current
        candidate.calls.remove(at: index)
        if fails(candidate) {
          current = candidate
          changed = true
        }
      }
      for simplify in [
        { (b: inout GatherBatch) in b.errors = .capture }, { b in b.semaphore = .shared },
        { b in b.timeoutScope = .call },
        { b in b.timeout = nil },
      ] {
        var candidate = current
        simplify(&candidate)
        if candidate != current, fails(candidate) {
          current = candidate
          changed = true
        }
      }
    }
    return current
  }

  @Test func theShrinkerFindsASmallFailingConfiguration() {
    // A property that fails whenever some call times out: the smallest failure is one call.
    let anyTimeout: Property = { _, trace in
      trace.calls.contains { $0.outcome == .timeout } ? "a timeout" : nil
    }
    let minimal = Self.shrink(classic, anyTimeout)
    #expect(minimal.calls.map(\.name) == ["slow_tool"])
  }

  @Test(arguments: 0..<3)
  func realAndVirtualClocksAgreeWhereMarginsAreWide(seed: Int) {
    // Scaled down to tens of milliseconds, with every deadline at least 30 ms away from every
    // finish and every handover, so that real-time jitter cannot decide an outcome.
    let batches = [
      GatherBatch(
        limit: 2, timeout: ms(100),
        calls: [call("a", 30), call("b", 60), call("c", 200, timeout: 60)]),
      GatherBatch(
        limit: 1, timeout: ms(90), timeoutScope: .queue,
        calls: [call("a", 30), call("b", 30), call("c", 30), call("d", 30)]),
      GatherBatch(
        limit: nil, timeout: ms(80), errors: .capture,
        calls: [call("a", 20), call("b", 150), call("c", 40, fails: "x")]),
    ]
    let batch = batches[seed]
    let virtual = GatherEngine.runVirtual(batch)
    let real = GatherEngine.runReal(batch)
    #expect(real.results == virtual.results)
    #expect(real.calls.map(\.outcome) == virtual.calls.map(\.outcome))
    #expect(real.calls.map { $0.startedAt == nil } == virtual.calls.map { $0.startedAt == nil })
  }
}

/// A batch as the learner's JSON, for failure messages.
func describe(_ batch: GatherBatch) -> String {
  func seconds(_ duration: Duration?) -> String {
    duration.map { "\(Double($0.components.seconds) + Double($0.components.attoseconds) / 1e18)" }
      ?? "null"
  }
  let calls = batch.calls.map { call -> String in
    var fields = ["\"name\": \"\(call.name)\"", "\"delay\": \(seconds(call.delay))"]
    switch call.timeout {
    case .inherit: break
    case .none: fields.append("\"timeout\": null")
    case .after(let timeout): fields.append("\"timeout\": \(seconds(timeout))")
    }
    if let failure = call.failure { fields.append("\"fails\": \"\(failure)\"") }
    return "{" + fields.joined(separator: ", ") + "}"
  }
  return
    "{\"limit\": \(batch.limit.map(String.init) ?? "null"), \"timeout\": \(seconds(batch.timeout)), "
    + "\"timeoutScope\": \"\(batch.timeoutScope.rawValue)\", \"semaphore\": \"\(batch.semaphore.rawValue)\", "
    + "\"errors\": \"\(batch.errors.rawValue)\", \"calls\": [\(calls.joined(separator: ", "))]}"
}
