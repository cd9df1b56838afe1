import asyncio


async def save(name):
    await asyncio.sleep(0.1)
    print(f"saved {name}")
    return name


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return await asyncio.shield(save(name))


async def guarded_call(semaphore, name, delay, timeout):
    async with semaphore:
        try:
            return await asyncio.wait_for(call_tool(name, delay), timeout=timeout)
        except asyncio.TimeoutError:
            return f"{name}:timeout"


async def main():
    semaphore = asyncio.Semaphore(2)
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, 0.15) for n, d in [("a", 0.02), ("b", 0.1), ("c", 0.3)]))
    print(results)
    await asyncio.sleep(0.2)
    print("end")


asyncio.run(main())
