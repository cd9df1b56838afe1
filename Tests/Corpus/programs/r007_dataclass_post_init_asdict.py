import asyncio
from dataclasses import asdict, astuple, dataclass, field, fields, replace


@dataclass
class Call:
    name: str
    delay: float
    timeout: float = 0.3
    tags: list = field(default_factory=list)
    attempts: int = field(default=0, repr=False)
    key: str = field(init=False)

    def __post_init__(self):
        if self.delay < 0:
            raise ValueError(f"delay must be >= 0, got {self.delay}")
        self.key = f"{self.name}/{self.timeout}"


@dataclass
class Outcome:
    call: Call
    status: str
    value: object = None


async def run(sem, call):
    async with sem:
        call.attempts += 1
        try:
            await asyncio.wait_for(asyncio.sleep(call.delay), call.timeout)
            return Outcome(call, "ok", call.name * 2)
        except asyncio.TimeoutError:
            return Outcome(call, "timeout")


async def main():
    calls = [Call("db", 0.1, tags=["fast"]), Call("llm", 0.5), Call("web", 0.2, 0.15)]
    try:
        Call("bad", -0.1)
    except ValueError as exc:
        print("refused:", exc)
    calls.append(replace(calls[1], name="llm2", timeout=1.0))
    calls[0].tags.append("cached")
    print(calls[0])
    print([f.name for f in fields(Call)], [f.name for f in fields(Call) if f.init])
    print(Call("x", 0) == Call("x", 0.0), Call("x", 0).tags is Call("x", 0).tags)
    sem = asyncio.Semaphore(2)
    outcomes = await asyncio.gather(*(run(sem, c) for c in calls))
    for o in outcomes:
        print(astuple(o)[1:], o.call.key)
    print(asdict(outcomes[0]))
    counts = {}
    for o in outcomes:
        counts[o.status] = counts.get(o.status, 0) + 1
    print(counts, asyncio.get_running_loop().time())


asyncio.run(main())
