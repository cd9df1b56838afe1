import asyncio
import os


async def main():
    await asyncio.sleep(0.1)
    os.remove("lessons/index.json")
    print("cleaned up")


asyncio.run(main())
