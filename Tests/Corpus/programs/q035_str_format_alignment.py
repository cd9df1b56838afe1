import asyncio

TEMPLATE = "{idx:>2}. {name:<12}{status:^9}{ms:>7.1f} ms"


async def call(name, delay):
    await asyncio.sleep(delay)
    return name


async def guarded(sem, name, delay, timeout):
    async with sem:
        loop = asyncio.get_running_loop()
        t0 = loop.time()
        try:
            await asyncio.wait_for(call(name, delay), timeout)
            status = "ok"
        except asyncio.TimeoutError:
            status = "TIMEOUT"
        return name, status, (loop.time() - t0) * 1000


async def main():
    sem = asyncio.Semaphore(2)
    plan = [("tokenize", 0.03), ("classify", 0.18), ("translate", 0.5), ("summarize", 0.25)]
    rows = await asyncio.gather(*(guarded(sem, n, d, 0.2) for n, d in plan))
    print("{0:*^40}".format(" report "))
    for i, (name, status, ms) in enumerate(rows, 1):
        print(TEMPLATE.format(idx=i, name=name, status=status, ms=ms))
    print("{:=>40}".format(""))
    t = sum(1 for r in rows if r[1] == "TIMEOUT")
    print("{0} timeout{1} of {2} ({3:.0%})".format(t, "" if t == 1 else "s", len(rows), t / len(rows)))
    print("{0[0]}/{0[1]} {1[name]}".format(rows[0], {"name": "dict-key"}))


asyncio.run(main())
