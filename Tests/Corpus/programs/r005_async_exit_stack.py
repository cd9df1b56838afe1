import asyncio
from contextlib import AsyncExitStack, asynccontextmanager


@asynccontextmanager
async def connection(name, opened):
    opened.append(name)
    print(f"open {name}")
    try:
        yield name.upper()
    finally:
        print(f"close {name}")


async def call(conn, delay):
    await asyncio.sleep(delay)
    return f"{conn}@{delay}"


async def report(name):
    await asyncio.sleep(0)
    print(f"reported {name}")


async def session(sem, names, delay, timeout, opened):
    async with sem, AsyncExitStack() as stack:
        conns = [await stack.enter_async_context(connection(n, opened)) for n in names]
        stack.push_async_callback(report, names[0])
        stack.callback(print, "sync callback for", names[-1])
        try:
            return await asyncio.wait_for(asyncio.gather(*(call(c, delay) for c in conns)), timeout)
        except asyncio.TimeoutError:
            return "timeout"


async def main():
    sem = asyncio.Semaphore(1)
    opened = []
    results = await asyncio.gather(
        session(sem, ["db", "cache"], 0.1, 0.5, opened),
        session(sem, ["llm"], 0.6, 0.5, opened),
        session(sem, ["a", "b", "c"], 0.2, 0.25, opened),
    )
    print(results)
    print(opened, len(opened))
    stack = AsyncExitStack()
    await stack.enter_async_context(connection("late", opened))
    moved = stack.pop_all()
    await stack.aclose()
    print("moved stack still open")
    await moved.aclose()


asyncio.run(main())
