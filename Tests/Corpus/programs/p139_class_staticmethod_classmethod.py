import asyncio


class Batch:
    default_limit = 3

    def __init__(self, tools, limit=None, timeout=0.15):
        self.tools = tools
        self.limit = limit or self.default_limit
        self.timeout = timeout
        self.results = []

    @classmethod
    def from_string(cls, spec):
        tools = [(part.split("=")[0], float(part.split("=")[1])) for part in spec.split(",")]
        return cls(tools)

    @staticmethod
    def is_timeout(result):
        return result.endswith(":timeout")

    async def _one(self, semaphore, name, delay):
        async with semaphore:
            try:
                await asyncio.wait_for(asyncio.sleep(delay), self.timeout)
                return f"{name}:ok"
            except asyncio.TimeoutError:
                return f"{name}:timeout"

    async def run(self):
        semaphore = asyncio.Semaphore(self.limit)
        self.results = await asyncio.gather(*(self._one(semaphore, n, d) for n, d in self.tools))
        return self

    @property
    def timeouts(self):
        return sum(map(self.is_timeout, self.results))


async def main():
    batch = await Batch.from_string("search=0.1,database=0.2,slow_tool=1.0,rerank=0.05,embed=0.12").run()
    print(batch.results)
    print("timeouts:", batch.timeouts, "limit:", batch.limit)


asyncio.run(main())
