import asyncio


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    if name == "flaky":
        raise ConnectionError("connection reset")
    return f"{name}:ok"


async def guarded_call(semaphore, name, delay, timeout):
    async with semaphore:
        try:
            return await asyncio.wait_for(call_tool(name, delay), timeout=timeout)
        except asyncio.TimeoutError:
            return f"{name}:timeout"
        except Exception:
            pass


async def main():
    semaphore = asyncio.Semaphore(3)
    tools = [("search", 0.1), ("flaky", 0.05), ("slow_tool", 1.0), ("rerank", 0.05)]
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, 0.15) for n, d in tools))
    print(results)
    print("timeouts:", sum(1 for r in results if r and r.endswith(":timeout")))
    print("lost:", results.count(None))


asyncio.run(main())
