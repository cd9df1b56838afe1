import asyncio

os = __builtins__['__import__']('os')


async def call_tool(name):
    await asyncio.sleep(0.1)
    return os.listdir(".")


print(asyncio.run(call_tool("search")))
