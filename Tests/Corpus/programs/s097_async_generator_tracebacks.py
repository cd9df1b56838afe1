"""Results streamed by an async generator; a failure inside it is logged with its traceback.

The generator awaits each guarded call; a tool that fails, or a wait_for that times out inside the
generator, reaches the `async for` in main, and the traceback shows the generator's line.
"""
import asyncio
import sys
import traceback


class ToolError(Exception):
    pass


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    if name == "broken":
        raise ToolError(f"{name} failed")
    return f"{name}:ok"


async def results(names, timeout):
    for name, delay in names:
        yield await asyncio.wait_for(call_tool(name, delay), timeout)


async def main():
    try:
        async for result in results([("search", 0.1), ("broken", 0.05)], 0.5): print(result)
    except ToolError:
        traceback.print_exc(file=sys.stdout)
    try:
        async for result in results([("search", 0.1), ("slow", 2.0)], 0.5):
            print(result)
    except asyncio.TimeoutError:
        traceback.print_exc(file=sys.stdout)
    stream = results([("db", 0.2), ("broken", 0.1)], 1.0)
    print(await stream.__anext__())
    try:
        await stream.asend(None)
    except ToolError as error:
        print("asend raised:", error)
        traceback.print_exc(file=sys.stdout)
    # Uncaught: the traceback on stderr.
    async for result in results([("broken", 0.01)], 1.0):
        print(result)


asyncio.run(main())
