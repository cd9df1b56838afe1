import asyncio


async def producer(cond, box):
    for i in range(3):
        await asyncio.sleep(0.1)
        async with cond:
            box.append(f"item{i}")
            cond.notify_all()


async def consumer(name, cond, box, timeout):
    async with cond:
        try:
            await asyncio.wait_for(cond.wait_for(lambda: len(box) >= 2), timeout)
            return f"{name}:ok:{box[:2]}"
        except asyncio.TimeoutError:
            return f"{name}:timeout"


async def main():
    cond = asyncio.Condition()
    box = []
    results = await asyncio.gather(consumer("fast", cond, box, 0.15), consumer("patient", cond, box, 0.5), producer(cond, box))
    print(results)


asyncio.run(main())
