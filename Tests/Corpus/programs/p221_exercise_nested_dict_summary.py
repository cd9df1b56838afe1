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
    t0 = time.perf_counter()
    semaphore = asyncio.Semaphore(3)
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, 0.15) for n, d in TOOLS))
    summary = {
        "config": {"limit": 3, "timeout": 0.15},
        "counts": {"ok": 0, "timeout": 0},
        "elapsed": round(time.perf_counter() - t0, 2),
    }
    for r in results:
        summary["counts"][r.split(":")[1]] += 1
    print(summary)
    print("timeouts:", summary["counts"]["timeout"])


asyncio.run(main())
