import asyncio


async def guarded(sem, name, delay):
    async with sem:
        await asyncio.sleep(delay)
        return name


async def main():
    sem = asyncio.Semaphore(2)
    coros = [guarded(sem, n, d) for n, d in [("a", 0.1), ("b", 0.2)]]
    # mistake: gather() has no timeout parameter -> TypeError; the coroutines are never awaited
    results = await asyncio.gather(*coros, timeout=1.0)
    print(results)


asyncio.run(main())
