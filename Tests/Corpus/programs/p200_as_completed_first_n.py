import asyncio


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def main():
    semaphore = asyncio.Semaphore(3)

    async def guarded(name, delay):
        async with semaphore:
            return await call_tool(name, delay)

    tasks = [asyncio.create_task(guarded(n, d)) for n, d in [("a", 0.3), ("b", 0.1), ("c", 0.2), ("d", 0.05), ("e", 0.15)]]
    first_two = []
    for fut in asyncio.as_completed(tasks):
        first_two.append(await fut)
        if len(first_two) == 2:
            break
    for t in tasks:
        t.cancel()
    print(first_two, sum(t.cancelled() for t in tasks))
    await asyncio.sleep(0)
    print(sum(t.cancelled() for t in tasks))


asyncio.run(main())
