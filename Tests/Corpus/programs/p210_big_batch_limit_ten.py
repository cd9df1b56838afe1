import asyncio
import time


async def guarded_call(semaphore, i, timeout):
    delay = (i * 37 % 50) / 100
    async with semaphore:
        try:
            await asyncio.wait_for(asyncio.sleep(delay), timeout)
            return True
        except asyncio.TimeoutError:
            return False


async def main():
    semaphore = asyncio.Semaphore(10)
    start = time.perf_counter()
    results = await asyncio.gather(*(guarded_call(semaphore, i, 0.3) for i in range(200)))
    print(f"{sum(results)} ok, {results.count(False)} timeouts in {time.perf_counter() - start:.2f}s")


asyncio.run(main())
