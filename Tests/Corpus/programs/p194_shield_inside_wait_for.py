import asyncio


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    print(f"{name} really finished")
    return f"{name}:ok"


async def guarded_call(semaphore, name, delay, timeout):
    async with semaphore:
        inner = asyncio.ensure_future(call_tool(name, delay))
        try:
            return await asyncio.wait_for(asyncio.shield(inner), timeout)
        except asyncio.TimeoutError:
            print(f"{name} timed out, still running: {not inner.done()}")
            return f"{name}:timeout"


async def main():
    semaphore = asyncio.Semaphore(2)
    print(await asyncio.gather(*(guarded_call(semaphore, n, d, 0.15) for n, d in [("a", 0.1), ("b", 0.3)])))
    await asyncio.sleep(0.3)


asyncio.run(main())
