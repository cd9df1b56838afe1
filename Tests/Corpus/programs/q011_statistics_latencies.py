import asyncio
import random
import statistics
import time

random.seed(42)
DELAYS = [round(random.uniform(0.02, 0.4), 3) for _ in range(10)]


async def tool(i, delay):
    await asyncio.sleep(delay)
    return i


async def guarded(sem, i, delay, timeout=0.3):
    async with sem:
        start = time.perf_counter()
        try:
            await asyncio.wait_for(tool(i, delay), timeout)
            status = "ok"
        except asyncio.TimeoutError:
            status = "timeout"
        return status, time.perf_counter() - start


async def main():
    print("delays:", DELAYS)
    sem = asyncio.Semaphore(4)
    out = await asyncio.gather(*(guarded(sem, i, d) for i, d in enumerate(DELAYS)))
    ok = [t for s, t in out if s == "ok"]
    print("ok count:", len(ok), "timeouts:", sum(s == "timeout" for s, _ in out))
    print("mean %.4f median %.4f" % (statistics.mean(ok), statistics.median(ok)))
    print("stdev", round(statistics.stdev(ok), 5), "pstdev", round(statistics.pstdev(ok), 5))
    print("quantiles", [round(q, 4) for q in statistics.quantiles(ok, n=4)])
    print("max", max(ok), "min", min(ok))
    print("fmean", round(statistics.fmean(ok), 6))


asyncio.run(main())
