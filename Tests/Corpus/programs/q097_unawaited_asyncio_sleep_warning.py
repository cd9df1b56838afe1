import asyncio


async def call_tool(name, delay):
    asyncio.sleep(delay)
    return name


print(asyncio.run(call_tool("a", 0.1)))
