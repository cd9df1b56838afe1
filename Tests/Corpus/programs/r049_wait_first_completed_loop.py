import asyncio


async def tool(name, delay):
    await asyncio.sleep(delay)
    return name


async def main():
    sem = asyncio.Semaphore(2)
    plan = {"a": 0.3, "b": 0.1, "c": 0.7, "d": 0.2, "e": 0.25}

    async def guarded(name):
        async with sem:
            return await asyncio.wait_for(tool(name, plan[name]), 0.5)

    pending = {asyncio.create_task(guarded(n), name=f"call:{n}") for n in plan}
    rounds = 0
    outcome = {}
    while pending:
        rounds += 1
        done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
        for task in sorted(done, key=lambda t: t.get_name()):
            name = task.get_name().split(":")[1]
            if task.exception() is not None:
                outcome[name] = type(task.exception()).__name__
            else:
                outcome[name] = "ok"
        print(f"round {rounds}: done={sorted(t.get_name() for t in done)} pending={len(pending)}")
    print({n: outcome[n] for n in plan})
    done, pending = await asyncio.wait([asyncio.create_task(tool("x", 1))], timeout=0.2)
    print(len(done), len(pending))
    for t in pending:
        t.cancel()
    try:
        await asyncio.wait([])
    except ValueError as exc:
        print("ValueError:", exc)
    print(asyncio.ALL_COMPLETED, asyncio.FIRST_EXCEPTION, round(asyncio.get_running_loop().time(), 3))


asyncio.run(main())
