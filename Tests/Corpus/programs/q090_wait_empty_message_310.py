import asyncio


async def main():
    try:
        await asyncio.wait([])
    except ValueError as exc:
        print("ValueError:", exc)


asyncio.run(main())
