import asyncio
import itertools
import statistics


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return delay


async def guarded_call(semaphore, name, delay, timeout):
    async with semaphore:
        try:
            return name, await asyncio.wait_for(call_tool(name, delay), timeout=timeout)
        except asyncio.TimeoutError:
            return name, None


async def main():
    names = [f"{kind}_{i}" for kind, i in itertools.product(["db", "api"], range(1, 4))]
    delays = itertools.cycle([0.05, 0.1, 0.2])
    semaphore = asyncio.Semaphore(3)
    results = await asyncio.gather(*(guarded_call(semaphore, n, next(delays), 0.15) for n in names))
    ok = [d for _, d in results if d is not None]
    print(results)
    print("mean:", statistics.mean(ok), "median:", statistics.median(ok))
    for key, group in itertools.groupby(sorted(results, key=lambda r: r[1] is None), key=lambda r: r[1] is None):
        print("timeout" if key else "ok", [n for n, _ in group])
    print(list(itertools.accumulate([1, 2, 3])), list(itertools.chain("ab", "cd")))


asyncio.run(main())
