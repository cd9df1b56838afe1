# Outcomes as slotted dataclasses: no __dict__, and a typo in an attribute name is caught.
import asyncio
from dataclasses import asdict, dataclass, field, fields


@dataclass(slots=True)
class Outcome:
    name: str
    status: str = "ok"
    attempts: int = 1
    notes: list = field(default_factory=list)

    def describe(self) -> str:
        return f"{self.name}: {self.status} after {self.attempts}"


@dataclass(slots=True, frozen=True, order=True)
class Call:
    delay: float
    name: str = field(compare=False)


async def run(call: Call, limit: asyncio.Semaphore) -> Outcome:
    async with limit:
        try:
            await asyncio.wait_for(asyncio.sleep(call.delay), timeout=0.25)
            return Outcome(call.name)
        except asyncio.TimeoutError:
            return Outcome(call.name, "timeout", notes=["slow"])


async def main() -> None:
    calls = sorted([Call(0.3, "db"), Call(0.1, "search"), Call(0.2, "cache")])
    outcomes = await asyncio.gather(*(run(c, asyncio.Semaphore(2)) for c in calls))
    for o in outcomes:
        print(o, o.describe(), asdict(o))
    first = outcomes[0]
    first.attempts += 1
    print(first, Outcome.__slots__, Call.__slots__, hasattr(first, "__dict__"))
    try:
        first.attempt = 3
    except AttributeError as e:
        print("AttributeError:", e)
    try:
        calls[0].delay = 1
    except Exception as e:
        print(type(e).__name__ + ":", e)
    print([f.name for f in fields(Outcome)], Outcome.__qualname__, Outcome.__name__, Outcome.__module__)
    print(Outcome("x") == Outcome("x"), Call(0.1, "a") < Call(0.2, "b"), hash(Call(0.5, "z")) == hash(Call(0.5, "y")))


asyncio.run(main())
