"""Naming tasks, and what an exception remembers, across awaits.

A learner names each task (some with numbers), runs the batch twice, reads the names of tasks
asyncio makes itself, and logs failures with their __context__: an error raised in a helper the
handler awaits, one raised by an async context manager's __aexit__, and one thrown in by gather.
Also asyncio's checks: current_task() outside a loop, a Future given StopIteration, a partial of a
coroutine function, aiter()/anext() on a class, a Timeout misused, a task uncancelled at once.
"""
import asyncio
import functools
import sys


async def tool(name, seconds=0.0):
    await asyncio.sleep(seconds)
    if name == "db":
        raise ConnectionError("db down")
    return f"{name}:ok"


class Session:
    async def __aenter__(self):
        return self

    async def __aexit__(self, et, ev, tb):
        raise RuntimeError("close failed")


class Feed:
    def __init__(self):
        self.left = 2

    def __aiter__(self):
        return self

    async def __anext__(self):
        if not self.left:
            raise StopAsyncIteration
        self.left -= 1
        return f"item{self.left}"


async def batch(label):
    named = asyncio.create_task(tool("search", 0.1), name=label)
    numbered = asyncio.create_task(tool("maps", 0.1), name=7)
    plain = asyncio.create_task(tool("news", 0.1))
    print(asyncio.current_task().get_name(), named.get_name(), repr(numbered.get_name()), plain.get_name())
    await asyncio.wait_for(asyncio.gather(named, numbered, plain), timeout=1)
    if sys.version_info >= (3, 11):
        async with asyncio.TaskGroup() as group:
            group.create_task(tool("a"), name="first")
            second = group.create_task(tool("b"))
        print("group:", second.get_name())
    later = asyncio.create_task(tool("later"))
    print("later:", later.get_name(), await later)


async def contexts():
    try:
        try:
            raise KeyError("retry budget")
        except KeyError:
            await tool("db")
    except ConnectionError as error:
        print("awaited:", repr(error.__context__))
    try:
        async with Session():
            raise ValueError("body")
    except RuntimeError as error:
        print("aexit:", repr(error.__context__))
    try:
        try:
            raise KeyError("first attempt")
        except KeyError:
            await asyncio.gather(tool("db", 0.1))
    except ConnectionError as error:
        print("gathered:", repr(error.__context__))


async def checks():
    future = asyncio.get_running_loop().create_future()
    try:
        future.set_exception(StopIteration())
    except TypeError as error:
        print("TypeError:", error)
    print(future.done(), repr(future.exception()) if future.done() else None)
    print(asyncio.iscoroutinefunction(functools.partial(tool, "x")), asyncio.iscoroutinefunction(print))
    feed = aiter(Feed())
    print(await anext(feed), await anext(feed), await anext(feed, "done"))
    if sys.version_info >= (3, 11):
        scope = asyncio.timeout(1)
        for step in ("reschedule", "enter", "reenter", "after"):
            try:
                if step == "reschedule" or step == "after":
                    scope.reschedule(5)
                else:
                    async with scope:
                        pass
            except RuntimeError as error:
                print(step, "->", error)
        task = asyncio.create_task(tool("x"))
        task.cancel()
        task.uncancel()
        try:
            print("uncancelled:", await task)
        except asyncio.CancelledError:
            print("uncancelled: cancelled")


try:
    asyncio.current_task()
except RuntimeError as error:
    print("outside:", error)
asyncio.run(batch("run-1"))
asyncio.run(batch("run-2"))
asyncio.run(contexts())
asyncio.run(checks())
