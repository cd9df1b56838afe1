import asyncio

tools = [("translate", 0.12), ("detect", 0.04), ("speak", 0.45), ("spell", 0.22), ("grammar", 0.3)]


async def call(name, delay):
    await asyncio.sleep(delay)
    return len(name)


async def guarded(sem, name, delay, timeout):
    async with sem:
        try:
            n = await asyncio.wait_for(call(name, delay), timeout=timeout)
            return {"name": name, "status": "ok", "n": n, "delay": delay}
        except asyncio.TimeoutError:
            return {"name": name, "status": "timeout", "n": 0, "delay": delay}


async def main():
    sem = asyncio.Semaphore(2)
    rows = await asyncio.gather(*[guarded(sem, n, d, 0.25) for n, d in tools])
    print("%-10s|%8s|%3s|%6s" % ("name", "status", "n", "delay"))
    for row in rows:
        print("%(name)-10s|%(status)8s|%(n)3d|%(delay)6.2f" % row)
    bad = [r["name"] for r in rows if r["status"] == "timeout"]
    print("%d of %d timed out: %s" % (len(bad), len(rows), bad))
    print("ratio %.2f%% %r %5.1e %x %o %c" % (100 * len(bad) / len(rows), bad[0], 0.000123, 255, 8, 65))


asyncio.run(main())
