import asyncio


def fast_tools():
    yield ("search", 0.1)
    yield ("rerank", 0.05)


def slow_tools():
    yield ("slow_tool", 1.0)
    yield ("upload", 0.4)
    return "slow done"


def all_tools():
    yield from fast_tools()
    note = yield from slow_tools()
    print("generator says:", note)


async def guarded_call(semaphore, name, delay, timeout):
    async with semaphore:
        try:
            await asyncio.wait_for(asyncio.sleep(delay), timeout)
            return f"{name}:ok"
        except asyncio.TimeoutError:
            return f"{name}:timeout"


async def main():
    semaphore = asyncio.Semaphore(3)
    tools = list(all_tools())
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, 0.15) for n, d in tools))
    print(results)


asyncio.run(main())
