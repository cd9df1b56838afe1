/// A common mistake with the guarded-gather pattern, with a stable id used by `check --json` and
/// by grading.
public struct Mistake: Sendable, Hashable, Identifiable {
  /// The stable id, such as `no-limit`.
  public var id: String
  /// What the mistake is, in one line.
  public var title: String
  /// Why it matters in a real service.
  public var why: String
  /// What to change in the configuration.
  public var fix: String
  /// Whether it fails the check (or only warns, unless `--strict`).
  public var isWarning: Bool

  public init(id: String, title: String, why: String, fix: String, isWarning: Bool = false) {
    self.id = id
    self.title = title
    self.why = why
    self.fix = fix
    self.isWarning = isWarning
  }

  /// What to change in a Python program (for a learner who brought `async_batch.py`).
  public var pythonFix: String { Self.pythonFixes[id] ?? fix }

  static let pythonFixes: [String: String] = [
    "no-limit":
      "Make one semaphore in main, semaphore = asyncio.Semaphore(N), pass it to every call, and wrap the call in async with semaphore:.",
    "no-timeout":
      "Wrap the tool call: return await asyncio.wait_for(call_tool(name, delay), timeout=timeout), and catch asyncio.TimeoutError.",
    "timeout-outside-semaphore":
      "Move wait_for (or async with asyncio.timeout) inside async with semaphore:, so the clock starts when the call has its slot.",
    "semaphore-per-call":
      "Create the semaphore once in main and pass it in; a Semaphore made inside the per-call function limits nothing.",
    "invented-count":
      "Print the count you computed: timeouts = sum(r.endswith(\":timeout\") for r in results); print(\"timeouts:\", timeouts).",
    "missing-evidence": "Print the results list and the count computed from it in main.",
    "swallowed-error":
      "In except Exception as error: return f\"{name}:error\" (and log error) instead of returning None or passing.",
    "unnamed-failure":
      "Name the failing call: return f\"{name}:error\" and say which tool failed in the module docstring.",
    "propagated-error":
      "Catch the error in the per-call function: except Exception as error: return f\"{name}:error\".",
    "async-for-cpu":
      "time.sleep (or any computation) blocks the loop; use await loop.run_in_executor(pool, work) with a process pool, or keep it synchronous.",
    "timeout-in-milliseconds": "asyncio.wait_for and asyncio.timeout take seconds: timeout=0.3 is 300 ms.",
    "zero-limit-deadlock": "asyncio.Semaphore(0) never lets anyone in: use asyncio.Semaphore(1) or more.",
    "no-overlap": "Gather the calls instead of awaiting them one by one: results = await asyncio.gather(*calls).",
    "missing-calls": "Add more calls to the gather (or rows to the table of (name, delay) tuples).",
    "wrong-setting":
      "Use the value the lesson gives (a module constant such as TIMEOUT = 0.15 makes it easy to change).",
    "over-limit": "Share one asyncio.Semaphore(N) of the upstream's size across all calls.",
    "missing-explanation":
      "Explain it in the module docstring (the first line of the file, in triple quotes) or in comments.",
    "fragile-margin": "Keep each delay well away from its timeout (20% or more).",
  ]

  /// Every mistake `lesson` knows, by id.
  public static let catalogue: [String: Mistake] = Dictionary(
    uniqueKeysWithValues: all.map { ($0.id, $0) })

  /// Looks a mistake up by id.
  public static func named(_ id: String) -> Mistake? { catalogue[id] }

  public static let all: [Mistake] = [
    Mistake(
      id: "no-limit", title: "gather with nothing bounding it",
      why: "Every call starts at once: 500 calls become 500 requests to an upstream that may allow 10, which "
        + "answers with errors or rate limits.",
      fix: "Set \"limit\" to how many calls the upstream can take at once (a shared semaphore)."),
    Mistake(
      id: "no-timeout", title: "a call with no timeout",
      why: "One slow upstream holds the whole batch: gather returns only when the slowest call does, and a "
        + "call that hangs makes the batch hang with it.",
      fix: "Give every call a timeout (\"timeout\" for all, or per call), a little above its normal latency."),
    Mistake(
      id: "timeout-outside-semaphore", title: "the timeout also covers the wait for a slot",
      why: "The clock starts while the call is still queued, so calls that were never slow time out without "
        + "ever running, and the result depends on the queue, not on the tool.",
      fix: "Put the timeout inside the semaphore: \"timeoutScope\": \"call\" (wait_for inside async with)."),
    Mistake(
      id: "semaphore-per-call", title: "a semaphore per call",
      why: "Each call gets its own fresh semaphore, so each one always has a free slot: nothing is limited "
        + "and the upstream sees the full burst.",
      fix: "Create one semaphore for the whole batch and share it: \"semaphore\": \"shared\"."),
    Mistake(
      id: "invented-count", title: "evidence not taken from the run",
      why: "Evidence is only worth something if it is what the run printed: a list or a count that differs "
        + "from the run, or a number typed in rather than counted, hides what really happened to the calls.",
      fix: "Copy the results list and the timeout count from what 'lesson run' printed into \"evidence\"."),
    Mistake(
      id: "missing-evidence", title: "no evidence reported",
      why: "A lesson is proved by what the run printed: without it nobody can tell what you observed.",
      fix: "Add \"evidence\": {\"results\": [...], \"timeouts\": N, \"note\": \"...\"} from 'lesson run'."),
    Mistake(
      id: "swallowed-error", title: "an error swallowed without naming the task",
      why: "The failing call's result is just None: the batch looks fine, and the log cannot say which tool "
        + "failed or why, so nobody fixes it.",
      fix: "Return the call's name with the failure: \"errors\": \"capture\" gives 'name:error'."),
    Mistake(
      id: "unnamed-failure", title: "a failure your note does not name",
      why: "\"1 call failed\" does not tell whoever reads it which upstream to look at. A program cannot grade "
        + "prose, so this is only a warning; a person may read your note.",
      fix: "Name the failing call in your note, as the results do ('flaky:error').",
      isWarning: true),
    Mistake(
      id: "propagated-error", title: "one failing call threw away every result",
      why: "The error propagated out of gather, so the results of the calls that worked are lost and the "
        + "rest of the batch is cancelled.",
      fix: "Catch the error per call and return a named result: \"errors\": \"capture\"."),
    Mistake(
      id: "async-for-cpu", title: "async used for CPU-bound work",
      why: "Computing never waits, so a coroutine that computes holds the only thread: gather runs the "
        + "calls one after another and gains nothing, and its timeout cannot even interrupt it.",
      fix: "Mark computing calls \"work\": \"cpu\" and expect no overlap; in Python, move such work to a "
        + "process pool (loop.run_in_executor) instead of making it async."),
    Mistake(
      id: "zero-limit-deadlock", title: "a semaphore with no permits",
      why: "Semaphore(0) never lets a call start and nothing can ever release a permit: the batch waits "
        + "forever (lesson stops it and reports a deadlock).",
      fix: "Use a limit of at least 1."),
    Mistake(
      id: "no-overlap", title: "the waits do not overlap",
      why: "Awaiting calls one after another takes the sum of the delays; gather exists to overlap them so "
        + "the batch takes about the longest one.",
      fix: "Run the calls together: \"limit\": null (plain gather) or a limit above 1."),
    Mistake(
      id: "missing-calls", title: "fewer calls than the lesson's",
      why: "The behaviour the lesson shows only appears with enough calls competing for the slots.",
      fix: "Add calls until there are as many as the lesson asks for, each with its own name and delay."),
    Mistake(
      id: "wrong-setting", title: "not the lesson's setting",
      why: "The lesson's numbers are what make the behaviour visible; with others the observation means "
        + "something else.",
      fix: "Use the value the lesson gives for this setting."),
    Mistake(
      id: "over-limit", title: "more calls at once than the upstream allows",
      why: "The upstream allows only so many requests at once; the rest are rejected or throttled.",
      fix: "Bound the batch with one shared semaphore of that size."),
    Mistake(
      id: "wrong-results", title: "the results differ from the lesson's",
      why: "The lesson fixes the outcome of every call; a different list means a different schedule.",
      fix: "Compare your delays, timeouts and limit with the ones the lesson gives ('lesson show N')."),
    Mistake(
      id: "timeout-in-milliseconds", title: "a timeout in milliseconds where seconds are expected",
      why: "Timeouts are in seconds, in the configuration as in asyncio.wait_for: milliseconds typed as seconds "
        + "(500 for half a second) are minutes, so nothing ever times out and a hung upstream holds the batch "
        + "that long.",
      fix: "Write the timeout in seconds: 500 ms is 0.5."),
    Mistake(
      id: "limit-changes-results", title: "the results change with the limit",
      why: "A limit should change how fast the batch runs, not which calls succeed.",
      fix: "Make each call's outcome depend only on its own latency: the timeout inside the semaphore."),
    Mistake(
      id: "missing-explanation", title: "the note does not explain the behaviour",
      why: "The lesson asks why, not only what: the reason is what carries over to real services. A program "
        + "cannot grade prose, so this is only a warning; a person may read your note.",
      fix: "Say it in your own words in \"evidence.note\".",
      isWarning: true),
    Mistake(
      id: "fragile-margin", title: "a delay very close to its timeout",
      why: "On a real machine latency jitters by milliseconds, so a call within a few milliseconds of its "
        + "timeout succeeds on one run and times out on the next.",
      fix: "Keep timeouts clearly above normal latency (say 20% or more), or clearly below it.",
      isWarning: true),
  ]
}
