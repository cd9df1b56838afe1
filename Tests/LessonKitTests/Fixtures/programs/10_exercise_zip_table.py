import asyncio

LIMIT = 3
TIMEOUT = 0.15

NAMES = ["search", "database", "slow_tool", "rerank", "embed", "upload", "weather", "model_api"]
DELAYS = [0.1, 0.2, 1.0, 0.05, 0.12, 0.4, 0.08, 0.3]


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
    semaphore = asyncio.Semaphore(LIMIT)
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, TIMEOUT) for n, d in zip(NAMES, DELAYS)))
    timeouts = sum(result.endswith(":timeout") for result in results)
    print(results)
    print("timeouts:", timeouts)


asyncio.run(main())
