import asyncio
import time


async def llm(delay):
    await asyncio.sleep(delay)
    return "llm:ok"


async def db(delay):
    time.sleep(delay)
    return "db:ok"


async def guarded(semaphore, coro_fn, delay, timeout, label):
    async with semaphore:
        try:
            return await asyncio.wait_for(coro_fn(delay), timeout)
        except asyncio.TimeoutError:
            return f"{label}:timeout"


async def main():
    semaphore = asyncio.Semaphore(2)
    results = await asyncio.gather(
        guarded(semaphore, llm, 0.2, 0.25, "llm"),
        guarded(semaphore, db, 0.1, 1.0, "db"),
    )
    print(results)


asyncio.run(main())
