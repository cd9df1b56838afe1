import asyncio
import time


def blocking_fetch(name, seconds):
    time.sleep(seconds)
    return f"{name}:ok"


async def guarded_call(semaphore, name, delay, timeout):
    async with semaphore:
        try:
            return await asyncio.wait_for(asyncio.to_thread(blocking_fetch, name, delay), timeout=timeout)
        except asyncio.TimeoutError:
            return f"{name}:timeout"


async def main():
    semaphore = asyncio.Semaphore(3)
    tools = [("search", 0.1), ("database", 0.2), ("rerank", 0.05), ("embed", 0.12)]
    start = time.perf_counter()
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, 0.15) for n, d in tools))
    print(results)
    print(f"gather returned at {time.perf_counter() - start:.2f}")


asyncio.run(main())
print(f"asyncio.run returned at {time.perf_counter():.2f}")
