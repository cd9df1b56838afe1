import time
import asyncio

LIMIT = 3
TIMEOUT = 0.15



async def call_tool(name, delay):
    time.sleep(delay)
    return f"{name}:ok"


async def guarded_call(semaphore, name, delay, timeout):
    async with semaphore:
        try:
            return await asyncio.wait_for(call_tool(name, delay), timeout=timeout)
        except asyncio.TimeoutError:
            return f"{name}:timeout"


async def main():
    semaphore = asyncio.Semaphore(2)
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, 1.0) for n, d in [("a", 0.2), ("b", 0.3), ("c", 0.1)]))
    print(results)


asyncio.run(main())
