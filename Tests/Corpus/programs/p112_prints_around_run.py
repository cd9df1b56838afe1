import asyncio
import time

print("before asyncio.run")
time.sleep(0.25)
t0 = time.perf_counter()


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
    semaphore = asyncio.Semaphore(2)
    return await asyncio.gather(*(guarded_call(semaphore, n, d, 0.5) for n, d in [("search", 0.1), ("database", 0.2), ("slow_tool", 1.0)]))


results = asyncio.run(main())
print(results)
print(f"after asyncio.run: {time.perf_counter():.2f} (batch {time.perf_counter() - t0:.2f})")
