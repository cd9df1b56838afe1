import asyncio


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    if name == "bad":
        raise ValueError("bad tool")
    return name.upper()


async def main():
    sem = asyncio.Semaphore(2)

    async def guarded(name, delay):
        async with sem:
            return await asyncio.wait_for(call_tool(name, delay), 0.3)

    tasks = [asyncio.create_task(guarded(n, d)) for n, d in [("a", 0.1), ("bad", 0.1), ("slow", 0.5)]]
    named = asyncio.create_task(call_tool("named", 0.05), name="my-tool")
    print([t.get_name() for t in tasks], named.get_name())
    print(named.get_coro().__name__, named.get_coro().__qualname__, tasks[0].get_coro().__qualname__)
    print(asyncio.current_task().get_name(), len(asyncio.all_tasks()))
    results = await asyncio.gather(*tasks, named, return_exceptions=True)
    print(results)
    print(repr(results[2]), str(results[2]) == "", repr(asyncio.CancelledError()))
    print(tasks[0].done(), tasks[1].exception(), tasks[2].exception().__class__.__name__)
    fut = asyncio.get_running_loop().create_future()
    print(fut)
    fut.set_result([1, 2])
    print(fut, fut.result())
    other = asyncio.get_running_loop().create_future()
    other.cancel()
    print(other, other.cancelled())
    named.set_name("renamed")
    print(named.get_name(), asyncio.iscoroutinefunction(call_tool), asyncio.iscoroutine(tasks[0]),
          asyncio.isfuture(named), asyncio.iscoroutine(call_tool("x", 0)))


asyncio.run(main())
