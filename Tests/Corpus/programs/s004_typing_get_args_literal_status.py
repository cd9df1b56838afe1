# Statuses spelled once, as a Literal, and read back with typing.get_args / get_origin.
import asyncio
from typing import Callable, Dict, List, Literal, Optional, Tuple, Union, get_args, get_origin

Status = Literal["ok", "timeout", "error"]
Outcome = Tuple[str, Status]
Nested = Literal[Literal["ok", "ok"], "timeout", 1, True]


async def call(name: str, delay: float, limit: asyncio.Semaphore) -> Outcome:
    async with limit:
        try:
            await asyncio.wait_for(asyncio.sleep(delay), timeout=0.2)
            return name, "ok"
        except asyncio.TimeoutError:
            return name, "timeout"


async def main() -> None:
    limit = asyncio.Semaphore(2)
    outcomes = await asyncio.gather(*(call(n, d, limit) for n, d in [("a", 0.1), ("b", 0.3), ("c", 0.15)]))
    counts: Dict[str, int] = {s: 0 for s in get_args(Status)}
    for _, status in outcomes:
        assert status in get_args(Status)
        counts[status] += 1
    print(outcomes, counts)


print(get_args(Status), get_origin(Status) is Literal)
print(get_args(Nested))
print(get_args(Outcome), get_origin(Outcome))
print(get_args(Optional[int]), get_origin(Optional[int]) is Union)
print(get_args(Union[int, str, int]), get_args(Callable[[int, str], bool]), get_args(Callable[..., None]))
print(get_args(List[int]), get_origin(List[int]), get_origin(Dict[str, int]))
print(get_args(int), get_origin(int), get_origin(str))
asyncio.run(main())
