import asyncio


async def tool(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise RuntimeError(f"{name} crashed")
    return name


async def guarded(sem, name, delay, fail=False):
    async with sem:
        try:
            return await asyncio.wait_for(tool(name, delay, fail), 0.3)
        except asyncio.TimeoutError:
            return f"{name}:timeout"


async def main():
    sem = asyncio.Semaphore(2)
    specs = [("a", 0.1), ("b", 0.5), ("c", 0.2, True), ("d", 0.15), ("e", 0.05)]
    tasks = [asyncio.create_task(guarded(sem, *s), name=s[0]) for s in specs]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print("done:", sorted(t.get_name() for t in done))
    print("pending:", sorted(t.get_name() for t in pending))
    for t in pending:
        t.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    results = []
    for t in tasks:
        if t.cancelled():
            results.append("cancelled")
        elif t.exception() is not None:
            results.append(f"error:{t.exception()}")
        else:
            results.append(t.result())
    print(results)
    print("loop:", asyncio.get_running_loop().time())


asyncio.run(main())
