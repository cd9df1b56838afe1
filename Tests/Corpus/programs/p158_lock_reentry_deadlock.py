import asyncio

lock = asyncio.Lock()


async def call_tool(name, delay):
    async with lock:
        await asyncio.sleep(delay)
        return f"{name}:ok"


async def guarded_call(name, delay):
    async with lock:
        print("holding the lock for", name)
        return await call_tool(name, delay)


async def main():
    print(await guarded_call("search", 0.1))


asyncio.run(main())
