import asyncio
import time


async def guarded_call(semaphore, name, delay, timeout):
    async with semaphore:
        start = time.perf_counter()
        try:
            await asyncio.wait_for(asyncio.sleep(delay), timeout)
            status = "ok"
        except asyncio.TimeoutError:
            status = "timeout"
        return name, status, time.perf_counter() - start


async def main():
    semaphore = asyncio.Semaphore(3)
    tools = [("search", 0.1), ("database", 0.2), ("slow_tool", 1.0), ("rerank", 0.05),
             ("embed", 0.12), ("upload", 0.4), ("weather", 0.08), ("model_api", 0.3)]
    rows = await asyncio.gather(*(guarded_call(semaphore, n, d, 0.15) for n, d in tools))
    print("TOOL".ljust(12) + "STATUS".ljust(9) + "SECONDS".rjust(8))
    for name, status, secs in rows:
        print(name.ljust(12) + status.ljust(9) + f"{secs:.2f}".rjust(8))
    print("=" * 29)
    print("timeouts:", sum(s == "timeout" for _, s, _ in rows))


asyncio.run(main())
