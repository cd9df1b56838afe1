"""A learner's results hold themselves (a registry that keeps a reference to itself, a cycle of
call records), and are compared, searched and hashed: Python stops a comparison that never ends
with a RecursionError, which the program catches."""
import asyncio


async def call(name, delay):
    await asyncio.sleep(delay)
    return {"name": name, "delay": delay}


async def main():
    records = await asyncio.gather(call("search", 0.1), call("search", 0.1))
    first, second = records
    first["self"] = first
    second["self"] = second
    for label, test in [
        ("==", lambda: first == second),
        ("!=", lambda: [first] != [second]),
        ("in", lambda: first in [second]),
        ("index", lambda: [second].index(first)),
        ("count", lambda: (second,).count(first)),
    ]:
        try:
            print(label, test())
        except RecursionError as error:
            print(label, type(error).__name__, error)
    loop = [1]
    loop.append(loop)
    print(loop, first["name"], first["self"]["self"]["delay"])
    nested = frozenset()
    for _ in range(20000):
        nested = frozenset([nested])
    print(len(nested), hash(nested) == hash(nested), {nested: 1}[nested])
    print({"a": {"b": [1, {"c": 2}]}} == {"a": {"b": [1, {"c": 2}]}})


asyncio.run(main())
