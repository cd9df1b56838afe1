import asyncio


async def call_tool(name, delay, fail_at=None):
    await asyncio.sleep(delay)
    if fail_at is not None:
        raise ValueError(name)
    return f"{name}:ok"


async def guarded_call(semaphore, name, delay, timeout, fail=False):
    async with semaphore:
        try:
            return await asyncio.wait_for(call_tool(name, delay, 0 if fail else None), timeout=timeout)
        except asyncio.TimeoutError:
            return f"{name}:timeout"
        except ValueError as e:
            return f"{e}:error"


async def main():
    semaphore = asyncio.Semaphore(2)
    results = await asyncio.gather(
        guarded_call(semaphore, "fails", 0.2, 0.3, fail=True),
        guarded_call(semaphore, "slow", 0.4, 0.2),
        guarded_call(semaphore, "next", 0.1, 0.2),
    )
    print(results)


asyncio.run(main())
