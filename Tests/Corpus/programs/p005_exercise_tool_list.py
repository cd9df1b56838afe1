import asyncio

TOOLS = [
    ("search", 0.1),
    ("database", 0.2),
    ("slow_tool", 1.0),
    ("rerank", 0.05),
    ("embed", 0.12),
    ("upload", 0.4),
    ("weather", 0.08),
    ("model_api", 0.3),
]
LIMIT = 3
TIMEOUT = 0.15


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
    results = await asyncio.gather(*(guarded_call(semaphore, name, delay, TIMEOUT) for name, delay in TOOLS))
    timeouts = sum(result.endswith(":timeout") for result in results)
    print(results)
    print("timeouts:", timeouts)


asyncio.run(main())
