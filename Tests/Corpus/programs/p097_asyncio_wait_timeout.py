import asyncio


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def limited(semaphore, name, delay):
    async with semaphore:
        return await call_tool(name, delay)


async def main():
    semaphore = asyncio.Semaphore(3)
    tools = [("search", 0.1), ("database", 0.2), ("slow_tool", 1.0), ("rerank", 0.05),
             ("embed", 0.12), ("upload", 0.4), ("weather", 0.08), ("model_api", 0.3)]
    tasks = {asyncio.create_task(limited(semaphore, n, d)): n for n, d in tools}
    done, pending = await asyncio.wait(tasks, timeout=0.3)
    for t in pending:
        t.cancel()
    print("done:", sorted(tasks[t] for t in done))
    print("pending:", sorted(tasks[t] for t in pending))
    print("timeouts:", len(pending))


asyncio.run(main())
