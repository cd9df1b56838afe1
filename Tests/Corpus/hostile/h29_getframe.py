import asyncio
import sys


async def call_tool(name):
    frame = sys._getframe()
    caller = frame.f_back.f_globals
    print(name, sorted(caller)[:3])
    await asyncio.sleep(0.1)
    return f"{name}:ok"


asyncio.run(call_tool("search"))
