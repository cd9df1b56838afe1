import asyncio


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    with open('/etc/passwd') as handle:
        return f"{name}:{handle.readline().strip()}"


async def main():
    print(await asyncio.gather(call_tool("search", 0.1), call_tool("database", 0.2)))


asyncio.run(main())
