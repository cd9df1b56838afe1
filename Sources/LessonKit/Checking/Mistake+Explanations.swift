/// The long form of a mistake, for `lesson explain ID` (as `rustc --explain`): what it is, and a
/// small example before and after, as a configuration and as Python.
public struct MistakeExplanation: Sendable, Hashable {
  /// The mistake's id.
  public var id: String
  /// What happens, in a few sentences.
  public var long: String
  /// A configuration that shows the mistake, and the same one fixed. Both run.
  public var beforeJSON: String
  public var afterJSON: String
  /// The same in Python (the lines that change).
  public var beforePython: String
  public var afterPython: String
}

extension Mistake {
  /// The long form of this mistake.
  public var explanation: MistakeExplanation? { MistakeExplanation.all.first { $0.id == id } }
}

extension MistakeExplanation {
  static let three =
    #"{"name": "search", "delay": 0.1}, {"name": "database", "delay": 0.2}, {"name": "slow_tool", "delay": 1.0}"#
  static let failing =
    #"{"name": "search", "delay": 0.1}, {"name": "flaky", "delay": 0.15, "fails": "HTTP 503"}, {"name": "database", "delay": 0.2}"#
  static let computing =
    #"{"name": "resize_image", "delay": 0.2, "work": "WORK"}, {"name": "tokenize", "delay": 0.2, "work": "WORK"}"#

  static func config(_ settings: String, _ calls: String = three, evidence: String? = nil) -> String {
    "{" + settings + ", \"calls\": [" + calls + "]" + (evidence.map { ", \"evidence\": " + $0 } ?? "") + "}"
  }

  static let gatherPython = """
    results = await asyncio.gather(*(call_tool(name, delay) for name, delay in TOOLS))
    """
  static let guardedPython = """
    async def guarded_call(semaphore, name, delay, timeout):
        async with semaphore:
            try:
                return await asyncio.wait_for(call_tool(name, delay), timeout=timeout)
            except asyncio.TimeoutError:
                return f"{name}:timeout"
    """

  /// Every explanation, one per mistake of the catalogue.
  public static let all: [MistakeExplanation] = [
    MistakeExplanation(
      id: "no-limit",
      long: "Plain gather starts every call at the same moment. With three calls nobody notices; with 500 an "
        + "upstream that allows 10 requests at once sees all 500 and answers with errors (HTTP 429) or falls over. "
        + "A semaphore of N lets N calls run and makes the others wait for a free slot.",
      beforeJSON: config(#""limit": null, "timeout": 0.5"#), afterJSON: config(#""limit": 2, "timeout": 0.5"#),
      beforePython: gatherPython,
      afterPython: """
        semaphore = asyncio.Semaphore(2)                 # once, in main
        results = await asyncio.gather(*(guarded_call(semaphore, name, delay, 0.5) for name, delay in TOOLS))
        """),
    MistakeExplanation(
      id: "no-timeout",
      long: "Without a timeout, gather waits for the slowest call, however slow: one upstream that hangs holds "
        + "the whole request. A per-call timeout a little above the normal latency turns a hang into a "
        + "'name:timeout' result and lets the batch finish.",
      beforeJSON: config(#""limit": 2, "timeout": null"#), afterJSON: config(#""limit": 2, "timeout": 0.5"#),
      beforePython: """
        async with semaphore:
            return await call_tool(name, delay)
        """,
      afterPython: guardedPython),
    MistakeExplanation(
      id: "timeout-outside-semaphore",
      long: "wait_for around async with starts the clock while the call still waits for a slot. A fast call "
        + "queued behind slow ones then times out without ever running: the timeout measures your own queue, "
        + "not the upstream. Put the timeout inside the semaphore.",
      beforeJSON: config(
        #""limit": 1, "timeout": 0.25, "timeoutScope": "queue""#,
        #"{"name": "search", "delay": 0.1}, {"name": "database", "delay": 0.2}, {"name": "upload", "delay": 0.05}"#),
      afterJSON: config(
        #""limit": 1, "timeout": 0.25, "timeoutScope": "call""#,
        #"{"name": "search", "delay": 0.1}, {"name": "database", "delay": 0.2}, {"name": "upload", "delay": 0.05}"#),
      beforePython: """
        return await asyncio.wait_for(guarded(semaphore, name, delay), timeout)
        """,
      afterPython: """
        async with semaphore:
            return await asyncio.wait_for(call_tool(name, delay), timeout)
        """),
    MistakeExplanation(
      id: "semaphore-per-call",
      long: "A semaphore made inside the per-call function belongs to that call alone, so it always has a "
        + "free slot: nothing is limited and the upstream sees the whole burst. The limit must be one object, "
        + "made once and shared by every call.",
      beforeJSON: config(#""limit": 2, "timeout": 0.5, "semaphore": "per-call""#),
      afterJSON: config(#""limit": 2, "timeout": 0.5, "semaphore": "shared""#),
      beforePython: """
        async def guarded_call(name, delay, timeout):
            semaphore = asyncio.Semaphore(2)             # a new one for every call
            async with semaphore:
        """,
      afterPython: """
        async def guarded_call(semaphore, name, delay, timeout):
            async with semaphore:                        # the one made in main
        """),
    MistakeExplanation(
      id: "invented-count",
      long: "The evidence you report must be what the run printed. A count typed in by hand (or copied from an "
        + "earlier run) hides the calls that really timed out; a count computed from the results is always right.",
      beforeJSON: config(
        #""limit": 2, "timeout": 0.5"#,
        evidence: #"{"results": ["search:ok", "database:ok", "slow_tool:timeout"], "timeouts": 2}"#),
      afterJSON: config(
        #""limit": 2, "timeout": 0.5"#,
        evidence: #"{"results": ["search:ok", "database:ok", "slow_tool:timeout"], "timeouts": 1}"#),
      beforePython: #"print("timeouts:", 2)"#,
      afterPython: #"print("timeouts:", sum(result.endswith(":timeout") for result in results))"#),
    MistakeExplanation(
      id: "missing-evidence",
      long: "Lessons from lesson 3 on ask you to report what you observed: the results list and the number of "
        + "timeouts the run printed, and a note that says why. Without them nobody can tell what you saw.",
      beforeJSON: config(#""limit": 2, "timeout": 0.5"#),
      afterJSON: config(
        #""limit": 2, "timeout": 0.5"#,
        evidence:
          #"{"results": ["search:ok", "database:ok", "slow_tool:timeout"], "timeouts": 1, "note": "slow_tool is slower than its timeout"}"#
      ),
      beforePython: "await asyncio.gather(*calls)",
      afterPython: """
        results = await asyncio.gather(*calls)
        print(results)
        print("timeouts:", sum(result.endswith(":timeout") for result in results))
        """),
    MistakeExplanation(
      id: "swallowed-error",
      long: "except Exception: return None keeps the batch going but throws the failure away: the results show "
        + "None, and neither the list nor the log says which tool failed or why. Return the call's name with "
        + "the failure, and log the error.",
      beforeJSON: config(#""limit": 2, "timeout": 0.5, "errors": "swallow""#, failing),
      afterJSON: config(#""limit": 2, "timeout": 0.5, "errors": "capture""#, failing),
      beforePython: """
        except Exception:
            return None
        """,
      afterPython: """
        except Exception as error:
            logging.warning("%s failed: %s", name, error)
            return f"{name}:error"
        """),
    MistakeExplanation(
      id: "unnamed-failure",
      long: "'One call failed' does not tell anyone which upstream to look at. Name the failing call, in the "
        + "results ('flaky:error') and in your note.",
      beforeJSON: config(
        #""limit": 2, "timeout": 0.5, "errors": "capture""#, failing,
        evidence: #"{"results": ["search:ok", "flaky:error", "database:ok"], "timeouts": 0, "note": "one call failed"}"#
      ),
      afterJSON: config(
        #""limit": 2, "timeout": 0.5, "errors": "capture""#, failing,
        evidence:
          #"{"results": ["search:ok", "flaky:error", "database:ok"], "timeouts": 0, "note": "flaky failed with HTTP 503"}"#
      ),
      beforePython: #""""One call failed.""""#,
      afterPython: #""""flaky failed with HTTP 503; the other results are kept.""""#),
    MistakeExplanation(
      id: "propagated-error",
      long: "By default the first exception escapes gather: the caller gets the error and loses every other "
        + "result, and asyncio.run cancels the calls still running. Catch the error in the per-call function "
        + "and return a named result instead.",
      beforeJSON: config(#""limit": 2, "timeout": 0.5, "errors": "propagate""#, failing),
      afterJSON: config(#""limit": 2, "timeout": 0.5, "errors": "capture""#, failing),
      beforePython: """
        return await asyncio.wait_for(call_tool(name, delay), timeout=timeout)
        """,
      afterPython: """
        try:
            return await asyncio.wait_for(call_tool(name, delay), timeout=timeout)
        except Exception as error:
            return f"{name}:error"
        """),
    MistakeExplanation(
      id: "async-for-cpu",
      long: "async helps while a program waits. Computing never waits: a coroutine that computes holds the event "
        + "loop's only thread until it is done, so gather runs such calls one after another and even a timeout "
        + "cannot interrupt them. Model such calls as CPU work; in Python, move the work to a process pool.",
      beforeJSON: config(#""limit": null, "timeout": null"#, computing.replacingOccurrences(of: "WORK", with: "io")),
      afterJSON: config(#""limit": null, "timeout": null"#, computing.replacingOccurrences(of: "WORK", with: "cpu")),
      beforePython: """
        async def resize_image(data):
            return compute(data)                         # holds the loop
        """,
      afterPython: """
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(pool, compute, data)   # a ProcessPoolExecutor
        """),
    MistakeExplanation(
      id: "zero-limit-deadlock",
      long: "A semaphore with no permits never lets a call start, and nothing can ever release one: the batch "
        + "waits forever. lesson stops such a run and reports a deadlock instead of hanging.",
      beforeJSON: config(#""limit": 0, "timeout": 0.5"#), afterJSON: config(#""limit": 2, "timeout": 0.5"#),
      beforePython: "semaphore = asyncio.Semaphore(0)", afterPython: "semaphore = asyncio.Semaphore(2)"),
    MistakeExplanation(
      id: "no-overlap",
      long: "Awaiting calls one after another (or a limit of 1) takes the sum of their delays. gather exists to "
        + "overlap the waits, so that the batch takes about as long as its longest call.",
      beforeJSON: config(#""limit": 1"#), afterJSON: config(#""limit": null"#),
      beforePython: """
        for name, delay in TOOLS:
            results.append(await call_tool(name, delay))
        """,
      afterPython: gatherPython),
    MistakeExplanation(
      id: "missing-calls",
      long: "Some behaviour only shows with enough calls competing for the slots: a limit of 3 changes nothing "
        + "for three calls. Add the calls the lesson asks for, each with its own name and delay.",
      beforeJSON: config(#""limit": 3, "timeout": 0.15"#),
      afterJSON: config(
        #""limit": 3, "timeout": 0.15"#,
        three + #", {"name": "rerank", "delay": 0.05}, {"name": "embed", "delay": 0.08}"#),
      beforePython: #"TOOLS = [("search", 0.1), ("database", 0.2), ("slow_tool", 1.0)]"#,
      afterPython:
        #"TOOLS = [("search", 0.1), ("database", 0.2), ("slow_tool", 1.0), ("rerank", 0.05), ("embed", 0.08)]"#),
    MistakeExplanation(
      id: "wrong-setting",
      long: "Each lesson fixes its numbers (a limit, a timeout) because they are what make its behaviour "
        + "visible. With other numbers the run may still look fine but shows something else. 'lesson check' "
        + "names the value the lesson expects.",
      beforeJSON: config(#""limit": 3, "timeout": 0.5"#), afterJSON: config(#""limit": 2, "timeout": 0.5"#),
      beforePython: "semaphore = asyncio.Semaphore(3)", afterPython: "semaphore = asyncio.Semaphore(2)"),
    MistakeExplanation(
      id: "over-limit",
      long: "The upstream allows only so many requests at once; the rest are rejected or throttled. The batch "
        + "must never have more calls running at once than that.",
      beforeJSON: config(#""limit": 3, "timeout": 0.5"#), afterJSON: config(#""limit": 2, "timeout": 0.5"#),
      beforePython: "semaphore = asyncio.Semaphore(3)", afterPython: "semaphore = asyncio.Semaphore(2)"),
    MistakeExplanation(
      id: "wrong-results",
      long: "The lesson fixes the outcome of every call. A different list means a different schedule: a "
        + "timeout above a call's delay lets it finish, one below it cuts it off.",
      beforeJSON: config(#""limit": 2, "timeout": 1.5"#), afterJSON: config(#""limit": 2, "timeout": 0.5"#),
      beforePython: "guarded_call(semaphore, \"slow_tool\", 1.0, 1.5)",
      afterPython: "guarded_call(semaphore, \"slow_tool\", 1.0, 0.5)"),
    MistakeExplanation(
      id: "timeout-in-milliseconds",
      long: "Timeouts are in seconds, in a configuration as in asyncio.wait_for and asyncio.timeout. 300 is five "
        + "minutes, not 300 ms: nothing ever times out, and a hung upstream holds the batch for five minutes.",
      beforeJSON: config(#""limit": 2, "timeout": 300"#), afterJSON: config(#""limit": 2, "timeout": 0.3"#),
      beforePython: "await asyncio.wait_for(call_tool(name, delay), timeout=300)",
      afterPython: "await asyncio.wait_for(call_tool(name, delay), timeout=0.3)"),
    MistakeExplanation(
      id: "limit-changes-results",
      long: "A limit should change how fast a batch runs, not which calls succeed. If a tighter limit turns "
        + "results into timeouts, the timeout is measuring the wait for a slot: put it inside the semaphore.",
      beforeJSON: config(
        #""limit": 1, "timeout": 0.5, "timeoutScope": "queue""#,
        #"{"name": "search", "delay": 0.2}, {"name": "database", "delay": 0.2}, {"name": "rerank", "delay": 0.2}"#),
      afterJSON: config(
        #""limit": 1, "timeout": 0.5, "timeoutScope": "call""#,
        #"{"name": "search", "delay": 0.2}, {"name": "database", "delay": 0.2}, {"name": "rerank", "delay": 0.2}"#),
      beforePython: "return await asyncio.wait_for(guarded(semaphore, name, delay), timeout)",
      afterPython: """
        async with semaphore:
            return await asyncio.wait_for(call_tool(name, delay), timeout)
        """),
    MistakeExplanation(
      id: "missing-explanation",
      long: "The lessons ask why, not only what: the reason is what carries over to real services. lesson reads "
        + "the note for the ideas the lesson asks for (and notices 'not' and the opposite), but it cannot grade "
        + "prose: a note that misses an idea is a warning, and a person may read it.",
      beforeJSON: config(
        #""limit": 2, "timeout": 0.5"#,
        evidence: #"{"results": ["search:ok", "database:ok", "slow_tool:timeout"], "timeouts": 1, "note": ""}"#),
      afterJSON: config(
        #""limit": 2, "timeout": 0.5"#,
        evidence:
          #"{"results": ["search:ok", "database:ok", "slow_tool:timeout"], "timeouts": 1, "note": "The limit protects the upstream from bursts; the timeout exposes slow_tool."}"#
      ),
      beforePython: #""""Lesson 3.""""#,
      afterPython: #""""Semaphore(3) protects the upstream from bursts; the 0.15 s timeout exposes the slow calls.""""#),
    MistakeExplanation(
      id: "fragile-margin",
      long: "On the virtual clock a call that finishes 5 ms before its deadline always succeeds. On a real "
        + "machine latency jitters by milliseconds, so the same call succeeds on one run and times out on the "
        + "next. Keep each delay well away from its timeout.",
      beforeJSON: config(
        #""limit": 2, "timeout": 0.5"#,
        #"{"name": "search", "delay": 0.1}, {"name": "database", "delay": 0.495}"#),
      afterJSON: config(
        #""limit": 2, "timeout": 0.5"#, #"{"name": "search", "delay": 0.1}, {"name": "database", "delay": 0.4}"#),
      beforePython: "guarded_call(semaphore, \"database\", 0.495, 0.5)",
      afterPython: "guarded_call(semaphore, \"database\", 0.4, 0.5)"),
  ]
}
