import asyncio
import requests


async def call_tool(name):
    return requests.get(f"https://example.com/{name}", timeout=0.3).status_code


async def main():
    print(await asyncio.gather(call_tool("search"), call_tool("database")))


asyncio.run(main())
