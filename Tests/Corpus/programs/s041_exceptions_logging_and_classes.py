"""Failures reported the way a careful learner reports them, and the classes around them.

The batch's failures are logged with their class, message and traceback line; a tool class falls
back to __getattr__ when a property fails, deletes through __delattr__ and binds a function by
hand; the usual mistakes with * and ** and sort() are caught and printed; an async generator of
results is left by break, and CPython closes it later.
"""
import asyncio
import logging
import sys
import traceback

logging.basicConfig(level=logging.INFO, format="%(levelname)s %(funcName)s: %(message)s", stream=sys.stdout)
log = logging.getLogger("batch")


class ToolError(Exception):
    pass


ToolError.__module__ = "tools.errors"


class Tool:
    def __init__(self, name):
        self.name = name

    @property
    def latency(self):
        raise AttributeError("latency unknown")

    def __getattr__(self, attr):
        return f"fallback:{attr}"

    def __delattr__(self, attr):
        print("del", attr)
        object.__delattr__(self, attr)


class Index:
    def __index__(self):
        return 2


def describe(*parts):
    return "-".join(map(str, parts))


async def results():
    try:
        for name in ("search", "db", "maps"):
            await asyncio.sleep(0.1)
            yield name
    finally:
        print("results closed")


async def main():
    try:
        raise ToolError("db down")
    except ToolError:
        kind, error, tb = sys.exc_info()
        print(kind.__name__, error, tb is not None, tb.tb_lineno)
        print(repr(kind), traceback.format_exception_only(kind, error)[-1], end="")
    try:
        raise ValueError("bad") from 3
    except TypeError as error:
        print("TypeError:", error)
    print([repr(h) for h in logging.getLogger().handlers], repr(logging.StreamHandler(sys.stderr)))
    try:
        "héllo".encode("ascii")
    except UnicodeEncodeError as error:
        print(repr(error), error.encoding, error.start, error.end, error.reason)
    print(str(UnicodeTranslateError("\u20ac", 0, 1, "no mapping")), hasattr(log, "warn"))
    names = [log.info("inside a comprehension %s", n) or n for n in ("a", "b")]
    tool = Tool("search")
    print(tool.latency, names)
    del tool.name
    print(Tool.__init__.__get__(tool) is not None, describe.__get__(None, Tool) is describe, range(Index()))
    try:
        describe.__get__(None)
    except TypeError as error:
        print("TypeError:", error)
    for attempt in (lambda: describe(*5), lambda: [*5], lambda: describe(**[]), lambda: 1.5 << 1,
                    lambda: sorted([3, 1], key=None, reverse=True, x=1), lambda: [3, 1].sort(x=1)):
        try:
            attempt()
        except TypeError as error:
            print("TypeError:", error)
    try:
        delattr(Tool("x"), "missing")
    except AttributeError as error:
        print("AttributeError:", error)
    if sys.version_info >= (3, 11):
        try:
            ValueError().add_note(5)
        except TypeError as error:
            print("TypeError:", error)
    async for name in results():
        print("first result:", name)
        break
    await asyncio.sleep(0)
    print("still running")
    await asyncio.sleep(0)
    print("done")


asyncio.run(main())
