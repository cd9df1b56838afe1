import asyncio
from collections import deque

recent = deque(maxlen=3)
log = deque()


async def call(name, delay):
    await asyncio.sleep(delay)
    return name


async def guarded(sem, name, delay):
    async with sem:
        log.append(f"enter {name}")
        try:
            r = await asyncio.wait_for(call(name, delay), 0.2)
            recent.append(r)
            return "ok"
        except asyncio.TimeoutError:
            recent.append(f"!{name}")
            return "timeout"
        finally:
            log.append(f"leave {name}")


async def main():
    sem = asyncio.Semaphore(2)
    names = deque(["n1", "n2", "n3", "n4", "n5", "n6"])
    names.rotate(2)
    delays = [0.1, 0.3, 0.15, 0.05, 0.25, 0.12]
    res = await asyncio.gather(*(guarded(sem, n, d) for n, d in zip(names, delays)))
    print(list(names))
    print(res)
    print("recent:", recent, recent.maxlen)
    while log:
        print(log.popleft(), end="; " if log else "\n")
    names.extendleft(["x", "y"])
    print(names, names.count("n1"), names.index("n3"))


asyncio.run(main())
