import asyncio
import functools
import time

TIMINGS = {}


def timed(fn):
    @functools.wraps(fn)
    async def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return await fn(*args, **kwargs)
        finally:
            TIMINGS.setdefault(fn.__name__, []).append(round(time.perf_counter() - start, 3))
    return wrapper


@timed
async def call_tool(name, delay):
    """Pretend to call a remote tool."""
    await asyncio.sleep(delay)
    return f"{name}-done"


@timed
async def guarded(sem, name, delay, timeout=0.25):
    async with sem:
        try:
            return await asyncio.wait_for(call_tool(name, delay), timeout)
        except asyncio.TimeoutError:
            return f"{name}-timeout"


async def main():
    sem = asyncio.Semaphore(2)
    t0 = time.perf_counter()
    names = ["a", "b", "c", "d", "e"]
    delays = [0.1, 0.4, 0.2, 0.05, 0.3]
    results = await asyncio.gather(*(guarded(sem, n, d) for n, d in zip(names, delays)))
    print(results)
    print(call_tool.__name__, call_tool.__doc__, call_tool.__wrapped__.__name__)
    for k, v in TIMINGS.items():
        print(f"{k:>10}: {v}")
    print(f"total {time.perf_counter() - t0:.3f}s, timeouts={sum(r.endswith('timeout') for r in results)}")


asyncio.run(main())
