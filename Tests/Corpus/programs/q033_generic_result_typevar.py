from __future__ import annotations

import asyncio
from typing import Awaitable, Callable, Generic, TypeVar, Union

T = TypeVar("T")


class Result(Generic[T]):
    def __init__(self, value: Union[T, None] = None, error: str | None = None):
        self.value = value
        self.error = error

    @property
    def ok(self) -> bool:
        return self.error is None

    def __repr__(self) -> str:
        return f"Ok({self.value!r})" if self.ok else f"Err({self.error})"


async def limited(sem: asyncio.Semaphore, fn: Callable[[], Awaitable[T]], timeout: float) -> Result[T]:
    async with sem:
        try:
            return Result(await asyncio.wait_for(fn(), timeout))
        except asyncio.TimeoutError:
            return Result(error="timeout")
        except ZeroDivisionError as e:
            return Result(error=f"math: {e}")


def make(value: T, delay: float) -> Callable[[], Awaitable[T]]:
    async def fn() -> T:
        await asyncio.sleep(delay)
        return value
    return fn


async def divide() -> float:
    await asyncio.sleep(0.01)
    return 1 / 0


async def main() -> None:
    sem = asyncio.Semaphore(2)
    calls = [make(1, 0.1), make("two", 0.3), make([3.0], 0.05), divide, make({"four": 4}, 0.2)]
    results: list[Result] = await asyncio.gather(*(limited(sem, c, 0.25) for c in calls))
    print(results)
    print("ok:", [r.value for r in results if r.ok])
    print("timeouts:", sum(r.error == "timeout" for r in results), "errors:", sum(not r.ok for r in results))
    print(limited.__annotations__)


asyncio.run(main())
