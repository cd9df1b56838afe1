import asyncio


class Tool:
    def __init__(self, name, delay):
        self.name, self.delay = name, delay

    async def __call__(self):
        await asyncio.sleep(self.delay)
        return f"<{self.name}>"

    def __repr__(self):
        return f"Tool({self.name!r}, {self.delay})"


class Registry:
    def __init__(self, *tools):
        self._tools = {t.name: t for t in tools}

    def __len__(self):
        return len(self._tools)

    def __iter__(self):
        return iter(self._tools.values())

    def __contains__(self, name):
        return name in self._tools

    def __getitem__(self, name):
        return self._tools[name]

    async def run_all(self, limit, timeout):
        sem = asyncio.Semaphore(limit)

        async def one(tool):
            async with sem:
                try:
                    return await asyncio.wait_for(tool(), timeout)
                except asyncio.TimeoutError:
                    return f"<{tool.name}:timeout>"

        return await asyncio.gather(*(one(t) for t in self))


async def main():
    reg = Registry(Tool("grep", 0.05), Tool("sed", 0.2), Tool("awk", 0.45), Tool("jq", 0.1))
    print(len(reg), "sed" in reg, "perl" in reg, reg["jq"])
    results = await reg.run_all(limit=2, timeout=0.3)
    print(" ".join(results))
    print("timeouts:", sum(":timeout" in r for r in results))
    print(list(reg))
    try:
        reg["perl"]
    except KeyError as e:
        print("missing", e)


asyncio.run(main())
