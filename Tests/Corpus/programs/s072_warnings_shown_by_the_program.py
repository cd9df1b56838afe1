"""A showwarning and a formatwarning of the program's own, as CPython's warn calls them."""
import asyncio
import sys
import warnings


def show(message, category, filename, lineno, file=None, line=None):
    print(f"WARN {category.__name__} at line {lineno}: {message} ({type(message).__name__}, {file}, {line})")


warnings.simplefilter("always")
warnings.showwarning = show


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    if name.startswith("legacy"):
        warnings.warn(f"{name} is deprecated", DeprecationWarning)
    return f"{name}:ok"


async def main():
    results = await asyncio.gather(call_tool("legacy_search", 0.1), call_tool("db", 0.05), call_tool("legacy_llm", 0.1))
    print(results)


asyncio.run(main())

warnings.showwarning = warnings._showwarning_orig
warnings.simplefilter("default")


def short(message, category, filename, lineno, line=None):
    return f"[{category.__name__}] {message} @ {lineno}\n"


warnings.formatwarning = short
sys.stderr = sys.stdout
warnings.warn("written through formatwarning")
warnings.warn("written through formatwarning")
print(warnings.formatwarning("direct", UserWarning, "x.py", 3), end="")
print(warnings._formatwarning_orig("original", RuntimeWarning, "s072_warnings_shown_by_the_program.py", 12), end="")
