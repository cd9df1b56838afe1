import GuardedGather

extension LessonSpec {
  /// What each check of the card looks for, in words, for `lesson show`.
  public var checkDescriptions: [String] {
    var lines: [String] = []
    if let results = expectedResults {
      lines.append("the results list is exactly \(GatherTraceText.pythonList(results))")
    }
    if let timeouts = expectedTimeouts { lines.append("timeouts: \(timeouts)") }
    for rule in rules {
      switch rule {
      case .minCalls(let minimum): lines.append("at least \(minimum) calls")
      case .limit(let limit): lines.append("a limit of \(limit) on one shared semaphore")
      case .timeout(let timeout): lines.append("a timeout of \(timeout.secondsText) on every call")
      case .callTimeout(let name, let timeout): lines.append("\(name) has its own timeout of \(timeout.secondsText)")
      case .everyCallTimed: lines.append("a timeout on every call")
      case .timeoutInsideSemaphore: lines.append("the timeout starts when a call gets its slot")
      case .sharedSemaphore: lines.append("one semaphore shared by the whole batch")
      case .peakWithin(let maximum): lines.append("never more than \(maximum) calls running at once")
      case .evidenceMatches: lines.append("your evidence reports the results and timeout count the run printed")
      case .noteExplains(let topics): lines.append("your note says " + topics.map(\.about).joined(separator: ", and "))
      case .overlap: lines.append("the batch takes its longest call, not the sum")
      case .sameResultsAtLimits(let limits):
        lines.append("the same results under limits \(limits.map(String.init).joined(separator: " and "))")
      case .batchCompletes: lines.append("the batch completes: no error escapes gather")
      case .failuresNamed: lines.append("each failing call is named in the results and in your note")
      case .cpuWork(let names): lines.append("\(names.joined(separator: ", ")) are modelled as CPU work")
      }
    }
    // Timeouts are taught from lesson 2: before, only that the batch must finish.
    let timed = rules.contains {
      switch $0 {
      case .timeout, .callTimeout, .everyCallTimed, .timeoutInsideSemaphore: true
      default: false
      }
    }
    lines.append(timed ? "the batch finishes; a warning for a call that ends within 10 ms of its timeout" : "the batch finishes")
    return lines
  }
}

typealias GatherTraceText = GatherTrace
