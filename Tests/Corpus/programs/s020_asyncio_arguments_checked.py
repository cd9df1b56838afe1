"""A learner's slips in asyncio's arguments: Python refuses each with its own TypeError."""
import asyncio
import sys


def attempt(label, make):
    try:
        made = make()
    except TypeError as error:
        print(f"{label}: TypeError: {error}")
        return
    if asyncio.iscoroutine(made):
        made.close()
    print(f"{label}: made {type(made).__name__}")


async def call_tool(name, delay, *, timeout=0.15):
    await asyncio.sleep(delay)
    return f"{name}:ok"


class Tool:
    def _init_(self, name):  # a typo: Python never calls it
        self.name = name


async def main():
    attempt("Semaphore(limit=3)", lambda: asyncio.Semaphore(limit=3))
    attempt("Semaphore(valu=3)", lambda: asyncio.Semaphore(valu=3))
    attempt("Semaphore(3, 4)", lambda: asyncio.Semaphore(3, 4))
    attempt("Semaphore(2, value=3)", lambda: asyncio.Semaphore(2, value=3))
    attempt("Lock(1)", lambda: asyncio.Lock(1))
    attempt("Queue(size=3)", lambda: asyncio.Queue(size=3))
    attempt("Queue(maxsize=3)", lambda: asyncio.Queue(maxsize=3))
    attempt("sleep(0.1, res=1)", lambda: asyncio.sleep(0.1, res=1))
    attempt("sleep(1, 2, 3, delay=1)", lambda: asyncio.sleep(1, 2, 3, delay=1))
    attempt("wait_for(timout=1)", lambda: asyncio.wait_for(call_tool("a", 0.1), timout=1))
    attempt("create_task(nam=...)", lambda: asyncio.create_task(call_tool("a", 0.1), nam="a"))
    attempt("shield(c, 1)", lambda: asyncio.shield(call_tool("a", 0.1), 1))
    attempt("call_tool(timout=...)", lambda: call_tool("a", 0.1, timout=0.2))
    attempt("call_tool(1, 2, 3, bogus=1)", lambda: call_tool(1, 2, 3, bogus=1))
    attempt("Tool('search')", lambda: Tool("search"))
    attempt("object(1)", lambda: object(1))
    if sys.version_info >= (3, 11):
        attempt("timeout(seconds=0.1)", lambda: asyncio.timeout(seconds=0.1))
        attempt("TaskGroup(1)", lambda: asyncio.TaskGroup(1))
    print(sys.version_info.major, sys.version_info.minor >= 10, sys.version_info[:1], len(sys.version_info))
    print(sys.version_info.releaselevel, type(sys.version_info.micro).__name__)


asyncio.run(main())
