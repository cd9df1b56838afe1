import asyncio

NAMES = "search database slow_tool rerank embed upload weather model_api".split()
DELAYS = [0.1, 0.2, 1.0, 0.05, 0.12, 0.4, 0.08, 0.3]


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def guarded_call(semaphore, name, delay, timeout):
    async with semaphore:
        try:
            return await asyncio.wait_for(call_tool(name, delay), timeout=timeout)
        except asyncio.TimeoutError:
            return f"{name}:timeout"


async def main():
    semaphore = asyncio.Semaphore(3)
    results = await asyncio.gather(*[guarded_call(semaphore, n, d, 0.15) for n, d in zip(NAMES, DELAYS)])
    statuses = [r.partition(":")[2] for r in results]
    index = {n: s for n, s in zip(NAMES, statuses)}
    kinds = {s for s in statuses}
    pairs = [(i, j) for i in range(2) for j in range(3) if i != j]
    nested = [[c for c in s[:2]] for s in statuses[:3]]
    print(index)
    print(sorted(kinds), pairs, nested)
    print("timeouts:", sum(s == "timeout" for s in statuses))
    print(max(zip(DELAYS, NAMES)), min(DELAYS), sum(DELAYS))


asyncio.run(main())
