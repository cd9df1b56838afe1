import asyncio

TOOLS = []


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def guarded_call(semaphore, name, delay):
    async with semaphore:
        return await asyncio.wait_for(call_tool(name, delay), 0.15)


async def main():
    semaphore = asyncio.Semaphore(len(TOOLS))
    extra = [("search", 0.1), ("rerank", 0.05)]
    results = await asyncio.gather(*(guarded_call(semaphore, n, d) for n, d in TOOLS + extra))
    print(results)


asyncio.run(main())
