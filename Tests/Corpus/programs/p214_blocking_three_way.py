import asyncio
import time


async def tool(name, delay, block):
    if block:
        time.sleep(block)
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def guarded(semaphore, name, delay, block, timeout):
    async with semaphore:
        try:
            return await asyncio.wait_for(tool(name, delay, block), timeout)
        except asyncio.TimeoutError:
            return f"{name}:timeout"


async def main():
    semaphore = asyncio.Semaphore(3)
    specs = [("a", 0.1, 0), ("b", 0.05, 0.12), ("c", 0.1, 0), ("d", 0.02, 0.05), ("e", 0.1, 0)]
    results = await asyncio.gather(*(guarded(semaphore, n, d, b, 0.15) for n, d, b in specs))
    print(results, f"{time.perf_counter():.2f}")


asyncio.run(main())
