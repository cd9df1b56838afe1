import asyncio


async def guarded_call(semaphore, name, delay, timeout):
    async with semaphore:
        try:
            await asyncio.wait_for(asyncio.sleep(delay), timeout)
            return name, "ok"
        except asyncio.TimeoutError:
            return name, "timeout"


async def main():
    semaphore = asyncio.Semaphore(3)
    first, *middle, last = await asyncio.gather(
        guarded_call(semaphore, "search", 0.1, 0.15),
        guarded_call(semaphore, "database", 0.2, 0.15),
        guarded_call(semaphore, "slow_tool", 1.0, 0.15),
        guarded_call(semaphore, "rerank", 0.05, 0.15),
    )
    print(first, middle, last)
    (name, status), *_ = middle
    print(f"{name=} {status=}")
    merged = {**dict([first]), **dict(middle), "extra": "n/a"}
    print(merged)
    print([*merged.keys(), *"xy"])


asyncio.run(main())
