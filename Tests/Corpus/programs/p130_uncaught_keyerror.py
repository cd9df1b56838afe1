import asyncio

DELAYS = {"search": 0.1, "database": 0.2}


async def call_tool(name):
    await asyncio.sleep(DELAYS[name])
    return f"{name}:ok"


async def main():
    semaphore = asyncio.Semaphore(2)

    async def guarded(name):
        async with semaphore:
            return await asyncio.wait_for(call_tool(name), 0.5)

    print(await asyncio.gather(guarded("search"), guarded("databse")))


asyncio.run(main())
