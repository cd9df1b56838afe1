# Tool capabilities as an enum.Flag: which tools may run on the network get a longer timeout.
import asyncio
from enum import Flag, auto


class Cap(Flag):
    READ = auto()
    WRITE = auto()
    NET = auto()
    GPU = 16
    SLOW = auto()


TOOLS = {
    "search": Cap.READ | Cap.NET,
    "db": Cap.READ | Cap.WRITE,
    "render": Cap.GPU | Cap.SLOW,
    "cache": Cap.READ,
}
DELAYS = {"search": 0.25, "db": 0.15, "render": 0.5, "cache": 0.05}


async def call(name, limit):
    caps = TOOLS[name]
    timeout = 0.3 if Cap.NET in caps else (0.6 if caps & Cap.SLOW else 0.2)
    async with limit:
        try:
            await asyncio.wait_for(asyncio.sleep(DELAYS[name]), timeout)
            return f"{name}:ok"
        except asyncio.TimeoutError:
            return f"{name}:timeout"


async def main():
    limit = asyncio.Semaphore(2)
    print(await asyncio.gather(*(call(n, limit) for n in TOOLS)))


print([(m.name, m.value) for m in Cap], len(Cap), list(Cap.__members__))
print(Cap.READ, repr(Cap.NET), f"{Cap.GPU}", Cap(4) is Cap.NET, Cap["SLOW"].value)
both = Cap.READ | Cap.WRITE
print(both.value, both == Cap(3), both is Cap(3), Cap.READ in both, Cap.NET in both, bool(both & Cap.NET))
print((both ^ Cap.READ) is Cap.WRITE, (both & Cap.WRITE) is Cap.WRITE, bool(Cap.READ & Cap.WRITE))
print(sorted(n for n, c in TOOLS.items() if Cap.READ in c), {Cap.READ: "r"}[Cap.READ])
try:
    Cap.READ | 1
except TypeError as e:
    print("TypeError:", e)
try:
    Cap.READ < Cap.WRITE
except TypeError as e:
    print("TypeError:", e)
asyncio.run(main())
