import asyncio


async def main():
    loop = asyncio.get_running_loop()
    handle = loop.call_soon(print, "soon")
    print(type(handle).__name__)
    await asyncio.sleep(0)


asyncio.run(main())
