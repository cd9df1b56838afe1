import asyncio
import sys


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def main():
    semaphore = asyncio.Semaphore(2)
    async with semaphore:
        print(await asyncio.wait_for(call_tool("search", 0.1), 0.5))
    sys.exit(0)


try:
    asyncio.run(main())
finally:
    print("finally runs")
print("not printed")
