import asyncio

TIMEOUT = 0.15


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def guarded_call(semaphore, name, delay, timeout=TIMEOUT):
    async with semaphore:
        try:
            return await asyncio.wait_for(call_tool(name, delay), timeout=timeout)
        except asyncio.TimeoutError:
            return f"{name}:timeout"


async def main():
    semaphore = asyncio.Semaphore(3)
    calls = [
        guarded_call(semaphore, "search", 0.1),
        guarded_call(semaphore, "database", 0.2),
        guarded_call(semaphore, "slow_tool", 1.0),
        guarded_call(semaphore, "rerank", 0.05),
        guarded_call(semaphore, "embed", 0.12),
        guarded_call(semaphore, "upload", 0.4),
        guarded_call(semaphore, "weather", 0.08),
        guarded_call(semaphore, "model_api", 0.3),
    ]
    results = await asyncio.gather(*calls)
    print(results)
    timed_out = [r.split(":")[0] for r in results if r.endswith(":timeout")]
    print("timeouts:", len(timed_out), timed_out)


asyncio.run(main())
