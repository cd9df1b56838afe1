"""A batch whose results are generic containers (`Generic[T]`), and what typing says of them:
the type variables a class is written with, the bases as written, subscripting it with the
wrong number of types, and the type of a tool function (`Callable[[str, float], ...]`)."""
import asyncio
from typing import Awaitable, Callable, Dict, Generic, List, Optional, TypeVar, get_args

T = TypeVar("T")
E = TypeVar("E")
K = TypeVar("K")


class Outcome(Generic[T, E]):
    def __init__(self, value: Optional[T] = None, error: Optional[E] = None):
        self.value = value
        self.error = error

    def ok(self) -> bool:
        return self.error is None


class TextOutcome(Outcome[str, str]):
    pass


class Keyed(Outcome[T, str], Generic[K, T]):
    pass


async def call_tool(name: str, delay: float) -> str:
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def guarded(sem: asyncio.Semaphore, name: str, delay: float) -> TextOutcome:
    async with sem:
        try:
            return TextOutcome(await asyncio.wait_for(call_tool(name, delay), timeout=0.5))
        except asyncio.TimeoutError:
            return TextOutcome(error=f"{name}:timeout")


def attempt(label, make):
    try:
        print(label, "->", repr(make()))
    except Exception as error:
        print(label, "->", type(error).__name__ + ":", error)


async def main():
    sem = asyncio.Semaphore(2)
    tools: Dict[str, float] = {"search": 0.1, "database": 0.2, "slow_tool": 1.0}
    outcomes: List[TextOutcome] = await asyncio.gather(*(guarded(sem, n, d) for n, d in tools.items()))
    print([o.value if o.ok() else o.error for o in outcomes])
    attempt("Outcome.__parameters__", lambda: Outcome.__parameters__)
    attempt("Outcome.__orig_bases__", lambda: Outcome.__orig_bases__)
    attempt("TextOutcome.__parameters__", lambda: TextOutcome.__parameters__)
    attempt("TextOutcome.__orig_bases__", lambda: TextOutcome.__orig_bases__)
    attempt("Keyed.__parameters__", lambda: Keyed.__parameters__)
    attempt("Outcome[str, int]", lambda: Outcome[str, int])
    attempt("Outcome[str, K].__parameters__", lambda: Outcome[str, K].__parameters__)
    attempt("Outcome[str]", lambda: Outcome[str])
    attempt("Outcome[str, int, float]", lambda: Outcome[str, int, float])
    attempt("Optional[T].__parameters__", lambda: Optional[T].__parameters__)
    attempt("Dict[K, List[T]].__parameters__", lambda: Dict[K, List[T]].__parameters__)
    attempt("Outcome[int, str](3).value", lambda: Outcome[int, str](3).value)
    attempt("isinstance", lambda: isinstance(outcomes[0], Outcome))
    Tool = Callable[[str, float], Awaitable[str]]
    attempt("Tool", lambda: Tool)
    attempt("Tool.__args__", lambda: Tool.__args__)
    attempt("get_args(Tool)", lambda: get_args(Tool))
    attempt("Callable[..., str].__args__", lambda: Callable[..., str].__args__)
    attempt("Callable[[], T].__parameters__", lambda: Callable[[], T].__parameters__)
    Table = dict[str, list[float]]
    attempt("Table.__origin__", lambda: Table.__origin__)
    attempt("Table.__args__", lambda: Table.__args__)
    attempt("Table.__parameters__", lambda: Table.__parameters__)
    attempt("tuple[str, ...].__args__", lambda: tuple[str, ...].__args__)


asyncio.run(main())
