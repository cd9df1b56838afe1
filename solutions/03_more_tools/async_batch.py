"""Eight tool calls behind Semaphore(3), each with a 0.15 s timeout.

Semaphore(3) keeps at most three requests in flight, so the upstream tools are protected from a
burst of all eight at once. Lowering the timeout to 0.15 s exposes the slow calls: they come back as
timeouts instead of holding the whole batch. In production I would log which tool timed out.
"""
import asyncio

LIMIT = 3
TIMEOUT = 0.15
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
