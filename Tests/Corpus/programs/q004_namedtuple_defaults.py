import asyncio
from typing import NamedTuple, Optional


class Call(NamedTuple):
    tool: str
    delay: float
    timeout: float = 0.2


class Result(NamedTuple):
    tool: str
    status: str
    value: Optional[str] = None


async def invoke(call: Call) -> str:
    await asyncio.sleep(call.delay)
    return call.tool[::-1]


async def guarded(limit: asyncio.Semaphore, call: Call) -> Result:
    async with limit:
        try:
            v = await asyncio.wait_for(invoke(call), timeout=call.timeout)
        except asyncio.TimeoutError:
            return Result(call.tool, "timeout")
        return Result(call.tool, "ok", v)


async def main():
    calls = [Call("lookup", 0.1), Call("rank", 0.3), Call("summarize", 0.3, 0.5), Call("cache", 0.0)]
    limit = asyncio.Semaphore(2)
    results = await asyncio.gather(*map(lambda c: guarded(limit, c), calls))
    for r in results:
        print(r)
    print(results[1]._asdict())
    print(results[0]._replace(status="cached"))
    tools, statuses, _ = zip(*results)
    print(tools, statuses)
    print(Call._fields, Call._field_defaults)
    print("timeouts =", statuses.count("timeout"))


asyncio.run(main())
