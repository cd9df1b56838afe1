import asyncio
import functools


class ToolFailed(Exception):
    pass


ATTEMPTS = {}


def retry(times=3, delay=0.05):
    def deco(fn):
        @functools.wraps(fn)
        async def wrapper(name, *args):
            last = None
            for attempt in range(1, times + 1):
                ATTEMPTS[name] = attempt
                try:
                    return await fn(name, *args)
                except ConnectionError as exc:
                    last = exc
                    await asyncio.sleep(delay * attempt)
            raise ToolFailed(f"{name} gave up after {times}") from last
        return wrapper
    return deco


FLAKY = {"mail": 2, "calendar": 5, "contacts": 0}


@retry(times=3)
async def call(name, cost):
    await asyncio.sleep(cost)
    if FLAKY[name] > 0:
        FLAKY[name] -= 1
        raise ConnectionError(f"{name} reset")
    return name + ":ok"


async def guarded(sem, name, cost):
    async with sem:
        try:
            return await asyncio.wait_for(call(name, cost), timeout=0.5)
        except asyncio.TimeoutError:
            return name + ":timeout"
        except ToolFailed as exc:
            return f"{name}:failed ({exc}; cause={exc.__cause__!r})"


async def main():
    sem = asyncio.Semaphore(2)
    res = await asyncio.gather(*(guarded(sem, n, 0.1) for n in FLAKY))
    print(*res, sep="\n")
    print("attempts:", ATTEMPTS)


asyncio.run(main())
