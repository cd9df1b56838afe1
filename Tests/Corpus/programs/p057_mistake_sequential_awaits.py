import asyncio
import time


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
    start = time.perf_counter()
    results = []
    for name, delay in [("search", 0.1), ("database", 0.2), ("slow_tool", 1.0), ("rerank", 0.05)]:
        results.append(await guarded_call(semaphore, name, delay, 0.15))
    print(results)
    print(f"sequential took {time.perf_counter() - start:.2f}s")


asyncio.run(main())
