import asyncio


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
    semaphore = asyncio.Semaphore(1)
    tools = [("search", 0.1), ("database", 0.2), ("rerank", 0.05), ("embed", 0.12)]
    try:
        results = await asyncio.wait_for(
            asyncio.gather(*(guarded_call(semaphore, n, d, 0.15) for n, d in tools)), 0.3)
        print(results)
    except asyncio.TimeoutError:
        print("batch deadline hit, semaphore free:", not semaphore.locked())


asyncio.run(main())
