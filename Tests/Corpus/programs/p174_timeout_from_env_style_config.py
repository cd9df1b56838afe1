import asyncio

CONFIG = {"limit": "3", "timeout": "0.15", "tools": "search:0.1,database:0.2,slow_tool:1.0,rerank:0.05,embed:0.12,upload:0.4,weather:0.08,model_api:0.3"}


def parse_tools(spec):
    out = []
    for item in spec.split(","):
        name, delay = item.split(":")
        out.append((name, float(delay)))
    return out


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def guarded_call(semaphore, name, delay, timeout):
    async with semaphore:
        try:
            return await asyncio.wait_for(call_tool(name, delay), timeout=timeout)
        except asyncio.TimeoutError:
            return f"{name}:timeout"


async def main():
    limit, timeout = int(CONFIG["limit"]), float(CONFIG["timeout"])
    semaphore = asyncio.Semaphore(limit)
    tools = parse_tools(CONFIG["tools"])
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, timeout) for n, d in tools))
    print(results)
    print(f"limit={limit} timeout={timeout} timeouts={sum(r.endswith(':timeout') for r in results)}")


asyncio.run(main())
