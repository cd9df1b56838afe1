import asyncio
from os import environ

API_KEY = environ.get("OPENAI_API_KEY", "none")


async def main():
    await asyncio.sleep(0.1)
    print("home:", environ['HOME'], "key:", API_KEY[:4])


asyncio.run(main())
