import asyncio


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    if name == "flaky":
        raise RuntimeError("HTTP 503")
    return f"{name}:ok"


async def guarded_call(semaphore, name, delay, timeout):
    async with semaphore:
        try:
            return await asyncio.wait_for(call_tool(name, delay), timeout=timeout)
        except asyncio.TimeoutError:
            return f"{name}:timeout"
        except Exception:
            return None


async def main():
    semaphore = asyncio.Semaphore(2)
    tools = [("search", 0.1), ("flaky", 0.15), ("database", 0.2), ("rerank", 0.1)]
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, 0.5) for n, d in tools))
    print(results)


asyncio.run(main())
