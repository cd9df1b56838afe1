import asyncio

TOOLS = [("search", 0.1), ("database", 0.2), ("slow_tool", 1.0), ("rerank", 0.05),
         ("embed", 0.12), ("upload", 0.4), ("weather", 0.08), ("model_api", 0.3)]


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def guarded_call(semaphore, name, delay, timeout):
    async with semaphore:
        try:
            return await asyncio.wait_for(call_tool(name, delay), timeout=timeout)
        except asyncio.TimeoutError:
            return f"{name}:timeout"


async def main():
    semaphore = asyncio.Semaphore(3)
    make = lambda spec: guarded_call(semaphore, *spec, 0.15)
    results = await asyncio.gather(*map(make, TOOLS))
    is_timeout = lambda r: r.endswith(":timeout")
    timed_out = list(filter(is_timeout, results))
    print(results)
    print("timeouts:", len(timed_out))
    print(list(map(str.upper, timed_out)))
    print(any(map(is_timeout, results)), all(map(is_timeout, results)))


asyncio.run(main())
