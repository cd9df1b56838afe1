import asyncio


async def call(idx, name, delay):
    await asyncio.sleep(delay)
    return idx, name


async def guarded(sem, idx, name, delay):
    async with sem:
        try:
            return await asyncio.wait_for(call(idx, name, delay), timeout=0.22)
        except asyncio.TimeoutError:
            return idx, None


async def main():
    names = ["red", "green", "blue", "cyan", "magenta", "yellow"]
    delays = [0.2, 0.05, 0.3, 0.1, 0.21, 0.02]
    sem = asyncio.Semaphore(3)
    ordered = [None] * len(names)
    finish_order = []
    tasks = [asyncio.create_task(guarded(sem, i, n, d)) for i, (n, d) in enumerate(zip(names, delays))]
    for fut in asyncio.as_completed(tasks):
        idx, value = await fut
        finish_order.append(names[idx])
        ordered[idx] = value if value else f"{names[idx]}(timeout)"
    print("finish order:", finish_order)
    print("call order:  ", ordered)
    print("timeouts:", sum(1 for o in ordered if o.endswith("(timeout)")))


asyncio.run(main())
