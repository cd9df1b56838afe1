import asyncio
from dataclasses import dataclass


@dataclass
class Ok:
    value: str


@dataclass
class Timeout:
    after: float


@dataclass
class Failed:
    reason: str
    retryable: bool = False


async def call(name, delay):
    await asyncio.sleep(delay)
    if name == "payments":
        raise ConnectionResetError("peer reset")
    return name.title()


async def guarded(sem, name, delay, timeout=0.2):
    async with sem:
        try:
            return Ok(await asyncio.wait_for(call(name, delay), timeout))
        except asyncio.TimeoutError:
            return Timeout(timeout)
        except ConnectionError as exc:
            return Failed(str(exc), retryable=True)


def describe(res):
    match res:
        case Ok(value=v) if len(v) > 6:
            return f"ok (long): {v}"
        case Ok(v):
            return f"ok: {v}"
        case Timeout(after=t):
            return f"timed out after {t}s"
        case Failed(reason, True):
            return f"failed, retry: {reason}"
        case _:
            return "???"


async def main():
    sem = asyncio.Semaphore(2)
    names = {"users": 0.1, "payments": 0.05, "inventory": 0.15, "reports": 0.4}
    results = await asyncio.gather(*(guarded(sem, n, d) for n, d in names.items()))
    for name, r in zip(names, results):
        print(f"{name:>10}: {describe(r)}")
    print(results)
    print("timeouts:", sum(isinstance(r, Timeout) for r in results))


asyncio.run(main())
