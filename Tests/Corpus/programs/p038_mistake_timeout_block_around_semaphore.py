import asyncio


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def guarded_call(semaphore, name, delay, timeout):
    try:
        async with asyncio.timeout(timeout):
            async with semaphore:
                return await call_tool(name, delay)
    except TimeoutError:
        return f"{name}:timeout"


async def main():
    semaphore = asyncio.Semaphore(2)
    tools = [("search", 0.1), ("database", 0.2), ("slow_tool", 1.0), ("rerank", 0.05),
             ("embed", 0.12), ("upload", 0.4)]
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, 0.3) for n, d in tools))
    print(results)
    print("timeouts:", sum(r.endswith(":timeout") for r in results))


asyncio.run(main())
