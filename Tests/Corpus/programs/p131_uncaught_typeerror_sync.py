import asyncio


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok"


def summarize(results):
    return "timeouts: " + sum(r.endswith(":timeout") for r in results)


async def main():
    semaphore = asyncio.Semaphore(2)
    async with semaphore:
        results = await asyncio.gather(call_tool("a", 0.1), call_tool("b", 0.2))
    print(results)
    print(summarize(results))


asyncio.run(main())
