"""Slips Python warns of as it compiles: a Windows path's backslashes, and a missed comma."""
import asyncio

LOG_DIR = "C:\logs\tools"          # \l is no escape (3.12+ warn); \t is a tab
PATTERN = r"C:\logs\tools"         # a raw string: no warning


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def main():
    tools = [("search", 0.1), ("database", 0.2)]
    if len(tools) > 5:
        tools = [("search", 0.1) ("database", 0.2)]   # never runs, still warned of
    results = await asyncio.gather(*(call_tool(n, d) for n, d in tools))
    print(results, repr(LOG_DIR), PATTERN)
    print(f"saved to {LOG_DIR}\results.txt".count("\\"))


asyncio.run(main())
