"""Built-ins called with the keyword arguments they do take, as learners write them."""
import asyncio
import logging

logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
log = logging.getLogger("batch")

TOOLS = [("search", 0.1), ("database", 0.2), ("slow_tool", 1.0), ("rerank", 0.05)]


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def guarded(sem, name, delay):
    async with sem:
        try:
            return await asyncio.wait_for(call_tool(name, delay), timeout=0.15)
        except asyncio.TimeoutError:
            log.warning("%s timed out", name)
            return f"{name}:timeout"


async def main():
    sem = asyncio.Semaphore(value=2)
    tasks = [asyncio.create_task(guarded(sem, n, d), name=f"call-{n}") for n, d in TOOLS]
    results = await asyncio.gather(*tasks, return_exceptions=True)
    for i, r in enumerate(results, start=1):
        print(i, r, sep=": ", end=";\n", flush=True)
    print(sorted(results, key=len, reverse=True))
    print(max([], default="none"), min(results, key=lambda r: r.split(sep=":", maxsplit=1)[0]))
    print(round(2.675, ndigits=2), int("101", base=2), "a,b,c".rsplit(sep=",", maxsplit=1))
    print(dict(search=1, db=2), "{x}-{y}".format(x=1, y=2), {}.get("missing", "default"))
    print(sum(r.endswith(":timeout") for r in results), "timeouts".center(12, "*"))
    print(sorted({"b": 2, "a": 1}.items(), key=lambda kv: kv[1]), list(zip("ab", "cd")), tasks[0].get_name())


asyncio.run(main())
