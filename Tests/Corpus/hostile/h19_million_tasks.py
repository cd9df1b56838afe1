import asyncio


async def call_tool(i):
    await asyncio.sleep(0.1)
    return i


async def main():
    tasks = [asyncio.create_task(call_tool(i)) for i in range(1_000_000)]
    results = await asyncio.gather(*tasks)
    print(len(results))


asyncio.run(main())
