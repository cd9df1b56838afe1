"""The classic slip: the gather is never awaited, so main() prints a future and the calls never finish."""
import asyncio


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    print(f"{name} finished")
    return f"{name}:ok"


async def main():
    semaphore = asyncio.Semaphore(2)

    async def guarded(name, delay):
        async with semaphore:
            return await asyncio.wait_for(call_tool(name, delay), timeout=0.5)

    results = asyncio.gather(guarded("search", 0.1), guarded("database", 0.2), guarded("rerank", 0.05))
    print(type(results).__name__, results.done())
    print("main is done")


asyncio.run(main())
print("after run")
