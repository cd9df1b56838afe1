import asyncio


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    raise ConnectionError(f"{name} unreachable")


async def main():
    semaphore = asyncio.Semaphore(2)

    async def guarded(name, delay):
        async with semaphore:
            return await call_tool(name, delay)

    async with asyncio.TaskGroup() as tg:
        tg.create_task(guarded("db", 0.1))
        tg.create_task(guarded("cache", 0.1))


asyncio.run(main())
