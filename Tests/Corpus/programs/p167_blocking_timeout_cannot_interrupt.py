import asyncio
import time


async def call_tool(name, delay):
    time.sleep(delay)
    return f"{name}:ok"


async def main():
    try:
        result = await asyncio.wait_for(call_tool("blocking", 0.5), timeout=0.1)
    except asyncio.TimeoutError:
        result = "blocking:timeout"
    print(result, f"{time.perf_counter():.2f}")


asyncio.run(main())
