import asyncio
import sys


async def child():
    await asyncio.sleep(0.1)
    sys.exit("giving up")


async def main():
    try:
        await asyncio.gather(child())
    finally:
        print("main's finally runs")


asyncio.run(main())
