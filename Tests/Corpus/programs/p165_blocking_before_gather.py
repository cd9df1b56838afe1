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
    tasks = [asyncio.create_task(guarded_call(semaphore, n, d, 0.15)) for n, d in [("a", 0.1), ("b", 0.2), ("c", 0.05)]]
    time.sleep(0.5)  # tasks have not started yet
    results = await asyncio.gather(*tasks)
    print(results, f"{time.perf_counter():.2f}")


asyncio.run(main())
