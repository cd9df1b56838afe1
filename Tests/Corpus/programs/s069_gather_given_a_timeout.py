"""A learner passes timeout= to asyncio.gather, catches the TypeError and then does it right: the
coroutines of the failed call are reported as never awaited where the call failed."""
import asyncio


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def main():
    try:
        results = await asyncio.gather(call_tool("search", 0.1), call_tool("slow", 1.0), timeout=0.5)
    except TypeError as error:
        print("gather said:", error)
    results = await asyncio.gather(
        asyncio.wait_for(call_tool("search", 0.1), 0.5),
        asyncio.wait_for(call_tool("rerank", 0.2), 0.5),
    )
    print(results)
    await asyncio.gather(call_tool("late", 0.1), limit=2)


asyncio.run(main())
