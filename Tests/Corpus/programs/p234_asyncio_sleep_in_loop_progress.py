import asyncio
import time


async def guarded_call(semaphore, name, steps, timeout):
    async with semaphore:
        done = 0

        async def work():
            nonlocal done
            while done < steps:
                await asyncio.sleep(0.04)
                done += 1
        try:
            await asyncio.wait_for(work(), timeout)
            return f"{name}:ok"
        except asyncio.TimeoutError:
            return f"{name}:timeout({done}/{steps})"


async def main():
    semaphore = asyncio.Semaphore(3)
    start = time.perf_counter()
    results = await asyncio.gather(*(guarded_call(semaphore, f"job{i}", i, 0.15) for i in range(1, 7)))
    print(results)
    print(f"{time.perf_counter() - start:.2f}s")


asyncio.run(main())
