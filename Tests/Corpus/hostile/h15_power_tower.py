import asyncio

TIMEOUT = 10**10**10  # "no timeout"


async def main():
    print(await asyncio.wait_for(asyncio.sleep(0.1, "search:ok"), TIMEOUT))


asyncio.run(main())
