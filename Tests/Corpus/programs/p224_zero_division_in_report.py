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
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, 0.15) for n, d in [("a", 0.1), ("b", 0.05)]))
    timeouts = sum(r.endswith(":timeout") for r in results)
    print(results)
    print("ok per timeout:", (len(results) - timeouts) / timeouts)


asyncio.run(main())
