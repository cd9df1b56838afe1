import asyncio


async def call_tool(name, delay, ready):
    await ready.wait()
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def guarded_call(semaphore, name, delay, ready):
    async with semaphore:
        return await call_tool(name, delay, ready)


async def main():
    ready = asyncio.Event()
    semaphore = asyncio.Semaphore(2)
    print("waiting for ready...")
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, ready) for n, d in [("a", 0.1), ("b", 0.2)]))
    print(results)


asyncio.run(main())
