import asyncio
from typing import (Awaitable, Callable, Generic, Literal, Optional, Protocol, TypedDict, TypeVar,
                    get_args, runtime_checkable)

Status = Literal["ok", "timeout", "error"]
T = TypeVar("T")


class Record(TypedDict):
    name: str
    status: Status
    value: Optional[str]


@runtime_checkable
class Tool(Protocol):
    name: str

    async def __call__(self, delay: float) -> str: ...


class Echo:
    def __init__(self, name: str) -> None:
        self.name = name

    async def __call__(self, delay: float) -> str:
        await asyncio.sleep(delay)
        if delay > 1:
            raise RuntimeError("too slow to even try")
        return self.name * 2


class Box(Generic[T]):
    def __init__(self, item: T) -> None:
        self.item = item

    def get(self) -> T:
        return self.item

    def __repr__(self) -> str:
        return f"Box({self.item!r})"


async def guarded(sem: asyncio.Semaphore, tool: Tool, delay: float, timeout: float) -> Record:
    async with sem:
        try:
            value = await asyncio.wait_for(tool(delay), timeout)
            return Record(name=tool.name, status="ok", value=value)
        except asyncio.TimeoutError:
            return {"name": tool.name, "status": "timeout", "value": None}
        except RuntimeError:
            return {"name": tool.name, "status": "error", "value": None}


async def main(make: Callable[[str], Awaitable[str]] = None) -> None:
    print(get_args(Status), isinstance(Echo("x"), Tool), isinstance("x", Tool))
    print(Box[int], Box(3).get(), Box[str]("s"), sorted(Record.__required_keys__))
    sem = asyncio.Semaphore(2)
    plan = [("a", 0.1), ("b", 0.6), ("c", 0.0), ("d", 2.0)]
    records: list[Record] = await asyncio.gather(*(guarded(sem, Echo(n), d, 0.5) for n, d in plan))
    for rec in records:
        print(rec)
    statuses: dict[Status, int] = {s: 0 for s in get_args(Status)}
    for rec in records:
        statuses[rec["status"]] += 1
    print(statuses, Optional[str], list[Record])


asyncio.run(main())
