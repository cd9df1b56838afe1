import asyncio
import time


async def call_tool(name, cpu, io):
    time.sleep(cpu)
    await asyncio.sleep(io)
    return f"{name}:ok"


async def guarded_call(semaphore, name, cpu, io, timeout):
    async with semaphore:
        try:
            return await asyncio.wait_for(call_tool(name, cpu, io), timeout=timeout)
        except asyncio.TimeoutError:
            return f"{name}:timeout"


async def main():
    semaphore = asyncio.Semaphore(2)
    jobs = [("parse", 0.1, 0.05), ("resize", 0.2, 0.02), ("embed", 0.05, 0.2), ("score", 0.0, 0.1)]
    t = time.monotonic()
    results = await asyncio.gather(*(guarded_call(semaphore, n, c, i, 0.2) for n, c, i in jobs))
    print(results)
    print(f"{time.monotonic() - t:.2f}s")


asyncio.run(main())
