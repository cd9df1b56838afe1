import asyncio


async def tool(name):
    await asyncio.sleep(0.1)


async def main():
    coros = [tool(n) for n in "abc"]
    del coros  # CPython warns once for this line (the warnings registry); lesson three times
    print("dropped")


asyncio.run(main())
