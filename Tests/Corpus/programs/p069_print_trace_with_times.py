import asyncio
import time

T0 = time.perf_counter()


def stamp():
    return f"{time.perf_counter() - T0:6.3f}"


async def call_tool(name, delay):
    print(stamp(), "start", name)
    await asyncio.sleep(delay)
    print(stamp(), "end  ", name)
    return f"{name}:ok"


async def guarded_call(semaphore, name, delay, timeout):
    print(stamp(), "wait ", name)
    async with semaphore:
        try:
            return await asyncio.wait_for(call_tool(name, delay), timeout=timeout)
        except asyncio.TimeoutError:
            print(stamp(), "TIMEOUT", name)
            return f"{name}:timeout"


async def main():
    semaphore = asyncio.Semaphore(2)
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, 0.15)
                                     for n, d in [("search", 0.1), ("database", 0.2), ("rerank", 0.05), ("embed", 0.12)]))
    print(stamp(), results)


asyncio.run(main())
