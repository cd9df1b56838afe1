import asyncio
from dataclasses import dataclass


@dataclass
class Ok:
    name: str
    value: int


@dataclass
class Failed:
    name: str
    reason: str
    retryable: bool = False


class Timeout:
    __match_args__ = ("name", "after")

    def __init__(self, name, after):
        self.name, self.after = name, after


async def call(spec):
    match spec:
        case {"name": str(name), "delay": float(d) | int(d), "fail": True, **rest}:
            await asyncio.sleep(d)
            return Failed(name, rest.get("reason", "unknown"), retryable="retry" in rest)
        case {"name": str(name), "delay": d, "timeout": t} if d > t:
            await asyncio.sleep(t)
            return Timeout(name, t)
        case {"name": name, "delay": d}:
            await asyncio.sleep(d)
            return Ok(name, len(name))
        case _:
            return None


def describe(result):
    match result:
        case Ok(name, value) if value > 3:
            return f"{name}: big ok {value}"
        case Ok(name=n):
            return f"{n}: ok"
        case Failed(n, reason, retryable=True):
            return f"{n}: failed ({reason}), will retry"
        case Failed(name=n, reason=r):
            return f"{n}: failed ({r})"
        case Timeout(n, after=0.5 | 1.0 as t):
            return f"{n}: timeout at a round {t}"
        case Timeout(n, t):
            return f"{n}: timeout after {t}"
        case None:
            return "unparseable spec"
        case other:
            return f"??? {other!r}"


async def main():
    specs = [
        {"name": "search", "delay": 0.1},
        {"name": "db", "delay": 0.2, "fail": True, "reason": "locked", "retry": 1},
        {"name": "llm", "delay": 2, "timeout": 0.5},
        {"name": "ai", "delay": 0.3, "timeout": 0.25},
        {"name": "geo", "delay": 0.05, "fail": True},
        {"delay": 0.1},
        {"name": "x", "delay": 0.1, "timeout": 1.0},
    ]
    results = await asyncio.gather(*map(call, specs))
    for line in map(describe, results):
        print(line)
    counts = {"ok": 0, "failed": 0, "timeout": 0}
    for r in results:
        match r:
            case Ok():
                counts["ok"] += 1
            case Failed():
                counts["failed"] += 1
            case Timeout():
                counts["timeout"] += 1
    print(counts, asyncio.get_running_loop().time())


asyncio.run(main())
