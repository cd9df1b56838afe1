import asyncio
import time


async def fetch(name, delay, blocking):
    if blocking:
        time.sleep(delay)
    else:
        await asyncio.sleep(delay)
    return f"{name}:ok"


async def guarded(semaphore, name, delay, timeout, blocking=False):
    async with semaphore:
        try:
            return await asyncio.wait_for(fetch(name, delay, blocking), timeout)
        except asyncio.TimeoutError:
            return f"{name}:timeout"


async def main():
    semaphore = asyncio.Semaphore(3)
    results = await asyncio.gather(
        guarded(semaphore, "api", 0.2, 0.3),
        guarded(semaphore, "cpu", 0.25, 1.0, blocking=True),
        guarded(semaphore, "cache", 0.1, 0.15),
        guarded(semaphore, "late", 0.05, 0.1),
    )
    print(results)


asyncio.run(main())
