"""A tool call that takes the first result with next() on an empty iterator: inside a coroutine
the StopIteration becomes a RuntimeError, and gather raises it."""
import asyncio


async def first_hit(name, hits):
    await asyncio.sleep(0.05)
    return f"{name}:{next(iter(hits))}"


async def main():
    results = await asyncio.gather(first_hit("search", ["ok"]), first_hit("db", []))
    print(results)


asyncio.run(main())
