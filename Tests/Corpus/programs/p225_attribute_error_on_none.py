import asyncio


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    if delay > 0.15:
        return None
    return f"{name}:ok"


async def main():
    semaphore = asyncio.Semaphore(2)

    async def guarded(name, delay):
        async with semaphore:
            return await call_tool(name, delay)

    results = await asyncio.gather(guarded("a", 0.1), guarded("b", 0.2))
    for r in results:
        print(r.upper())


asyncio.run(main())
