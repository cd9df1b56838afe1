import asyncio


async def call_tool(name, delay):
    try:
        await asyncio.sleep(delay)
        return f"{name}:ok"
    except asyncio.CancelledError:
        print(f"{name} was cancelled")
        raise


async def main():
    semaphore = asyncio.Semaphore(2)

    async def guarded(name, delay):
        async with semaphore:
            return await call_tool(name, delay)

    tasks = [asyncio.create_task(guarded(n, d)) for n, d in [("a", 0.1), ("b", 0.5), ("c", 0.2)]]
    await asyncio.sleep(0.15)
    tasks[1].cancel()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    print([r if isinstance(r, str) else type(r).__name__ for r in results])
    print([t.cancelled() for t in tasks])


asyncio.run(main())
