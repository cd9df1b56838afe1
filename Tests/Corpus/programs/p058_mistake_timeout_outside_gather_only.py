import asyncio


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def limited(semaphore, name, delay):
    async with semaphore:
        return await call_tool(name, delay)


async def main():
    semaphore = asyncio.Semaphore(3)
    tools = [("search", 0.1), ("database", 0.2), ("slow_tool", 1.0), ("rerank", 0.05)]
    try:
        results = await asyncio.wait_for(asyncio.gather(*(limited(semaphore, n, d) for n, d in tools)), timeout=0.5)
    except asyncio.TimeoutError:
        results = ["batch:timeout"]
    print(results)


asyncio.run(main())
