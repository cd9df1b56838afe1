import asyncio
import itertools
import time

DELAYS = [0.1, 0.2, 0.3, 0.4]


async def call(d):
    await asyncio.sleep(d)


async def guarded(sem, d, timeout):
    async with sem:
        try:
            await asyncio.wait_for(call(d), timeout)
            return "ok"
        except asyncio.TimeoutError:
            return "timeout"


async def batch(limit, timeout):
    sem = asyncio.Semaphore(limit)
    start = time.perf_counter()
    res = await asyncio.gather(*(guarded(sem, d, timeout) for d in DELAYS))
    return res.count("timeout"), round(time.perf_counter() - start, 3)


for limit, timeout in itertools.product([1, 2, 4], [0.15, 0.35]):
    timeouts, took = asyncio.run(batch(limit, timeout))
    print(f"limit={limit} timeout={timeout:<4} -> timeouts={timeouts} took={took}")
print(f"overall {time.perf_counter():.3f}")
