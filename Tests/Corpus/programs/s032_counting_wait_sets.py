"""Counting what asyncio.wait hands back: sums and lengths come out the same in any order."""
import asyncio


class ToolError(Exception):
    pass


async def call_tool(name, delay, fails=False):
    await asyncio.sleep(delay)
    if fails:
        raise ToolError(f"{name} failed")
    return delay


async def main():
    tools = [("search", 0.125, False), ("database", 0.25, True), ("rerank", 0.0625, False),
             ("embed", 0.5, False), ("upload", 0.1, True), ("slow_tool", 2.0, False)]
    tasks = [asyncio.create_task(call_tool(n, d, f), name=n) for n, d, f in tools]
    done, pending = await asyncio.wait(tasks, timeout=1.0)
    failed = sum(1 for t in done if t.exception() is not None)
    ok = len([t for t in done if t.exception() is None])
    print(f"done={len(done)} failed={failed} ok={ok} pending={len(pending)}")
    print("distinct ok:", len({t.get_name() for t in done if not t.exception()}))
    print("time waited:", sum(t.result() for t in done if t.exception() is None))
    print("flags:", sum(t.done() for t in done), sum(t.cancelled() for t in pending))
    print("names:", sorted(t.get_name() for t in done if t.exception()))
    print("slowest:", max(t.result() for t in done if not t.exception()),
          "fastest:", min(t.result() for t in done if t.exception() is None))
    for task in pending:
        task.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    print("cancelled:", sum(1 for t in pending if t.cancelled()))


asyncio.run(main())
