import asyncio

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
    semaphore = asyncio.Semaphore(3)
    coros = [guarded_call(semaphore, n, d, 0.15) for n, d in zip(NAMES, DELAYS)]
    results = await asyncio.gather(*coros)
    for name, result in zip(NAMES, results):
        print(f"{name:<10} -> {result}")
    print("timeouts:", sum(1 for r in results if r.endswith(":timeout")))


asyncio.run(main())
