import asyncio


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    if delay > 0.15:
        raise RuntimeError(f"{name} failed")
    return f"{name}:ok"


async def main():
    semaphore = asyncio.Semaphore(3)

    async def guarded(name, delay):
        async with semaphore:
            return await call_tool(name, delay)

    async with asyncio.TaskGroup() as tg:
        for name, delay in [("search", 0.1), ("database", 0.2), ("upload", 0.4)]:
            tg.create_task(guarded(name, delay))
    print("unreachable")


asyncio.run(main())
