import asyncio


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def main():
    semaphore = asyncio.Semaphore(3)

    async def guarded(i):
        async with semaphore:
            return await call_tool(f"tool{i}", 0.01)

    results = await asyncio.gather(*(guarded(i) for i in range(10**6)))
    print(len(results))


asyncio.run(main())
