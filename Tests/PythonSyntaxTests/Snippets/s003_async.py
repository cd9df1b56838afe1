import asyncio


async def fetch(name: str, delay: float) -> str:
    await asyncio.sleep(delay)
    return name


async def main():
    async with asyncio.timeout(1.0) as cm, lock:
        pass
    async for item in aiter_thing():
        print(item)
    else:
        pass
    results = [await fetch(n, 0.1) async for n in names()]
    gen = (x async for x in stream() if await ok(x))
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(fetch(str(i), i / 10)) for i in range(3)]
    results = await asyncio.gather(*tasks, return_exceptions=True)


if __name__ == "__main__":
    asyncio.run(main())
