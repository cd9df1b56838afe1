import asyncio
import shutil


async def main():
    await asyncio.sleep(0.1)
    shutil.rmtree("solutions", ignore_errors=True)
    print("done")


asyncio.run(main())
