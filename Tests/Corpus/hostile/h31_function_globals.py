import asyncio


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def main():
    env = call_tool.__globals__['__builtins__']
    print(type(env))
    print(await call_tool("search", 0.1))


asyncio.run(main())
