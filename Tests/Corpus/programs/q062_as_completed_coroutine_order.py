import asyncio


async def tool(name):
    print("start", name)
    await asyncio.sleep(0.1)
    return name


async def main():
    # as_completed() wraps the coroutines in tasks in the order of set(coros): an order
    # CPython takes from memory addresses, so it changes from run to run
    for fut in asyncio.as_completed([tool(n) for n in "abcdef"]):
        await fut


asyncio.run(main())
