import asyncio
from contextlib import asynccontextmanager, suppress

active = 0
peak = 0


@asynccontextmanager
async def slot(sem, name):
    global active, peak
    async with sem:
        active += 1
        peak = max(peak, active)
        print(f"  + {name} (active={active})")
        try:
            yield name
        finally:
            active -= 1
            print(f"  - {name} (active={active})")


async def call(name, delay):
    await asyncio.sleep(delay)
    return name * 2


async def guarded(sem, name, delay):
    result = "timeout"
    async with slot(sem, name):
        with suppress(asyncio.TimeoutError):
            result = await asyncio.wait_for(call(name, delay), 0.2)
    return result


async def main():
    sem = asyncio.Semaphore(2)
    res = await asyncio.gather(guarded(sem, "ab", 0.1), guarded(sem, "cd", 0.3),
                               guarded(sem, "ef", 0.05), guarded(sem, "gh", 0.2))
    print(res)
    print("peak:", peak, "timeouts:", res.count("timeout"))
    with suppress(KeyError, IndexError):
        print(res[10])
    print("after suppress")


asyncio.run(main())
