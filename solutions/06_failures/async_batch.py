"""flaky failed with HTTP 503; capturing it as flaky:error keeps everyone else's results."""
import asyncio

TOOLS = [("search", 0.1), ("flaky", 0.15), ("database", 0.2), ("rerank", 0.1)]


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
        except Exception as error:
            return f"{name}:error"


async def main():
    semaphore = asyncio.Semaphore(2)
    results = await asyncio.gather(*(guarded_call(semaphore, name, delay, 0.5) for name, delay in TOOLS))
    print(results)
    print("timeouts:", sum(result.endswith(":timeout") for result in results if result))


asyncio.run(main())
