"""A learner's batch that checks which asyncio it has before it uses it, and a call that swallows
the cancellation its timeout sends: on 3.11 and later the task's cancel count is back to 0."""
import asyncio
import random
import statistics


async def stubborn(name, delay):
    try:
        await asyncio.sleep(delay)
        return f"{name}:ok"
    except asyncio.CancelledError:
        return f"{name}:swallowed"


async def guarded(sem, name, delay):
    async with sem:
        if hasattr(asyncio, "timeout"):
            async with asyncio.timeout(0.1):
                result = await stubborn(name, delay)
            return result, asyncio.current_task().cancelling()
        try:
            return await asyncio.wait_for(stubborn(name, delay), timeout=0.1), 0
        except asyncio.TimeoutError:
            return f"{name}:timeout", 0


async def main():
    print(hasattr(asyncio, "TaskGroup"), hasattr(asyncio, "timeout"), hasattr(asyncio, "Runner"))
    print(hasattr(random, "binomialvariate"), hasattr(statistics, "fmean"))
    print(hasattr(int, "is_integer"), hasattr(asyncio.Task, "cancelling"), hasattr(2.0, "is_integer"))
    for bad in [lambda: (4).is_integer(), lambda: range(1, 2, 3, 4), lambda: range(stop=3)]:
        try:
            print(bad())
        except (AttributeError, TypeError) as error:
            print(type(error).__name__, error)
    try:
        print(callable(asyncio.timeout_at))
    except AttributeError as error:
        print(error)
    sem = asyncio.Semaphore(2)
    results = await asyncio.gather(*(guarded(sem, n, d) for n, d in [("search", 0.05), ("llm", 0.3), ("db", 0.2)]))
    print(results)


asyncio.run(main())
