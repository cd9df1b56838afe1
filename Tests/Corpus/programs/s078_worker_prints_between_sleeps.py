"""Lesson 7: a worker thread that prints, logs and reads the clock between its time.sleep calls: CPython's worker goes on when the loop's timer for each sleep fires."""
import asyncio
import logging
import sys
import time

logging.basicConfig(stream=sys.stdout, format="%(relativeCreated)d %(message)s", level=logging.INFO)


def crunch(name, seconds):
    print(f"{name}: start")
    time.sleep(seconds / 2)
    print(f"{name}: halfway")
    time.sleep(seconds / 2)
    print(f"{name}: done")
    return f"{name}:ok"


def quiet(name, seconds):
    time.sleep(seconds)
    logging.warning("%s finished", name)
    print(name, "returns", file=sys.stderr)
    return name


async def ticker():
    for i in range(4):
        print(f"tick {i} at {asyncio.get_running_loop().time():.2f}")
        await asyncio.sleep(0.1)


async def main():
    sem = asyncio.Semaphore(2)

    async def guarded(fn, name, seconds):
        async with sem:
            return await asyncio.to_thread(fn, name, seconds)

    results = await asyncio.gather(
        ticker(),
        guarded(crunch, "pdf", 0.2),
        guarded(crunch, "ocr", 0.1),
        guarded(quiet, "zip", 0.1),
    )
    print(results)


asyncio.run(main())
