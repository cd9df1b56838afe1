# Written from an older tutorial: the loop is fetched and driven by hand, tasks made on it
# before it runs, the batch awaited with asyncio.wait, the loop closed at the end.
import asyncio
import time

TOOLS = {"search": 0.2, "database": 0.1, "slow_tool": 0.6}


async def call_tool(name, delay, sem):
    async with sem:
        try:
            await asyncio.wait_for(asyncio.sleep(delay), timeout=0.5)
            print(f"{name} finished at {time.monotonic() - START:.2f}s")
            return f"{name}:ok"
        except asyncio.TimeoutError:
            print(f"{name} timed out")
            return f"{name}:timeout"


START = time.monotonic()
loop = asyncio.get_event_loop()
sem = asyncio.Semaphore(2)
tasks = [loop.create_task(call_tool(name, delay, sem)) for name, delay in TOOLS.items()]
done, pending = loop.run_until_complete(asyncio.wait(tasks))
results = [t.result() for t in tasks]
print(results, len(done), len(pending))
print("timeouts:", sum(r.endswith(":timeout") for r in results))
late = asyncio.ensure_future(call_tool("retry", 0.05, sem))
print(loop.run_until_complete(late), asyncio.get_event_loop() is loop)
loop.close()
try:
    loop.run_until_complete(call_tool("after_close", 0.1, sem))
except RuntimeError as e:
    print("RuntimeError:", e)
