"""asyncio.wait with FIRST_COMPLETED, then cancel what is still pending: the canonical pattern."""
import asyncio


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def main():
    tools = {"search": 0.3, "database": 0.1, "rerank": 0.2, "embed": 0.25}
    tasks = [asyncio.create_task(call_tool(n, d), name=n) for n, d in tools.items()]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    for task in pending:
        task.cancel()
    first = done.pop()
    print("first:", first.get_name(), first.result())
    await asyncio.sleep(0.5)
    print("cancelled:", sorted(t.get_name() for t in tasks if t.cancelled()))
    print(len(done), len(pending), [t.done() for t in tasks])


asyncio.run(main())
