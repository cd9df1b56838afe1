import asyncio
from functools import partial


async def call_tool(name, delay, *, retries=0):
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def guarded_call(semaphore, timeout, make_coro):
    async with semaphore:
        try:
            return await asyncio.wait_for(make_coro(), timeout=timeout)
        except asyncio.TimeoutError:
            return f"{make_coro.args[0]}:timeout"


async def main():
    semaphore = asyncio.Semaphore(3)
    calls = [partial(call_tool, n, d) for n, d in [("search", 0.1), ("database", 0.2), ("rerank", 0.05), ("upload", 0.4)]]
    guarded = partial(guarded_call, semaphore, 0.15)
    results = await asyncio.gather(*map(guarded, calls))
    print(results)
    print(calls[0].func.__name__, calls[0].args, calls[0].keywords)


asyncio.run(main())
