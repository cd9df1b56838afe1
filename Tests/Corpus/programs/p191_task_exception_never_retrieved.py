import asyncio


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    raise RuntimeError(f"{name} exploded")


async def main():
    asyncio.create_task(call_tool("fire_and_forget", 0.05))
    await asyncio.sleep(0.1)
    print("main finished")


asyncio.run(main())
