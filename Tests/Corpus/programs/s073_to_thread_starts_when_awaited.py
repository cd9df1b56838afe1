"""asyncio.to_thread is a coroutine: its thread starts when it is awaited, not when it is made."""
import asyncio
import time


def parse(pages):
    time.sleep(0.05 * pages)
    return f"{pages} pages"


async def guarded(sem, label, work, timeout):
    async with sem:
        started = time.monotonic()
        try:
            result = await asyncio.wait_for(work, timeout)
        except asyncio.TimeoutError:
            result = f"{label}:timeout"
        print(f"{label}: {started:.2f} -> {time.monotonic():.2f}")
        return result


async def main():
    sem = asyncio.Semaphore(1)
    made = asyncio.to_thread(parse, 4)
    await asyncio.sleep(0.3)
    results = await asyncio.gather(
        guarded(sem, "small", asyncio.to_thread(parse, 2), 0.5),
        guarded(sem, "big", asyncio.to_thread(parse, 20), 0.5),
        guarded(sem, "made early", made, 0.5),
    )
    print(results)
    print(f"gathered at {time.monotonic():.2f}")


asyncio.run(main())
print(f"run ended at {time.monotonic():.2f}")
