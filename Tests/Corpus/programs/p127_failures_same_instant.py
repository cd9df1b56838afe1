import asyncio


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    if name.startswith("x"):
        raise RuntimeError(f"{name} broke")
    return f"{name}:ok"


async def guarded_call(semaphore, name, delay, timeout):
    async with semaphore:
        try:
            return await asyncio.wait_for(call_tool(name, delay), timeout=timeout)
        except asyncio.TimeoutError:
            return f"{name}:timeout"


async def main():
    semaphore = asyncio.Semaphore(4)
    tools = [("ok1", 0.1), ("x1", 0.1), ("x2", 0.1), ("ok2", 0.1)]
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, 0.5) for n, d in tools), return_exceptions=True)
    print([r if isinstance(r, str) else f"{type(r).__name__}({r})" for r in results])
    try:
        await asyncio.gather(*(guarded_call(semaphore, n, d, 0.5) for n, d in tools))
    except RuntimeError as e:
        print("first error:", e)


asyncio.run(main())
