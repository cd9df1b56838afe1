import asyncio


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def main():
    semaphore = asyncio.Semaphore(2)
    try:
        async with semaphore:
            result = await asyncio.wait_for(call_tool("slow", 0.5), 0.2)
    finally:
        print("cleanup ran, locked =", semaphore.locked())
    print(result)


asyncio.run(main())
