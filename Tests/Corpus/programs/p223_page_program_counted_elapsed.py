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
    for limit in [2, 1]:
        semaphore = asyncio.Semaphore(limit)
        started = time.perf_counter()
        results = await asyncio.gather(
            guarded_call(semaphore, "search", 0.1, 0.5),
            guarded_call(semaphore, "database", 0.2, 0.5),
            guarded_call(semaphore, "slow_tool", 1.0, 0.3),
        )
        print(f"limit={limit}: {results} in {time.perf_counter() - started:.2f}s")


asyncio.run(main())
