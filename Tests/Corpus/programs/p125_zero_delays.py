import asyncio


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def guarded_call(semaphore, name, delay, timeout):
    async with semaphore:
        print("enter", name)
        try:
            return await asyncio.wait_for(call_tool(name, delay), timeout=timeout)
        except asyncio.TimeoutError:
            return f"{name}:timeout"
        finally:
            print("leave", name)


async def main():
    semaphore = asyncio.Semaphore(1)
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, 0.1) for n, d in [("a", 0), ("b", 0.0), ("c", 0.05), ("d", 0)]))
    print(results)


asyncio.run(main())
