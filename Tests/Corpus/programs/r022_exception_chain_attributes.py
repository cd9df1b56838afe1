import asyncio


class ToolError(Exception):
    def __init__(self, tool, message):
        super().__init__(f"{tool}: {message}")
        self.tool = tool


async def low_level(name, delay):
    await asyncio.sleep(delay)
    if name == "db":
        raise KeyError("row 42")
    if name == "parse":
        return int("twelve")
    return name


async def call(name, delay, timeout):
    try:
        return await asyncio.wait_for(low_level(name, delay), timeout)
    except KeyError as exc:
        raise ToolError(name, "lookup failed") from exc
    except ValueError:
        raise ToolError(name, "bad data")
    except asyncio.TimeoutError:
        raise ToolError(name, "too slow") from None


def explain(exc):
    parts = [f"{type(exc).__name__}({exc})"]
    if exc.__cause__ is not None:
        parts.append(f"cause={exc.__cause__!r}")
    if exc.__context__ is not None and exc.__context__ is not exc.__cause__:
        parts.append(f"context={type(exc.__context__).__name__}")
    parts.append(f"suppress={exc.__suppress_context__}")
    return " ".join(parts)


async def main():
    plan = [("search", 0.1), ("db", 0.1), ("parse", 0.2), ("llm", 0.9)]
    results = await asyncio.gather(*(call(n, d, 0.5) for n, d in plan), return_exceptions=True)
    for r in results:
        print(explain(r) if isinstance(r, BaseException) else r)
    errors = [r for r in results if isinstance(r, ToolError)]
    print([e.tool for e in errors], [e.args for e in errors][:1])
    try:
        try:
            raise errors[0]
        finally:
            print("finally sees", type(errors[0].__cause__).__name__)
    except ToolError as again:
        print("re-raised same object:", again is errors[0])
    print(str(KeyError("k")), repr(KeyError("k")), str(KeyError()), str(ValueError()), repr(ValueError()))
    raise errors[1]


asyncio.run(main())
