import asyncio
import subprocess


async def call_tool(name):
    out = subprocess.run(["curl", "-s", f"https://example.com/{name}"], capture_output=True)
    return out.stdout.decode()


async def main():
    print(await asyncio.gather(call_tool("search"), call_tool("database")))


asyncio.run(main())
