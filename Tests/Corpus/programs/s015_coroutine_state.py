# A learner inspects coroutine objects: made but never awaited (closed to silence the warning),
# running, suspended at an await, finished.
import asyncio


async def call_tool(name, delay):
    me = asyncio.current_task().get_coro()
    print(f"{name}: running={me.cr_running}")
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def main():
    spare = call_tool("spare", 1.0)
    spare.close()  # never awaited: close it so Python does not warn
    print("spare closed, running:", spare.cr_running)
    coro = call_tool("search", 0.1)
    print("before:", coro.cr_running, getattr(coro, "cr_suspended", "n/a"))
    task = asyncio.create_task(coro)
    await asyncio.sleep(0.05)
    print("waiting:", coro.cr_running, getattr(coro, "cr_suspended", "n/a"))
    results = await asyncio.gather(task, call_tool("db", 0.2))
    print("after:", coro.cr_running, getattr(coro, "cr_suspended", "n/a"))
    print(results)


asyncio.run(main())
