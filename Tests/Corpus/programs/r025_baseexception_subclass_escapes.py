import asyncio


class Abort(BaseException):
    """Not an Exception: 'except Exception' does not catch it."""


async def tool(name, delay):
    await asyncio.sleep(delay)
    if name == "kill":
        raise Abort(f"abort requested by {name}")
    return name


async def guarded(sem, name, delay, timeout):
    async with sem:
        try:
            return await asyncio.wait_for(tool(name, delay), timeout)
        except asyncio.TimeoutError:
            return "timeout"
        except Exception as exc:
            return f"error {exc}"
        finally:
            print(f"finally {name}")


async def main():
    sem = asyncio.Semaphore(2)
    plan = [("a", 0.1), ("b", 0.5), ("kill", 0.2), ("c", 0.1)]
    try:
        results = await asyncio.gather(*(guarded(sem, n, d, 0.3) for n, d in plan))
        print(results)
    except Abort as exc:
        print("main caught", repr(exc), isinstance(exc, Exception))
    try:
        results = await asyncio.gather(*(guarded(sem, n, d, 0.3) for n, d in plan), return_exceptions=True)
        print("with return_exceptions:", results)
    except BaseException as exc:
        print("escaped anyway:", type(exc).__name__)
    print("loop", asyncio.get_running_loop().time())


asyncio.run(main())
