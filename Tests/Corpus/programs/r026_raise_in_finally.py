import asyncio

LOG = []


async def tool(name, delay):
    await asyncio.sleep(delay)
    if name == "x":
        raise RuntimeError("tool x broke")
    return name


async def call(sem, name, delay, timeout):
    async with sem:
        try:
            return await asyncio.wait_for(tool(name, delay), timeout)
        except asyncio.TimeoutError:
            LOG.append(f"{name}:timeout")
            return None
        finally:
            LOG.append(f"{name}:finally")
            if name == "y":
                raise ValueError("cleanup failed for y")


def swallow():
    try:
        raise KeyError("lost")
    finally:
        return "finally won"


async def main():
    print(swallow())
    sem = asyncio.Semaphore(2)
    plan = [("a", 0.1), ("x", 0.1), ("y", 0.6), ("z", 0.2)]
    results = await asyncio.gather(*(call(sem, n, d, 0.4) for n, d in plan), return_exceptions=True)
    for name, r in zip("axyz", results):
        if isinstance(r, BaseException):
            ctx = r.__context__
            print(name, type(r).__name__, r, "| context:", type(ctx).__name__ if ctx else None)
        else:
            print(name, r)
    print(LOG)
    await call(sem, "y", 0.1, 0.4)


asyncio.run(main())
