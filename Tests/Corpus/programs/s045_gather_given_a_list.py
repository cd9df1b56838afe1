"""The classic slip: gather given the list of coroutines instead of the coroutines themselves."""
import asyncio

TOOLS = [("search", 0.1), ("database", 0.2), ("slow_tool", 1.0)]


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def guarded(sem, name, delay):
    async with sem:
        try:
            return await asyncio.wait_for(call_tool(name, delay), timeout=0.5)
        except asyncio.TimeoutError:
            return f"{name}:timeout"


async def main():
    sem = asyncio.Semaphore(2)
    calls = [guarded(sem, name, delay) for name, delay in TOOLS]
    results = await asyncio.gather(calls)  # should be *calls
    print(results)


asyncio.run(main())
