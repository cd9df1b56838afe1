import asyncio


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def main():
    warmup = await asyncio.gather(call_tool("warm1", 0.1), call_tool("warm2", 0.25))
    print("warmup:", warmup)
    limit = len([w for w in warmup if w.endswith(":error")])
    semaphore = asyncio.Semaphore(limit)
    async with semaphore:
        print("never printed")


asyncio.run(main())
