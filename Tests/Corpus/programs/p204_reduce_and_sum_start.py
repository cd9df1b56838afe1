import asyncio
from functools import reduce


async def guarded_call(semaphore, name, delay, timeout):
    async with semaphore:
        try:
            await asyncio.wait_for(asyncio.sleep(delay), timeout)
            return [name], []
        except asyncio.TimeoutError:
            return [], [name]


async def main():
    semaphore = asyncio.Semaphore(3)
    tools = [("search", 0.1), ("database", 0.2), ("slow_tool", 1.0), ("rerank", 0.05), ("embed", 0.12)]
    pairs = await asyncio.gather(*(guarded_call(semaphore, n, d, 0.15) for n, d in tools))
    ok, slow = reduce(lambda acc, p: (acc[0] + p[0], acc[1] + p[1]), pairs, ([], []))
    print("ok:", ok)
    print("timeouts:", len(slow), slow)
    print(sum((p[1] for p in pairs), []), max(tools, key=lambda t: t[1])[0], min([], default="none"))


asyncio.run(main())
