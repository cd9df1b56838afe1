import asyncio

TOKEN = "9" * 100000


async def main():
    await asyncio.sleep(0.1)
    print("token id:", int(TOKEN) % 1000)


asyncio.run(main())
