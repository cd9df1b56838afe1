import asyncio
from functools import cache, reduce, total_ordering


@total_ordering
class Latency:
    def __init__(self, name, seconds):
        self.name = name
        self.seconds = seconds

    def __eq__(self, other):
        if not isinstance(other, Latency):
            return NotImplemented
        return self.seconds == other.seconds

    def __lt__(self, other):
        if not isinstance(other, Latency):
            return NotImplemented
        return self.seconds < other.seconds

    def __repr__(self):
        return f"<{self.name} {self.seconds * 1000:.0f}ms>"


@cache
def backoff(attempt):
    print(f"  backoff({attempt}) computed")
    return 0.05 if attempt <= 1 else round(backoff(attempt - 1) * 2, 3)


async def call(name, delays, timeout):
    loop = asyncio.get_running_loop()
    start = loop.time()
    for attempt, delay in enumerate(delays, 1):
        try:
            await asyncio.wait_for(asyncio.sleep(delay), timeout)
            return Latency(name, round(loop.time() - start, 3)), attempt
        except asyncio.TimeoutError:
            await asyncio.sleep(backoff(attempt))
    return Latency(name, float("inf")), len(delays)


async def main():
    plan = {"a": [0.1], "b": [0.5, 0.1], "c": [0.5, 0.5, 0.2], "d": [0.5, 0.5, 0.5]}
    done = await asyncio.gather(*(call(n, d, 0.3) for n, d in plan.items()))
    lats = [lat for lat, _ in done]
    print(sorted(lats), max(lats), lats[0] >= lats[1], lats[2] <= lats[2])
    print(reduce(lambda acc, pair: acc + pair[1], done, 0), "attempts")
    print(reduce(lambda a, b: a if a.seconds < b.seconds else b, lats))
    merged = reduce(lambda acc, lat: {**acc, lat.name: lat.seconds}, lats, {})
    print(merged)
    print(backoff.cache_info())
    try:
        print(lats[0] < 1)
    except TypeError as exc:
        print(exc)


asyncio.run(main())
