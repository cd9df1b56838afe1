import asyncio

TOOLS = [("search", 0.1), ("database", 0.2), ("slow_tool", 1.0), ("rerank", 0.05),
         ("embed", 0.12), ("upload", 0.4), ("weather", 0.08), ("model_api", 0.3)]


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def guarded_call(semaphore, name, delay):
    async with semaphore:
        return await asyncio.wait_for(call_tool(name, delay), 0.15)


async def main():
    semaphore = asyncio.Semaphore(3)
    results = await asyncio.gather(*(guarded_call(semaphore, n, d) for n, d in TOOLS), return_exceptions=True)
    print(results)
    print("timeouts:", sum(isinstance(r, asyncio.TimeoutError) for r in results))
    print("types:", sorted({type(r).__name__ for r in results}))


asyncio.run(main())
