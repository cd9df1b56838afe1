import asyncio


class ToolClient:
    def __init__(self, limit, timeout):
        self.semaphore = asyncio.Semaphore(limit)
        self.timeout = timeout
        self.calls = 0

    async def call_tool(self, name, delay):
        await asyncio.sleep(delay)
        return f"{name}:ok"

    async def guarded_call(self, name, delay):
        async with self.semaphore:
            self.calls += 1
            try:
                return await asyncio.wait_for(self.call_tool(name, delay), timeout=self.timeout)
            except asyncio.TimeoutError:
                return f"{name}:timeout"

    async def run_all(self, tools):
        return await asyncio.gather(*(self.guarded_call(n, d) for n, d in tools))


async def main():
    client = ToolClient(limit=3, timeout=0.15)
    tools = [("search", 0.1), ("database", 0.2), ("slow_tool", 1.0), ("rerank", 0.05),
             ("embed", 0.12), ("upload", 0.4), ("weather", 0.08), ("model_api", 0.3)]
    results = await client.run_all(tools)
    print(results)
    print("calls:", client.calls, "timeouts:", sum(r.endswith(":timeout") for r in results))


asyncio.run(main())
