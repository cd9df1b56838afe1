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
            time.sleep(0.1)  # "back off" without await
            return f"{name}:timeout"


async def main():
    semaphore = asyncio.Semaphore(2)
    start = time.perf_counter()
    tools = [("search", 0.1), ("slow_tool", 1.0), ("upload", 0.4), ("rerank", 0.05), ("embed", 0.12)]
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, 0.15) for n, d in tools))
    print(results)
    print(f"{time.perf_counter() - start:.2f}")


asyncio.run(main())
