import asyncio

RAW = """
search 0.10
# comment line
db 0.30
  llm 1.20
cache 0.00
bad-line
api 0.25
"""


def lines(text):
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            yield line


def parse(items):
    for number, line in enumerate(items, 1):
        parts = line.split()
        if len(parts) != 2:
            print(f"skip #{number}: {line!r}")
            continue
        name, delay = parts
        yield name, float(delay)


def with_timeout(pairs, timeout):
    for name, delay in pairs:
        yield name, delay, timeout


async def call(name, delay):
    await asyncio.sleep(delay)
    return name[::-1]


async def guarded(sem, name, delay, timeout):
    async with sem:
        try:
            return name, await asyncio.wait_for(call(name, delay), timeout)
        except asyncio.TimeoutError:
            return name, None


async def main():
    sem = asyncio.Semaphore(2)
    pipeline = with_timeout(parse(lines(RAW)), 0.3)
    tasks = [asyncio.create_task(guarded(sem, *spec)) for spec in pipeline]
    print(f"{len(tasks)} tasks created, pipeline exhausted: {next(pipeline, 'yes')}")
    done = await asyncio.gather(*tasks)
    for name, value in done:
        print(f"{name:>6} -> {value if value is not None else '<timeout>'}")
    lost = [name for name, value in done if value is None]
    print("timed out:", lost, "at", round(asyncio.get_running_loop().time(), 3))


asyncio.run(main())
