import asyncio


async def main():
    banner = "x" * 10**10
    print(len(banner))


asyncio.run(main())
