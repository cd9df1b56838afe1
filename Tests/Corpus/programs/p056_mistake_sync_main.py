import asyncio


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok"


def main():
    results = asyncio.gather(call_tool("search", 0.1), call_tool("db", 0.2))
    print(results)


main()
