import asyncio


async def work():
    return 1


async def main():
    try:
        asyncio.run(work())
    except RuntimeError as exc:
        print("RuntimeError:", exc)
    asyncio.run(work())


asyncio.run(main())
