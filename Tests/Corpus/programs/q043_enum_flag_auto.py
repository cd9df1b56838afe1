import asyncio
from enum import Enum, Flag, auto


class Cap(Flag):
    READ = auto()
    WRITE = auto()
    NET = auto()


class Phase(Enum):
    QUEUED = auto()
    RUNNING = auto()
    DONE = auto()


TOOLS = {"reader": Cap.READ, "writer": Cap.READ | Cap.WRITE, "fetcher": Cap.NET, "sync": Cap.READ | Cap.NET}
DELAY = {"reader": 0.05, "writer": 0.2, "fetcher": 0.4, "sync": 0.1}
phases = {}


async def guarded(sem, name):
    phases[name] = Phase.QUEUED
    async with sem:
        phases[name] = Phase.RUNNING
        timeout = 0.3 if Cap.NET in TOOLS[name] else 0.15
        try:
            await asyncio.wait_for(asyncio.sleep(DELAY[name]), timeout)
            return "ok"
        except asyncio.TimeoutError:
            return "timeout"
        finally:
            phases[name] = Phase.DONE


async def main():
    sem = asyncio.Semaphore(2)
    res = await asyncio.gather(*(guarded(sem, n) for n in TOOLS))
    print(dict(zip(TOOLS, res)))
    print([p.name for p in phases.values()], Phase.DONE.value)
    needs_net = [n for n, c in TOOLS.items() if c & Cap.NET]
    print("net:", needs_net, bool(Cap.WRITE & Cap.NET))
    print(Cap.READ in TOOLS["writer"], Cap.WRITE.value, [m.name for m in Cap])
    print("timeouts:", res.count("timeout"))


asyncio.run(main())
