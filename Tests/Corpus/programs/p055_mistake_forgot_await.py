import asyncio


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def main():
    semaphore = asyncio.Semaphore(3)
    async with semaphore:
        result = call_tool("search", 0.1)
    print(result.__class__.__name__)
    print("done")


asyncio.run(main())
