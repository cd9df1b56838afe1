import GuardedGather

/// A lesson's expected evidence card: what the learner's run must show, the mistakes to look for,
/// and the hints.
///
/// The JSON form (`lessons/NN_topic/spec.json`):
/// ```json
/// {
///   "formatVersion": 1,
///   "id": 2,
///   "title": "Guarded gather",
///   "file": "guarded_gather2.json",
///   "goal": "Limit 2 and per-call timeouts give ['search:ok', 'database:ok', 'slow_tool:timeout'].",
///   "expected": {"results": ["search:ok", "database:ok", "slow_tool:timeout"], "timeouts": 1},
///   "rules": [{"check": "limit", "value": 2}, {"check": "every-call-timed"}],
///   "starterMistake": "no-limit",
///   "hints": ["…", "…"]
/// }
/// ```
public struct LessonSpec: Sendable, Hashable {
  /// The lesson's number, unique in the course.
  public var id: Int
  /// The lesson's title.
  public var title: String
  /// The configuration file the learner edits, inside the lesson's folder.
  public var file: String
  /// The Python program the learner may bring instead (`async_batch.py`), when the lesson has one.
  public var pythonFile: String?
  /// What the learner should achieve, in one sentence.
  public var goal: String
  /// The exact results the run must give, when the lesson fixes them (`nil` entries are `None`).
  public var expectedResults: [String?]?
  /// The exact number of timeouts, when the lesson fixes it.
  public var expectedTimeouts: Int?
  /// The rules the configuration and its run must follow.
  public var rules: [LessonRule]
  /// The mistake the starter configuration shows (checked by `lesson verify`).
  public var starterMistake: String
  /// Hints, from gentle to explicit; `lesson hint` shows one more each time.
  public var hints: [String]
  /// The same hints for a learner who works on the Python program (`"pythonHints"`), when the
  /// lesson has one; empty otherwise.
  public var pythonHints: [String] = []

  /// The hints in the learner's language.
  public func hints(python: Bool) -> [String] { python && !pythonHints.isEmpty ? pythonHints : hints }

  public init(
    id: Int, title: String, file: String, goal: String, expectedResults: [String?]?, expectedTimeouts: Int?,
    rules: [LessonRule], starterMistake: String, hints: [String]
  ) {
    self.id = id
    self.title = title
    self.file = file
    self.pythonFile = nil
    self.goal = goal
    self.expectedResults = expectedResults
    self.expectedTimeouts = expectedTimeouts
    self.rules = rules
    self.starterMistake = starterMistake
    self.hints = hints
  }
}

/// One rule of an evidence card. In JSON: `{"check": "<name>", ...}`.
public enum LessonRule: Sendable, Hashable {
  /// `{"check": "min-calls", "value": 8}`: at least this many calls.
  case minCalls(Int)
  /// `{"check": "limit", "value": 3}`: one shared semaphore of this size.
  case limit(Int)
  /// `{"check": "timeout", "value": 0.15}`: every call's timeout is this.
  case timeout(Duration)
  /// `{"check": "call-timeout", "call": "slow_tool", "value": 0.3}`: this call's own timeout.
  case callTimeout(String, Duration)
  /// `{"check": "every-call-timed"}`: no call runs without a timeout.
  case everyCallTimed
  /// `{"check": "timeout-inside-semaphore"}`: the timeout starts when the call gets its slot.
  case timeoutInsideSemaphore
  /// `{"check": "shared-semaphore"}`: one semaphore for the whole batch.
  case sharedSemaphore
  /// `{"check": "peak-within", "value": 3}`: never more than this many calls in flight.
  case peakWithin(Int)
  /// `{"check": "evidence-matches"}`: the reported results and timeout count are the observed ones.
  case evidenceMatches
  /// `{"check": "note-explains", "topics": [{"about": "...", "words": ["...", "..."], "contrary": [...]}]}`:
  /// the note says each thing (one of its words). A weak note is a warning, never a failure.
  case noteExplains([NoteTopic])
  /// `{"check": "overlap"}`: the batch takes its longest call, not the sum.
  case overlap
  /// `{"check": "same-results-at-limits", "limits": [2, 1]}`: the same results under each limit,
  /// each run no wider than its limit.
  case sameResultsAtLimits([Int])
  /// `{"check": "batch-completes"}`: no error propagates out of gather.
  case batchCompletes
  /// `{"check": "failures-named"}`: every failing call is named in the results and in the note.
  case failuresNamed
  /// `{"check": "cpu-work", "calls": ["resize_image"]}`: these calls compute, and the batch shows it.
  case cpuWork([String])
}

/// Something the learner's note must say, recognised by any of its words.
extension LessonSpec {
  /// The ideas the lesson's note is reviewed against (its `note-explains` rule), if it asks for a note.
  public var noteTopics: [NoteTopic]? {
    var found: [NoteTopic]?
    for case .noteExplains(let topics) in rules { found = topics }
    return found
  }
}

public struct NoteTopic: Sendable, Hashable {
  /// What the note should explain, for messages.
  public var about: String
  /// Words (lowercase) of which the note must contain at least one. A word also finds the
  /// words it begins ("protect" finds "protects"); a word after "not", "no" or "never" does not count.
  public var words: [String] { didSet { wordParts = words.map(NoteReview.words) } }
  /// Phrases that say the opposite of the lesson (`"contrary"` in JSON): a note that says one is
  /// flagged for review.
  public var contrary: [String] { didSet { contraryParts = contrary.map(NoteReview.words) } }
  /// Those of ``words`` that name the harm the idea prevents ("overload", "flood"): negated
  /// ("so we do not overload the upstream"), they still say the idea.
  public var harms: [String]
  /// Each of ``words`` and ``contrary`` split into its words once, not for every note reviewed.
  private(set) var wordParts: [[String]]
  private(set) var contraryParts: [[String]]

  public init(about: String, words: [String], contrary: [String] = [], harms: [String] = []) {
    self.about = about
    self.words = words
    self.contrary = contrary
    self.harms = harms
    wordParts = words.map(NoteReview.words)
    contraryParts = contrary.map(NoteReview.words)
  }
}
