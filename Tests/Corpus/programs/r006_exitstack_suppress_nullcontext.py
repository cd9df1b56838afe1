import asyncio
from contextlib import ExitStack, contextmanager, nullcontext, suppress


@contextmanager
def timer(label, marks):
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        yield
    finally:
        marks.append((label, round(loop.time() - start, 3)))


async def tool(name, delay):
    await asyncio.sleep(delay)
    if name.startswith("x"):
        raise LookupError(name)
    return name


async def call(limiter, name, delay, timeout, marks):
    async with limiter:
        with ExitStack() as stack:
            stack.enter_context(timer(name, marks))
            stack.enter_context(suppress(LookupError))
            try:
                return await asyncio.wait_for(tool(name, delay), timeout)
            except asyncio.TimeoutError:
                return None
        return "suppressed"


async def batch(limit):
    limiter = asyncio.Semaphore(limit) if limit else nullcontext()
    marks = []
    plan = [("a", 0.1), ("xb", 0.1), ("c", 0.3), ("d", 0.2)]
    results = await asyncio.gather(*(call(limiter, n, d, 0.25, marks) for n, d in plan))
    print(f"limit={limit!s:>4}", results, marks)


async def main():
    with nullcontext(42) as value:
        print("nullcontext gives", value)
    with suppress(KeyError, IndexError):
        print({}["missing"])
    print("after suppress")
    for limit in (None, 2, 1):
        await batch(limit)
    print("total", asyncio.get_running_loop().time())


asyncio.run(main())
