import asyncio


async def guarded_call(semaphore, stop, name, delay, timeout):
    async with semaphore:
        if stop.is_set():
            return f"{name}:skipped"
        try:
            await asyncio.wait_for(asyncio.sleep(delay), timeout)
            return f"{name}:ok"
        except asyncio.TimeoutError:
            stop.set()
            return f"{name}:timeout"


async def main():
    stop = asyncio.Event()
    semaphore = asyncio.Semaphore(2)
    tools = [("search", 0.1), ("slow_tool", 1.0), ("database", 0.2), ("rerank", 0.05), ("embed", 0.12)]
    results = await asyncio.gather(*(guarded_call(semaphore, stop, n, d, 0.15) for n, d in tools))
    print(results)


asyncio.run(main())
