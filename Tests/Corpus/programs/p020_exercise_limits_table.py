import asyncio
import time

TOOLS = [("search", 0.1), ("database", 0.2), ("slow_tool", 1.0), ("rerank", 0.05),
         ("embed", 0.12), ("upload", 0.4), ("weather", 0.08), ("model_api", 0.3)]


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
    print(f"{'limit':>5} {'timeouts':>8} {'elapsed':>8}")
    for limit in range(1, 5):
        semaphore = asyncio.Semaphore(limit)
        start = time.perf_counter()
        results = await asyncio.gather(*(guarded_call(semaphore, n, d, 0.15) for n, d in TOOLS))
        elapsed = time.perf_counter() - start
        print(f"{limit:>5} {sum(r.endswith(':timeout') for r in results):>8} {elapsed:>8.2f}")


asyncio.run(main())
