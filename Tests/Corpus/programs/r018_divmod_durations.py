import asyncio


def hms(seconds):
    ms = round(seconds * 1000)
    s, ms = divmod(ms, 1000)
    m, s = divmod(s, 60)
    h, m = divmod(m, 60)
    return f"{h:d}:{m:02d}:{s:02d}.{ms:03d}"


def human(seconds):
    if seconds < 1:
        return f"{seconds * 1000:.0f} ms"
    minutes, rest = divmod(seconds, 60)
    return f"{int(minutes)}m{rest:04.1f}s" if minutes else f"{rest:.1f} s"


async def job(name, delay):
    await asyncio.sleep(delay)
    return name


async def guarded(sem, name, delay, timeout):
    loop = asyncio.get_running_loop()
    async with sem:
        started = loop.time()
        try:
            await asyncio.wait_for(job(name, delay), timeout)
            status = "done"
        except asyncio.TimeoutError:
            status = "timed out"
        return name, status, started, loop.time()


async def main():
    sem = asyncio.Semaphore(2)
    plan = [("export", 2.5), ("index", 0.75), ("train", 12.0), ("eval", 0.004), ("upload", 6.25)]
    rows = await asyncio.gather(*(guarded(sem, n, d, 8) for n, d in plan))
    for name, status, start, end in rows:
        print(f"{name:<7}{status:<10}start {hms(start)} end {hms(end)} ({human(end - start)})")
    total = asyncio.get_running_loop().time()
    print("wall", hms(total), human(total), divmod(total, 7), divmod(-7, 2), divmod(7.5, 2))


asyncio.run(main())
