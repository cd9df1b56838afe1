import asyncio


async def call_tool(name, delay):
    print("start", name)
    await asyncio.sleep(delay)
    if name == "flaky":
        raise RuntimeError("HTTP 503")
    print("end", name)
    return f"{name}:ok"


async def guarded_call(semaphore, name, delay, timeout):
    async with semaphore:
        try:
            return await asyncio.wait_for(call_tool(name, delay), timeout=timeout)
        except asyncio.TimeoutError:
            return f"{name}:timeout"


async def main():
    semaphore = asyncio.Semaphore(2)
    tools = [("search", 0.1), ("flaky", 0.15), ("database", 0.2), ("rerank", 0.1)]
    try:
        results = await asyncio.gather(*(guarded_call(semaphore, n, d, 0.5) for n, d in tools))
        print(results)
    except RuntimeError as error:
        print("the batch failed:", error)
    await asyncio.sleep(0.5)
    print("main done")


asyncio.run(main())
