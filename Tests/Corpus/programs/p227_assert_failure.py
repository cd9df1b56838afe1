import asyncio


async def guarded_call(semaphore, name, delay, timeout):
    async with semaphore:
        try:
            await asyncio.wait_for(asyncio.sleep(delay), timeout)
            return f"{name}:ok"
        except asyncio.TimeoutError:
            return f"{name}:timeout"


async def main():
    semaphore = asyncio.Semaphore(3)
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, 0.15) for n, d in [("a", 0.1), ("b", 0.2)]))
    print(results)
    assert all(r.endswith(":ok") for r in results), f"unexpected timeouts: {results}"


asyncio.run(main())
