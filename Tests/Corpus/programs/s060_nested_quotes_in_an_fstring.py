"""A learner on Python 3.12 writes the result's name with the same quotes inside the f-string,
which 3.10 and 3.11 reject before the program runs."""
import asyncio


async def call_tool(call):
    await asyncio.sleep(call["delay"])
    return f"{call["name"]}:ok"


async def main():
    calls = [{"name": "search", "delay": 0.1}, {"name": "rerank", "delay": 0.05}]
    results = await asyncio.gather(*(call_tool(c) for c in calls))
    print(results)


asyncio.run(main())
