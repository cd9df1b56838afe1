import asyncio


async def main():
    loop = asyncio.get_running_loop()
    handle = loop.call_later(0.3, print, "fired")
    print(round(handle.when(), 3))
    await asyncio.sleep(0.5)


asyncio.run(main())
