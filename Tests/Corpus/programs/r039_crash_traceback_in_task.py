import asyncio


def parse_score(payload):
    return payload["scores"][payload["best"]]


async def tool(name, delay, payload):
    await asyncio.sleep(delay)
    return parse_score(payload)


async def guarded(sem, name, delay, payload, timeout):
    async with sem:
        try:
            return await asyncio.wait_for(tool(name, delay, payload), timeout)
        except asyncio.TimeoutError:
            return None


async def main():
    sem = asyncio.Semaphore(2)
    payloads = {
        "a": {"scores": [1, 2, 3], "best": 2},
        "b": {"scores": [4, 5], "best": 0},
        "c": {"scores": [], "best": 1},
        "d": {"scores": [7], "best": 0},
    }
    tasks = {name: asyncio.create_task(guarded(sem, name, 0.1, p, 0.5)) for name, p in payloads.items()}
    for name, task in tasks.items():
        print(name, await task)


asyncio.run(main())
