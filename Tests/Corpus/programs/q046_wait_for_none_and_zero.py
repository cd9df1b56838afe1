import asyncio


async def call(name, d):
    if d:
        await asyncio.sleep(d)
    return name


async def guarded(sem, name, d, timeout):
    async with sem:
        try:
            return await asyncio.wait_for(call(name, d), timeout=timeout)
        except asyncio.TimeoutError:
            return f"{name}:timeout"


async def main():
    sem = asyncio.Semaphore(2)
    cases = [("instant", 0, 0), ("no_limit", 0.3, None), ("zero_sleep", 0.0, 0.0), ("tiny", 0.001, 0),
             ("neg", 0.1, -1), ("ok", 0.1, 0.2)]
    for name, d, t in cases:
        print(f"{name:<10} delay={d!s:<6} timeout={t!r}")
    res = await asyncio.gather(*(guarded(sem, *c) for c in cases))
    print(res)
    print("timeouts:", sum(r.endswith(":timeout") for r in res))
    print("t =", asyncio.get_running_loop().time())


asyncio.run(main())
