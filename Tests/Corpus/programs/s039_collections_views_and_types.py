"""Tallying a batch's outcomes with the collections learners reach for.

Counters compared as multisets, a deque of recent results repeated, OrderedDict and defaultdict
merged with |, the keys of two result tables compared and combined as sets, a heap of slow calls,
a namedtuple updated with a field it does not have, and typing's Union compared with int | str.
"""
import asyncio
import heapq
import sys
from collections import Counter, OrderedDict, defaultdict, deque, namedtuple
from typing import Optional, Union

Call = namedtuple("Call", "name seconds")


async def call(name, seconds):
    await asyncio.sleep(seconds)
    return "timeout" if seconds > 0.25 else "ok"


async def main():
    calls = [Call("search", 0.1), Call("db", 0.3), Call("maps", 0.2), Call("news", 0.4)]
    outcomes = await asyncio.gather(*(call(c.name, c.seconds) for c in calls))
    tally = Counter(outcomes)
    print(tally, tally <= Counter(ok=2, timeout=3), tally < tally, tally >= Counter(ok=1), tally > Counter())
    recent = deque(outcomes, maxlen=5)
    print(recent * 2, 2 * deque(["ok"]), deque([1]) * 0)
    recent *= 2
    print(recent)
    try:
        recent.sort()
    except AttributeError as error:
        print(error)
    try:
        deque([1]) * 1.5
    except TypeError as error:
        print(error)
    first = OrderedDict.fromkeys(c.name for c in calls)
    print(type(first).__name__, first, type(first | {"extra": 1}).__name__, type({"x": 1} | first).__name__)
    by_outcome = defaultdict(list)
    for c, o in zip(calls, outcomes):
        by_outcome[o].append(c.name)
    merged = by_outcome | {"error": []}
    print(type(merged).__name__, merged["missing"], sorted(merged))
    before = {"search": 1, "db": 2, "maps": 3}
    after = {c.name: o for c, o in zip(calls, outcomes)}
    print(before.keys() == {"search", "db", "maps"}, before.keys() <= after.keys(), after.keys() > before.keys())
    print(sorted(after.keys() - before.keys()), sorted(before.keys() & after.keys()), sorted(after.keys() ^ {"db", "z"}))
    print(before.keys().isdisjoint(["x", "y"]), after.items() >= {("db", "timeout")}, len(before.keys() | ["q"]))
    print(list(reversed(after)), list(reversed(after.values())), list(reversed(after.items()))[:2])
    slow = [(-c.seconds, c.name) for c in calls]
    heapq.heapify(slow)
    print([heapq.heappop(slow)[1] for _ in range(2)])
    for attempt in (lambda: heapq.heappop([]), lambda: heapq.heapreplace([], 1)):
        try:
            attempt()
        except IndexError as error:
            print("IndexError:", error)
    try:
        calls[0]._replace(timeout=1)
    except (TypeError, ValueError) as error:
        print(type(error).__name__, error)
    print(Union[int, str] == Union[str, int], Optional[int] == Union[None, int], (int | str) == Union[str, int])
    print(type(int | None).__name__, type(list[int]).__name__, (int | None).__args__)


asyncio.run(main())
