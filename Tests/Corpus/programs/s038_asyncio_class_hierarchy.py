"""What asyncio's classes are made of.

A learner checks what kind of limiter a helper was given before using it: a BoundedSemaphore is a
Semaphore, a PriorityQueue is a Queue, and each class's __mro__ names asyncio's private mixins.
"""
import asyncio


def describe(kind):
    return " -> ".join(f"{c.__module__}.{c.__qualname__}" for c in kind.__mro__)


async def guarded(limiter, name, seconds):
    async with limiter:
        await asyncio.sleep(seconds)
        return f"{name}:ok"


async def main():
    for kind in (asyncio.Semaphore, asyncio.BoundedSemaphore, asyncio.Lock, asyncio.Event,
                 asyncio.Condition, asyncio.Queue, asyncio.PriorityQueue, asyncio.LifoQueue):
        print(kind.__name__, "=", describe(kind))
    bounded = asyncio.BoundedSemaphore(2)
    print(isinstance(bounded, asyncio.Semaphore), issubclass(asyncio.BoundedSemaphore, asyncio.Semaphore))
    print(isinstance(asyncio.PriorityQueue(), asyncio.Queue), isinstance(asyncio.Queue(), asyncio.PriorityQueue))
    print(isinstance(asyncio.Lock(), asyncio.Semaphore), type(bounded).__bases__[0].__name__)
    limiter = bounded if isinstance(bounded, asyncio.Semaphore) else asyncio.Semaphore(1)
    results = await asyncio.gather(*(guarded(limiter, n, 0.1) for n in ("search", "db", "maps")))
    print(results)


asyncio.run(main())
