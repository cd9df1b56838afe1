import asyncio


class ToolName(str):
    def label(self):
        return f"<{self}>"

    def is_slow(self):
        return self.startswith("slow")


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return f"{name.label()} ok"


async def guarded_call(semaphore, name, delay):
    async with semaphore:
        try:
            return await asyncio.wait_for(call_tool(name, delay), timeout=0.15)
        except asyncio.TimeoutError:
            return f"{name.upper()} TIMEOUT"


async def main():
    semaphore = asyncio.Semaphore(3)
    names = [ToolName(n) for n in ["search", "slow_tool", "rerank", "database"]]
    delays = dict(zip(names, [0.1, 1.0, 0.05, 0.2]))
    print(names, names[1].is_slow(), names[1] == "slow_tool", delays["search"])
    upper = names[0].upper()
    print(upper, type(upper).__name__, type(names[0]).__name__, type(names[0] + "!").__name__)
    print(repr(names[2]), f"{names[2]:>8}|", len(names[3]), names[3].label())
    results = await asyncio.gather(*(guarded_call(semaphore, n, delays[n]) for n in names))
    for r in results:
        print(r)
    print("timeouts:", sum("TIMEOUT" in r for r in results))


asyncio.run(main())
