"""A TaskGroup's failures handled with except*, and a context manager written by hand.

except* is new in 3.11, so 3.10 rejects the whole file with a SyntaxError.
"""
import asyncio


class Lease:
    def __enter__(self):
        return self


async def tool(name):
    await asyncio.sleep(0.1)
    if name != "search":
        raise ValueError(f"{name} failed")
    return name


async def main():
    try:
        async with asyncio.TaskGroup() as group:
            for name in ("search", "db"):
                group.create_task(tool(name))
    except* ValueError as failures:
        print("failed:", [str(e) for e in failures.exceptions])
    try:
        try:
            raise ExceptionGroup("batch", [ValueError("v")])
        except* ValueError:
            raise KeyError("replacement")
    except BaseException as error:
        print(repr(error))
    try:
        try:
            raise ValueError("naked")
        except* ValueError as group:
            print(repr(group))
            raise
    except ValueError as error:
        print("bare:", repr(error))
    try:
        ValueError().add_note(5)
    except TypeError as error:
        print("TypeError:", error)
    try:
        with Lease():
            pass
    except (TypeError, AttributeError) as error:
        print(type(error).__name__, error)


asyncio.run(main())
