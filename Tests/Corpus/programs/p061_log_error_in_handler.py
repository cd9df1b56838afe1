import asyncio
import logging

logging.basicConfig(level=logging.WARNING, format="%(levelname)s:%(message)s")


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    if name.startswith("bad"):
        raise RuntimeError(f"{name} returned 500")
    return f"{name}:ok"


async def guarded_call(semaphore, name, delay, timeout):
    async with semaphore:
        try:
            return await asyncio.wait_for(call_tool(name, delay), timeout=timeout)
        except asyncio.TimeoutError:
            logging.warning("%s timed out", name)
            return f"{name}:timeout"
        except Exception as error:
            logging.error("%s failed: %s", name, error)
            return f"{name}:error"


async def main():
    semaphore = asyncio.Semaphore(3)
    tools = [("search", 0.1), ("bad_db", 0.05), ("slow_tool", 1.0), ("bad_cache", 0.2), ("rerank", 0.05)]
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, 0.15) for n, d in tools))
    print(results)
    print("timeouts:", sum(r.endswith(":timeout") for r in results))
    print("errors:", sum(r.endswith(":error") for r in results))


asyncio.run(main())
