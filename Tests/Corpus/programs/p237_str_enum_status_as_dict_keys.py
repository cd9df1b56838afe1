import asyncio
from enum import Enum


class Status(str, Enum):
    OK = "ok"
    TIMEOUT = "timeout"
    ERROR = "error"


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    if name == "broken":
        raise RuntimeError("tool crashed")
    return f"{name} done"


async def guarded_call(sem, name, delay):
    async with sem:
        try:
            await asyncio.wait_for(call_tool(name, delay), timeout=0.15)
            return Status.OK
        except asyncio.TimeoutError:
            return Status.TIMEOUT
        except Exception:
            return Status.ERROR


async def main():
    sem = asyncio.Semaphore(3)
    tools = {"search": 0.1, "database": 0.2, "broken": 0.05, "upload": 0.4, "weather": 0.08}
    statuses = await asyncio.gather(*[guarded_call(sem, n, d) for n, d in tools.items()])
    counts = {}
    for s in statuses:
        counts[s] = counts.get(s, 0) + 1
    print(counts)
    print({s.value: n for s, n in counts.items()})
    print("by plain string key:", counts.get("ok"), counts.get("timeout"))
    print(", ".join(statuses))
    print(", ".join(f"{name}={status}" for name, status in zip(tools, statuses)))
    print(sorted(set(statuses)))
    print("timeout" in statuses, Status.ERROR in counts)
    print("timeouts:", counts[Status.TIMEOUT])


asyncio.run(main())
