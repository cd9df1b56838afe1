import asyncio
import time

START = time.monotonic()


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def guarded_call(semaphore, name, delay, timeout):
    async with semaphore:
        began = time.monotonic() - START
        try:
            result = await asyncio.wait_for(call_tool(name, delay), timeout=timeout)
        except asyncio.TimeoutError:
            result = f"{name}:timeout"
        print(f"[{began:.2f} -> {time.monotonic() - START:.2f}] {result}")
        return result


async def main():
    semaphore = asyncio.Semaphore(3)
    tools = [("search", 0.1), ("database", 0.2), ("slow_tool", 1.0), ("rerank", 0.05),
             ("embed", 0.12), ("upload", 0.4), ("weather", 0.08), ("model_api", 0.3)]
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, 0.15) for n, d in tools))
    print("timeouts:", sum(r.endswith(":timeout") for r in results))
    print(f"total: {time.monotonic() - START:.2f}s")


asyncio.run(main())
