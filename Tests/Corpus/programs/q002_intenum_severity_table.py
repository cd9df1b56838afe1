import asyncio
from enum import IntEnum


class Severity(IntEnum):
    OK = 0
    SLOW = 1
    TIMEOUT = 2
    ERROR = 3


TOOLS = {"geo": 0.12, "weather": 0.31, "news": 0.08, "stocks": 0.6, "maps": 0.2}


async def fetch(name, delay):
    await asyncio.sleep(delay)
    if name == "stocks":
        raise ValueError("market closed")
    return delay


async def run_one(sem, name, delay):
    async with sem:
        try:
            took = await asyncio.wait_for(fetch(name, delay), timeout=0.25)
        except asyncio.TimeoutError:
            return name, Severity.TIMEOUT
        except ValueError:
            return name, Severity.ERROR
        return name, Severity.SLOW if took > 0.15 else Severity.OK


async def main():
    sem = asyncio.Semaphore(3)
    rows = await asyncio.gather(*[run_one(sem, n, d) for n, d in TOOLS.items()])
    print(f"{'tool':<8}|{'sev':>8}|{'code':>5}")
    for name, sev in rows:
        print(f"{name:<8}|{sev.name:>8}|{sev:>5}")
    worst = max(sev for _, sev in rows)
    print("worst:", worst, repr(worst), int(worst), worst + 1)
    print("by severity:", sorted(rows, key=lambda r: (-r[1], r[0])))
    print("timeouts:", sum(1 for _, s in rows if s == Severity.TIMEOUT))
    print("errors:", [n for n, s in rows if s is Severity.ERROR])


asyncio.run(main())
