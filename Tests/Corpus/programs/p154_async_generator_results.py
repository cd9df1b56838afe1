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


async def stream(tools, limit, timeout):
    semaphore = asyncio.Semaphore(limit)
    tasks = [asyncio.create_task(guarded_call(semaphore, n, d, timeout)) for n, d in tools]
    for task in tasks:
        yield await task


async def main():
    tools = [("search", 0.1), ("database", 0.2), ("slow_tool", 1.0), ("rerank", 0.05), ("embed", 0.12)]
    results = []
    async for result in stream(tools, 3, 0.15):
        print("got", result)
        results.append(result)
    timeouts = [r async for r in stream(tools, 3, 0.15) if r.endswith(":timeout")]
    print("timeouts:", len(timeouts), timeouts)


asyncio.run(main())
