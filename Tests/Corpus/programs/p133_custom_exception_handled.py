import asyncio


class ToolTimeout(Exception):
    pass


class ToolFailed(Exception):
    pass


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    if "err" in name:
        raise ToolFailed(name)
    return f"{name}:ok"


async def guarded_call(semaphore, name, delay, timeout):
    async with semaphore:
        try:
            return await asyncio.wait_for(call_tool(name, delay), timeout=timeout)
        except asyncio.TimeoutError:
            raise ToolTimeout(name) from None


async def main():
    semaphore = asyncio.Semaphore(3)
    tools = [("search", 0.1), ("err_db", 0.05), ("slow_tool", 1.0), ("rerank", 0.05)]
    outcomes = await asyncio.gather(*(guarded_call(semaphore, n, d, 0.15) for n, d in tools), return_exceptions=True)
    for o in outcomes:
        if isinstance(o, ToolTimeout):
            print(f"{o}:timeout")
        elif isinstance(o, ToolFailed):
            print(f"{o.args[0]}:error ({type(o).__name__})")
        else:
            print(o)
    print("timeouts:", sum(isinstance(o, ToolTimeout) for o in outcomes))


asyncio.run(main())
