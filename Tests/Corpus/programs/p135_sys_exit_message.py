import asyncio
import sys


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def main():
    semaphore = asyncio.Semaphore(2)

    async def guarded(name, delay):
        async with semaphore:
            try:
                return await asyncio.wait_for(call_tool(name, delay), 0.15)
            except asyncio.TimeoutError:
                return f"{name}:timeout"

    results = await asyncio.gather(guarded("a", 0.1), guarded("b", 0.3))
    print(results)
    if any(r.endswith(":timeout") for r in results):
        sys.exit("some tools timed out")


asyncio.run(main())
