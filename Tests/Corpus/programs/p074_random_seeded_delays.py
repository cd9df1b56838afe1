import asyncio
import random

random.seed(42)
TOOLS = {f"tool_{i:02d}": round(random.uniform(0.01, 0.3), 2) for i in range(1, 9)}


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
    print(TOOLS)
    semaphore = asyncio.Semaphore(3)
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, 0.15) for n, d in TOOLS.items()))
    print(results)
    print("timeouts:", sum(r.endswith(":timeout") for r in results))
    print(random.random(), random.randint(1, 100), random.sample(range(10), 3))


asyncio.run(main())
