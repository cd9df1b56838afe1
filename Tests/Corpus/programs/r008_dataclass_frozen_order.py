import asyncio
import dataclasses
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Result:
    priority: int
    name: str = dataclasses.field(compare=False)
    status: str = dataclasses.field(default="ok", compare=False)


async def call(sem, priority, name, delay, timeout):
    async with sem:
        try:
            await asyncio.wait_for(asyncio.sleep(delay), timeout)
            return Result(priority, name)
        except asyncio.TimeoutError:
            return Result(priority, name, "timeout")


async def main():
    sem = asyncio.Semaphore(3)
    specs = [(3, "c", 0.1), (1, "a", 0.4), (2, "b", 0.2), (1, "dup", 0.05), (5, "e", 0.3)]
    results = await asyncio.gather(*(call(sem, p, n, d, 0.25) for p, n, d in specs))
    print(results[1])
    print(sorted(results))
    print(max(results).name, min(results).name, results[1] == results[3])
    try:
        results[0].status = "changed"
    except dataclasses.FrozenInstanceError as exc:
        print(type(exc).__name__, exc)
    print(sorted({r for r in results}, key=lambda r: (r.priority, r.name)))
    print(len({r for r in results}), hash(Result(1, "x")) == hash(Result(1, "y")))
    try:
        print(results[0] < 2)
    except TypeError as exc:
        print("TypeError:", exc)
    fixed = dataclasses.replace(results[1], status="retried")
    print(fixed, fixed == results[1], dataclasses.is_dataclass(fixed), dataclasses.is_dataclass(Result))
    print("timeouts:", [r.name for r in results if r.status == "timeout"])


asyncio.run(main())
