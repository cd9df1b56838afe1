import asyncio


async def main():
    a = asyncio.create_task(asyncio.sleep(1))
    b = asyncio.create_task(asyncio.sleep(1))
    await asyncio.sleep(0)
    a.cancel()
    b.cancel("stop")
    print(await asyncio.gather(a, b, return_exceptions=True))


asyncio.run(main())
