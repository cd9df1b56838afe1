"""A learner's helper classes built in unusual ways: a results list that is also an exception,
keyword arguments unpacked from a mapping class of their own (with a key that is not a string),
and a list subclass made with __new__ and filled by hand."""
import asyncio


class Results(list):
    pass


class Options:
    def __init__(self, **values):
        self.values = values

    def keys(self):
        return list(self.values)

    def __getitem__(self, key):
        return self.values[key]


async def call(name, delay, timeout=0.2):
    try:
        await asyncio.wait_for(asyncio.sleep(delay), timeout)
        return f"{name}:ok"
    except asyncio.TimeoutError:
        return f"{name}:timeout"


async def main():
    try:
        class Failure(Results, Exception):
            pass
    except TypeError as error:
        print("class Failure:", error)
    print(await call(**Options(name="search", delay=0.1)))
    print(await call("db", **Options(delay=0.3, timeout=0.25)))
    try:
        await call(**Options(**{"name": "x"}, **{"delay": 0.1}), **{"timeout": 1})
    except TypeError as error:
        print("TypeError:", error)
    odd = Options()
    odd.values[1] = "one"
    try:
        await call("x", 0.1, **odd)
    except TypeError as error:
        print("TypeError:", error)
    results = Results.__new__(Results)
    results += await asyncio.gather(call("a", 0.1), call("b", 0.5))
    print(type(results).__name__, results, len(results))


asyncio.run(main())
