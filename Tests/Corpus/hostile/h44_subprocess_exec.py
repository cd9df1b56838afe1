import asyncio


async def call_tool(name):
    proc = await asyncio.create_subprocess_exec("ls", "-la", stdout=asyncio.subprocess.PIPE)
    out, _ = await proc.communicate()
    return f"{name}:{len(out)}"


async def main():
    print(await asyncio.gather(call_tool("search"), call_tool("database")))


asyncio.run(main())
