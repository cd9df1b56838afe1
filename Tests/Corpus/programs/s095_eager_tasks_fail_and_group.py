"""Eager tasks that fail at once, in a TaskGroup and with gather(return_exceptions=True)."""
import asyncio
import sys


class ToolError(Exception):
    pass


async def tool(name, delay, fails=False):
    if fails:
        raise ToolError(f"{name} refused the request")
    if delay:
        await asyncio.sleep(delay)
    return name


async def main():
    if sys.version_info < (3, 12):
        print("no eager tasks before 3.12")
        return
    loop = asyncio.get_running_loop()
    loop.set_task_factory(asyncio.create_eager_task_factory(asyncio.Task))
    t = asyncio.create_task(tool("bad", 0, fails=True))
    print("failed before create_task returned:", t.done(), repr(t.exception()))
    results = await asyncio.gather(tool("a", 0), tool("b", 0.1), tool("c", 0, fails=True), return_exceptions=True)
    print([type(r).__name__ if isinstance(r, Exception) else r for r in results])
    try:
        async with asyncio.TaskGroup() as group:
            first = group.create_task(tool("fast", 0))
            group.create_task(tool("slow", 0.5))
            print("fast done at once:", first.done(), first.result())
            group.create_task(tool("broken", 0, fails=True))
            print("after the broken one")
    except* ToolError as errors:
        print("group failed:", [str(e) for e in errors.exceptions])
    print("at", loop.time())
    try:
        loop.set_task_factory(42)
    except TypeError as error:
        print("TypeError:", error)


asyncio.run(main())
