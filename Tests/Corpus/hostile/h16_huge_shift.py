import asyncio

mask = 1 << 10**10


async def main():
    print(mask & 1)


asyncio.run(main())
