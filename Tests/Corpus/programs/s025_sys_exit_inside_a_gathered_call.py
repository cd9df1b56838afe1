"""A tool that gives up with sys.exit(4) inside a gathered call: the program exits with 4."""
import asyncio
import sys


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    if name == "billing":
        print("billing: quota exhausted, giving up")
        sys.exit(4)
    print(f"{name}: ok")
    return f"{name}:ok"


async def main():
    results = await asyncio.gather(call_tool("search", 0.05), call_tool("billing", 0.1), call_tool("rerank", 0.2))
    print(results)


asyncio.run(main())
