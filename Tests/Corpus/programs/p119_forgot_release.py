import asyncio


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def guarded_call(semaphore, name, delay, timeout):
    await semaphore.acquire()
    try:
        result = await asyncio.wait_for(call_tool(name, delay), timeout=timeout)
    except asyncio.TimeoutError:
        return f"{name}:timeout"  # returns without releasing
    semaphore.release()
    return result


async def main():
    semaphore = asyncio.Semaphore(2)
    tools = [("search", 0.1), ("slow_tool", 1.0), ("upload", 0.4), ("rerank", 0.05)]
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, 0.15) for n, d in tools))
    print(results)


asyncio.run(main())
