# Blocking SDK calls in worker threads: after time.sleep each reads module constants that no
# function ever rebinds (safe to read late), and returns what it computed.
import asyncio
import time

PREFIX = "tool"
SCALE = 2
LIMIT = 2


def blocking_call(name, delay):
    time.sleep(delay)
    return f"{PREFIX}-{name}:{delay * SCALE:.1f}"


async def guarded(sem, name, delay):
    async with sem:
        try:
            return await asyncio.wait_for(asyncio.to_thread(blocking_call, name, delay), timeout=0.5)
        except asyncio.TimeoutError:
            return f"{name}:timeout"


async def main():
    sem = asyncio.Semaphore(LIMIT)
    start = time.monotonic()
    results = await asyncio.gather(*(guarded(sem, n, d) for n, d in [("a", 0.2), ("b", 0.1), ("c", 0.3)]))
    print(results, f"{time.monotonic() - start:.2f}s")


asyncio.run(main())
