import asyncio
import traceback


class ToolError(Exception):
    pass


async def call(name, delay):
    await asyncio.sleep(delay)
    if name == "broken":
        raise ToolError(f"{name} failed")
    return f"{name}:ok"


def wrap(name):
    try:
        raise KeyError(name)
    except KeyError as e:
        raise ToolError("lookup failed") from e


async def main():
    results = await asyncio.gather(call("search", 0.1), call("broken", 0.2), return_exceptions=True)
    for r in results:
        if isinstance(r, Exception):
            print("only:", traceback.format_exception_only(type(r), r))
            print("no frames:", repr(traceback.format_exc(limit=0)))
        else:
            print(r)
    try:
        wrap("db")
    except ToolError:
        traceback.print_exc()
        print("short:", repr("".join(traceback.format_exc(limit=0))))
    try:
        {}["missing"]
    except KeyError:
        traceback.print_exc(chain=False)


asyncio.run(main())
