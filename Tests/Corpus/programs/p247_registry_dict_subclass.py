import asyncio


class Registry(dict):
    def __missing__(self, name):
        print(f"  (no delay for {name!r}, using default)")
        return 0.05

    def slowest(self):
        return max(self, key=self.__getitem__)


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def guarded_call(sem, registry, name):
    async with sem:
        try:
            return await asyncio.wait_for(call_tool(name, registry[name]), timeout=0.15)
        except asyncio.TimeoutError:
            return f"{name}:timeout"


async def main():
    registry = Registry(search=0.1, database=0.2, slow_tool=1.0)
    registry["embed"] = 0.12
    print(registry, len(registry), "slowest:", registry.slowest())
    print("get:", registry.get("unknown"), "in:", "unknown" in registry)
    sem = asyncio.Semaphore(3)
    names = ["search", "database", "mystery", "embed", "slow_tool"]
    results = await asyncio.gather(*(guarded_call(sem, registry, n) for n in names))
    print(results)
    print(type(registry | {"x": 1}).__name__, type(dict(registry)).__name__, isinstance(registry, dict))
    print("timeouts:", sum(r.endswith(":timeout") for r in results))


asyncio.run(main())
