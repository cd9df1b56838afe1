"""A learner keeps their TaskGroup and adds a call to it after its block ended, enters it twice,
and sets a future's exception to something that is not one (3.11+ for the task group)."""
import asyncio
import sys


async def call(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def main():
    if sys.version_info >= (3, 11):
        group = asyncio.TaskGroup()
        async with group:
            first = group.create_task(call("search", 0.1))
            print(repr(group))
        print(first.result(), repr(group))
        late = call("late", 0.1)
        try:
            group.create_task(late)
        except RuntimeError as error:
            print("RuntimeError:", error)
        late.close()
        try:
            async with group:
                pass
        except RuntimeError as error:
            print("RuntimeError:", error)
    future = asyncio.get_running_loop().create_future()
    for bad in (5, "error", ValueError):
        try:
            future.set_exception(bad)
            print("set", repr(future.exception()))
        except TypeError as error:
            print("TypeError:", error)


asyncio.run(main())
