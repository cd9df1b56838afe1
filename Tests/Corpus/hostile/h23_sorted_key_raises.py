import asyncio

TOOLS = [("search", 0.1), ("database", 0.2), ("slow_tool", 1.0)]


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def main():
    results = await asyncio.gather(*(call_tool(n, d) for n, d in TOOLS))
    fastest = sorted(results, key=lambda r: float(r.split(":")[1]))
    print(fastest)


asyncio.run(main())
