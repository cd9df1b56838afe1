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
    semaphore = asyncio.Semaphore(3)
    results = await asyncio.gather(
        guarded_call(semaphore, "search", 0.1, 0.15),
        guarded_call(semaphore, "database", 0.2, 0.15),
        guarded_call(semaphore, "slow_tool", 1.0, 0.15),
        guarded_call(semaphore, "rerank", 0.05, 0.15),
        guarded_call(semaphore, "embed", 0.12, 0.15),
        guarded_call(semaphore, "upload", 0.4, 0.15),
        guarded_call(semaphore, "weather", 0.08, 0.15),
        guarded_call(semaphore, "model_api", 0.3, 0.15),
    )
    print(results)
    timeouts = sum(result.endswith(":timeout") for result in results)
    print("timeouts:", timeouts)


asyncio.run(main())
