import asyncio


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def main():
    results = await asyncio.gather(call_tool("search", 0.1), call_tool("database", 0.2))
    open('x.txt', 'w').write('pwned')
    print(results)


asyncio.run(main())
