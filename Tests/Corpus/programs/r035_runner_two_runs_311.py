import asyncio

history = []


async def call(name, delay, timeout):
    try:
        await asyncio.wait_for(asyncio.sleep(delay), timeout)
        return f"{name}:ok"
    except asyncio.TimeoutError:
        return f"{name}:timeout"


async def round_of(sem_holder, plan, timeout):
    if "sem" not in sem_holder:
        sem_holder["sem"] = asyncio.Semaphore(2)
    sem = sem_holder["sem"]

    async def limited(n, d):
        async with sem:
            return await call(n, d, timeout)

    results = await asyncio.gather(*(limited(n, d) for n, d in plan))
    history.append(asyncio.get_running_loop().time())
    return results


holder = {}
with asyncio.Runner() as runner:
    first = runner.run(round_of(holder, [("a", 0.1), ("b", 0.4), ("c", 0.2)], 0.3))
    second = runner.run(round_of(holder, [("d", 0.25), ("e", 0.05)], 0.2))
    loop = runner.get_loop()
    print(first, second, history, loop.is_running(), loop.is_closed())
print("closed after with:", loop.is_closed())
try:
    runner.run(call("f", 0.1, 0.2))
except RuntimeError as exc:
    print("RuntimeError:", exc)
print(asyncio.run(round_of({}, [("g", 0.1)], 0.2)), history)
