import asyncio
import time


def legacy_sdk_call(name, seconds):
    time.sleep(seconds)
    return f"{name} via sdk"


async def guarded(sem, name, seconds):
    async with sem:
        try:
            return await asyncio.wait_for(asyncio.to_thread(legacy_sdk_call, name, seconds), timeout=0.5)
        except asyncio.TimeoutError:
            return f"{name} timed out"


async def main():
    sem = asyncio.Semaphore(2)
    start = time.perf_counter()
    res = await asyncio.gather(
        guarded(sem, "crm", 0.2),
        guarded(sem, "erp", 0.8),
        guarded(sem, "hr", 0.3),
        guarded(sem, "it", 0.1),
    )
    for line in res:
        print(line)
    print(f"gather took {time.perf_counter() - start:.2f}s")
    print("timeouts:", sum("timed out" in r for r in res))


asyncio.run(main())
print(f"process end {time.perf_counter():.2f}")
