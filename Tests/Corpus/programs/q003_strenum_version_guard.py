import asyncio
import sys
from enum import Enum

if sys.version_info >= (3, 11):
    from enum import StrEnum

    class Outcome(StrEnum):
        OK = "ok"
        TIMEOUT = "timeout"
        FAILED = "failed"
else:
    class Outcome(str, Enum):
        OK = "ok"
        TIMEOUT = "timeout"
        FAILED = "failed"


async def tool(name: str, delay: float) -> str:
    await asyncio.sleep(delay)
    return name.upper()


async def guarded(sem, name, delay):
    async with sem:
        try:
            value = await asyncio.wait_for(tool(name, delay), 0.2)
            return (name, Outcome.OK, value)
        except asyncio.TimeoutError:
            return (name, Outcome.TIMEOUT, None)


async def main():
    sem = asyncio.Semaphore(2)
    plan = [("alpha", 0.05), ("beta", 0.5), ("gamma", 0.15), ("delta", 0.21)]
    out = await asyncio.gather(*(guarded(sem, n, d) for n, d in plan))
    for name, outcome, value in out:
        print(f"{name}: {outcome} ({outcome.value}) -> {value}")
    print("joined:", ",".join(o for _, o, _ in out))
    print("timeouts:", [o for _, o, _ in out].count(Outcome.TIMEOUT))
    print("upper:", Outcome.TIMEOUT.upper(), Outcome("ok").name)


asyncio.run(main())
