import asyncio
import random

TOOLS = ["search", "database", "slow_tool"]


async def call_tool(name):
    delay = random.random()
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def main():
    print(await asyncio.gather(*(call_tool(n) for n in TOOLS)))


asyncio.run(main())
