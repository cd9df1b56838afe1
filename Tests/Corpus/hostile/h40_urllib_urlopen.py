import asyncio
import urllib.request


async def call_tool(name):
    with urllib.request.urlopen(f"https://example.com/{name}") as response:
        return response.status


async def main():
    print(await asyncio.gather(call_tool("search"), call_tool("database")))


asyncio.run(main())
