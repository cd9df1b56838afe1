import asyncio

import aiohttp


async def call_tool(session, name):
    async with session.get(f"https://example.com/{name}") as response:
        return f"{name}:{response.status}"


async def main():
    async with aiohttp.ClientSession() as session:
        print(await asyncio.gather(call_tool(session, "search"), call_tool(session, "database")))


asyncio.run(main())
