#!/usr/bin/env python3
"""Record what real asyncio does for guarded-gather configurations.

This script is the reference behaviour for the `lesson` engine. It runs each configuration as
the lesson page's program does (`asyncio.gather` over calls guarded by an `asyncio.Semaphore`
and `asyncio.wait_for`) on the `looptime` virtual clock (pip install looptime), and writes what
happened: results, each call's start, end and outcome, the peak in flight and the elapsed time,
all in whole microseconds.

Equal deadlines fire in registration order (see ENGINE-NOTES.md): plain asyncio on a virtual
clock pops equal timers in its heap's internal order, which is not a rule of the language.

Usage (each runs the configurations under CPython 3.10, 3.11, 3.12 and 3.13 through pyenv, each
with `looptime` installed: `PYENV_VERSION=3.12.1 python -m pip install looptime`):
    python3 asyncio_reference.py > corpus.json          # the committed corpus
    python3 asyncio_reference.py --fresh SEED N > F     # N fresh configurations from SEED
    python3 asyncio_reference.py --config FILE.json     # one learner configuration, this Python

`swift test` reads the committed corpus and never runs Python.
"""
import asyncio
import asyncio.events
import itertools
import json
import random
import sys

import looptime

# ---- equal deadlines fire in registration order ---------------------------------------------
_sequence = itertools.count()


class OrderedTimerHandle(asyncio.events.TimerHandle):
    __slots__ = ("_seq",)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._seq = next(_sequence)

    def __lt__(self, other):
        return (self._when, self._seq) < (other._when, other._seq)

    def __le__(self, other):
        return (self._when, self._seq) <= (other._when, other._seq)

    def __gt__(self, other):
        return (self._when, self._seq) > (other._when, other._seq)

    def __ge__(self, other):
        return (self._when, self._seq) >= (other._when, other._seq)


asyncio.events.TimerHandle = OrderedTimerHandle


# ---- timers on the microsecond grid ----------------------------------------------------------
# asyncio computes a timer's instant as `loop.time() + delay` in floating point, so an exact tie in
# decimal (start 0.1 + delay 0.7 against a deadline of 0.8) can come out 0.7999999999999999 and
# fire first. The configurations are exact to the microsecond, and so is the engine: round every
# timer's instant to the microsecond, so that equal instants are equal.
def call_at_on_grid(loop_class):
    original = loop_class.call_at

    def call_at(self, when, callback, *args, context=None):
        return original(self, round(when * 1_000_000) / 1_000_000, callback, *args, context=context)

    loop_class.call_at = call_at


class ToolError(Exception):
    pass


class Deadlock(Exception):
    pass


def micros(t):
    return round(t * 1_000_000)


def run_configuration(config):
    limit = config.get("limit", None)
    default_timeout = config.get("timeout", None)
    scope = config.get("timeoutScope", "call")
    semaphore_kind = config.get("semaphore", "shared")
    errors = config.get("errors", "propagate")
    calls = config["calls"]

    loop = looptime.new_event_loop(start=0)
    if not getattr(type(loop), "_on_grid", False):
        call_at_on_grid(type(loop))
        type(loop)._on_grid = True
    asyncio.set_event_loop(loop)
    records = [{"name": c["name"], "outcome": None, "startedAt": None, "endedAt": None} for c in calls]
    state = {"inflight": 0, "peak": 0}

    def now():
        return micros(loop.time())

    def timeout_of(call):
        return call["timeout"] if "timeout" in call else default_timeout

    async def call_tool(call):
        if call.get("work") == "cpu":
            # Blocking work: the loop's thread is busy, virtual time passes, nothing else runs.
            loop._LoopTimeEventLoop__now += round(call["delay"] * loop._LoopTimeEventLoop__resolution_reciprocal)
        else:
            await asyncio.sleep(call["delay"])
        if call.get("fails") is not None:
            raise ToolError(call["fails"])
        return f"{call['name']}:ok"

    def started(rec):
        rec["startedAt"] = now()
        state["inflight"] += 1
        state["peak"] = max(state["peak"], state["inflight"])

    def released(rec):
        """The call gives its slot back (or stops counting as in flight): once per call."""
        if rec["startedAt"] is not None and not rec.get("_released"):
            rec["_released"] = True
            state["inflight"] -= 1

    def finished(rec, outcome):
        rec["outcome"] = outcome
        rec["endedAt"] = now()
        released(rec)

    async def run_tool(call, rec, timeout):
        """The body inside `async with semaphore` for scope "call"."""
        started(rec)
        try:
            if timeout is None:
                result = await call_tool(call)
            else:
                result = await asyncio.wait_for(call_tool(call), timeout=timeout)
            finished(rec, "ok")
            return result
        except asyncio.TimeoutError:
            finished(rec, "timeout")
            return f"{call['name']}:timeout"
        except ToolError:
            finished(rec, "error")
            if errors == "capture":
                return f"{call['name']}:error"
            raise
        except asyncio.CancelledError:
            finished(rec, "cancelled")
            raise

    def make_semaphore():
        return None if limit is None else asyncio.Semaphore(limit)

    shared = make_semaphore()

    async def guarded(call, rec):
        semaphore = shared if semaphore_kind == "shared" else make_semaphore()
        timeout = timeout_of(call)
        if scope == "call":
            try:
                if semaphore is None:
                    return await run_tool(call, rec, timeout)
                async with semaphore:
                    return await run_tool(call, rec, None if False else timeout)
            except asyncio.CancelledError:
                if rec["outcome"] is None:
                    finished(rec, "cancelled")
                raise

        # scope "queue": the timeout wraps the wait for a slot as well
        async def inner():
            if semaphore is None:
                return await run_tool_untimed(call, rec)
            async with semaphore:
                return await run_tool_untimed(call, rec)

        try:
            if timeout is None:
                return await inner()
            return await asyncio.wait_for(inner(), timeout=timeout)
        except asyncio.TimeoutError:
            finished(rec, "timeout")
            return f"{call['name']}:timeout"
        except asyncio.CancelledError:
            if rec["outcome"] is None:
                finished(rec, "cancelled")
            raise

    async def run_tool_untimed(call, rec):
        started(rec)
        try:
            result = await call_tool(call)
            finished(rec, "ok")
            return result
        except ToolError:
            finished(rec, "error")
            if errors == "capture":
                return f"{call['name']}:error"
            raise
        finally:
            # A timeout or the batch failing cancels the call here, inside `async with`: its slot
            # is free from now on, whatever the caller records as the outcome.
            released(rec)

    outcome = {"results": None, "error": None, "deadlock": False}

    async def main():
        try:
            results = await asyncio.gather(*(guarded(c, r) for c, r in zip(calls, records)))
            outcome["results"] = list(results)
        except ToolError as error:
            failing = next(r for r, c in zip(records, calls)
                           if r["outcome"] == "error" and c.get("fails") == str(error))
            outcome["error"] = f"{failing['name']}: {error}"
        outcome["elapsed"] = now()

    main_task = loop.create_task(main())

    original_run_once = loop._run_once

    def run_once():
        # Nothing ready and no live timer: CPython would wait forever (cancelled timers that are
        # still in the heap never fire, so they do not count).
        if not loop._ready and all(h._cancelled for h in loop._scheduled) and not main_task.done():
            raise Deadlock()
        original_run_once()

    loop._run_once = run_once
    try:
        loop.run_until_complete(main_task)
    except Deadlock:
        outcome["deadlock"] = True
        outcome["elapsed"] = now()
        loop._run_once = original_run_once
        main_task.cancel()
        try:
            loop.run_until_complete(main_task)
        except asyncio.CancelledError:
            pass
    # What asyncio.run does after main returns: cancel whatever is still running or queued.
    pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
    for task in pending:
        task.cancel()
    if pending:
        loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
    loop.close()
    if outcome["deadlock"]:
        outcome["error"] = "deadlock"

    results = outcome["results"]
    for rec in records:
        rec.pop("_released", None)
    return {
        "results": results,
        "error": outcome["error"],
        "deadlock": outcome["deadlock"],
        "timeouts": None if results is None else sum(r.endswith(":timeout") for r in results),
        "calls": records,
        "peakConcurrency": state["peak"],
        "elapsed": outcome["elapsed"],
    }


# ---- the corpus ------------------------------------------------------------------------------
CLASSIC = {
    "limit": 2, "timeout": 0.5,
    "calls": [
        {"name": "search", "delay": 0.1},
        {"name": "database", "delay": 0.2},
        {"name": "slow_tool", "delay": 1.0, "timeout": 0.3},
    ],
}


def handmade():
    cases = [("classic", CLASSIC)]
    cases.append(("classic-limit-1", {**CLASSIC, "limit": 1}))
    cases.append(("classic-no-limit", {**CLASSIC, "limit": None}))
    cases.append(("classic-per-call-semaphore", {**CLASSIC, "semaphore": "per-call"}))
    cases.append(("classic-queue-scope-limit-1", {**CLASSIC, "limit": 1, "timeoutScope": "queue"}))
    cases.append(("classic-no-timeout", {**CLASSIC, "timeout": None,
                                          "calls": [{k: v for k, v in c.items() if k != "timeout"} for c in CLASSIC["calls"]]}))
    cases.append(("exact-tie-alone", {"limit": 1, "timeout": 0.2, "calls": [{"name": "a", "delay": 0.2}]}))
    cases.append(("exact-tie-three-at-limit-3", {"limit": 3, "timeout": 0.2,
                                                  "calls": [{"name": n, "delay": 0.2} for n in "abc"]}))
    cases.append(("zero-delay", {"limit": 1, "timeout": 0.1, "calls": [{"name": "a", "delay": 0}, {"name": "b", "delay": 0}]}))
    cases.append(("zero-timeout", {"limit": 2, "timeout": 0, "calls": [{"name": "a", "delay": 0}, {"name": "b", "delay": 0.1}]}))
    cases.append(("zero-timeout-queue", {"limit": 2, "timeout": 0, "timeoutScope": "queue",
                                         "calls": [{"name": "a", "delay": 0}, {"name": "b", "delay": 0.1}]}))
    cases.append(("limit-zero-deadlock", {"limit": 0, "timeout": 0.5, "calls": [{"name": "a", "delay": 0.1}]}))
    cases.append(("limit-zero-queue-times-out", {"limit": 0, "timeout": 0.5, "timeoutScope": "queue",
                                                 "calls": [{"name": "a", "delay": 0.1}, {"name": "b", "delay": 0.1, "timeout": 0.2}]}))
    cases.append(("limit-zero-queue-then-deadlock", {"limit": 0, "timeout": 0.5, "timeoutScope": "queue",
                                                     "calls": [{"name": "a", "delay": 0.1}, {"name": "b", "delay": 0.1, "timeout": None}]}))
    cases.append(("per-call-limit-zero", {"limit": 0, "semaphore": "per-call", "timeout": None,
                                          "calls": [{"name": "a", "delay": 0.1}]}))
    cases.append(("fail-propagates", {"limit": 2, "timeout": 0.5, "calls": [
        {"name": "search", "delay": 0.1}, {"name": "flaky", "delay": 0.15, "fails": "HTTP 503"},
        {"name": "database", "delay": 0.2}, {"name": "rerank", "delay": 0.1}]}))
    cases.append(("fail-captured", {"limit": 2, "timeout": 0.5, "errors": "capture", "calls": [
        {"name": "search", "delay": 0.1}, {"name": "flaky", "delay": 0.15, "fails": "HTTP 503"},
        {"name": "database", "delay": 0.2}, {"name": "rerank", "delay": 0.1}]}))
    cases.append(("fail-after-timeout-is-timeout", {"limit": 2, "timeout": 0.1, "calls": [
        {"name": "flaky", "delay": 0.3, "fails": "boom"}, {"name": "b", "delay": 0.05}]}))
    cases.append(("two-fail-same-instant", {"limit": 3, "timeout": None, "calls": [
        {"name": "a", "delay": 0.1, "fails": "first"}, {"name": "b", "delay": 0.1, "fails": "second"},
        {"name": "c", "delay": 0.1}]}))
    cases.append(("fail-and-finish-same-instant", {"limit": 3, "timeout": None, "calls": [
        {"name": "a", "delay": 0.1}, {"name": "b", "delay": 0.1, "fails": "x"}, {"name": "c", "delay": 0.1}]}))
    cases.append(("handover-at-deadline-queue", {"limit": 1, "timeout": 0.2, "timeoutScope": "queue", "calls": [
        {"name": "a", "delay": 0.2, "timeout": None}, {"name": "b", "delay": 0.05}]}))
    cases.append(("handover-before-deadline-queue", {"limit": 1, "timeout": 0.3, "timeoutScope": "queue", "calls": [
        {"name": "a", "delay": 0.2, "timeout": None}, {"name": "b", "delay": 0.05}, {"name": "c", "delay": 0.05}]}))
    cases.append(("eight-tools-limit-3", {"limit": 3, "timeout": 0.15, "calls": [
        {"name": "search", "delay": 0.1}, {"name": "database", "delay": 0.2}, {"name": "slow_tool", "delay": 1.0},
        {"name": "rerank", "delay": 0.05}, {"name": "embed", "delay": 0.12}, {"name": "upload", "delay": 0.4},
        {"name": "weather", "delay": 0.08}, {"name": "model_api", "delay": 0.15}]}))
    # The two examples the lessons' READMEs show, where 3.10/3.11 and 3.12/3.13 differ.
    cases.append(("readme-05-queue-order", {"limit": 1, "timeout": 0.25, "timeoutScope": "queue", "calls": [
        {"name": "search", "delay": 0.1}, {"name": "database", "delay": 0.2, "timeout": None},
        {"name": "upload", "delay": 0.05}]}))
    cases.append(("readme-07-blocking-eats-the-timeout", {"limit": 2, "calls": [
        {"name": "llm", "delay": 0.41, "timeout": 0.455}, {"name": "db", "delay": 0.31, "work": "cpu", "timeout": None}]}))
    return cases


def random_configuration(rng, index, cascades=False, cpu=False):
    """A random configuration on a coarse grid, so that ties are frequent.

    With `cascades`, delays are often zero and failures common: many events at one instant.
    """
    n = rng.randint(1, 9)
    grid = rng.choice([0.05, 0.1, 0.01])
    def duration(lo, hi):
        if cascades and rng.random() < 0.35:
            return 0.0
        return round(rng.randint(lo, hi) * grid, 6)
    config = {
        "limit": rng.choice([None, 0, 1, 1, 2, 2, 3, 4, 8]),
        "timeout": rng.choice([None, duration(0, 8), duration(1, 6), duration(1, 10)]),
        "timeoutScope": rng.choice(["call", "call", "queue"]),
        "semaphore": rng.choice(["shared", "shared", "shared", "per-call"]),
        "errors": rng.choice(["propagate", "capture"]),
        "calls": [],
    }
    for i in range(n):
        call = {"name": f"t{i}", "delay": duration(0, 10)}
        roll = rng.random()
        if roll < 0.2:
            call["timeout"] = duration(0, 10)
        elif roll < 0.25:
            call["timeout"] = None
        if rng.random() < (0.3 if cascades else 0.12):
            call["fails"] = f"failure {i}"
        if cpu and rng.random() < 0.4:
            call["work"] = "cpu"
        config["calls"].append(call)
    return config


def corpus_cases(count=400, cascades=200, cpu=240, seed=20261125):
    """The configurations of a corpus: the handmade ones, random ones, cascades and blocking work."""
    rng = random.Random(seed)
    cases = handmade()
    for i in range(count):
        cases.append((f"random-{i:03d}", random_configuration(rng, i)))
    for i in range(cascades):
        cases.append((f"cascade-{i:03d}", random_configuration(rng, i, cascades=True)))
    for i in range(cpu):
        cases.append((f"cpu-{i:03d}", random_configuration(rng, i, cascades=(i % 3 == 0), cpu=True)))
    return cases


VERSIONS = {"3.10": "3.10.13", "3.11": "3.11.7", "3.12": "3.12.1", "3.13": "3.13.0"}


def record_all(cases):
    """Runs every configuration under each CPython (pyenv) and merges what each one did."""
    import os
    import subprocess
    import tempfile
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump([c for _, c in cases], handle)
        path = handle.name
    expected = {}
    try:
        for short, release in VERSIONS.items():
            prefix = subprocess.run(["pyenv", "prefix", release], check=True, capture_output=True,
                                    text=True).stdout.strip()
            out = subprocess.run([os.path.join(prefix, "bin", "python"), __file__, "--replay", path],
                                 check=True, capture_output=True, text=True).stdout
            got = json.loads(out)
            if not got["python"].startswith(short + "."):
                raise SystemExit(f"asked for {release}, ran {got['python']}")
            expected[short] = got["expected"]
    finally:
        os.unlink(path)
    return [{"name": name, "configuration": config,
             "expected": {v: expected[v][i] for v in VERSIONS}} for i, (name, config) in enumerate(cases)]


def write_corpus(entries, handle, **header):
    """One case a line, so that a diff shows which cases changed."""
    handle.write("{\n")
    for key, value in header.items():
        handle.write(f" {json.dumps(key)}: {json.dumps(value, sort_keys=True)},\n")
    handle.write(' "cases": [\n')
    for i, entry in enumerate(entries):
        handle.write("  " + json.dumps(entry, sort_keys=True) + (",\n" if i + 1 < len(entries) else "\n"))
    handle.write(" ]\n}\n")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--replay":
        # Internal: run the configurations in FILE under this interpreter.
        with open(sys.argv[2]) as handle:
            configs = json.load(handle)
        json.dump({"python": sys.version.split()[0], "expected": [run_configuration(c) for c in configs]}, sys.stdout)
    elif len(sys.argv) == 4 and sys.argv[1] == "--fresh":
        # An independent corpus, under every version: --fresh SEED COUNT (a third each of random
        # configurations, cascades and blocking work).
        seed, count = int(sys.argv[2]), int(sys.argv[3])
        cases = corpus_cases(count=count - 2 * (count // 3), cascades=count // 3, cpu=count // 3, seed=seed)
        cases = [c for c in cases if c[0].startswith(("random", "cascade", "cpu"))]
        write_corpus(record_all(cases), sys.stdout, generator="asyncio_reference.py --fresh", seed=seed,
                     versions=VERSIONS, looptime=getattr(looptime, "__version__", "0.9"))
    elif len(sys.argv) == 3 and sys.argv[1] == "--config":
        with open(sys.argv[2]) as handle:
            print(json.dumps(run_configuration(json.load(handle)), indent=2))
    elif len(sys.argv) == 1:
        write_corpus(record_all(corpus_cases()), sys.stdout, generator="asyncio_reference.py",
                     versions=VERSIONS, looptime=getattr(looptime, "__version__", "0.9"))
    else:
        raise SystemExit(__doc__)
