import asyncio


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    if name == "flaky":
        raise RuntimeError("HTTP 503")
    return f"{name}:ok"


async def guarded_call(semaphore, name, delay, timeout):
    async with semaphore:
        return await asyncio.wait_for(call_tool(name, delay), timeout=timeout)


async def main():
    semaphore = asyncio.Semaphore(3)
    tools = [("search", 0.1), ("flaky", 0.05), ("slow_tool", 1.0), ("rerank", 0.05), ("embed", 0.12)]
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, 0.15) for n, d in tools), return_exceptions=True)
    print(results)
    for (name, _), r in zip(tools, results):
        if isinstance(r, asyncio.TimeoutError):
            print(name, "timeout")
        elif isinstance(r, Exception):
            print(name, "error:", repr(r))
        else:
            print(name, r)


asyncio.run(main())
