import asyncio
async def call_tool(n, d): await asyncio.sleep(d); return f"{n}:ok"
async def guarded_call(s, n, d, t):
    async with s:
        try: return await asyncio.wait_for(call_tool(n, d), t)
        except asyncio.TimeoutError: return f"{n}:timeout"
async def main():
    s = asyncio.Semaphore(3)
    r = await asyncio.gather(*[guarded_call(s, n, d, .15) for n, d in (("search", .1), ("database", .2), ("slow_tool", 1.), ("rerank", .05), ("embed", .12), ("upload", .4), ("weather", .08), ("model_api", .3))])
    print(r); print("timeouts:", sum(x.endswith(":timeout") for x in r))
asyncio.run(main())
