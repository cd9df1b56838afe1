"""asyncio.wait hands back sets; sorting what they hold gives an order Python promises."""
import asyncio


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def main():
    tools = {"search": 0.1, "database": 0.2, "slow_tool": 1.0, "rerank": 0.05}
    tasks = [asyncio.create_task(call_tool(n, d), name=n) for n, d in tools.items()]
    done, pending = await asyncio.wait(tasks, timeout=0.15)
    print("in time:", sorted(t.get_name() for t in done))
    print("results:", sorted((t.result() for t in done), reverse=True))
    print("late:", sorted(t.get_name().upper() for t in pending if not t.done()))
    for task in pending:
        task.cancel()
    await asyncio.sleep(0)
    print("cancelled:", sorted(t.get_name() for t in tasks if t.cancelled()), len(done) + len(pending))


asyncio.run(main())
