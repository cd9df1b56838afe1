import asyncio

SOURCE = "async def call_tool(name):\n    return name + ':ok'\n"
code = compile(SOURCE, "<tool>", "exec")


async def main():
    await asyncio.sleep(0.1)
    print(code)


asyncio.run(main())
