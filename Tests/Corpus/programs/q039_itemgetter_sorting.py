import asyncio
from operator import attrgetter, itemgetter
from types import SimpleNamespace


async def call(name, d):
    await asyncio.sleep(d)
    return len(name)


async def guarded(sem, spec):
    async with sem:
        loop = asyncio.get_running_loop()
        begin = loop.time()
        try:
            v = await asyncio.wait_for(call(spec["name"], spec["delay"]), spec.get("timeout", 0.2))
            status = "ok"
        except asyncio.TimeoutError:
            v, status = 0, "timeout"
        return SimpleNamespace(name=spec["name"], status=status, value=v, started=round(begin, 3))


async def main():
    specs = [
        {"name": "zeta", "delay": 0.1, "prio": 2},
        {"name": "alpha", "delay": 0.3, "prio": 1, "timeout": 0.35},
        {"name": "mu", "delay": 0.25, "prio": 3},
        {"name": "beta", "delay": 0.05, "prio": 1},
    ]
    specs.sort(key=itemgetter("prio", "name"))
    print([s["name"] for s in specs])
    sem = asyncio.Semaphore(2)
    res = await asyncio.gather(*(guarded(sem, s) for s in specs))
    for r in sorted(res, key=attrgetter("status", "started")):
        print(r)
    print(sorted(res, key=attrgetter("value"), reverse=True)[0].name)
    print("timeouts:", sum(map(lambda r: r.status == "timeout", res)))


asyncio.run(main())
