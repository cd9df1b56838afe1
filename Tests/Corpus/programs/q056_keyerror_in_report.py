import asyncio


async def call(name, d):
    await asyncio.sleep(d)
    return {"name": name, "latency": d}


async def guarded(sem, name, d):
    async with sem:
        try:
            return await asyncio.wait_for(call(name, d), 0.3)
        except asyncio.TimeoutError:
            return {"name": name, "status": "timeout"}


def report(rows):
    for row in rows:
        print(f"{row['name']:<6} {row['latency'] * 1000:.0f} ms")


async def main():
    sem = asyncio.Semaphore(2)
    rows = await asyncio.gather(guarded(sem, "geo", 0.1), guarded(sem, "ip", 0.2), guarded(sem, "dns", 0.5))
    print("got", len(rows), "rows")
    report(rows)


asyncio.run(main())
