import asyncio

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
            print(f"[timeout] {name} exceeded {timeout:.2f}s")
            return f"{name}:timeout"


async def main():
    semaphore = asyncio.Semaphore(3)
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, 0.15) for n, d in TOOLS))
    print(results)
    timed_out = [r.removesuffix(":timeout") for r in results if r.endswith(":timeout")]
    print(f"timeouts: {len(timed_out)} ({', '.join(timed_out)})")


asyncio.run(main())
