"""An error inside an except block carries the one being handled as its __context__."""
import asyncio

LATENCY = {"search": 0.1, "rerank": 0.05}


async def call_tool(name):
    await asyncio.sleep(LATENCY.get(name, 0.2))
    if name == "database":
        raise ConnectionError("refused")
    return f"{name}:ok"


async def main():
    results = await asyncio.gather(*(call_tool(n) for n in ["search", "database", "rerank"]), return_exceptions=True)
    try:
        try:
            slowest = max(LATENCY[r.split(":")[0]] for r in results if isinstance(r, str))
            print("slowest:", slowest, LATENCY["database"])
        except KeyError as missing:
            print("no latency for", missing)
            print(results.index("database:ok"))  # fails while the KeyError is handled
    except ValueError as error:
        print(type(error).__name__, "during", type(error.__context__).__name__, repr(error.__context__))
    failed = [r for r in results if isinstance(r, Exception)]
    try:
        raise failed[0]
    except ConnectionError:
        print("average:", sum(LATENCY.values()) / (len(results) - 3))


asyncio.run(main())
