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
    tools = [("search", 0.1), ("database", 0.2), ("slow_tool", 1.0), ("rerank", 0.05),
             ("embed", 0.12), ("upload", 0.4), ("weather", 0.08), ("model_api", 0.3)]
    start = time.perf_counter()
    results = []
    tasks = [asyncio.create_task(guarded_call(semaphore, n, d, 0.15)) for n, d in tools]
    for next_done in asyncio.as_completed(tasks):
        result = await next_done
        results.append(result)
        print(f"{time.perf_counter() - start:.2f} {result}")
    print("timeouts:", sum(r.endswith(":timeout") for r in results))


asyncio.run(main())
