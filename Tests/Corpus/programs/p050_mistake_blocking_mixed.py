import asyncio
import time


async def llm(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def db(name, delay):
    time.sleep(delay)  # a sync driver
    return f"{name}:ok"


async def guarded(semaphore, fn, name, delay, timeout=None):
    async with semaphore:
        try:
            if timeout is None:
                return await fn(name, delay)
            return await asyncio.wait_for(fn(name, delay), timeout)
        except asyncio.TimeoutError:
            return f"{name}:timeout"


async def main():
    semaphore = asyncio.Semaphore(2)
    results = await asyncio.gather(
        guarded(semaphore, llm, "llm", 0.41, 0.455),
        guarded(semaphore, db, "db", 0.31),
    )
    print(results)


asyncio.run(main())
