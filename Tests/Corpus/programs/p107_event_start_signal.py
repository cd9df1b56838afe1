import asyncio


async def call_tool(name, delay, start):
    await start.wait()
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def guarded_call(semaphore, name, delay, timeout, start):
    async with semaphore:
        try:
            return await asyncio.wait_for(call_tool(name, delay, start), timeout=timeout)
        except asyncio.TimeoutError:
            return f"{name}:timeout"


async def main():
    start = asyncio.Event()
    semaphore = asyncio.Semaphore(3)
    tools = [("search", 0.1), ("database", 0.2), ("rerank", 0.05), ("embed", 0.12)]
    gathered = asyncio.gather(*(guarded_call(semaphore, n, d, 0.15, start) for n, d in tools))
    await asyncio.sleep(0.1)
    print("go! is_set:", start.is_set())
    start.set()
    results = await gathered
    print(results)


asyncio.run(main())
