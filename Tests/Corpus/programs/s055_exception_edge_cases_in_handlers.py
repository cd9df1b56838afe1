"""A learner's error handling with mistakes in it: a handler tuple holding something that is not
an exception class, throw() into a generator of something that is not an exception, and
exception groups derived and split by hand (3.11+)."""
import asyncio
import sys


def ticker():
    while True:
        yield "tick"


async def call(name, fail):
    await asyncio.sleep(0.1)
    if fail:
        raise ValueError(name)
    return f"{name}:ok"


async def main():
    results = await asyncio.gather(call("search", False), call("db", True), return_exceptions=True)
    print(results)
    try:
        try:
            raise results[1]
        except (ValueError, "TimeoutError"):
            print("never")
    except TypeError as error:
        print("TypeError:", error)
    gen = ticker()
    next(gen)
    try:
        gen.throw(42)
    except TypeError as error:
        print("TypeError:", error)
    if sys.version_info >= (3, 11):
        group = ExceptionGroup("batch", [e for e in results if isinstance(e, Exception)])
        print(repr(group.derive([KeyError("k")])), repr(group.derive((KeyError("k"),))))
        for bad in (lambda: ExceptionGroup(5, [ValueError()]), lambda: group.split(5), lambda: group.derive([])):
            try:
                bad()
            except (TypeError, ValueError) as error:
                print(type(error).__name__ + ":", error)
        matched, rest = group.split(lambda e: isinstance(e, ValueError))
        print(repr(matched), rest)
    else:
        print("exception groups are new in 3.11")


asyncio.run(main())
