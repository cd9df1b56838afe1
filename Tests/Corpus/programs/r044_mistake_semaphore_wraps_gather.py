import asyncio
import time

peak = 0
running = 0


async def call_tool(name, delay):
    global peak, running
    running += 1
    peak = max(peak, running)
    try:
        await asyncio.sleep(delay)
        return f"{name}:ok"
    finally:
        running -= 1


async def guarded(name, delay, timeout):
    try:
        return await asyncio.wait_for(call_tool(name, delay), timeout)
    except asyncio.TimeoutError:
        return f"{name}:timeout"


async def main():
    semaphore = asyncio.Semaphore(2)
    start = time.perf_counter()
    async with semaphore:
        results = await asyncio.gather(*(guarded(f"tool{i}", 0.1 * i, 0.35) for i in range(1, 7)))
    print(results)
    print(f"peak concurrency {peak} (wanted at most 2), {time.perf_counter() - start:.2f}s")

    async def release_too_early(name, delay):
        async with semaphore:
            pass
        return await guarded(name, delay, 0.35)

    peak_before = peak
    results = await asyncio.gather(*(release_too_early(f"t{i}", 0.1) for i in range(5)))
    print(results.count("t0:ok"), peak, peak_before, semaphore.locked())


asyncio.run(main())
