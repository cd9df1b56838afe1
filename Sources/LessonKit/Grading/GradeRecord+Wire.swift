import GuardedGather

/// One line of JSON per grade, so that a grade can cross a pipe from a grading worker process.
///
/// Not a published format: both ends are the same `lesson` binary. A mistake travels as its id
/// and is looked up again in ``Mistake/named(_:)``.
extension GradeRecord {
  /// The record as one line of JSON (no line break inside).
  public var wire: String { wire(topicsKnown: false) }

  /// The record as one line of JSON; with `topicsKnown`, a note review's ideas travel without
  /// their words, which the reader has from the lesson (``init(wire:pool:topics:)``): a class of
  /// 10,000 sends 10,000 copies of them otherwise.
  public func wire(topicsKnown: Bool) -> String {
    JSONOutput.object([
      ("learner", .string(learner)), ("lesson", .int(lesson)), ("status", .string(status.rawValue)),
      ("score", .int(score)), ("maxScore", .int(maxScore)), ("mistakes", .array(mistakes.map(JSONOutput.string))),
      ("explanations", .array(explanations.map(JSONOutput.string))), ("file", .string(file)),
      ("warnings", .array(warnings.map(JSONOutput.string))),
      (
        "checks",
        .array(
          checks.map { check in
            .object([
              ("id", .string(check.id)), ("title", .string(check.title)), ("status", .string(check.status.rawValue)),
              ("expected", .string(check.expected)), ("observed", .string(check.observed)),
              ("mistake", check.mistake.map { .string($0.id) } ?? .null),
              ("location", check.location.map(JSONOutput.string) ?? .null),
              ("blockedBy", .array(check.blockedBy.map(JSONOutput.string))),
              ("fix", check.fix.map(JSONOutput.string) ?? .null),
              ("pythonFix", check.pythonFix.map(JSONOutput.string) ?? .null),
            ])
          })
      ),
      ("noteReview", noteReview.map { Self.wire($0, topicsKnown: topicsKnown) } ?? .null),
      ("timeline", timeline.map(Self.wire) ?? .null),
    ]).compact
  }

  static func wire(_ timeline: GradeTimeline) -> JSONOutput {
    .object([
      ("limit", timeline.limit.map(JSONOutput.int) ?? .null), ("peak", .int(timeline.peak)),
      ("elapsed", .int(Int(timeline.elapsed))), ("omitted", .int(timeline.omitted)),
      ("failure", timeline.failure.map(JSONOutput.string) ?? .null),
      (
        "calls",
        .array(
          timeline.calls.map { call in
            .object([
              ("name", .string(call.name)), ("outcome", .string(call.outcome.rawValue)),
              ("startedAt", call.startedAt.map { .int(Int($0)) } ?? .null), ("endedAt", .int(Int(call.endedAt))),
            ])
          })
      ),
    ])
  }

  static func wire(_ review: NoteReview, topicsKnown: Bool) -> JSONOutput {
    .object([
      ("note", .string(review.note)),
      (
        "ideas",
        .array(
          review.ideas.map { idea in
            .object(
              (topicsKnown
                ? [] : [("about", .string(idea.about)), ("examples", .array(idea.examples.map(JSONOutput.string)))])
                + [("found", .bool(idea.found)), ("negated", .array(idea.negated.map(JSONOutput.string)))])
          })
      ),
      ("contradictions", .array(review.contradictions.map(JSONOutput.string))),
    ])
  }

  /// The record read back from ``wire``, or `nil` when the line is not one.
  public init?(wire line: String) {
    var pool = TextPool()
    self.init(wire: line, pool: &pool)
  }

  /// The record read back from ``wire``; texts that repeat from record to record (the lesson's
  /// ideas, the note, mistake ids, a common explanation) share one copy through `pool`.
  public init?(wire line: String, pool: inout TextPool, topics: [NoteTopic]? = nil) {
    guard let value = try? JSONReader().parse(Array(line.utf8)) else { return nil }
    func string(_ value: JSONValue?) -> String? {
      if case .string(let text)? = value { return pool.shared(text) }
      return nil
    }
    func int(_ value: JSONValue?) -> Int? {
      if case .number(let number, _)? = value, let exact = Int(exactly: number) { return exact }
      return nil
    }
    func strings(_ value: JSONValue?) -> [String]? {
      guard case .array(let items)? = value else { return nil }
      let texts = items.compactMap(string)
      return texts.count == items.count ? pool.shared(texts) : nil
    }
    guard let learner = string(value["learner"]), let lesson = int(value["lesson"]),
      let status = string(value["status"]).flatMap(Status.init(rawValue:)), let score = int(value["score"]),
      let maxScore = int(value["maxScore"]), let mistakes = strings(value["mistakes"]),
      let explanations = strings(value["explanations"]), let file = string(value["file"]),
      let warnings = strings(value["warnings"]), case .array(let items)? = value["checks"]
    else { return nil }
    var checks: [CheckResult] = []
    for item in items {
      guard let id = string(item["id"]), let title = string(item["title"]),
        let checkStatus = string(item["status"]).flatMap(CheckResult.Status.init(rawValue:)),
        let expected = string(item["expected"]), let observed = string(item["observed"])
      else { return nil }
      var check = CheckResult(
        id: id, title: title, status: checkStatus, expected: expected, observed: observed,
        mistake: string(item["mistake"]).flatMap(Mistake.named), location: string(item["location"]))
      check.blockedBy = strings(item["blockedBy"]) ?? []
      check.fix = string(item["fix"])
      check.pythonFix = string(item["pythonFix"])
      checks.append(check)
    }
    var review: NoteReview?
    if let note = string(value["noteReview"]?["note"]), case .array(let ideas)? = value["noteReview"]?["ideas"],
      let contradictions = strings(value["noteReview"]?["contradictions"])
    {
      var parsed: [NoteReview.Idea] = []
      for (index, idea) in ideas.enumerated() {
        // Ideas sent without their words take them from the lesson's topics.
        let topic = topics.flatMap { index < $0.count ? $0[index] : nil }
        guard let about = string(idea["about"]) ?? topic?.about,
          let examples = strings(idea["examples"]) ?? topic.map({ Array($0.words.prefix(3)) }),
          case .bool(let found)? = idea["found"], let negated = strings(idea["negated"])
        else { return nil }
        parsed.append(NoteReview.Idea(about: about, examples: examples, found: found, negated: negated))
      }
      review = NoteReview(note: note, ideas: pool.shared(parsed), contradictions: contradictions)
    }
    var timeline: GradeTimeline?
    if let wired = value["timeline"], case .array(let items)? = wired["calls"], let peak = int(wired["peak"]),
      let elapsed = int(wired["elapsed"]), let omitted = int(wired["omitted"])
    {
      var calls: [GradeTimeline.Call] = []
      for item in items {
        guard let name = string(item["name"]), let outcome = string(item["outcome"]).flatMap(GatherOutcome.init),
          let endedAt = int(item["endedAt"])
        else { return nil }
        calls.append(
          GradeTimeline.Call(
            name: name, outcome: outcome, startedAt: int(item["startedAt"]).map(Int64.init), endedAt: Int64(endedAt)))
      }
      timeline = GradeTimeline(
        limit: int(wired["limit"]), peak: peak, elapsed: Int64(elapsed), calls: calls, omitted: omitted,
        failure: string(wired["failure"]))
    }
    self.init(
      learner: learner, lesson: lesson, status: status, score: score, maxScore: maxScore, mistakes: mistakes,
      explanations: explanations, file: file, checks: checks, warnings: warnings, noteReview: review,
      timeline: timeline)
  }
}

/// One copy of each text many records hold alike (the lesson's ideas, a note handed in by many,
/// the same explanation): a class of 50,000 would otherwise hold 50,000 copies of each.
public struct TextPool: Sendable {
  private var texts: Set<String> = []
  /// Lists kept alike: a record's mistakes, explanations, the lesson's ideas in a note's review.
  private var lists: Set<[String]> = []
  private var ideas: Set<[NoteReview.Idea]> = []
  /// Texts kept at most; the pool starts again when it is full.
  static let capacity = 8_192

  public init() {}

  /// `text`, or the copy of it the pool holds already.
  public mutating func shared(_ text: String) -> String {
    // Short texts live inside the String itself; nothing to share.
    guard text.utf8.count > 15 else { return text }
    if let kept = texts.firstIndex(of: text) { return texts[kept] }
    if texts.count >= Self.capacity { texts.removeAll(keepingCapacity: true) }
    texts.insert(text)
    return text
  }

  /// `list`, or the copy of it the pool holds already (an array's storage is shared too).
  public mutating func shared(_ list: [String]) -> [String] {
    guard !list.isEmpty else { return list }
    if let kept = lists.firstIndex(of: list) { return lists[kept] }
    if lists.count >= Self.capacity { lists.removeAll(keepingCapacity: true) }
    lists.insert(list)
    return list
  }

  /// `list`, or the copy of it the pool holds already.
  public mutating func shared(_ list: [NoteReview.Idea]) -> [NoteReview.Idea] {
    guard !list.isEmpty else { return list }
    if let kept = ideas.firstIndex(of: list) { return ideas[kept] }
    if ideas.count >= Self.capacity { ideas.removeAll(keepingCapacity: true) }
    ideas.insert(list)
    return list
  }
}
