import asyncio
from enum import Enum

try:
    from enum import StrEnum
except ImportError:  # Python 3.10
    class StrEnum(str, Enum):
        pass


class Status(StrEnum):
    OK = "ok"
    TIMEOUT = "timeout"


async def guarded_call(sem, name, delay):
    async with sem:
        try:
            await asyncio.wait_for(asyncio.sleep(delay), timeout=0.15)
            status = Status.OK
        except asyncio.TimeoutError:
            status = Status.TIMEOUT
        return {"tool": name, "status": status}


async def main():
    sem = asyncio.Semaphore(3)
    tools = {"search": 0.1, "database": 0.2, "upload": 0.4, "weather": 0.08}
    results = await asyncio.gather(*(guarded_call(sem, n, d) for n, d in tools.items()))
    for r in results:
        print(f"{r['tool']}: {r['status']}", str(r["status"]), format(r["status"], ">8"))
    print(results[1])
    timeouts = [r["tool"] for r in results if r["status"] == "timeout"]
    print(f"timeouts: {len(timeouts)} {timeouts}")


asyncio.run(main())
