import asyncio


async def guarded_call(semaphore, name, delay, timeout):
    async with semaphore:
        try:
            await asyncio.wait_for(asyncio.sleep(delay), timeout)
            return f"{name}:ok"
        except asyncio.TimeoutError:
            return f"{name}:timeout"


async def group(semaphore, prefix, delays):
    return await asyncio.gather(*(guarded_call(semaphore, f"{prefix}{i}", d, 0.15) for i, d in enumerate(delays)))


async def main():
    semaphore = asyncio.Semaphore(3)
    retrieval, generation = await asyncio.gather(
        group(semaphore, "r", [0.05, 0.1, 0.2]),
        group(semaphore, "g", [0.3, 0.12, 0.01]),
    )
    print(retrieval)
    print(generation)
    flat = [r for part in (retrieval, generation) for r in part]
    print("timeouts:", sum(r.endswith(":timeout") for r in flat))
    print(await asyncio.gather())


asyncio.run(main())
