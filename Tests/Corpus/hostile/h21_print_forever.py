import asyncio


async def call_tool(name):
    while True:
        print(f"{name}:ok " * 1000)


async def main():
    await asyncio.gather(call_tool("search"), call_tool("database"))


asyncio.run(main())
