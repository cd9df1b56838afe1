import asyncio
import time


async def call_tool(name, delay):
    start = time.monotonic()
    while time.monotonic() - start < delay:  # "simulate" the work
        pass
    return f"{name}:ok"


async def main():
    results = await asyncio.gather(call_tool("search", 0.1), call_tool("database", 0.2))
    print(results)


asyncio.run(main())
