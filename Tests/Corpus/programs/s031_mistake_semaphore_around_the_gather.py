"""The semaphore wraps the whole gather: main takes one slot and every call starts at once."""
import asyncio

LIMIT = 3
CALLS = [(f"embed_{i}", 0.1 + 0.02 * (i % 3)) for i in range(10)]


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def guarded_call(name, delay, timeout):
    try:
        return await asyncio.wait_for(call_tool(name, delay), timeout=timeout)
    except asyncio.TimeoutError:
        return f"{name}:timeout"


async def main():
    semaphore = asyncio.Semaphore(LIMIT)
    async with semaphore:
        results = await asyncio.gather(*(guarded_call(name, delay, 0.5) for name, delay in CALLS))
    print(results)


asyncio.run(main())
