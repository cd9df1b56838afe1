import asyncio
from operator import attrgetter, itemgetter


class Row:
    def __init__(self, name, status, secs, attempts):
        self.name, self.status, self.secs, self.attempts = name, status, secs, attempts

    def __repr__(self):
        return f"{self.name}({self.status},{self.secs},{self.attempts})"


async def call(name, delay, attempts, timeout):
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    for attempt in range(1, attempts + 1):
        try:
            await asyncio.wait_for(asyncio.sleep(delay / attempt), timeout)
            return Row(name, "ok", round(loop.time() - t0, 3), attempt)
        except asyncio.TimeoutError:
            continue
    return Row(name, "timeout", round(loop.time() - t0, 3), attempts)


async def main():
    plan = [("b", 0.2, 1), ("a", 0.6, 3), ("c", 0.2, 2), ("A", 0.9, 2), ("d", 0.1, 1), ("e", 0.6, 1)]
    rows = await asyncio.gather(*(call(n, d, k, 0.25) for n, d, k in plan))
    print(rows)
    print(sorted(rows, key=attrgetter("status", "secs")))
    print(sorted(rows, key=lambda r: (r.status != "ok", -r.attempts, r.name.lower(), r.name)))
    print(sorted(rows, key=attrgetter("secs"), reverse=True))
    by_name = sorted(rows, key=lambda r: r.name)
    print([r.name for r in sorted(by_name, key=attrgetter("status"))])
    pairs = [(r.status, r.secs) for r in rows]
    print(sorted(pairs, key=itemgetter(1, 0)), max(pairs), min(pairs, key=itemgetter(1)))
    print(sorted(["b10", "b9", "B1", "a"], key=str.casefold), sorted("bBaA"), sorted([3, 1, 2], reverse=True))


asyncio.run(main())
