import asyncio

LIMIT = 2
TIMEOUT = 0.2

BASE = 0.05


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
    results = await asyncio.gather(*(guarded_call(semaphore, f"tool_{i}", BASE * (i + 1), TIMEOUT) for i in range(6)))
    timeouts = sum(result.endswith(":timeout") for result in results)
    print(results)
    print("timeouts:", timeouts)


asyncio.run(main())
