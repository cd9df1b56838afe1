"""OSError(errno, text) becomes the subclass for its errno; exception groups printed by the
traceback module, to stdout, with their boxes."""
import asyncio
import sys
import traceback


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    if name == "db":
        raise OSError(104, "Connection reset by peer")
    if name == "cache":
        raise OSError(111, "Connection refused")
    if name == "disk":
        raise OSError(2, "No such file or directory", "/data/cache.json")
    if name == "odd":
        raise OSError(9999, "Unknown error")
    return f"{name}:ok"


async def main():
    names = ["search", "db", "cache", "disk", "odd"]
    results = await asyncio.gather(*(call_tool(n, 0.05) for n in names), return_exceptions=True)
    for name, result in zip(names, results):
        if isinstance(result, Exception):
            print(f"{name}: {type(result).__name__} errno={result.errno} {result}")
            print("   connection trouble:", isinstance(result, ConnectionError), "| OSError:", isinstance(result, OSError))
        else:
            print(f"{name}: {result}")
    errors = [r for r in results if isinstance(r, Exception)]
    if sys.version_info >= (3, 11):
        group = ExceptionGroup("tools failed", errors)
        print("".join(traceback.format_exception(group)), end="")
        try:
            raise group
        except ExceptionGroup as caught:
            traceback.print_exc(file=sys.stdout)
            lines = traceback.format_exception(caught)
            print(len(lines) > 3, lines[-1], end="")
    print(OSError(1, "x").__class__.__name__, OSError(32, "pipe").__class__.__name__, OSError(110, "late").__class__.__name__)
    print(OSError(104).__class__.__name__, ConnectionError(104, "reset").__class__.__name__)


asyncio.run(main())
