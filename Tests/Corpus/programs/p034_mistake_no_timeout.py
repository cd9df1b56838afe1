import asyncio
import time


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def guarded_call(semaphore, name, delay):
    async with semaphore:
        return await call_tool(name, delay)


async def main():
    semaphore = asyncio.Semaphore(3)
    tools = [("search", 0.1), ("database", 0.2), ("slow_tool", 1.0), ("rerank", 0.05),
             ("embed", 0.12), ("upload", 0.4), ("weather", 0.08), ("model_api", 0.3)]
    t0 = time.perf_counter()
    results = await asyncio.gather(*(guarded_call(semaphore, n, d) for n, d in tools))
    print(results)
    print("timeouts:", sum(r.endswith(":timeout") for r in results))
    print(f"took {time.perf_counter() - t0:.2f}s")


asyncio.run(main())
