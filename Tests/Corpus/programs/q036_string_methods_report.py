import asyncio

RAW = """
  search_web : 0.12
  read_PDF   : 0.31
  Send_Email : 0.05
  transcribe : 0.44
"""


def parse(raw):
    for line in raw.strip().splitlines():
        name, _, delay = line.partition(":")
        yield name.strip().lower(), float(delay)


async def call(name, d):
    await asyncio.sleep(d)
    return name.replace("_", " ").title()


async def guarded(sem, name, d):
    async with sem:
        try:
            return await asyncio.wait_for(call(name, d), 0.3)
        except asyncio.TimeoutError:
            return name.upper() + " (TIMEOUT)"


async def main():
    specs = list(parse(RAW))
    print(specs)
    sem = asyncio.Semaphore(2)
    results = await asyncio.gather(*(guarded(sem, n, d) for n, d in specs))
    width = max(map(len, results)) + 2
    print("+" + "-" * width + "+")
    for r in results:
        print("|" + r.center(width) + "|")
    print("+" + "-" * width + "+")
    print(str(len([r for r in results if r.endswith("(TIMEOUT)")])).zfill(3), "timeouts")
    print(results[0].swapcase(), results[1].split(), "-".join(reversed(results[2].split())))
    print(results[3].removesuffix(" (TIMEOUT)").removeprefix("TRANS"), "x".rjust(4, "."), "|".ljust(3, "_"))


asyncio.run(main())
