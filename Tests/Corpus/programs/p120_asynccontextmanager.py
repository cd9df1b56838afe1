import asyncio
from contextlib import asynccontextmanager

active = []


@asynccontextmanager
async def slot(semaphore, name):
    async with semaphore:
        active.append(name)
        print(f"+ {name} {active}")
        try:
            yield
        finally:
            active.remove(name)
            print(f"- {name} {active}")


async def guarded_call(semaphore, name, delay, timeout):
    async with slot(semaphore, name):
        try:
            await asyncio.wait_for(asyncio.sleep(delay), timeout)
            return f"{name}:ok"
        except asyncio.TimeoutError:
            return f"{name}:timeout"


async def main():
    semaphore = asyncio.Semaphore(2)
    print(await asyncio.gather(*(guarded_call(semaphore, n, d, 0.15) for n, d in [("a", 0.1), ("b", 0.2), ("c", 0.05)])))


asyncio.run(main())
