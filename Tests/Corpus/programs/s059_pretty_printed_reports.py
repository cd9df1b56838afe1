"""A learner pretty-prints the batch's results, a summary dict and a dataclass report with pprint,
as a long list of names no longer fits one line."""
import asyncio
import collections
import dataclasses
import pprint
import sys

LIMIT = 3
TIMEOUT = 0.15
TOOLS = {f"tool_{i:02d}": round(0.04 * (i % 6) + 0.03, 2) for i in range(12)}


@dataclasses.dataclass
class Report:
    limit: int
    timeout: float
    results: list
    by_outcome: dict = dataclasses.field(default_factory=dict)
    note: str = ""


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def guarded(semaphore, name, delay):
    async with semaphore:
        try:
            return await asyncio.wait_for(call_tool(name, delay), timeout=TIMEOUT)
        except asyncio.TimeoutError:
            return f"{name}:timeout"


async def main():
    semaphore = asyncio.Semaphore(LIMIT)
    results = await asyncio.gather(*(guarded(semaphore, n, d) for n, d in TOOLS.items()))
    pprint.pprint(results)
    pprint.pprint(results[:2])
    counts = collections.Counter(r.split(":")[1] for r in results)
    pprint.pprint(counts)
    groups = collections.defaultdict(list)
    for r in results:
        groups[r.split(":")[1]].append(r.split(":")[0])
    pprint.pprint(dict(groups), width=60)
    pprint.pp({"zeta": TIMEOUT, "alpha": LIMIT, "calls": list(TOOLS)}, compact=True)
    report = Report(LIMIT, TIMEOUT, results, dict(counts),
                    "Semaphore(3) keeps three calls in flight; the 0.15 s timeout turns the slow ones "
                    "into timeouts instead of letting them hold the whole batch.")
    pprint.pprint(report)
    print(pprint.pformat(TOOLS, indent=2, width=50))
    pprint.pprint({"nested": {"deep": {"deeper": [1, 2, 3]}}}, depth=2)
    pprint.pprint(frozenset(TOOLS.values()))
    pprint.pprint(tuple(sorted(TOOLS.values())), stream=sys.stderr)
    print(pprint.saferepr(counts), pprint.isreadable(results), pprint.isrecursive(results))
    pprint.pprint({3: "three", "b": 2, None: 0, 1.5: "x"})
    print("timeouts:", counts["timeout"])


asyncio.run(main())
pprint.pprint({"a": 1, "b": object})
pprint.pprint({"a": [1, 2], 1: None}, width=1)
pprint.pprint(["x" * 30, "y" * 30], width=-5)
pprint.PrettyPrinter(indent=-1)
