import asyncio
from collections import ChainMap, OrderedDict

DEFAULTS = {"timeout": 0.3, "limit": 2, "retries": 0}
PROFILE = {"timeout": 0.5}


class LRU(OrderedDict):
    def __init__(self, size):
        super().__init__()
        self.size = size

    def put(self, key, value):
        self[key] = value
        self.move_to_end(key)
        if len(self) > self.size:
            evicted = self.popitem(last=False)
            print(f"  evict {evicted}")


async def call(name, delay):
    await asyncio.sleep(delay)
    return len(name)


async def main():
    cli = {"limit": 3}
    config = ChainMap(cli, PROFILE, DEFAULTS)
    print(config["timeout"], config["limit"], config["retries"], len(config), sorted(config))
    child = config.new_child({"timeout": 0.1})
    print(child["timeout"], child.parents["timeout"], child.maps[0])
    cache = LRU(3)
    sem = asyncio.Semaphore(config["limit"])

    async def cached(name, delay):
        if name in cache:
            cache.move_to_end(name)
            return f"{name}=cached"
        async with sem:
            try:
                value = await asyncio.wait_for(call(name, delay), child["timeout"] if delay > 0.4 else config["timeout"])
            except asyncio.TimeoutError:
                return f"{name}=timeout"
        cache.put(name, value)
        return f"{name}={value}"

    first = await asyncio.gather(*(cached(n, d) for n, d in [("alpha", 0.1), ("be", 0.2), ("gam", 0.45), ("d", 0.3)]))
    print(first, list(cache))
    second = await asyncio.gather(*(cached(n, 0.05) for n in ["alpha", "epsilon", "be", "zeta"]))
    print(second, list(cache.items()))
    print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), dict(a=1, b=2) == dict(b=2, a=1))
    print(repr(OrderedDict(x=1)), config.maps[-1] is DEFAULTS)


asyncio.run(main())
