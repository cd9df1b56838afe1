# A generic result box and TypedDict records, as a typed batch runner might write them.
import asyncio
import sys
from typing import Generic, List, Optional, TypedDict, TypeVar

T = TypeVar("T")


class Result(Generic[T]):
    def __init__(self, name: str, value: Optional[T] = None, error: str = "") -> None:
        self.name, self.value, self.error = name, value, error

    @classmethod
    def failed(cls, name: str, error: str) -> "Result[T]":
        return cls(name, error=error)

    def __repr__(self) -> str:
        return f"Result({self.name!r}, {self.value!r}, {self.error!r})"


class TextResult(Result[str]):
    pass


class Base(TypedDict):
    name: str


class Record(Base, total=False):
    seconds: float
    status: str


if sys.version_info >= (3, 11):
    from typing import NotRequired, Required

    class Strict(TypedDict, total=False):
        name: Required[str]
        note: NotRequired[str]
        seconds: float

    print(sorted(Strict.__required_keys__), sorted(Strict.__optional_keys__))


async def call(name: str, delay: float) -> Result[str]:
    try:
        await asyncio.wait_for(asyncio.sleep(delay), timeout=0.25)
        return TextResult(name, f"{name} done")
    except asyncio.TimeoutError:
        return Result[str].failed(name, "timeout")


async def main() -> None:
    results: List[Result[str]] = await asyncio.gather(call("a", 0.1), call("b", 0.4))
    print(results, [type(r).__name__ for r in results])
    records: List[Record] = [{"name": r.name, "status": "ok" if r.value else "timeout"} for r in results]
    print(records)


print(Result[int], Result[List[int]], Result[None], TextResult.__mro__[1].__name__)
boxed = Result[int]("x", 3)
print(boxed, boxed.__orig_class__, type(boxed) is Result)
print(sorted(Base.__required_keys__), sorted(Record.__required_keys__), sorted(Record.__optional_keys__), Record.__total__)
asyncio.run(main())
