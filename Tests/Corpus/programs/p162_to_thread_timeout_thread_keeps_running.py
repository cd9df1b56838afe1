import asyncio
import time

finished = []


def slow_report(name, seconds):
    time.sleep(seconds)
    finished.append(name)
    print(f"thread finished {name} at {time.perf_counter():.2f}")
    return name


async def guarded(semaphore, name, seconds, timeout):
    async with semaphore:
        try:
            return await asyncio.wait_for(asyncio.to_thread(slow_report, name, seconds), timeout)
        except asyncio.TimeoutError:
            print(f"{name} timed out at {time.perf_counter():.2f}")
            return f"{name}:timeout"


async def main():
    semaphore = asyncio.Semaphore(2)
    results = await asyncio.gather(guarded(semaphore, "a", 0.1, 0.15), guarded(semaphore, "b", 0.5, 0.15), guarded(semaphore, "c", 0.05, 0.15))
    print(results, finished)


asyncio.run(main())
print("after run:", finished, f"{time.perf_counter():.2f}")
