import asyncio
import functools
from typing import Awaitable, Callable, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def retry(times: int) -> Callable[[Callable[P, Awaitable[R]]], Callable[P, Awaitable[R]]]:
    def deco(fn: Callable[P, Awaitable[R]]) -> Callable[P, Awaitable[R]]:
        @functools.wraps(fn)
        async def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            for attempt in range(times):
                try:
                    return await fn(*args, **kwargs)
                except ValueError as e:
                    print("attempt", attempt, "failed:", e)
            raise RuntimeError("gave up")
        return wrapper
    return deco


calls = {"n": 0}


@retry(3)
async def flaky(name: str, delay: float) -> str:
    calls["n"] += 1
    await asyncio.sleep(delay)
    if calls["n"] < 2:
        raise ValueError(name)
    return f"{name}:ok"


async def main():
    print(await flaky("search", 0.1))
    print(P, P.args, P.kwargs, repr(P.args))
    print(Callable[P, Awaitable[R]])
    print(Callable[P, Awaitable[R]].__parameters__)
    print(flaky.__annotations__ if hasattr(flaky, "__annotations__") else None)
    print(P.__name__, P.args == P.args, P.args.__origin__ is P)
    print(ParamSpec("Q", bound=int).__bound__)


asyncio.run(main())
