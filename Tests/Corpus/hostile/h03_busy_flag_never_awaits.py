import asyncio

ready = False


async def warm_up():
    global ready
    await asyncio.sleep(0.1)
    ready = True


async def call_tool(name):
    while not ready:  # wait for the cache (but never yields)
        pass
    return f"{name}:ok"


async def main():
    results = await asyncio.gather(warm_up(), call_tool("search"))
    print(results)


asyncio.run(main())
